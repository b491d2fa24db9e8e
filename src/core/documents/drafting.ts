/**
 * Small helpers the `/vanban` producers share: the register number of a document, the context
 * its builder takes, and buttons added to a reply.
 *
 * @module
 */
import type { Button, Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import type { DocumentKind } from './commune.ts';
import type { DossierContext } from './dossier.ts';
import type { DocumentServices, RegisteredNumber } from './ports.ts';

/** Reserves (or finds) the number of a document of `kind` about `subject`, dated today (ICT). */
export async function numberFor(ctx: Ctx, docs: DocumentServices, kind: DocumentKind, subject: string): Promise<RegisteredNumber> {
  const commune = await docs.commune();
  const s = commune.documents[kind];
  const issuer = commune.issuers[s.issuer]!;
  return docs.register.reserve({
    issuerAbbr: issuer.abbreviation,
    typeAbbr: s.typeAbbr,
    subject: `${kind}:${ctx.catalog.plan.id}:${subject}`,
    issuedOn: ctx.today,
    byId: ctx.personId,
  });
}

/** What a builder needs: the commune's data, the plan's title, the date (`YYYY-MM-DD`), number and draft mark. */
export const draftContext = async (ctx: Ctx, docs: DocumentServices, date: string, number: string | undefined, draft: boolean): Promise<DossierContext> => ({
  commune: await docs.commune(),
  planTitle: ctx.catalog.plan.title.vi,
  date,
  ...(number ? { number } : {}),
  draft,
});

/** The register subject of a selection: the sorted ids, or "all". */
export const subjectOf = (ids: readonly number[]): string => (ids.length > 0 ? [...ids].sort((a, b) => a - b).join(',') : 'all');

/** `replies` with `buttons` added under the last one. */
export const withButtons = (replies: Reply[], buttons: Button[][]): Reply[] =>
  buttons.length === 0 || replies.length === 0
    ? replies
    : [...replies.slice(0, -1), { ...replies.at(-1)!, buttons: [...(replies.at(-1)!.buttons ?? []), ...buttons] }];
