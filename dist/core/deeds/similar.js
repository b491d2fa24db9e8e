/**
 * Similar good deeds (issue [3/5]: "same person or same place and similar words, ignoring
 * diacritics"): pure functions over folded text (see `foldText`), so "Nguyễn Văn An",
 * "nguyen van an" and the NFD spelling all match.
 *
 * - Same doer: the doer keys are equal (honorifics such as "ông", "chị" dropped) and the doer is
 *   not an unnamed one ("một người", "không rõ").
 * - Same place and similar words: the place keys are equal and the descriptions' word sets
 *   (stop words dropped) have a Jaccard index ≥ {@link SIMILARITY_THRESHOLD}.
 */
import { foldText, tokenize } from "../text/fold.js";
/** Jaccard index of the description words from which two deeds at one place count as similar. */
export const SIMILARITY_THRESHOLD = 0.4;
/** Honorifics and kinship words that may start a name ("ông Nguyễn Văn An"), folded. */
const HONORIFICS = new Set(['ong', 'ba', 'anh', 'chi', 'em', 'co', 'chu', 'bac', 'thay', 'cu', 'chau', 'di', 'cau', 'ban']);
/** Doers that name nobody: they never make two deeds "the same person". */
const UNNAMED_DOERS = new Set(['', 'mot nguoi', 'nguoi dan', 'khong ro', 'khong biet', 'khong biet ten', 'chua ro', 'an danh', 'nguoi la', 'mot nguoi la']);
/** Frequent Vietnamese function words (folded): they say nothing about which deed it is. */
const STOP_WORDS = new Set(('va voi cua la da dang se cho cac nhung mot nguoi o tai trong de duoc bi thi ma nay do khi ve tu den len ra vao rat cung con co ' +
    'ong ba anh chi em chau bac chu cu nha ho xa thon lang ay kia nen neu vi nhu hay luc nay nao gi roi lai moi nhieu it hon').split(' '));
/**
 * The key of a doer's name: folded, a leading "gia đình" / "nhà" and honorifics dropped
 * ("Ông Nguyễn Văn An", "gia đình ông Nguyễn Văn An" → "nguyen van an"); at least one word is kept.
 */
export function doerKey(name) {
    const tokens = tokenize(name);
    // "gia đình ông An", "nhà bà Hoa": the family is known by its head's name.
    let i = tokens[0] === 'gia' && tokens[1] === 'dinh' ? 2 : tokens[0] === 'nha' ? 1 : 0;
    if (i >= tokens.length)
        i = 0;
    while (i < tokens.length - 1 && HONORIFICS.has(tokens[i]))
        i += 1;
    return tokens.slice(i).join(' ');
}
/** The key of a place: folded ("Thôn Đồng Tâm" → "thon dong tam"). */
export const placeKey = (place) => foldText(place);
/** The key of a description or addition: folded, to spot the same text sent twice. */
export const textKey = (text) => foldText(text);
/** The distinct meaningful words of a description: folded, stop words dropped. */
export function descriptionWords(text) {
    return new Set(tokenize(text).filter((t) => !STOP_WORDS.has(t)));
}
/** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
export function jaccard(a, b) {
    if (a.size === 0 && b.size === 0)
        return 0;
    let both = 0;
    for (const x of a)
        if (b.has(x))
            both += 1;
    return both / (a.size + b.size - both);
}
/**
 * The known deeds that look like `draft`, most alike first: same doer first, then same place
 * by decreasing word similarity. Pure; `known` is any list (e.g. `similarCandidates`).
 */
export function findSimilar(draft, known) {
    const doer = doerKey(draft.doerName);
    const named = !UNNAMED_DOERS.has(doer);
    const place = placeKey(draft.place);
    const words = descriptionWords(draft.description);
    const found = [];
    for (const deed of known) {
        const score = jaccard(words, descriptionWords(deed.description));
        if (named && doerKey(deed.doerName) === doer)
            found.push({ deed, reason: 'doer', score: 1 + score });
        else if (place !== '' && placeKey(deed.place) === place && score >= SIMILARITY_THRESHOLD)
            found.push({ deed, reason: 'place', score });
    }
    return found.sort((a, b) => b.score - a.score);
}
//# sourceMappingURL=similar.js.map