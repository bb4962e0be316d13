import type { z } from 'zod';
import { AppError } from './errors';

/** A UTF-16 surrogate without its partner: JSON can carry one ("\ud800"), UTF-8 and jsonb cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) in `value` holding a lone surrogate, or null. */
function findLoneSurrogate(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return [...path, '_key'];
    const found = findLoneSurrogate(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Parses untrusted input with a zod schema; failures become INVALID_INPUT with per-field messages.
 * Text that cannot be stored (a lone surrogate, which PostgreSQL refuses in jsonb) is refused
 * here too, as a 400 naming the field, instead of failing later inside a transaction.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const broken = findLoneSurrogate(input);
  if (broken) {
    const key = broken.join('.') || '_';
    throw new AppError(
      'INVALID_INPUT',
      `lone surrogate in ${key}`,
      { zh: '内容含有无法识别的字符，请删除后重试', en: `"${key}" contains a character that cannot be stored; remove it and try again` },
      { fields: { [key]: '内容含有无法识别的字符' } },
    );
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  throw new AppError(
    'INVALID_INPUT',
    `invalid input: ${JSON.stringify(fields)}`,
    first ? { zh: first[1], en: `Invalid value for "${first[0]}"` } : undefined,
    { fields },
  );
}
