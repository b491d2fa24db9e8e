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
const TAGS = /<\/?(b|i|u|code)>/g;
/** Escapes a value for Telegram HTML. */
export const escapeHtmlValue = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/**
 * Loads `<dir>/<locale>.ftl` for every locale.
 * @throws Error naming the file and the Fluent syntax errors when a file does not parse.
 */
export function createTranslator(opts) {
    const locales = opts.locales ?? ['vi', 'en'];
    const bundles = new Map();
    const keys = new Map();
    for (const locale of locales) {
        const file = join(opts.localesDir, `${locale}.ftl`);
        const source = readFileSync(file, 'utf8');
        for (const mode of ['html', 'plain']) {
            const bundle = new FluentBundle(locale, { useIsolating: false });
            const text = mode === 'plain' ? source.replace(TAGS, '') : source;
            const errors = bundle.addResource(new FluentResource(text));
            if (errors.length > 0)
                throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
            bundles.set(`${locale}:${mode}`, bundle);
        }
        keys.set(locale, [...bundles.get(`${locale}:plain`)._messages.keys()]);
    }
    const prepare = (locale, args, mode) => {
        if (!args)
            return undefined;
        const out = {};
        for (const [k, v] of Object.entries(args)) {
            if (Array.isArray(v))
                out[k] = v.map((m) => format(locale, m, mode)).join(', ');
            else if (typeof v === 'object')
                out[k] = format(locale, v, mode);
            else
                out[k] = typeof v === 'string' && mode === 'html' ? escapeHtmlValue(v) : v;
        }
        return out;
    };
    function format(locale, message, mode) {
        const bundle = bundles.get(`${locale}:${mode}`) ?? bundles.get(`${opts.defaultLocale}:${mode}`);
        const pattern = bundle?.getMessage(message.key)?.value;
        if (!bundle || !pattern) {
            opts.onMissing?.(locale, message.key);
            return message.key;
        }
        const errors = [];
        return bundle.formatPattern(pattern, prepare(locale, message.args, mode), errors);
    }
    return { defaultLocale: opts.defaultLocale, keys: (locale) => keys.get(locale) ?? [], format };
}
//# sourceMappingURL=i18n.js.map