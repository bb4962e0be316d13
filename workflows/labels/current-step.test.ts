import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnyStateNode, StateValue } from 'xstate';
import { allDefinitions } from '../registry';
import { activeStates, stateKey, stepLabels } from '../engine/snapshot';
import { currentStep, stateValue } from './current-step';

function nodes(root: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const walk = (n: AnyStateNode) => {
    out.push(n);
    Object.values(n.states).forEach((c) => walk(c as AnyStateNode));
  };
  walk(root);
  return out.slice(1);
}

/** The state value that enters a node (its initial children filled in by resolveState). */
const valueAt = (path: string[]): StateValue => path.slice(0, -1).reduceRight<StateValue>((inner, key) => ({ [key]: inner }), path.at(-1)!);

test('the current step read from the state column is the one the restored snapshot shows, in every state of every definition', () => {
  let checked = 0;
  for (const d of allDefinitions()) {
    for (const n of nodes(d.machine.root)) {
      // Every configuration the engine can store: each node entered with its initial descendants.
      const snapshot = d.machine.resolveState({ value: valueAt(n.path), context: {} });
      const active = activeStates(snapshot);
      const key = stateKey(snapshot.value);
      assert.deepEqual(d.machine.resolveState({ value: stateValue(key), context: {} }).value, snapshot.value, `${d.id}@${d.version} ${key}`);
      const step = currentStep(d, key);
      assert.deepEqual(step.label, active.find((s) => s.meta.label)?.meta.label ?? { zh: key, en: key }, `${d.id}@${d.version} ${key}`);
      assert.deepEqual(step.labels, stepLabels(active), `${d.id}@${d.version} ${key}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} states checked`);
});

test('state keys back to state values: atomic, nested and parallel', () => {
  assert.equal(stateValue('counselorReview'), 'counselorReview');
  assert.deepEqual(stateValue('handling.review.pending'), { handling: { review: 'pending' } });
  assert.deepEqual(stateValue('p.a.x,p.b.y'), { p: { a: 'x', b: 'y' } });
});

test('a state the machine does not know shows as itself rather than failing the list', () => {
  const d = allDefinitions()[0]!;
  assert.deepEqual(currentStep(d, 'noSuchState').label, { zh: 'noSuchState', en: 'noSuchState' });
});
