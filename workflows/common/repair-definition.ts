import type { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import type { Label, PrefillSpec, ProcessDefinition } from '../engine/types';
import { applicantPrefill } from './fields';
import { completeRatingInput, poorRatingGuardLabel } from './poor-rating';
import { ratingSchema, ratingSchemaV2 } from './repair';

/**
 * The three repair processes differ in machine, form and owner; the rest is the same.
 * `reopensOnPoorRating` (v2): the confirmation carries the engine's deadline for a 差评 (workflows/common/poor-rating.ts).
 */
export interface RepairDefinitionFields {
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
  reopensOnPoorRating?: boolean;
}

export function repairDefinition(d: RepairDefinitionFields): ProcessDefinition {
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
    eventInputs: { confirm: d.reopensOnPoorRating ? ratingSchemaV2 : ratingSchema, ...d.eventInputs },
    ...(d.reopensOnPoorRating ? { completeEventInput: completeRatingInput('confirm'), labels: { guards: { poorRating: poorRatingGuardLabel } } } : {}),
    uploadIds: (input) => (input as { photos?: string[] }).photos ?? [],
    instanceTitle: (input, name) => {
      const f = input as { building: string; room: string };
      return { zh: `${d.title.zh}：${f.building} ${f.room}（${name}）`, en: `${d.title.en}: ${f.building} ${f.room} (${name})` };
    },
  };
}
