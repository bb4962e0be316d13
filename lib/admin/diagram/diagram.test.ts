import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setup } from 'xstate';
import { missingStates } from '@/workflows/engine/migrate-instance';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { labeler } from '@/lib/labels';
import { allDefinitions, getDefinition } from '@/workflows/registry';
import { heatScale } from './heat-scale';
import { layoutDiagram, type Box } from './layout-diagram';
import { machineGraph } from './machine-graph';
import { edgeOf, pathUpTo } from './path-taken';

const zh = labeler('zh', new Map([['org-dept', { zh: '组织部', en: 'Organization Department' }]]));

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
  const layout = await layoutDiagram(def, zh);
  const byPath = new Map(layout.nodes.map((n) => [n.path, n]));
  const parent = byPath.get('review')!;
  const child = byPath.get('review.leader.pending')!;
  assert.ok(parent.container);
  assert.ok(child.x >= parent.x && child.y >= parent.y && child.x + child.w <= parent.x + parent.w && child.y + child.h <= parent.y + parent.h);
  assert.equal(layout.edges.length, machineGraph(machine).transitions.length);
  assert.ok(layout.edges.every((e) => e.points.length >= 2));
});

test('the path taken maps logged events onto diagram edges', async () => {
  const layout = await layoutDiagram(getDefinition('fitness-test-exemption', 1), zh);
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

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const ID = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b|\b[A-Z]{3,}(_[A-Z]+)*\b|\b[a-z]+(\.[a-z][A-Za-z]*)+\b/;

test('every definition lays out top down in words: initial state on top, no boxes overlapping, no code ids', async () => {
  for (const lang of ['zh', 'en'] as const) {
    const L = labeler(lang, new Map());
    for (const d of allDefinitions()) {
      const layout = await layoutDiagram(d, L);
      const name = `${d.id} v${d.version} (${lang})`;
      const nodes = layout.nodes;
      for (const a of nodes) {
        for (const b of nodes) {
          if (a === b) continue;
          const nested = b.path.startsWith(`${a.path}.`) || a.path.startsWith(`${b.path}.`);
          if (nested) {
            if (b.path.startsWith(`${a.path}.`)) assert.ok(inside(b, a), `${name}: ${b.path} inside ${a.path}`);
          } else {
            assert.ok(!overlap(a, b), `${name}: ${a.path} and ${b.path} overlap`);
          }
        }
        assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= layout.width && a.y + a.h <= layout.height, `${name}: ${a.path} inside the drawing`);
      }
      // The root's initial dot is the topmost mark: the chart reads downwards from it.
      const topInitial = Math.min(...layout.initials.map((i) => i.y));
      assert.ok(nodes.every((n) => n.y > topInitial), `${name}: initial dot on top`);
      const words = [...nodes.flatMap((n) => [n.label, n.who ?? '']), ...layout.edges.flatMap((e) => e.text)];
      // Org ids appear only where the org table (empty here) would name them.
      for (const w of words.filter((x) => !/org-|office|hospital|sports/.test(x))) assert.doesNotMatch(w, ID, `${name}: "${w}"`);
    }
  }
});

test('heat classes: counts in round steps, p90 stays in fixed limits, both in words', () => {
  const now = heatScale('now', [0, 3, 17]);
  assert.deepEqual(now.classes.map((c) => c.label.zh), ['0', '1 – 5', '6 – 10', '11 – 15', '16 – 20']);
  assert.equal(now.levelOf(0), 0);
  assert.equal(now.levelOf(5), 1);
  assert.equal(now.levelOf(17), 4);
  assert.deepEqual(heatScale('now', [1]).classes.map((c) => c.label.zh), ['0', '1']);
  const p90 = heatScale('p90', []);
  assert.equal(p90.levelOf(null), 0);
  assert.equal(p90.levelOf(3600), 1);
  assert.equal(p90.levelOf(2 * 86400), 3);
  assert.equal(p90.levelOf(30 * 86400), 5);
  assert.equal(p90.classes[5]!.label.zh, '> 7 天');
});
