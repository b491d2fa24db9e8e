import { boundaryAtOrBefore } from '../core/text/truncate.ts';

/**
 * Pure helpers for Telegram's HTML parse mode (`parse_mode: "HTML"`), shared by the channels:
 * Telegram renders with them, Zalo splits its plain text with {@link splitHtml} on escaped text.
 *
 * Telegram HTML is a small tag set (b, strong, i, em, u, ins, s, strike, del,
 * code, pre, a href, tg-spoiler, span class="tg-spoiler", blockquote,
 * blockquote expandable, tg-emoji, …) plus the entities `&lt;`, `&gt;`,
 * `&amp;`, `&quot;` and numeric entities. Everything else must be escaped.
 *
 * @module
 */

/** Telegram's limit for a text message: 4096 characters after entity parsing. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/**
 * Escapes plain text for Telegram HTML parse mode.
 *
 * Replaces `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;` and `"` → `&quot;`
 * (the last one so the result is also safe inside a double-quoted attribute
 * such as `<a href="…">`). Nothing else is touched: `'`, newlines, emoji and
 * Vietnamese diacritics pass through unchanged, and the string is not
 * normalised (NFC/NFD are preserved as given).
 *
 * Shape: `string → string`; the empty string maps to itself. Not idempotent:
 * escaping an already escaped string escapes its `&` again (`&amp;` →
 * `&amp;amp;`), so escape each piece of user text exactly once.
 *
 * @example escapeHtml('Lan <lan@x.vn>') === 'Lan &lt;lan@x.vn&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

// ---------------------------------------------------------------------------
// Tokenizer

interface TagToken {
  kind: 'tag';
  raw: string;
  /** Lower-cased tag name. */
  name: string;
  closing: boolean;
  /** `<x/>`: opens nothing. */
  selfClosing: boolean;
}

interface TextToken {
  kind: 'text';
  raw: string;
  /** Visible length in UTF-16 code units after entity decoding. */
  vis: number;
  /** Whitespace-only plain text (entities never count as whitespace). */
  ws: boolean;
  /** Whitespace containing a line feed. */
  nl: boolean;
  /** A space or tab: a soft break opportunity (NBSP is not one). */
  sp: boolean;
}

type Token = TagToken | TextToken;

/** A tag with optional (quoted or bare) attributes; `>` inside quotes allowed. */
const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/y;
const ENTITY_RE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * Plain text between tags and entities, as runs: a line (its trailing whitespace and line feed), a
 * run of spaces/tabs, or a run of anything else. Runs are cut further only where a hard cut needs it
 * ({@link splitToken}), so grapheme segmentation happens near cuts only, never over a whole reply.
 */
const RUN_RE = /[^\S\n]*\n|[^\S\n]+|\S+/gu;

function entityLength(raw: string): number {
  if (raw.startsWith('&#')) {
    const hex = raw[2] === 'x' || raw[2] === 'X';
    const cp = Number.parseInt(raw.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return cp > 0xffff && cp <= 0x10ffff ? 2 : 1;
  }
  return 1;
}

function textToken(raw: string): TextToken {
  const ws = /^\s+$/u.test(raw);
  const nl = ws && raw.includes('\n');
  return { kind: 'text', raw, vis: raw.length, ws, nl, sp: /^[ \t]+$/.test(raw) };
}

/** Non-whitespace at both ends of a text run (the middle is kept whole when no cut can fall in it). */
const EDGES_RE = /\S[\s\S]*\S|\S/u;

/**
 * Appends the runs of plain text `run`. With `whole`, the text between its first and last
 * non-whitespace character is one token: only its leading and trailing whitespace matter to a part
 * that needs no cut (blank lines dropped, trailing space trimmed), and a reply of hundreds of words
 * then costs a few tokens instead of one per word.
 */
function pushText(out: Token[], run: string, whole: boolean): void {
  if (run === '') return;
  const middle = whole ? EDGES_RE.exec(run) : null;
  if (!middle) {
    for (const m of run.matchAll(RUN_RE)) out.push(textToken(m[0]));
    return;
  }
  const end = middle.index + middle[0].length;
  pushText(out, run.slice(0, middle.index), false);
  out.push({ kind: 'text', raw: middle[0], vis: middle[0].length, ws: false, nl: false, sp: false });
  pushText(out, run.slice(end), false);
}

/**
 * Splits text token `k` so that its first piece has at most `room` visible units and ends on a
 * grapheme boundary (segmenting only around that point). When not even the first grapheme cluster
 * fits and `force` is set (nothing else is in the part), a pathological cluster longer than the
 * limit is cut between code points instead, never between surrogate halves.
 *
 * @returns Whether a non-empty first piece was split off (then `tokens[k]` is that piece).
 */
function splitToken(tokens: Token[], k: number, room: number, force: boolean): boolean {
  const tk = tokens[k]!;
  if (tk.kind !== 'text' || tk.raw.startsWith('&') || room <= 0) return false;
  let at = boundaryAtOrBefore(tk.raw, room);
  if (at === 0 && force) {
    const c = tk.raw.charCodeAt(room - 1);
    at = c >= 0xd800 && c <= 0xdbff ? room - 1 : room;
    if (at === 0) at = Math.min(2, tk.raw.length);
  }
  if (at === 0 || at >= tk.raw.length) return false;
  tokens.splice(k, 1, textToken(tk.raw.slice(0, at)), textToken(tk.raw.slice(at)));
  return true;
}

/** The tokens of `html`; `whole`: plain text runs kept whole between their edges (see {@link pushText}). */
function tokenize(html: string, whole: boolean): Token[] {
  const out: Token[] = [];
  let textStart = 0;
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      TAG_RE.lastIndex = i;
      const m = TAG_RE.exec(html);
      if (m) {
        pushText(out, html.slice(textStart, i), whole);
        out.push({
          kind: 'tag',
          raw: m[0],
          name: (m[2] ?? '').toLowerCase(),
          closing: m[1] === '/',
          selfClosing: m[4] === '/',
        });
        i += m[0].length;
        textStart = i;
        continue;
      }
    } else if (c === '&') {
      ENTITY_RE.lastIndex = i;
      const m = ENTITY_RE.exec(html);
      if (m) {
        pushText(out, html.slice(textStart, i), whole);
        out.push({ kind: 'text', raw: m[0], vis: entityLength(m[0]), ws: false, nl: false, sp: false });
        i += m[0].length;
        textStart = i;
        continue;
      }
    }
    i++;
  }
  pushText(out, html.slice(textStart), whole);
  return out;
}

// ---------------------------------------------------------------------------
// Open-tag stack

/** Applies a tag token to the stack of open tags (mutates `stack`). */
function applyTag(stack: TagToken[], tk: TagToken): void {
  if (tk.selfClosing) return;
  if (!tk.closing) {
    stack.push(tk);
    return;
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k]!.name === tk.name) {
      stack.splice(k, 1);
      return;
    }
  }
  // A stray closing tag: left in the output as is, the stack is unchanged.
}

function closers(stack: readonly TagToken[]): string {
  let s = '';
  for (let k = stack.length - 1; k >= 0; k--) s += `</${stack[k]!.name}>`;
  return s;
}

// ---------------------------------------------------------------------------
// Splitter

type CutKind = 'start' | 'newline' | 'space' | 'hard';

/**
 * Splits a Telegram-HTML reply into message-sized parts.
 *
 * **Shape.** Returns `string[]`, each element a self-contained, well-formed
 * HTML fragment ready to send with `parse_mode: "HTML"`, in order. Every
 * element is non-empty (has visible non-whitespace text); the empty or
 * blank input gives `[]`. Input that already fits is returned as one
 * (trimmed) part.
 *
 * **Units — the chosen rule.** `limit` bounds the *visible* length of each
 * part, counted the way Telegram counts after entity parsing, in UTF-16 code
 * units: tags (`<b>`, `</a>`, `<a href="…">`) count 0; an entity such as
 * `&amp;` or `&#233;` counts 1 (a numeric entity above U+FFFF counts 2);
 * every other character counts its UTF-16 length (an emoji outside the BMP
 * counts 2). The raw HTML of a part is therefore longer than `limit` when it
 * carries markup or entities; no separate bound is put on the raw length
 * (Telegram's 4096 applies to the parsed text, and the HTTP body has no
 * practical limit at these sizes).
 *
 * **Where it cuts.** Within the first `limit` visible units of the remaining
 * text it picks, in order: the last line break (`\n`) if it lies in the
 * second half of the window; else the last space/tab in the second half;
 * else the later of any line break or space in the window; else a hard cut
 * at the window's end. A cut is never placed inside a tag `<…>` or an
 * entity `&…;`, never between the halves of a UTF-16 surrogate pair and
 * never inside a grapheme cluster (`Intl.Segmenter`), so emoji with
 * modifiers/ZWJ and decomposed (NFD) Vietnamese letters such as "ệ" stay
 * whole. (Only a single grapheme cluster longer than `limit` — pathological
 * stacked combining marks — is broken, between code points.)
 *
 * **Tags across a cut.** Tags open at the cut point are closed at the end of
 * the part (innermost first) and reopened at the start of the next part with
 * their original opening tag, attributes included (`<a href="…">`,
 * `<span class="tg-spoiler">`, `<blockquote expandable>`,
 * `<pre><code class="language-ts">`). Closing tags right after the cut stay
 * with the earlier part and opening tags right before it move to the later
 * one, so no empty `<b></b>` pairs are produced. Tags left unclosed at the
 * end of the input are closed too; a stray closing tag passes through as is.
 *
 * **Trimming.** Leading blank lines are dropped from each part, as is
 * trailing whitespace; the line break or space a cut was made at is thus
 * consumed. The indentation of a part's first line is kept when the cut was
 * at a line break (code in `<pre>` stays aligned), dropped otherwise.
 *
 * The input is assumed to be valid Telegram HTML (user text passed through
 * {@link escapeHtml}); a `<` or `&` that does not start a tag or entity is
 * treated as one ordinary character.
 *
 * @param html  Telegram-HTML text.
 * @param limit Maximum visible length per part, in UTF-16 code units;
 *              an integer ≥ 2 (default {@link TELEGRAM_MESSAGE_LIMIT} = 4096).
 * @throws RangeError if `limit` is not an integer ≥ 2.
 */
export function splitHtml(html: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  // Text no longer than the limit, markup included, needs no cut: its words are not looked at.
  return splitTokens(html, limit, html.length <= limit);
}

/**
 * {@link splitHtml} looking at every word even when the text fits: the same result, by a longer way
 * (tests compare the two).
 */
export function splitHtmlWordByWord(html: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  return splitTokens(html, limit, false);
}

function splitTokens(html: string, limit: number, whole: boolean): string[] {
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`splitHtml: limit must be an integer >= 2, got ${limit}`);
  }
  const tokens = tokenize(html, whole);
  let n = tokens.length;
  const parts: string[] = [];
  const stack: TagToken[] = [];
  let i = 0;
  let cutKind: CutKind = 'start';

  while (i < n) {
    // After a soft-wrap (space) or a hard cut, leading whitespace is the
    // break itself; after a line break, keep the next line's indentation.
    i = skipLeading(tokens, i, stack, cutKind === 'space' || cutKind === 'hard');
    if (i >= n) break;

    // Scan the window.
    let vis = 0;
    let j = i;
    let lastNl = -1;
    let lastNlVis = 0;
    let lastSp = -1;
    let lastSpVis = 0;
    while (j < n) {
      const tk = tokens[j]!;
      if (tk.kind === 'text') {
        if (vis + tk.vis > limit) break;
        vis += tk.vis;
        if (tk.nl) {
          lastNl = j + 1;
          lastNlVis = vis;
        } else if (tk.sp) {
          lastSp = j + 1;
          lastSpVis = vis;
        }
      }
      j++;
    }

    let cut: number;
    if (j >= n) {
      cut = n;
      cutKind = 'hard';
    } else {
      const half = limit / 2;
      if (lastNl > i && lastNlVis >= half) {
        cut = lastNl;
        cutKind = 'newline';
      } else if (lastSp > i && lastSpVis >= half) {
        cut = lastSp;
        cutKind = 'space';
      } else if (lastNl > i || lastSp > i) {
        if (lastNl >= lastSp) {
          cut = lastNl;
          cutKind = 'newline';
        } else {
          cut = lastSp;
          cutKind = 'space';
        }
      } else {
        // A hard cut: only now is the run that overflows cut, at a grapheme boundary.
        if (splitToken(tokens, j, limit - vis, vis === 0)) {
          n = tokens.length;
          j++;
        }
        cut = j;
        cutKind = 'hard';
        // Opening tags just before a hard cut belong to the next part.
        while (cut - 1 > i && isOpening(tokens[cut - 1]!)) cut--;
      }
      // Closing tags just after the cut belong to this part.
      while (cut < n && isClosing(tokens[cut]!)) cut++;
    }

    const prefix = stack.map((t) => t.raw).join('');
    let lastVisible = -1;
    for (let k = i; k < cut; k++) {
      const tk = tokens[k]!;
      if (tk.kind === 'text' && !tk.ws) lastVisible = k;
    }
    let body = '';
    for (let k = i; k < cut; k++) {
      const tk = tokens[k]!;
      if (tk.kind === 'tag') {
        applyTag(stack, tk);
        body += tk.raw;
      } else if (k <= lastVisible) {
        body += tk.raw;
      }
      // Trailing whitespace text after the last visible token is dropped.
    }
    if (lastVisible >= 0) parts.push(prefix + body + closers(stack));
    i = cut;
  }
  return parts;
}

function isOpening(tk: Token): boolean {
  return tk.kind === 'tag' && !tk.closing && !tk.selfClosing;
}

function isClosing(tk: Token): boolean {
  return tk.kind === 'tag' && tk.closing;
}

/**
 * Skips leading blank lines (whitespace up to the last line feed before the
 * first visible character) and, if `spaces`, all leading whitespace. Tags
 * skipped over are applied to `stack` (they are re-emitted from it).
 */
function skipLeading(tokens: readonly Token[], start: number, stack: TagToken[], spaces: boolean): number {
  let k = start;
  let target = start;
  while (k < tokens.length) {
    const tk = tokens[k]!;
    if (tk.kind === 'text') {
      if (!tk.ws) break;
      if (spaces || tk.nl) target = k + 1;
    }
    k++;
  }
  if (k >= tokens.length) target = tokens.length; // nothing visible left
  for (let m = start; m < target; m++) {
    const tk = tokens[m]!;
    if (tk.kind === 'tag') applyTag(stack, tk);
  }
  return target;
}
