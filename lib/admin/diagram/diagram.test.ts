import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from 'xstate';
import { missingStates } from '@/workflows/engine/migrate-instance';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';
import { layoutDiagram } from './layout-diagram';
import { machineGraph } from './machine-graph';
import { edgeOf, pathUpTo } from './path-taken';

const machine = setup({ guards: { isLong: () => true } }).createMachine({
  id: 'leave',
  initial: 'review',
  states: {
    review: {
      type: 'parallel',
      meta: { label: { zh: '并行审核', en: 'Parallel review' } },
      states: {
        leader: {
          initial: 'pending',
          states: {
            pending: { meta: { label: { zh: '领导审批', en: 'Leader' }, task: { role: 'dept_leader', scope: { kind: 'global' }, actions: [] } }, on: { approve: 'done' } },
            done: { type: 'final' },
          },
        },
        hr: {
          initial: 'pending',
          states: { pending: { on: { file: 'done' } }, done: { type: 'final' } },
        },
      },
      onDone: [{ target: 'school', guard: 'isLong' }, { target: 'approved' }],
    },
    school: { on: { approve: 'approved' } },
    approved: { type: 'final', meta: { label: { zh: '已批准', en: 'Approved' }, outcome: 'completed' } },
  },
});

test('the graph reads compound and parallel states, roles, guards and finals from the machine', () => {
  const g = machineGraph(machine);
  const review = g.root.children.find((s) => s.path === 'review')!;
  assert.equal(review.kind, 'parallel');
  assert.deepEqual(review.children.map((c) => c.kind), ['compound', 'compound']);
  const leaderPending = review.children[0]!.children[0]!;
  assert.equal(leaderPending.path, 'review.leader.pending');
  assert.equal(leaderPending.role, 'dept_leader');
  assert.equal(g.root.children.find((s) => s.path === 'approved')!.kind, 'final');
  const guarded = g.transitions.find((t) => t.source === 'review' && t.target === 'school')!;
  assert.equal(guarded.guard, 'isLong');
  assert.ok(g.transitions.some((t) => t.source === 'review.leader.pending' && t.target === 'review.leader.done' && t.event === 'approve'));
});

test('ELK lays every state and transition out, nested inside its parent', async () => {
  const def = { ...getDefinition('fitness-test-exemption'), id: 'leave-test', machine } as ProcessDefinition;
  const layout = await layoutDiagram(def);
  const byPath = new Map(layout.nodes.map((n) => [n.path, n]));
  const parent = byPath.get('review')!;
  const child = byPath.get('review.leader.pending')!;
  assert.ok(parent.container);
  assert.ok(child.x >= parent.x && child.y >= parent.y && child.x + child.w <= parent.x + parent.w && child.y + child.h <= parent.y + parent.h);
  assert.equal(layout.edges.length, machineGraph(machine).transitions.length);
  assert.ok(layout.edges.every((e) => e.points.length >= 2));
});

test('the path taken maps logged events onto diagram edges', async () => {
  const layout = await layoutDiagram(getDefinition('fitness-test-exemption', 1));
  const steps = [
    { type: 'submit', fromState: null, toState: 'counselorReview' },
    { type: 'return', fromState: 'counselorReview', toState: 'revising' },
    { type: 'resubmit', fromState: 'revising', toState: 'counselorReview' },
    { type: 'approve', fromState: 'counselorReview', toState: 'hospitalReview' },
  ];
  assert.equal(edgeOf(layout.edges, steps[1]!), layout.edges.find((e) => e.source === 'counselorReview' && e.target === 'revising')!.id);
  const path = pathUpTo(layout.edges, steps, 3);
  assert.equal(path.edges.length, 3);
  assert.deepEqual(path.states.sort(), ['counselorReview', 'hospitalReview', 'revising']);
  assert.equal(pathUpTo(layout.edges, steps, 0).edges.length, 0);
});

test('migration: a state missing in the target version is named', () => {
  assert.deepEqual(missingStates(machine, 'review.hr.pending,review.leader.pending'), []);
  assert.deepEqual(missingStates(machine, 'counselorReview'), ['counselorReview']);
});
