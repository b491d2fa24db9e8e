import { tokenize } from "../text/fold.js";
import { INTENTS } from "./intents.js";
import { correctTokens, expandAbbreviations, isClearlyEnglish } from "./normalize.js";
/**
 * Decision thresholds on the score: at least `answer` with a lead of `margin` over the runner-up
 * of another intent answers directly; at least `clarify` asks; below that the question is unknown.
 */
export const THRESHOLDS = { answer: 0.7, margin: 0.2, clarify: 0.4 };
/** How much one cue of weight 1 adds to an intent's score (a perfect example match adds 1). */
const CUE_WEIGHT = 0.45;
const terms = (tokens) => {
    const out = [...tokens];
    for (let i = 0; i + 1 < tokens.length; i++)
        out.push(`${tokens[i]} ${tokens[i + 1]}`);
    return out;
};
/** Tokens of text as every part of the ranker sees them (folded, abbreviations spelled out). */
const baseTokens = (text) => expandAbbreviations(text);
/** Where `phrase` starts in `tokens`, or -1. */
function indexOf(tokens, phrase) {
    if (phrase.length === 0)
        return -1;
    outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
        for (let j = 0; j < phrase.length; j++)
            if (tokens[i + j] !== phrase[j])
                continue outer;
        return i;
    }
    return -1;
}
const contains = (tokens, phrase) => indexOf(tokens, phrase) >= 0;
/** A category code typed alone: "3.1.5", "§3.1.5", "III.3.1.5". */
const CODE_QUERY = /^\s*(?:§\s*)?(?:iii\.)?\d+(?:\.\d+)+\.?\s*$/i;
/** Words that may stand around a name without making it a question of another kind. */
const NAME_FILLERS = new Set(['xa', 'cua', 've', 'mo', 'hinh', 'linh', 'vuc', 'the', 'a', 'oi', 'nhe', 'the', 'for', 'about', 'cac', 'nhung', 'danh', 'hieu']);
/** Words that name no unit on their own (they occur in many names or are grammar). */
const UNIT_NOISE = new Set(['xa', 'phu', 'trach', 'commune', 'officer', 'and', 'the', 's', 'party', 'committee', 'affairs', 'of']);
/** Drops "Công chức" at the start of a unit name ("Công chức Tư pháp – Hộ tịch" → "tư pháp hộ tịch"). */
const cleanUnitWords = (words) => {
    const w = words[0] === 'cong' && words[1] === 'chuc' ? words.slice(2) : words;
    return w.filter((x) => !UNIT_NOISE.has(x));
};
/** Aliases of each unit, folded: its cleaned name, each dash- or bracket-separated part, and distinctive English words. */
function unitAliases(catalog) {
    const out = [];
    const enWordUnits = new Map();
    for (const u of catalog.plan.units) {
        for (const name of [u.name.vi, u.name.en]) {
            const parts = name.split(/[–\-()&,]/).map((p) => cleanUnitWords(tokenize(p)));
            const whole = cleanUnitWords(tokenize(name.replace(/\(.*?\)/g, ' ')));
            for (const p of [whole, ...parts])
                if (p.length >= 2 || (p.length === 1 && p[0].length >= 4))
                    out.push({ unit: u.code, phrase: p });
        }
        for (const w of tokenize(u.name.en)) {
            if (w.length >= 4 && !UNIT_NOISE.has(w))
                enWordUnits.set(w, new Set([...(enWordUnits.get(w) ?? []), u.code]));
        }
    }
    for (const [w, units] of enWordUnits)
        if (units.size === 1)
            out.push({ unit: [...units][0], phrase: [w] });
    // Two adjacent words of one unit's Vietnamese name that no other unit's name has ("quân sự", "tuyên giáo").
    const pairUnits = new Map();
    for (const u of catalog.plan.units) {
        const words = cleanUnitWords(tokenize(u.name.vi.replace(/\(.*?\)/g, ' ')));
        for (let i = 0; i + 1 < words.length; i++) {
            const pair = `${words[i]} ${words[i + 1]}`;
            pairUnits.set(pair, new Set([...(pairUnits.get(pair) ?? []), u.code]));
        }
    }
    for (const [pair, set] of pairUnits)
        if (set.size === 1)
            out.push({ unit: [...set][0], phrase: pair.split(' ') });
    return out;
}
/** Aliases of each award: its name in both languages (brackets dropped) and its code's words. */
function awardAliases(awards) {
    const out = [];
    for (const a of awards) {
        // "Bằng khen của Chủ tịch UBND tỉnh" is also called "bằng khen (của tỉnh)": the words before "của".
        const short = a.name.vi.split(/\s+của\s+/u)[0];
        for (const name of [a.name.vi, short, a.name.en.replace(/\(.*?\)/g, ' '), a.code.replace(/-/g, ' ')]) {
            const phrase = tokenize(name).filter((w) => w !== 'title');
            if (phrase.length > 0)
                out.push({ award: a.code, phrase });
        }
    }
    return out;
}
/**
 * Builds the classifier for a plan: the vocabulary for typo correction (intent examples, cues,
 * the plan's unit and category names and keywords), the IDF of every term over all examples, and
 * the examples' vectors.
 */
export function createClassifier(catalog) {
    const vocabCount = new Map();
    const addVocab = (text) => {
        for (const t of baseTokens(text))
            vocabCount.set(t, (vocabCount.get(t) ?? 0) + 1);
    };
    for (const spec of INTENTS) {
        spec.examples.forEach(addVocab);
        spec.cues.forEach((c) => addVocab(typeof c === 'string' ? c : c[0]));
    }
    for (const u of catalog.plan.units)
        [u.name.vi, u.name.en].forEach(addVocab);
    for (const c of catalog.plan.categories)
        [c.name.vi, c.name.en, ...c.keywords].forEach(addVocab);
    for (const m of catalog.plan.movements)
        addVocab(m.name.vi);
    const vocab = vocabCount;
    const docs = INTENTS.flatMap((spec) => spec.examples.map((e) => ({ intent: spec.id, terms: terms(correctTokens(baseTokens(e), vocab)) })));
    const df = new Map();
    for (const d of docs)
        for (const t of new Set(d.terms))
            df.set(t, (df.get(t) ?? 0) + 1);
    const idf = (t) => Math.log(1 + docs.length / (df.get(t) ?? 0.5));
    const unknownIdf = Math.log(1 + docs.length / 0.5) * 0.5;
    const vectorOf = (ts) => {
        const v = new Map();
        for (const t of ts)
            v.set(t, (v.get(t) ?? 0) + (df.has(t) ? idf(t) : unknownIdf) * (t.includes(' ') ? 1.2 : 1));
        return v;
    };
    const norm = (v) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
    const exampleVectors = docs.map((d) => {
        const v = vectorOf(d.terms);
        return { intent: d.intent, v, n: norm(v) };
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
            const scores = new Map(INTENTS.map((s) => [s.id, 0]));
            for (const ex of exampleVectors) {
                let dot = 0;
                for (const [t, w] of q)
                    dot += w * (ex.v.get(t) ?? 0);
                const cos = dot / (qn * ex.n);
                if (cos > scores.get(ex.intent))
                    scores.set(ex.intent, cos);
            }
            for (const { intent, cues: list } of cues) {
                const sum = list.reduce((s, c) => s + (contains(tokens, c.phrase) ? c.w : 0), 0);
                scores.set(intent, scores.get(intent) + CUE_WEIGHT * Math.min(sum, 2.5));
            }
            const slots = { units: [], categoryScore: 0, awards: [] };
            const named = new Set();
            const mark = (phrase) => {
                const at = indexOf(tokens, phrase);
                if (at >= 0)
                    phrase.forEach((_, j) => named.add(at + j));
                return at >= 0;
            };
            const namedAt = (i) => named.has(i);
            for (const a of units)
                if (mark(a.phrase) && !slots.units.includes(a.unit))
                    slots.units.push(a.unit);
            for (const a of awardAliases(awards))
                if (mark(a.phrase) && !slots.awards.includes(a.award))
                    slots.awards.push(a.award);
            for (const k of keywordPhrases)
                mark(k);
            const code = CODE_QUERY.test(question);
            const [hit] = [...catalog.search.search(question, 1), ...catalog.search.search(tokens.join(' '), 1)].sort((a, b) => b.score - a.score);
            if (hit) {
                slots.category = hit.code;
                slots.categoryScore = hit.score;
            }
            const add = (intent, x) => scores.set(intent, scores.get(intent) + x);
            if (slots.units.length > 0)
                add('targets', 0.2);
            if (slots.awards.length > 0)
                add('title', 0.5);
            if (slots.categoryScore > 0)
                add('criteria', Math.min(slots.categoryScore, 6) * 0.08);
            // A question that only names something ("công an", "gia đình văn hóa", "3.1.5") asks about it.
            const bare = tokens.every((t, i) => NAME_FILLERS.has(t) || namedAt(i));
            if (code)
                add('criteria', 2);
            else if (bare && slots.awards.length > 0)
                add('title', 1);
            else if (bare && slots.categoryScore >= 1)
                add('criteria', 1);
            if (tokens.length === 0)
                add('ack', 1);
            const ranked = [...scores].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
            const [top, second] = ranked;
            const confidence = top.score >= THRESHOLDS.answer && top.score - second.score >= THRESHOLDS.margin ? 'answer' : top.score >= THRESHOLDS.clarify ? 'clarify' : 'unknown';
            return { ranked, slots, confidence, english, tokens };
        },
    };
}
//# sourceMappingURL=classify.js.map