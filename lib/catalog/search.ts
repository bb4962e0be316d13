import { pinyin } from 'pinyin-pro';

/**
 * Catalog search: Chinese text, full pinyin and pinyin initials, in one matcher.
 * A name becomes one token per character (the character and its toneless pinyin). A query
 * matches when its characters can be laid over the tokens in order: a Chinese character
 * equals a token's character, a run of Latin letters covers each token's pinyin by a prefix
 * (so `tc`, `tice`, `tizhiceshi` and `tzcs` all find 体质测试, and `yibao` finds 医保).
 * Tokens may be skipped, at a cost, which ranks tight matches first. When nothing matches
 * that way, a Latin query may still match with one or two typos (edit distance), ranked last.
 */

interface Token {
  char: string;
  py: string;
}

export interface SearchDoc {
  name: string;
  nameEn?: string;
  /** Aliases separated by spaces; a match on one costs a little more than one on the name. */
  keywords?: string;
}

/** Longer queries are cut: nobody types 1,000 meaningful characters, and matching stays fast. */
export const MAX_QUERY = 32;

const tokenCache = new Map<string, Token[]>();

function tokensOf(name: string): Token[] {
  const cached = tokenCache.get(name);
  if (cached) return cached;
  const chars = Array.from(name.toLowerCase());
  let pys = pinyin(name, { toneType: 'none', type: 'array' }).map((p) => p.toLowerCase());
  // pinyin-pro gives one item per character; if it ever groups, fall back to one call per character.
  if (pys.length !== chars.length) pys = chars.map((c) => pinyin(c, { toneType: 'none' }).toLowerCase());
  const tokens = chars.map((char, i) => ({ char, py: /[a-z0-9]/.test(pys[i] ?? '') ? pys[i]! : char }));
  if (tokenCache.size > 20_000) tokenCache.clear();
  tokenCache.set(name, tokens);
  return tokens;
}

/** The query as the matcher sees it: lower case, without spaces and separators, at most MAX_QUERY characters. */
export function normalizeQuery(raw: string): string {
  return Array.from(raw.toLowerCase().replace(/[\s'’·\-_/\\]+/g, ''))
    .slice(0, MAX_QUERY)
    .join('');
}

const LATIN = /[a-z0-9]/;
const LEAD_SKIP = 0.1;
const GAP_SKIP = 1;
const PARTIAL = 0.3;

/** The lowest cost of laying the query over the tokens, or Infinity when it cannot be done. */
function layCost(q: string[], tokens: Token[]): number {
  const n = tokens.length;
  const m = q.length;
  // memo[qi * (n + 1) + ti]: best cost for q[qi..] over tokens[ti..]; -1 = not computed.
  const memo = new Float64Array((m + 1) * (n + 1)).fill(-1);
  const solve = (qi: number, ti: number): number => {
    if (qi === m) return 0;
    if (ti === n) return Infinity;
    const key = qi * (n + 1) + ti;
    const known = memo[key]!;
    if (known >= 0) return known;
    let best = solve(qi, ti + 1) + (qi === 0 ? LEAD_SKIP : GAP_SKIP);
    const token = tokens[ti]!;
    const c = q[qi]!;
    if (c === token.char) best = Math.min(best, solve(qi + 1, ti + 1));
    else if (LATIN.test(c) && token.py !== token.char) {
      const py = token.py;
      let len = 0;
      while (len < py.length && qi + len < m && q[qi + len] === py[len]) {
        len++;
        best = Math.min(best, solve(qi + len, ti + 1) + (len === py.length ? 0 : PARTIAL));
      }
    }
    memo[key] = best;
    return best;
  };
  return solve(0, 0);
}

/** Edit distance of the query to the closest substring of the text (Sellers' algorithm). */
function substringDistance(q: string, text: string): number {
  let prev = new Array<number>(q.length + 1);
  for (let i = 0; i <= q.length; i++) prev[i] = i;
  let best = prev[q.length]!;
  for (let j = 1; j <= text.length; j++) {
    const cur = new Array<number>(q.length + 1);
    cur[0] = 0;
    for (let i = 1; i <= q.length; i++) {
      const sub = prev[i - 1]! + (q[i - 1] === text[j - 1] ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    best = Math.min(best, cur[q.length]!);
    prev = cur;
  }
  return best;
}

/** The cost of a document for a normalized query (lower is better), or null when it does not match. */
export function matchCost(query: string, doc: SearchDoc): number | null {
  if (!query) return 0;
  const q = Array.from(query);
  let cost = layCost(q, tokensOf(doc.name));
  for (const keyword of doc.keywords ? doc.keywords.split(/\s+/).filter(Boolean) : []) {
    cost = Math.min(cost, layCost(q, tokensOf(keyword)) + 0.05);
  }
  if (cost < Infinity) return cost;
  const en = doc.nameEn?.toLowerCase();
  if (en && en.replace(/[\s'’·\-_/\\]+/g, '').includes(query)) return 2;
  if (/^[a-z]+$/.test(query) && query.length >= 4) {
    const allowed = query.length >= 7 ? 2 : 1;
    const full = tokensOf(doc.name)
      .map((t) => t.py)
      .join('');
    const distance = substringDistance(query, full);
    if (distance <= allowed) return 5 + distance;
  }
  return null;
}

/** The documents that match, best first (ties keep their given order). */
export function searchDocs<T extends SearchDoc>(docs: T[], rawQuery: string): T[] {
  const query = normalizeQuery(rawQuery);
  if (!query) return docs;
  const scored: Array<{ doc: T; cost: number; i: number }> = [];
  docs.forEach((doc, i) => {
    const cost = matchCost(query, doc);
    if (cost !== null) scored.push({ doc, cost, i });
  });
  scored.sort((a, b) => a.cost - b.cost || a.doc.name.length - b.doc.name.length || a.i - b.i);
  return scored.map((s) => s.doc);
}
