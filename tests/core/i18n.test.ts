import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, type Message } from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { ROOT, testTranslator } from '../helpers/core-fixtures.ts';

const LOCALES = ['vi', 'en'] as const;

function ftl(locale: string) {
  return parse(readFileSync(resolve(ROOT, 'locales', `${locale}.ftl`), 'utf8'), {});
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('generated')) return []; // Prisma clients (generated, generated-pg)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Keys the code uses: msg('key' …), { key: 'key' }, descriptionKey: 'key'. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [/\bmsg\(\s*'([a-z0-9-]+)'/g, /\bkey:\s*'([a-z0-9-]+)'/g, /descriptionKey:\s*'([a-z0-9-]+)'/g, /\bsay\(\s*'([a-z0-9-]+)'/g];
  for (const file of sourceFiles(resolve(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) used.set(m[1]!, file);
  }
  return used;
}

describe('locales', () => {
  it.each(LOCALES)('%s.ftl parses without syntax errors', (locale) => {
    const junk = ftl(locale).body.filter((e) => e.type === 'Junk');
    expect(junk.map((j) => j.content.slice(0, 80))).toEqual([]);
  });

  it('vi and en have exactly the same keys', () => {
    const keys = (l: string) =>
      new Set(
        ftl(l)
          .body.filter((e): e is Message => e.type === 'Message')
          .map((m) => m.id.name),
      );
    const vi = keys('vi');
    const en = keys('en');
    expect([...vi].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !vi.has(k))).toEqual([]);
  });

  it('every key used in the code exists in both locales', () => {
    const t = testTranslator();
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(30);
    for (const locale of LOCALES) {
      const have = new Set(t.keys(locale));
      const missing = [...used].filter(([k]) => !have.has(k)).map(([k, file]) => `${locale}: ${k} (${file})`);
      expect(missing).toEqual([]);
    }
  });

  it('html rendering escapes values; plain rendering drops markup from the source only', () => {
    const t = testTranslator();
    const m = { key: 'criteria-detail-title', args: { code: '3.1.5', name: 'Lan <lan@x.vn> & B', section: 'III' } };
    expect(t.format('vi', m, 'html')).toBe('<b>3.1.5. Lan &lt;lan@x.vn&gt; &amp; B</b> (mục III)');
    expect(t.format('vi', m, 'plain')).toBe('3.1.5. Lan <lan@x.vn> & B (mục III)');
  });
});

describe('formatted texts kept for reuse', () => {
  it('gives each message its own text, the same again for the same arguments, and stays right past the limit', async () => {
    const { FORMATTED_KEPT } = await import('../../src/core/i18n.ts');
    const t = testTranslator();
    const title = (total: number, commune = 'Ia Băng') => t.format('vi', { key: 'exemplars-title', args: { total, commune } }, 'html');
    expect(title(3)).toBe('<b>Điển hình tiên tiến của Ia Băng</b> (3):');
    expect(title(3)).toBe(title(3));
    expect(title(4)).toBe('<b>Điển hình tiên tiến của Ia Băng</b> (4):');
    expect(title(3, 'A & B')).toBe('<b>Điển hình tiên tiến của A &amp; B</b> (3):');
    expect(t.format('vi', { key: 'exemplars-title', args: { total: 3, commune: 'A & B' } }, 'plain')).toBe('Điển hình tiên tiến của A & B (3):');
    // More distinct texts than are kept: the oldest are formatted again, the same as before.
    for (let n = 0; n < FORMATTED_KEPT + 10; n++) expect(title(1, `Xã ${n}`)).toBe(`<b>Điển hình tiên tiến của Xã ${n}</b> (1):`);
    expect(title(3)).toBe('<b>Điển hình tiên tiến của Ia Băng</b> (3):');
    expect(t.format('en', { key: 'exemplars-title', args: { total: 3, commune: 'Ia Băng' } }, 'html')).not.toBe(title(3));
  });
});
