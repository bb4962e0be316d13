import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { isAppError } from './errors';
import { parseInput } from './validate';

describe('parseInput', () => {
  const schema = z.object({ comment: z.string(), tags: z.array(z.string()).optional() });

  test('a lone surrogate anywhere (JSON can carry one, jsonb cannot) is a 400 naming the field', () => {
    for (const [input, field] of [
      [{ comment: '\ud800' }, 'comment'],
      [{ comment: 'ok', tags: ['fine', 'x\udc00y'] }, 'tags.1'],
      [{ comment: 'ok', ['\udbff']: 1 }, '_key'],
    ] as const) {
      assert.throws(
        () => parseInput(schema, input),
        (e: unknown) => isAppError(e) && e.code === 'INVALID_INPUT' && Object.keys(e.details!.fields as object)[0] === field && /无法识别的字符/.test(e.userMessage!.zh),
      );
    }
  });

  test('paired surrogates (emoji, rare CJK) pass untouched', () => {
    assert.deepEqual(parseInput(schema, { comment: '好的 👍 𠀀' }), { comment: '好的 👍 𠀀' });
  });
});
