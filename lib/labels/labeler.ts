import type { Queryable } from '@/db/client';
import type { Label, ProcessDefinition, TaskMeta } from '@/workflows/engine/types';
import { eventLabel, guardLabel, stateLabel } from '@/workflows/labels/definition-labels';
import { allDefinitions } from '@/workflows/registry';
import type { Locale } from '../i18n/translate';
import { processLabel, roleLabel, statusLabel } from './fixed-labels';
import { loadOrgNames, orgLabel, scopeLabel, taskWhoLabel, type OrgNames } from './org-labels';

/** A definition, or where to find one (an instance row's process id and version). */
export type DefinitionRef = ProcessDefinition | { processId: string; processVersion: number };

function resolve(ref: DefinitionRef | undefined): ProcessDefinition | undefined {
  if (!ref || 'machine' in ref) return ref;
  const all = allDefinitions();
  // An unknown version falls back to the process's newest one: its words are the best guess.
  return all.find((d) => d.id === ref.processId && d.version === ref.processVersion) ?? all.filter((d) => d.id === ref.processId).pop();
}

/** The label functions bound to one language and one read of the org table: what a page or export holds. */
export interface Labeler {
  locale: Locale;
  text(label: Label): string;
  state(definition: DefinitionRef, path: string): string;
  event(definition: DefinitionRef | undefined, type: string, fromState?: string | null): string;
  guard(definition: DefinitionRef, guard: string): string;
  role(role: string): string;
  org(orgUnitId: string | null | undefined): string;
  scope(role: string, orgUnitId: string | null | undefined): string;
  taskWho(task: Pick<TaskMeta, 'role' | 'scope'>): string;
  process(processId: string): string;
  status(status: string): string;
}

export function labeler(locale: Locale, orgs: OrgNames): Labeler {
  const text = (label: Label) => label[locale];
  const same = (s: string): Label => ({ zh: s, en: s });
  return {
    locale,
    text,
    state: (ref, path) => {
      const d = resolve(ref);
      return text(d ? stateLabel(d, path) : same(path));
    },
    event: (ref, type, from) => text(eventLabel(resolve(ref), type, from)),
    guard: (ref, guard) => {
      const d = resolve(ref);
      return text(d ? guardLabel(d, guard) : same(guard));
    },
    role: (role) => text(roleLabel(role)),
    org: (id) => text(orgLabel(orgs, id)),
    scope: (role, id) => text(scopeLabel(orgs, role, id)),
    taskWho: (task) => text(taskWhoLabel(orgs, task)),
    process: (id) => text(processLabel(id)),
    status: (status) => text(statusLabel(status)),
  };
}

/** A labeler for a page or an export: reads the org table once. */
export async function getLabeler(db: Queryable, locale: Locale): Promise<Labeler> {
  return labeler(locale, await loadOrgNames(db));
}
