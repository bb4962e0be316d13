import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webhookEventsFor } from './enqueue-webhooks';

test('a start, a state change, a finish and a same-state event raise the right webhook events', () => {
  assert.deepEqual(webhookEventsFor({ fromState: null, toState: 'a', status: 'active' }), ['instance.started']);
  assert.deepEqual(webhookEventsFor({ fromState: 'a', toState: 'b', status: 'active' }), ['instance.state_changed']);
  assert.deepEqual(webhookEventsFor({ fromState: 'b', toState: 'done', status: 'completed' }), ['instance.state_changed', 'instance.finished']);
  assert.deepEqual(webhookEventsFor({ fromState: 'a', toState: 'a', status: 'active' }), []);
});
