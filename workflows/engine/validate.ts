import type { z } from 'zod';
import { AppError } from './errors';

/** Parses untrusted input with a zod schema; failures become INVALID_INPUT with per-field messages. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
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
