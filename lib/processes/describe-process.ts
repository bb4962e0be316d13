import { z } from 'zod';
import type { Actor } from '@/workflows/engine/actor';
import type { ProcessDefinition, StateMeta } from '@/workflows/engine/types';
import { currentDefinitions, getDefinition } from '@/workflows/registry';
import { can } from '../policy';

export function listStartableProcesses(actor: Actor) {
  return currentDefinitions()
    .filter((d) => can(actor, 'process.start', { kind: 'process', definition: d }))
    .map((d) => ({ id: d.id, version: d.version, title: d.title, summary: d.summary, ownerOrgUnitId: d.ownerOrgUnitId }));
}

interface StateDescription {
  path: string;
  type: string;
  meta: StateMeta | undefined;
  events: string[];
  children: StateDescription[];
}

function describeNode(node: ProcessDefinition['machine']['root'], prefix: string): StateDescription[] {
  return Object.entries(node.states).map(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return {
      path,
      type: child.type,
      meta: child.meta as StateMeta | undefined,
      events: [...child.ownEvents],
      children: describeNode(child, path),
    };
  });
}

/** A process's current version for integrators: states, events, meta and the input's JSON Schema. */
export function describeProcess(id: string) {
  const d = getDefinition(id);
  return {
    id: d.id,
    version: d.version,
    title: d.title,
    summary: d.summary,
    audience: d.audience,
    ownerOrgUnitId: d.ownerOrgUnitId,
    initial: d.machine.root.initial?.target?.[0]?.key ?? null,
    states: describeNode(d.machine.root, ''),
    inputSchema: z.toJSONSchema(d.inputSchema, { io: 'input' }),
  };
}
