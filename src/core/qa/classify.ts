/**
 * The ranker of free-text questions (issue 14): which intent of {@link INTENTS} a question is, how
 * sure we are, and the things it names (a unit, a category, an award). Pure and in memory.
 *
 * Score of an intent = best cosine similarity (TF-IDF over folded unigrams and bigrams) between the
 * question and one of the intent's examples + the weights of its cue phrases found in the question
 * (× {@link CUE_WEIGHT}) + what the question names: a unit of the plan points to `targets`, a
 * category (the criteria search, §III.3) to `criteria`, an award of the award table to `title`.
 */
import type { AwardForm } from '../awards.ts';
import type { PlanCatalog } from '../plan/catalog.ts';
import { tokenize } from '../text/fold.ts';
import { INTENTS, type IntentId } from './intents.ts';
import { correctTokens, expandAbbreviations, isClearlyEnglish, type Vocabulary } from './normalize.ts';

/** What a question names, found by {@link Classifier.classify}. */
export interface Slots {
  /** Unit codes of the plan (IV.1) the question names ("trạm y tế", "police"). */
  units: string[];
  /** The best matching category code (§III.3), when the criteria search found one. */
  category?: string;
  /** Its search score (BM25, higher is better). */
  categoryScore: number;
  /** Award codes (award table) the question names ("gia đình văn hóa", "LĐTT"). */
  awards: string[];
}

/** One ranked intent. `score` is unbounded (≥ 0); compare with {@link THRESHOLDS}. */
export interface RankedIntent {
  intent: IntentId;
  score: number;
}

/** The verdict on one question. */
export interface Classification {
  /** Intents best first (every intent, score ≥ 0). */
  ranked: RankedIntent[];
  slots: Slots;
  /** `answer`: sure enough to answer; `clarify`: ask "did you mean …?"; `unknown`: nothing fits. */
  confidence: 'answer' | 'clarify' | 'unknown';
  /** The question is clearly English (answer in English whatever the person's language). */
  english: boolean;
  /** The folded, expanded, corrected words of the question. */
  tokens: string[];
}

/**
 * Decision thresholds on the score: at least `answer` with a lead of `margin` over the runner-up
 * of another intent answers directly; at least `clarify` asks; below that the question is unknown.
 */
export const THRESHOLDS = { answer: 0.7, margin: 0.2, clarify: 0.4 } as const;
/** How much one cue of weight 1 adds to an intent's score (a perfect example match adds 1). */
const CUE_WEIGHT = 0.45;

export interface Classifier {
  classify(question: string, awards?: readonly AwardForm[]): Classification;
}

type Vector = Map<string, number>;

const terms = (tokens: string[]): string[] => {
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
};

/** Tokens of text as every part of the ranker sees them (folded, abbreviations spelled out). */
const baseTokens = (text: string): string[] => expandAbbreviations(text);

/** Where `phrase` starts in `tokens`, or -1. */
function indexOf(tokens: string[], phrase: string[]): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}
const contains = (tokens: string[], phrase: string[]): boolean => indexOf(tokens, phrase) >= 0;

/** Words that ask for a number. */
const COUNT_WORDS = [['bao', 'nhieu'], ['may'], ['how', 'many'], ['so', 'luong']];
/** A category code typed alone: "3.1.5", "§3.1.5", "III.3.1.5". */
const CODE_QUERY = /^\s*(?:§\s*)?(?:iii\.)?\d+(?:\.\d+)+\.?\s*$/i;
/** Words that may stand around a name without making it a question of another kind. */
const NAME_FILLERS = new Set(['xa', 'cua', 've', 'mo', 'hinh', 'linh', 'vuc', 'the', 'a', 'oi', 'nhe', 'the', 'for', 'about', 'cac', 'nhung', 'danh', 'hieu']);

/** Words that name no unit on their own (they occur in many names or are grammar). */
const UNIT_NOISE = new Set(['xa', 'phu', 'trach', 'commune', 'officer', 'and', 'the', 's', 'party', 'committee', 'affairs', 'of']);
/** Drops "Công chức" at the start of a unit name ("Công chức Tư pháp – Hộ tịch" → "tư pháp hộ tịch"). */
const cleanUnitWords = (words: string[]): string[] => {
  const w = words[0] === 'cong' && words[1] === 'chuc' ? words.slice(2) : words;
  return w.filter((x) => !UNIT_NOISE.has(x));
};

/** Aliases of each unit, folded: its cleaned name, each dash- or bracket-separated part, and distinctive English words. */
function unitAliases(catalog: PlanCatalog): { unit: string; phrase: string[] }[] {
  const out: { unit: string; phrase: string[] }[] = [];
  const enWordUnits = new Map<string, Set<string>>();
  for (const u of catalog.plan.units) {
    for (const name of [u.name.vi, u.name.en]) {
      const parts = name.split(/[–\-()&,]/).map((p) => cleanUnitWords(tokenize(p)));
      const whole = cleanUnitWords(tokenize(name.replace(/\(.*?\)/g, ' ')));
      for (const p of [whole, ...parts]) if (p.length >= 2 || (p.length === 1 && p[0]!.length >= 4)) out.push({ unit: u.code, phrase: p });
    }
    for (const w of tokenize(u.name.en)) {
      if (w.length >= 4 && !UNIT_NOISE.has(w)) enWordUnits.set(w, new Set([...(enWordUnits.get(w) ?? []), u.code]));
    }
  }
  for (const [w, units] of enWordUnits) if (units.size === 1) out.push({ unit: [...units][0]!, phrase: [w] });
  // Two adjacent words of one unit's Vietnamese name that no other unit's name has ("quân sự", "tuyên giáo").
  const pairUnits = new Map<string, Set<string>>();
  for (const u of catalog.plan.units) {
    const words = cleanUnitWords(tokenize(u.name.vi.replace(/\(.*?\)/g, ' ')));
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = `${words[i]} ${words[i + 1]}`;
      pairUnits.set(pair, new Set([...(pairUnits.get(pair) ?? []), u.code]));
    }
  }
  for (const [pair, set] of pairUnits) if (set.size === 1) out.push({ unit: [...set][0]!, phrase: pair.split(' ') });
  return out;
}

type AwardAlias = { award: string; phrase: string[] };
/** Aliases per award table: the table is read once and kept (src/app.ts), so they are made once. */
const aliasesOfTable = new WeakMap<readonly AwardForm[], AwardAlias[]>();

/** Aliases of each award: its name in both languages (brackets dropped) and its code's words. */
function awardAliases(awards: readonly AwardForm[]): AwardAlias[] {
  let kept = aliasesOfTable.get(awards);
  if (!kept) aliasesOfTable.set(awards, (kept = makeAwardAliases(awards)));
  return kept;
}

function makeAwardAliases(awards: readonly AwardForm[]): AwardAlias[] {
  const out: AwardAlias[] = [];
  for (const a of awards) {
    // "Bằng khen của Chủ tịch UBND tỉnh" is also called "bằng khen (của tỉnh)": the words before "của".
    const short = a.name.vi.split(/\s+của\s+/u)[0]!;
    for (const name of [a.name.vi, short, a.name.en.replace(/\(.*?\)/g, ' '), a.code.replace(/-/g, ' ')]) {
      const phrase = tokenize(name).filter((w) => w !== 'title');
      if (phrase.length > 0) out.push({ award: a.code, phrase });
    }
  }
  return out;
}

/**
 * Builds the classifier for a plan: the vocabulary for typo correction (intent examples, cues,
 * the plan's unit and category names and keywords), the IDF of every term over all examples, and
 * the examples' vectors.
 */
export function createClassifier(catalog: PlanCatalog): Classifier {
  const vocabCount = new Map<string, number>();
  const addVocab = (text: string) => {
    for (const t of baseTokens(text)) vocabCount.set(t, (vocabCount.get(t) ?? 0) + 1);
  };
  for (const spec of INTENTS) {
    spec.examples.forEach(addVocab);
    spec.cues.forEach((c) => addVocab(typeof c === 'string' ? c : c[0]));
  }
  for (const u of catalog.plan.units) [u.name.vi, u.name.en].forEach(addVocab);
  for (const c of catalog.plan.categories) [c.name.vi, c.name.en, ...c.keywords].forEach(addVocab);
  for (const m of catalog.plan.movements) addVocab(m.name.vi);
  const vocab: Vocabulary = vocabCount;

  const docs = INTENTS.flatMap((spec) => spec.examples.map((e) => ({ intent: spec.id, terms: terms(correctTokens(baseTokens(e), vocab)) })));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + docs.length / (df.get(t) ?? 0.5));
  const unknownIdf = Math.log(1 + docs.length / 0.5) * 0.5;
  const vectorOf = (ts: string[]): Vector => {
    const v: Vector = new Map();
    for (const t of ts) v.set(t, (v.get(t) ?? 0) + (df.has(t) ? idf(t) : unknownIdf) * (t.includes(' ') ? 1.2 : 1));
    return v;
  };
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
  const exampleVectors = docs.map((d) => {
    const v = vectorOf(d.terms);
    return { intent: d.intent, v, n: norm(v) };
  });
  // Each term's examples and weights: a question's few terms reach only the examples that share one.
  const postings = new Map<string, { example: number; w: number }[]>();
  exampleVectors.forEach(({ v }, example) => {
    for (const [t, w] of v) (postings.get(t) ?? postings.set(t, []).get(t)!).push({ example, w });
  });
  const cues = INTENTS.map((spec) => ({
    intent: spec.id,
    cues: spec.cues.map((c) => (typeof c === 'string' ? { phrase: baseTokens(c), w: 1 } : { phrase: baseTokens(c[0]), w: c[1] })),
  }));
  const units = unitAliases(catalog);
  const keywordPhrases = catalog.plan.categories.flatMap((c) => [c.name.vi, ...c.keywords].map(tokenize)).filter((p) => p.length > 0);

  return {
    classify(question, awards = []) {
      const english = isClearlyEnglish(question);
      // English words are not Vietnamese typos ("team" is not "trạm").
      const tokens = english ? baseTokens(question) : correctTokens(baseTokens(question), vocab);
      const q = vectorOf(terms(tokens));
      const qn = norm(q);
      const scores = new Map<IntentId, number>(INTENTS.map((s) => [s.id, 0]));
      // Dot products summed in the question's term order, as a loop over every example would.
      const dots = new Float64Array(exampleVectors.length);
      for (const [t, w] of q) for (const p of postings.get(t) ?? []) dots[p.example]! += w * p.w;
      for (let i = 0; i < dots.length; i++) {
        if (dots[i] === 0) continue; // a cosine of 0 raises no score
        const ex = exampleVectors[i]!;
        const cos = dots[i]! / (qn * ex.n);
        if (cos > scores.get(ex.intent)!) scores.set(ex.intent, cos);
      }
      for (const { intent, cues: list } of cues) {
        const sum = list.reduce((s, c) => s + (contains(tokens, c.phrase) ? c.w : 0), 0);
        scores.set(intent, scores.get(intent)! + CUE_WEIGHT * Math.min(sum, 2.5));
      }

      const slots: Slots = { units: [], categoryScore: 0, awards: [] };
      const named = new Set<number>();
      const mark = (phrase: string[]) => {
        const at = indexOf(tokens, phrase);
        if (at >= 0) phrase.forEach((_, j) => named.add(at + j));
        return at >= 0;
      };
      const namedAt = (i: number) => named.has(i);
      for (const a of units) if (mark(a.phrase) && !slots.units.includes(a.unit)) slots.units.push(a.unit);
      for (const a of awardAliases(awards)) if (mark(a.phrase) && !slots.awards.includes(a.award)) slots.awards.push(a.award);
      for (const k of keywordPhrases) mark(k);
      const code = CODE_QUERY.test(question);
      const [hit] = [...catalog.search.search(question, 1), ...catalog.search.search(tokens.join(' '), 1)].sort((a, b) => b.score - a.score);
      if (hit) {
        slots.category = hit.code;
        slots.categoryScore = hit.score;
      }
      const add = (intent: IntentId, x: number) => scores.set(intent, scores.get(intent)! + x);
      if (slots.units.length > 0) add('targets', 0.2);
      if (slots.awards.length > 0) add('title', 0.5);
      if (slots.categoryScore > 0) add('criteria', Math.min(slots.categoryScore, 6) * 0.08);
      // A question that only names something ("công an", "gia đình văn hóa", "3.1.5") asks about it.
      const bare = tokens.every((t, i) => NAME_FILLERS.has(t) || namedAt(i));
      if (code) add('criteria', 2);
      else if (bare && slots.awards.length > 0) add('title', 1);
      else if (bare && slots.categoryScore >= 2) add('criteria', 1);
      else if (bare && slots.units.length > 0) add('targets', 0.6);
      else if (bare && slots.categoryScore >= 1) add('criteria', 1);
      // A count asked about a unit ("trạm y tế bao nhiêu", "công an mấy người") is its target.
      if (slots.units.length > 0 && COUNT_WORDS.some((w) => contains(tokens, w))) add('targets', 0.4);
      if (tokens.length === 0) add('ack', 1);

      const ranked = [...scores].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
      const [top, second] = ranked as [RankedIntent, RankedIntent];
      const confidence =
        top.score >= THRESHOLDS.answer && top.score - second.score >= THRESHOLDS.margin ? 'answer' : top.score >= THRESHOLDS.clarify ? 'clarify' : 'unknown';
      return { ranked, slots, confidence, english, tokens };
    },
  };
}
