import { pinyin } from 'pinyin-pro';

/**
 * Catalog search: Chinese text, full pinyin and pinyin initials, in one matcher.
 * A name becomes one token per character (the character and its toneless pinyin). A query
 * matches when its characters can be laid over the tokens in order: a Chinese character
 * equals a token's character, a run of Latin letters covers each token's pinyin by a prefix
 * (so `tc`, `tice`, `tizhiceshi` and `tzcs` all find 体质测试, and `yibao` finds 医保).
 * Tokens may be skipped, at a cost, which ranks tight matches first. Pinyin must begin at the
 * start of a word (Intl.Segmenter's Chinese words): `yibao` is 医保, not 会·议报·备. When nothing
 * matches that way, a Latin query may still match with one or two typos (edit distance), as a
 * "did you mean" only: typo matches are dropped when a real match exists, and so are matches far
 * worse than a strong best one, so that a precise query does not list a page of near misses.
 */

interface Token {
  char: string;
  py: string;
  /** The first character of a word: where a pinyin match may begin. */
  start: boolean;
}

interface Indexed {
  tokens: Token[];
  /** Letters of the pinyin and of the text itself. */
  mask: number;
  /** The pinyin run together, for typo matching. */
  joined: string;
}

export interface SearchDoc {
  name: string;
  nameEn?: string;
  /** Aliases separated by spaces; a match on one costs a little more than one on the name. */
  keywords?: string;
}

/** Longer queries are cut: nobody types 1,000 meaningful characters, and matching stays fast. */
export const MAX_QUERY = 32;

const tokenCache = new Map<string, Indexed>();

function tokensOf(name: string): Indexed {
  const cached = tokenCache.get(name);
  if (cached) return cached;
  const chars = Array.from(name.toLowerCase());
  let pys = pinyin(name, { toneType: 'none', type: 'array' }).map((p) => p.toLowerCase());
  // pinyin-pro gives one item per character; if it ever groups, fall back to one call per character.
  if (pys.length !== chars.length) pys = chars.map((c) => pinyin(c, { toneType: 'none' }).toLowerCase());
  const starts = wordStarts(name.toLowerCase());
  const tokens = chars.map((char, i) => ({ char, py: /[a-z0-9]/.test(pys[i] ?? '') ? pys[i]! : char, start: starts.has(i) }));
  const joined = tokens.map((t) => t.py).join('');
  const indexed = { tokens, mask: letterMask(joined), joined };
  if (tokenCache.size > 20_000) tokenCache.clear();
  tokenCache.set(name, indexed);
  return indexed;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Character positions (not UTF-16 offsets) where a word begins. */
function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let position = 0;
  for (const { segment } of segmenter.segment(text)) {
    starts.add(position);
    position += Array.from(segment).length;
  }
  return starts;
}

/** Computes the pinyin of names ahead of the first search (it is the slow part, about 0.5 ms a name). */
export function warmSearchIndex(names: string[]): void {
  for (const name of names) tokensOf(name);
}

/** The query as the matcher sees it: lower case, without spaces and separators, at most MAX_QUERY characters. */
export function normalizeQuery(raw: string): string {
  return Array.from(raw.toLowerCase().replace(/[\s'’·\-_/\\]+/g, ''))
    .slice(0, MAX_QUERY)
    .join('');
}

const LEAD_SKIP = 0.1;
/** Costs from here on are typo matches. */
const TYPO = 5;
/** A best match this good (a whole word, a keyword) hides matches more than NEAR worse. */
const STRONG = 0.5;
const NEAR = 2;
const GAP_SKIP = 1;
const PARTIAL = 0.3;

// Two reusable DP rows: matching allocates nothing per document.
let rowNext = new Float64Array(MAX_QUERY + 1);
let rowCur = new Float64Array(MAX_QUERY + 1);

/**
 * The lowest cost of laying the query over the tokens, or Infinity when it cannot be done.
 * Bottom-up over tokens from the end: row[qi] = best cost of q[qi..] over tokens[ti..].
 */
function layCost(q: string[], tokens: Token[]): number {
  const m = q.length;
  if (rowNext.length < m + 1) {
    rowNext = new Float64Array(m + 1);
    rowCur = new Float64Array(m + 1);
  }
  let next = rowNext;
  let cur = rowCur;
  next.fill(Infinity, 0, m);
  next[m] = 0;
  for (let ti = tokens.length - 1; ti >= 0; ti--) {
    const token = tokens[ti]!;
    const py = token.py;
    const hasPinyin = py !== token.char;
    cur[m] = 0;
    for (let qi = m - 1; qi >= 0; qi--) {
      let best = next[qi]! + (qi === 0 ? LEAD_SKIP : GAP_SKIP);
      const c = q[qi]!;
      if (c === token.char) best = Math.min(best, next[qi + 1]!);
      else if (hasPinyin && (qi > 0 || token.start)) {
        let len = 0;
        while (len < py.length && qi + len < m && q[qi + len] === py[len]) {
          len++;
          const v = next[qi + len]! + (len === py.length ? 0 : PARTIAL);
          if (v < best) best = v;
        }
      }
      cur[qi] = best;
    }
    const swap = next;
    next = cur;
    cur = swap;
  }
  return next[0]!;
}

/** Letters a-z present in a text, as a bit mask: a query with a letter the text lacks cannot match. */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) - 97;
    if (code >= 0 && code < 26) mask |= 1 << code;
  }
  return mask;
}

/** Edit distance of the query to the closest substring of the text (Sellers' algorithm). */
function substringDistance(q: string, text: string): number {
  let prev = new Int32Array(q.length + 1);
  let cur = new Int32Array(q.length + 1);
  for (let i = 0; i <= q.length; i++) prev[i] = i;
  let best = prev[q.length]!;
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0;
    for (let i = 1; i <= q.length; i++) {
      const sub = prev[i - 1]! + (q[i - 1] === text[j - 1] ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[q.length]! < best) best = cur[q.length]!;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return best;
}

/** The cost of a document for a normalized query (lower is better), or null when it does not match. */
export function matchCost(query: string, doc: SearchDoc, queryMask = letterMask(query)): number | null {
  if (!query) return 0;
  const q = Array.from(query);
  const name = tokensOf(doc.name);
  let cost = (queryMask & ~name.mask) === 0 ? layCost(q, name.tokens) : Infinity;
  for (const keyword of doc.keywords ? doc.keywords.split(/\s+/).filter(Boolean) : []) {
    const k = tokensOf(keyword);
    if ((queryMask & ~k.mask) === 0) cost = Math.min(cost, layCost(q, k.tokens) + 0.05);
  }
  if (cost < Infinity) return cost;
  const en = doc.nameEn?.toLowerCase();
  if (en) {
    // English words by their beginnings ('med' → Medical), or run together from a word's
    // beginning ('studentcard'); never inside a word, or 'tice' would find "no·tice".
    const words = en.split(/[\s'’·\-_/\\]+/).filter(Boolean);
    if (words.some((w) => w.startsWith(query))) return 2;
    if (query.length >= 4 && words.some((_, i) => words.slice(i).join('').startsWith(query))) return 2.5;
  }
  if (/^[a-z]+$/.test(query) && query.length >= 4 && query.length <= 12) {
    const allowed = query.length >= 7 ? 2 : 1;
    const distance = substringDistance(query, name.joined);
    if (distance <= allowed) return TYPO + distance;
  }
  return null;
}

/** The documents that match, best first (ties keep their given order). */
export function searchDocs<T extends SearchDoc>(docs: T[], rawQuery: string): T[] {
  const query = normalizeQuery(rawQuery);
  if (!query) return docs;
  const scored: Array<{ doc: T; cost: number; i: number }> = [];
  const mask = letterMask(query);
  docs.forEach((doc, i) => {
    const cost = matchCost(query, doc, mask);
    if (cost !== null) scored.push({ doc, cost, i });
  });
  scored.sort((a, b) => a.cost - b.cost || a.doc.name.length - b.doc.name.length || a.i - b.i);
  const best = scored[0]?.cost ?? Infinity;
  const limit = best < TYPO ? (best <= STRONG ? best + NEAR : TYPO) : Infinity;
  return scored.filter((s) => s.cost < limit || s.cost === best).map((s) => s.doc);
}
