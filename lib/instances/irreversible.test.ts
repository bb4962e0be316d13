import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDefinition } from '@/workflows/registry';
import { finalActionTypes } from './irreversible';

const finals = (process: string, state: string, types: string[]) => [...finalActionTypes(getDefinition(process).machine, state, types)].sort();

test('actions that end the case are found from the machine: 不同意, 撤回, 销假, 确认到账, a last approval', () => {
  assert.deepEqual(finals('fitness-test-exemption', 'counselorReview', ['approve', 'reject', 'return', 'withdraw']), ['reject', 'withdraw']);
  assert.deepEqual(finals('cadre-leave', 'onLeave', ['reportBack']), ['reportBack']);
  assert.deepEqual(finals('housing-payment-notice', 'confirming', ['confirm']), ['confirm']);
});

test('an unknown state or event is simply not final', () => {
  assert.deepEqual(finals('fitness-test-exemption', 'nowhere', ['approve']), []);
  assert.deepEqual(finals('fitness-test-exemption', 'counselorReview', ['nothing']), []);
});
