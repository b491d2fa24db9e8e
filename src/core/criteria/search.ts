/**
 * Ranking of plan categories (mô hình, §III.3.x) for a free-text question, e.g. "tiêu chí y tế"
 * → 3.1.5. A small BM25F over folded unigrams and bigrams; pure, in memory.
 */
import { foldText, tokenize } from '../text/fold.ts';

/** A plan category as seen by the search: its code, names, extra keywords and criteria texts. */
export interface SearchableCategory {
  /** The plan's code, e.g. `"3.1.5"`. */
  code: string;
  nameVi: string;
  nameEn: string;
  /** People's words for the field (e.g. "trạm y tế", "bác sĩ"); weighted like the name. */
  keywords: string[];
  criteriaVi: string[];
  criteriaEn: string[];
}

/** One search hit: the category code and its relevance score (always > 0; higher is better). */
export interface CategoryMatch {
  code: string;
  score: number;
}

/** A search over a fixed list of categories, built by {@link createCategoryIndex}. */
export interface CategoryIndex {
  /**
   * Ranks categories for a question.
   *
   * @param query Free text in Vietnamese (with or without diacritics, NFC or NFD) or English,
   *   or a category code (`"3.1.5"`, `"315"`, `"§3.1.5"`, `"III.3.1.5"`).
   * @param limit Maximum number of matches (default 3; values below 1 give `[]`).
   * @returns Matches with score > 0, best first, ties in code order (3.1.9 before 3.1.10).
   *   An exact code match comes first. `[]` when the query has no meaningful word (only question
   *   words like "tiêu chí là gì") or matches nothing.
   */
  search(query: string, limit?: number): CategoryMatch[];
}

/**
 * Question words and words found in every category; ignored in queries and documents. Written
 * with diacritics: a token is ignored when it folds to the same key AND is typed either without
 * diacritics or with these ones, so "hỏi" and "hoi" are ignored but "hội" (association),
 * "vệ" (vệ sinh), "cô" (thầy cô), "thể" (tập thể) are kept. English "the" is always ignored.
 */
const STOP_PHRASES = [
  'tiêu chí',
  'như thế nào',
  'thế nào',
  'mô hình',
  'điển hình',
  'tiên tiến',
  'cần',
  'gì',
  'là',
  'nào',
  'cho',
  'về',
  'của',
  'và',
  'có',
  'không',
  'được',
  'tôi',
  'muốn',
  'hỏi',
  'xin',
  'criteria',
  'what',
  'for',
  'the',
  'a',
  'of',
  'how',
].map((p) => {
  const raw = p.normalize('NFC').split(' ');
  return { raw, folded: raw.map(foldText) };
});

/** Field weights: keywords and the Vietnamese name decide; criteria and English help. */
const WEIGHTS = { keywords: 3, nameVi: 3, criteriaVi: 1, nameEn: 1.2, criteriaEn: 0.5 } as const;
type Field = keyof typeof WEIGHTS;
const FIELDS = Object.keys(WEIGHTS) as Field[];
const K1 = 1.2;
const B = 0.75;

/** Folded tokens of `text` with stop words removed, as unigrams plus adjacent-pair bigrams. */
function terms(text: string): string[] {
  const raws = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}%]+/u);
  const toks: { raw: string; key: string }[] = [];
  for (const raw of raws) {
    const keys = tokenize(raw);
    for (const key of keys) {
      // Bare numbers (a date, a year, "01") say nothing about a field; a code query is matched apart.
      if (/^\d+$/.test(key)) continue;
      toks.push({ raw: keys.length === 1 ? raw : key, key });
    }
  }
  // Plain loops, no callbacks: this runs for every question (twice) and for every field at start.
  const keep = new Array<boolean>(toks.length).fill(true);
  for (let i = 0; i < toks.length; i++) {
    for (const p of STOP_PHRASES) {
      let hit = true;
      for (let j = 0; j < p.folded.length && hit; j++) {
        const t = toks[i + j];
        hit = t !== undefined && t.key === p.folded[j] && (t.raw === t.key || t.raw === p.raw[j]);
      }
      if (hit) for (let j = 0; j < p.folded.length; j++) keep[i + j] = false;
    }
  }
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!keep[i]) continue;
    const t = toks[i]!;
    out.push(t.key);
    const next = toks[i + 1];
    if (next !== undefined && keep[i + 1]) out.push(`${t.key} ${next.key}`);
  }
  return out;
}

/** Compares dotted codes segment by segment, numerically where both segments are numbers. */
function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The code a query names, with dots removed ("3.1.5", "315", "§ 3.1.5" → "315"), or undefined. */
function codeKey(query: string): string | undefined {
  const m = /^(?:§\s*)?(?:iii\.)?(\d+(?:\.\d+)*)\.?$/i.exec(query.trim());
  return m?.[1]?.replace(/\./g, '');
}

interface FieldStats {
  tf: Map<string, number>;
  len: number;
}

/**
 * Builds a search index over categories (BM25F, k1 = 1.2, b = 0.75).
 *
 * Every field is folded ({@link foldText}) and split into unigrams and bigrams of adjacent words
 * (so the phrase "y tế" outranks a lone "tế" in "kinh tế"); question/stop words are dropped (see
 * `STOP_PHRASES`). Field weights: keywords 3, Vietnamese name 3, Vietnamese criteria 1, English
 * name 1.2, English criteria 0.5. Each keyword and criterion is tokenised separately, so no
 * bigram spans two of them.
 *
 * @param categories The categories to search; may be empty (every search then returns `[]`).
 *   The list is copied; later changes to it are not seen.
 * @returns An index whose {@link CategoryIndex.search} ranks them.
 */
export function createCategoryIndex(categories: SearchableCategory[]): CategoryIndex {
  const docs = categories.map((c) => {
    const texts: Record<Field, string[]> = {
      keywords: c.keywords,
      nameVi: [c.nameVi],
      criteriaVi: c.criteriaVi,
      nameEn: [c.nameEn],
      criteriaEn: c.criteriaEn,
    };
    const fields = {} as Record<Field, FieldStats>;
    for (const f of FIELDS) {
      const tf = new Map<string, number>();
      let len = 0;
      for (const t of texts[f].flatMap(terms)) {
        tf.set(t, (tf.get(t) ?? 0) + 1);
        if (!t.includes(' ')) len += 1;
      }
      fields[f] = { tf, len };
    }
    return { code: c.code, codeKey: c.code.replace(/\./g, ''), fields };
  });

  const n = docs.length;
  const avgLen = {} as Record<Field, number>;
  for (const f of FIELDS) avgLen[f] = Math.max(1, docs.reduce((s, d) => s + d.fields[f].len, 0) / Math.max(1, n));
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set(FIELDS.flatMap((f) => [...d.fields[f].tf.keys()]));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }

  // Each term's categories with its weighted frequency there (the fields summed in FIELDS order), so a
  // question's few terms reach only the categories that have them.
  const postings = new Map<string, { doc: number; tf: number }[]>();
  docs.forEach((d, doc) => {
    for (const t of new Set(FIELDS.flatMap((f) => [...d.fields[f].tf.keys()]))) {
      let tf = 0;
      for (const f of FIELDS) {
        const { tf: map, len } = d.fields[f];
        const raw = map.get(t) ?? 0;
        if (raw > 0) tf += (WEIGHTS[f] * raw) / (1 - B + (B * len) / avgLen[f]);
      }
      if (tf > 0) (postings.get(t) ?? postings.set(t, []).get(t)!).push({ doc, tf });
    }
  });

  return {
    search(query: string, limit = 3): CategoryMatch[] {
      const max = Math.floor(limit);
      if (!(max >= 1)) return [];
      const qTerms = [...new Set(terms(query))];
      // Scores summed in the question's term order, as a loop over every category would.
      const scores = new Float64Array(n);
      for (const t of qTerms) {
        const dft = df.get(t);
        if (dft === undefined) continue;
        const idf = Math.log(1 + (n - dft + 0.5) / (dft + 0.5));
        for (const { doc, tf } of postings.get(t) ?? []) scores[doc]! += idf * (tf / (K1 + tf));
      }
      const matches: CategoryMatch[] = [];
      for (let doc = 0; doc < n; doc++) if (scores[doc]! > 0) matches.push({ code: docs[doc]!.code, score: scores[doc]! });
      matches.sort((a, b) => b.score - a.score || compareCodes(a.code, b.code));

      const key = codeKey(query);
      const exact = key === undefined ? undefined : docs.find((d) => d.codeKey === key);
      if (exact !== undefined) {
        const rest = matches.filter((m) => m.code !== exact.code);
        const top = Math.max(1, ...rest.map((m) => m.score)) + 1;
        return [{ code: exact.code, score: top }, ...rest].slice(0, max);
      }
      return matches.slice(0, max);
    },
  };
}
