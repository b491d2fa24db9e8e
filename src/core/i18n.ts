/**
 * One translator over Fluent (`locales/vi.ftl`, `locales/en.ftl`), shared by every channel.
 *
 * Fluent sources may use a few HTML tags (`<b>`, `<i>`, `<code>`) for emphasis. Two renderings:
 * - `html`: tags kept, every string value escaped (`&`, `<`, `>`) — for Telegram's HTML parse mode;
 * - `plain`: tags removed from the source before formatting, values untouched — console and Zalo.
 * Stripping the source (not the result) means a user's `<b>` inside a value is never mistaken for markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { Locale, Msg, MsgArgs } from './channel.ts';

export type RenderMode = 'html' | 'plain';

const TAGS = /<\/?(b|i|u|code)>/g;

export interface Translator {
  /** Formats one message. A missing key formats as the key itself and is reported to `onMissing`. */
  format(locale: Locale, message: Msg, mode: RenderMode): string;
  /** Every key of the given locale. */
  keys(locale: Locale): string[];
  readonly defaultLocale: Locale;
}

/** Escapes a value for Telegram HTML. */
export const escapeHtmlValue = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Most formatted texts kept per bundle (see `format` in {@link createTranslator}); about 1 MB at most. */
export const FORMATTED_KEPT = 2000;

/**
 * Loads `<dir>/<locale>.ftl` for every locale.
 * @throws Error naming the file and the Fluent syntax errors when a file does not parse.
 */
export function createTranslator(opts: {
  localesDir: string;
  defaultLocale: Locale;
  locales?: readonly Locale[];
  onMissing?: (locale: Locale, key: string) => void;
}): Translator {
  const locales = opts.locales ?? ['vi', 'en'];
  const bundles = new Map<string, FluentBundle>();
  const keys = new Map<Locale, string[]>();
  for (const locale of locales) {
    const file = join(opts.localesDir, `${locale}.ftl`);
    const source = readFileSync(file, 'utf8');
    for (const mode of ['html', 'plain'] as const) {
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const text = mode === 'plain' ? source.replace(TAGS, '') : source;
      const errors = bundle.addResource(new FluentResource(text));
      if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
      bundles.set(`${locale}:${mode}`, bundle);
    }
    keys.set(locale, [...(bundles.get(`${locale}:plain`) as FluentBundle)._messages.keys()]);
  }

  const prepare = (locale: Locale, args: MsgArgs | undefined, mode: RenderMode) => {
    if (!args) return undefined;
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(args)) {
      if (Array.isArray(v)) out[k] = v.map((m) => format(locale, m, mode)).join(', ');
      else if (typeof v === 'object') out[k] = format(locale, v, mode);
      else out[k] = typeof v === 'string' && mode === 'html' ? escapeHtmlValue(v) : v;
    }
    return out;
  };

  /**
   * Texts already formatted, per bundle, by message (its key, and its arguments as JSON): formatting
   * is pure, and the same lines go to many people (the help, the timeline, a unit's targets). The
   * least recently used are dropped past {@link FORMATTED_KEPT} a bundle.
   */
  const formatted = new Map<FluentBundle, Map<string, string>>();

  function format(locale: Locale, message: Msg, mode: RenderMode): string {
    const bundle = bundles.get(`${locale}:${mode}`) ?? bundles.get(`${opts.defaultLocale}:${mode}`);
    const pattern = bundle?.getMessage(message.key)?.value;
    if (!bundle || !pattern) {
      opts.onMissing?.(locale, message.key);
      return message.key;
    }
    let texts = formatted.get(bundle);
    if (!texts) formatted.set(bundle, (texts = new Map()));
    const key = message.args ? `${message.key}\u0000${JSON.stringify(message.args)}` : message.key;
    let text = texts.get(key);
    if (text !== undefined) {
      texts.delete(key); // most recently used last
    } else {
      const errors: Error[] = [];
      text = bundle.formatPattern(pattern, prepare(locale, message.args, mode), errors);
      if (texts.size >= FORMATTED_KEPT) texts.delete(texts.keys().next().value!);
    }
    texts.set(key, text);
    return text;
  }

  return { defaultLocale: opts.defaultLocale, keys: (locale) => keys.get(locale) ?? [], format };
}
