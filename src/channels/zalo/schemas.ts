/**
 * zod schemas for the answers of the Zalo OA Open API v3 and OAuth v4 that our client reads.
 *
 * This is our own code: no usable Zalo SDK exists on npm (see `../shared/docs/zalo.md` §5), so the
 * client in `./client.ts` is a thin typed layer over `fetch` and every answer is validated here.
 *
 * Facts these schemas encode (zalo.md §2.1, §3):
 * - Errors come with HTTP 200: the OA envelope is `{ error, message, data? }` and any non-zero
 *   `error` is a failure.
 * - IDs are strings (they may exceed 2^53): never turned into numbers.
 * - The OAuth token answer is flat, and `expires_in` arrives as a string (`"90000"`).
 *
 * Schemas are loose (unknown keys are kept) so that Zalo adding fields never breaks a send.
 *
 * @module
 */
import { z } from 'zod';

/** A string or number that may be a large integer: kept as the exact string. */
const IdString = z.union([z.string(), z.number()]).transform(String);

/** An OA API answer, before looking at `error` (`error` 0 means success). */
export const OaEnvelope = z.looseObject({
  error: z.number().int(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});
export type OaEnvelope = z.infer<typeof OaEnvelope>;

/** `data` of a successful `POST /v3.0/oa/message/cs`. */
export const CsSendData = z.looseObject({
  message_id: IdString.pipe(z.string().min(1)),
  user_id: IdString.optional(),
  sent_time: IdString.optional(),
  quota: z
    .looseObject({
      quota_type: z.string().optional(),
      remain: IdString.optional(),
      total: IdString.optional(),
    })
    .optional(),
});
export type CsSendData = z.infer<typeof CsSendData>;

/** `expires_in` in seconds: a string of digits (as Zalo sends it) or a number. */
const ExpiresIn = z
  .union([z.string().regex(/^\d+$/), z.number()])
  .transform(Number)
  .pipe(z.number().int().positive());

/** A successful OAuth v4 token answer (`POST /v4/oa/access_token`). */
export const TokenSuccess = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: ExpiresIn,
  /** Absent on success in Zalo's examples; tolerated when 0. */
  error: z.literal(0).optional(),
});
export type TokenSuccess = z.infer<typeof TokenSuccess>;

/** A failed OAuth v4 answer, e.g. `{ error: -14014, error_name: "Invalid refresh token" }`. */
export const TokenFailure = z.looseObject({
  error: z
    .number()
    .int()
    .refine((n) => n !== 0, 'error must be non-zero'),
  error_name: z.string().optional(),
  error_reason: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});
export type TokenFailure = z.infer<typeof TokenFailure>;

/** Either OAuth answer; a failure is recognised by its non-zero `error`. */
export const TokenAnswer = z.union([TokenFailure, TokenSuccess]);
export type TokenAnswer = z.infer<typeof TokenAnswer>;

/** One button of a cs message, as Zalo expects it (`oa.query.hide`: the payload comes back as a user message). */
export const CsButton = z.object({
  type: z.literal('oa.query.hide'),
  title: z.string(),
  payload: z.string(),
});
export type CsButton = z.infer<typeof CsButton>;

/** The body of `POST /v3.0/oa/message/cs` as we send it: text (with buttons), or a file uploaded before. */
export const CsSendBody = z.looseObject({
  recipient: z.looseObject({ user_id: z.string() }),
  message: z.union([
    z.looseObject({
      text: z.string(),
      attachment: z
        .looseObject({
          type: z.literal('template'),
          payload: z.looseObject({ buttons: z.array(CsButton) }),
        })
        .optional(),
    }),
    z.looseObject({ attachment: z.looseObject({ type: z.literal('file'), payload: z.looseObject({ token: z.string() }) }) }),
  ]),
});

/** `data` of `POST /v2.0/oa/upload/file`: the token a file message carries (valid 7 days). */
export const UploadData = z.looseObject({ token: z.string().min(1) });
export type CsSendBody = z.infer<typeof CsSendBody>;
