/**
 * `/vanban caidat` (`/documents settings`): an administrator views and sets the commune's document
 * details in a dialog — pick a field (a button or its number), type the new value (checked as the
 * decree wants it, see `./settings.ts`), confirm. The value is stored in the database and overrides
 * `plans/commune.yaml`; "back to the file's value" removes it. Being an administrator is checked at
 * every step and again at the moment of writing.
 *
 * @module
 */
import { msg, type Button, type Msg, type Reply } from '../channel.ts';
import type { Ctx } from '../context.ts';
import { stepButton, type DialogDefinition, type DialogEngine } from '../dialog/engine.ts';
import type { CommuneFile } from './commune.ts';
import type { DocumentServices } from './ports.ts';
import { settingFields, tryValue, valueOf, type SettingField } from './settings.ts';

export const COMMUNE_SETTINGS_DIALOG = 'commune-settings';

/** Field buttons per row. */
const PER_ROW = 4;

interface SettingsData {
  key?: string;
  /** The new value; null = back to the file's value. */
  value?: string | null;
}

/** Only administrators (the standing office) change the commune's document details. */
export const maySetCommune = (ctx: Ctx): boolean => ctx.roles.admin;

/** "Tên cơ quan ban hành (UBND)", "Họ tên người ký (Chủ tịch UBND xã)", "Ký hiệu loại văn bản (Tờ trình)". */
function label(file: CommuneFile, f: SettingField): Msg {
  const owner = f.kind.startsWith('issuer')
    ? (file.issuers[f.owner]?.abbreviation ?? f.owner)
    : f.kind.startsWith('signer')
      ? msg('documents-settings-signer', { id: f.owner })
      : f.kind === 'type-symbol'
        ? msg('documents-settings-document', { kind: f.owner })
        : '';
  return msg('documents-settings-field', { kind: f.kind, owner });
}

const shown = (v: string | undefined): string => (v === undefined || v === '' ? '—' : v);

/** The dialog, bound to the documents services (the commune file and the stored values). */
export function communeSettingsDialog(docs: DocumentServices): DialogDefinition<Ctx, SettingsData> {
  const current = () => docs.commune();
  const fieldOf = async (key: string | undefined) => {
    const file = await current();
    const field = settingFields(file).find((f) => f.key === key);
    return { file, field };
  };
  const denied = (): { done: true; say: Reply[] } => ({ done: true, say: [{ lines: [msg('documents-settings-denied')] }] });
  return {
    kind: COMMUNE_SETTINGS_DIALOG,
    allowed: (ctx) => maySetCommune(ctx),
    steps: {
      field: {
        prompt: async () => {
          const file = await current();
          const stored = await docs.settings.all();
          const fields = settingFields(file);
          const lines: Msg[] = [msg('documents-settings-title')];
          fields.forEach((f, i) =>
            lines.push(
              msg('documents-settings-row', { n: i + 1, label: label(file, f), value: shown(valueOf(file, f.key)), set: stored.has(f.key) ? 'yes' : 'no' }),
            ),
          );
          lines.push(msg('documents-settings-pick'));
          const buttons: Button[][] = [];
          for (let i = 0; i < fields.length; i += PER_ROW)
            buttons.push(fields.slice(i, i + PER_ROW).map((f, j) => stepButton('field', msg('documents-settings-number', { n: i + j + 1 }), f.key)));
          return { lines, buttons };
        },
        handle: async (_ctx, _d, input) => {
          const fields = settingFields(await current());
          const typed = /^\s*(\d{1,3})\s*$/.exec(input.text ?? '');
          const field = input.value ? fields.find((f) => f.key === input.value) : typed ? fields[Number(typed[1]) - 1] : undefined;
          if (!field) return { stay: true, say: [{ lines: [msg('documents-settings-pick-again', { max: fields.length })] }], noPrompt: true };
          return { next: 'value', data: { key: field.key } };
        },
      },
      value: {
        prompt: async (_ctx, d) => {
          const { file, field } = await fieldOf(d.key);
          const stored = await docs.settings.all();
          const buttons = field && stored.has(field.key) ? [[stepButton('value', msg('documents-settings-reset'), 'reset')]] : [];
          return {
            lines: [
              msg('documents-settings-ask', {
                label: field ? label(file, field) : '',
                value: shown(d.key ? valueOf(file, d.key) : undefined),
                kind: field?.kind ?? 'place',
              }),
            ],
            buttons,
          };
        },
        handle: async (_ctx, d, input) => {
          const { file, field } = await fieldOf(d.key);
          if (!field) return { done: true, say: [{ lines: [msg('documents-settings-gone')] }] };
          if (input.value === 'reset') return { next: 'confirm', data: { key: field.key, value: null } };
          const tried = tryValue(file, field.key, input.text ?? '');
          if (!tried.ok) return { stay: true, say: [{ lines: [msg('documents-settings-invalid', { problem: tried.problem, label: label(file, field) })] }] };
          if (tried.value === valueOf(file, field.key)) return { stay: true, say: [{ lines: [msg('documents-settings-same')] }] };
          return { next: 'confirm', data: { key: field.key, value: tried.value } };
        },
      },
      confirm: {
        prompt: async (_ctx, d) => {
          const { file, field } = await fieldOf(d.key);
          return {
            lines: [
              msg('documents-settings-confirm', {
                label: field ? label(file, field) : '',
                from: shown(d.key ? valueOf(file, d.key) : undefined),
                to: d.value ?? '',
                reset: d.value === null ? 'yes' : 'no',
              }),
            ],
            buttons: [[stepButton('confirm', msg('documents-settings-save'), 'save')]],
          };
        },
        handle: async (ctx, d, input) => {
          if (input.value !== 'save') return { stay: true };
          // Authorization at the moment of writing, with the roles read for this very message.
          if (!maySetCommune(ctx)) return denied();
          const { file, field } = await fieldOf(d.key);
          if (!field) return { done: true, say: [{ lines: [msg('documents-settings-gone')] }] };
          if (d.value === null || d.value === undefined) {
            await docs.settings.clear({ key: field.key });
          } else {
            // Checked again against the file as it is now (another administrator may have changed it).
            const tried = tryValue(file, field.key, d.value);
            if (!tried.ok) return { done: true, say: [{ lines: [msg('documents-settings-invalid', { problem: tried.problem, label: label(file, field) })] }] };
            await docs.settings.set({ key: field.key, value: tried.value, byId: ctx.personId, now: ctx.now });
          }
          const after = await current();
          return { done: true, say: [{ lines: [msg('documents-settings-saved', { label: label(after, field), value: shown(valueOf(after, field.key)) })] }] };
        },
        noBack: false,
      },
    },
  };
}

/** Registers the dialog with the engine (at start, with the documents services). */
export function registerCommuneSettingsDialog(engine: DialogEngine<Ctx>, docs: DocumentServices): void {
  engine.register(communeSettingsDialog(docs));
}

/** `/vanban caidat`: opens the dialog for an administrator; others are told who may. */
export function startCommuneSettings(ctx: Ctx): Promise<Reply[]> | Reply[] {
  if (!maySetCommune(ctx)) return [{ lines: [msg('documents-settings-denied')] }];
  return ctx.services.dialogs.start(ctx, COMMUNE_SETTINGS_DIALOG, 'field', {} satisfies SettingsData);
}
