import type { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import type { Label, PrefillSpec, ProcessDefinition } from '../engine/types';
import { applicantPrefill } from './fields';
import { ratingSchema } from './repair';

/** The three repair processes differ in machine, form and owner; the rest is the same. */
export function repairDefinition(d: {
  id: string;
  version: number;
  casePrefix: string;
  title: Label;
  summary: Label;
  ownerOrgUnitId: string;
  kinds: Array<'student' | 'staff'>;
  machine: AnyStateMachine;
  inputSchema: z.ZodType;
  eventInputs?: Record<string, z.ZodType>;
  /** 一表通 beyond who is asking (name, 学号/工号, college or department, phone): e.g. the dormitory. */
  prefill?: Record<string, PrefillSpec>;
}): ProcessDefinition {
  return {
    id: d.id,
    version: d.version,
    casePrefix: d.casePrefix,
    title: d.title,
    summary: d.summary,
    ownerOrgUnitId: d.ownerOrgUnitId,
    audience: { kinds: d.kinds },
    machine: d.machine,
    inputSchema: d.inputSchema,
    prefill: { ...applicantPrefill, ...d.prefill },
    eventInputs: { confirm: ratingSchema, ...d.eventInputs },
    uploadIds: (input) => (input as { photos?: string[] }).photos ?? [],
    instanceTitle: (input, name) => {
      const f = input as { building: string; room: string };
      return { zh: `${d.title.zh}：${f.building} ${f.room}（${name}）`, en: `${d.title.en}: ${f.building} ${f.room} (${name})` };
    },
  };
}
