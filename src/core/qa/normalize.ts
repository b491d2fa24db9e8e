/**
 * Question normalisation for the free-text answerer (issue 14): folded tokens (no diacritics, đ → d),
 * common abbreviations spelled out ("tc" → "tieu chi", "hđtđkt" → "hoi dong thi dua khen thuong"),
 * words typed together split ("tieuchi"), and small typos mapped to a known word ("tieu chii").
 *
 * Pure; the vocabulary is passed in (built from the intents' examples and the plan's names).
 */
import { tokenize } from '../text/fold.ts';

/**
 * Abbreviations officers and residents type, folded, each to its folded expansion. "ct" is
 * "chỉ tiêu" except before a body ("ct ubnd", "ct xã": chủ tịch), see {@link expandAbbreviations}.
 */
const ABBREVIATIONS: Record<string, string> = {
  tc: 'tieu chi',
  ct: 'chi tieu',
  hs: 'ho so',
  ubnd: 'uy ban nhan dan',
  ub: 'uy ban',
  hdtdkt: 'hoi dong thi dua khen thuong',
  hdtd: 'hoi dong thi dua',
  tdkt: 'thi dua khen thuong',
  hd: 'hoi dong',
  gdvh: 'gia dinh van hoa',
  ldtt: 'lao dong tien tien',
  cstdcs: 'chien si thi dua co so',
  cstd: 'chien si thi dua',
  ttldtt: 'tap the lao dong tien tien',
  gk: 'giay khen',
  dhtt: 'dien hinh tien tien',
  qd: 'quyet dinh',
  dk: 'dang ky',
  dky: 'dang ky',
  ntn: 'nhu the nao',
  bn: 'bao nhieu',
  bnh: 'bao nhieu',
  bh: 'bao gio',
  j: 'gi',
  ji: 'gi',
  k: 'khong',
  ko: 'khong',
  kg: 'khong',
  hok: 'khong',
  dc: 'duoc',
  dj: 'di',
  vs: 'voi',
  mk: 'minh',
  kh: 'ke hoach',
  ntm: 'nong thon moi',
  bchqs: 'ban chi huy quan su',
  qs: 'quan su',
  vhxh: 'van hoa xa hoi',
  xh: 'xa hoi',
  vh: 'van hoa',
  yt: 'y te',
  tyt: 'tram y te',
  mttq: 'mat tran to quoc',
  tthc: 'thu tuc hanh chinh',
  cb: 'can bo',
  cn: 'ca nhan',
  hgd: 'ho gia dinh',
  lh: 'lien he',
  thnao: 'the nao',
  ad: 'admin',
};

/** Words after "ct" that make it "chủ tịch" (chairman) rather than "chỉ tiêu" (target). */
const CHAIRMAN_NEXT = new Set(['ubnd', 'ub', 'uy', 'xa', 'hd', 'hdtdkt', 'hoi', 'tinh', 'huyen', 'nuoc', 'mttq']);

/**
 * Folds `text` (see {@link tokenize}) and spells out the abbreviations of `ABBREVIATIONS`.
 * Multi-letter abbreviations are recognised only as whole words; "ct" before a body ("ct ubnd",
 * "ct xã") is "chủ tịch".
 *
 * @example expandAbbreviations('tc cua tyt') // ['tieu', 'chi', 'cua', 'tram', 'y', 'te']
 */
export function expandAbbreviations(text: string): string[] {
  const raw = tokenize(text.replace(/[?!.,;:]+/g, ' '));
  const out: string[] = [];
  raw.forEach((t, i) => {
    const next = raw[i + 1] ?? '';
    if (t === 'ct' && CHAIRMAN_NEXT.has(next)) out.push('chu', 'tich');
    else if (t === 'k' && /^\d/.test(next)) out.push(t);
    else out.push(...(ABBREVIATIONS[t]?.split(' ') ?? [t]));
  });
  return out;
}

/** Damerau–Levenshtein distance (adjacent swaps count 1), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** A vocabulary of folded words with how often each occurs (more frequent wins a typo tie). */
export type Vocabulary = ReadonlyMap<string, number>;

/**
 * Maps tokens that are not in `vocab` to known words: a word typed together ("tieuchi" → "tieu",
 * "chi") when both halves are known, else the most frequent known word within edit distance 1
 * (words of 4+ letters) or 2 (8+ letters). Unknown tokens with no close word are kept as they are.
 * Digits are never changed.
 */
export function correctTokens(tokens: string[], vocab: Vocabulary): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (vocab.has(t) || /\d/.test(t) || t.length < 3) {
      out.push(t);
      continue;
    }
    const split = splitJoined(t, vocab);
    if (split) {
      out.push(...split);
      continue;
    }
    const max = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
    let best: string | undefined;
    let bestKey = [Infinity, 0];
    if (max > 0) {
      for (const [w, n] of vocab) {
        if (w.length < 3) continue;
        const d = editDistance(t, w, max);
        if (d <= max && (d < bestKey[0]! || (d === bestKey[0] && n > bestKey[1]!))) {
          best = w;
          bestKey = [d, n];
        }
      }
    }
    out.push(best ?? t);
  }
  return out;
}

function splitJoined(t: string, vocab: Vocabulary): string[] | undefined {
  for (let i = 2; i <= t.length - 2; i++) {
    const a = t.slice(0, i);
    const b = t.slice(i);
    if (vocab.has(a) && vocab.has(b) && a.length + b.length >= 5) return [a, b];
  }
  return undefined;
}

/** English words that Vietnamese never folds to (or rarely): a question using them is English. */
const ENGLISH_HINTS = new Set([
  'what',
  'when',
  'who',
  'whom',
  'how',
  'which',
  'where',
  'why',
  'is',
  'are',
  'the',
  'does',
  'do',
  'can',
  'i',
  'my',
  'of',
  'for',
  'to',
  'in',
  'a',
  'an',
  'and',
  'or',
  'there',
  'should',
  'must',
  'need',
  'needs',
  'will',
  'would',
  'criteria',
  'target',
  'targets',
  'deadline',
  'deadlines',
  'review',
  'phase',
  'phases',
  'conference',
  'date',
  'dates',
  'nominate',
  'nomination',
  'award',
  'awards',
  'awarded',
  'decide',
  'decides',
  'certificate',
  'title',
  'family',
  'cultured',
  'advanced',
  'worker',
  'fighter',
  'emulation',
  'good',
  'deed',
  'report',
  'submit',
  'documents',
  'dossier',
  'next',
  'milestone',
  'plan',
  'unit',
  'units',
  'health',
  'station',
  'police',
  'households',
  'household',
  'collectives',
  'individuals',
  'many',
  'much',
  'weather',
  'today',
  'please',
  'tell',
  'me',
  'about',
  'commune',
  'council',
  'chairman',
  'higher',
  'level',
  'approve',
  'approves',
  'get',
  'give',
  'gives',
  'list',
  'show',
  'help',
  'you',
  'your',
  'this',
  'that',
  'it',
  'have',
  'has',
  'with',
  'by',
  'from',
  'at',
  'on',
  'be',
  'am',
  'was',
  'were',
  'school',
  'education',
  'business',
  'poverty',
  'rural',
  'security',
  'defence',
  'defense',
  'categories',
  'category',
  'interim',
  'final',
  'year',
  'end',
  'apply',
  'register',
  'process',
  'works',
  'work',
  'people',
  'tell',
  'suggest',
  'merit',
  'grassroots',
  'labour',
  'labor',
  'village',
  'authority',
  'hello',
  'thanks',
  'thank',
  'way',
  'vote',
]);
/** Folded words that are clearly Vietnamese (never English words). */
const VIETNAMESE_HINTS = new Set([
  'tieu',
  'chi',
  'cua',
  'xa',
  'gi',
  'nao',
  'khi',
  'bao',
  'nhieu',
  'ai',
  'duoc',
  'khong',
  'the',
  'lam',
  'sao',
  'nhu',
  'ho',
  'so',
  'thi',
  'dua',
  'khen',
  'thuong',
  'dang',
  'ky',
  'tram',
  'y',
  'te',
  'cong',
  'gia',
  'dinh',
  'van',
  'hoa',
  'hoi',
  'dong',
  'ngay',
  'nam',
  'toi',
  'minh',
  'muon',
  'can',
  'viec',
  'tot',
  'moc',
  'han',
]);

/**
 * Whether a question is clearly English: it has no Vietnamese letter with diacritics, at least two
 * words of an English list, and more English than Vietnamese words ("ok" or "hello" alone: no).
 */
export function isClearlyEnglish(text: string): boolean {
  // Any letter outside ASCII (ă, ê, đ, ơ, tones …) means Vietnamese.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range on purpose, control characters included
  if (/[^\x00-\x7F]/.test(text.normalize('NFC').replace(/[^\p{L}]/gu, ''))) return false;
  const words = tokenize(text);
  const en = words.filter((w) => ENGLISH_HINTS.has(w)).length;
  const vi = words.filter((w) => VIETNAMESE_HINTS.has(w) && !ENGLISH_HINTS.has(w)).length;
  return en >= 2 && en > vi * 2 && en / words.length >= 0.4;
}
