/**
 * How alike two Chinese texts are: the Dice coefficient of their character bigrams (0 … 1).
 * Chinese has no spaces to split words on, and bigrams catch 三饭堂 / 饭堂排队 alike without a
 * dictionary or pg_trgm (which PGlite lacks); punctuation and spaces do not count, Latin words
 * and numbers are lower-cased and count as whole tokens.
 */
export function bigramDice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  let total = 0;
  for (const [gram, n] of x) {
    shared += Math.min(n, y.get(gram) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return (2 * shared) / total;
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const add = (g: string) => grams.set(g, (grams.get(g) ?? 0) + 1);
  // Runs of letters/digits are one token each; every other character (CJK) is a token of its own.
  const tokens = text.toLowerCase().match(/[a-z0-9]+|[^\s\p{P}\p{S}a-z0-9]/gu) ?? [];
  if (tokens.length === 1) add(tokens[0]!);
  for (let i = 0; i + 1 < tokens.length; i++) add(`${tokens[i]}|${tokens[i + 1]}`);
  return grams;
}
