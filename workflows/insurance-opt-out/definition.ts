import type { ProcessDefinition } from '../engine/types';
import { insuranceFormSchema, type InsuranceForm } from './form';
import { insuranceMachine } from './machine';
import { insuranceMachineV2 } from './machine-v2';

export const insuranceOptOutV1: ProcessDefinition = {
  id: 'insurance-opt-out',
  version: 1,
  casePrefix: 'YB',
  title: { zh: '城乡居民医保不参保申请', en: 'Opt out of the residents’ medical insurance' },
  summary: {
    zh: '已在其他地方参加医疗保险的学生，上传参加医疗保险证明，申请本年度不参加城乡居民医保，由校医院登记。申请截止后不再受理。',
    en: 'Students insured elsewhere upload proof of that insurance to opt out of this year’s residents’ medical insurance; the university hospital registers it. Closed after the deadline.',
  },
  ownerOrgUnitId: 'hospital',
  audience: { kinds: ['student'] },
  machine: insuranceMachine,
  inputSchema: insuranceFormSchema,
  eventInputs: { resubmit: insuranceFormSchema },
  uploadIds: (input) => (input as Partial<InsuranceForm>).proof ?? [],
  instanceTitle: (input, name) => ({
    zh: `${name}的医保不参保申请（${(input as InsuranceForm).insurer}）`,
    en: `Insurance opt-out — ${name}`,
  }),
};

/** v2: 校医院 can refuse an application that cannot qualify. v1 instances finish on v1. */
export const insuranceOptOutV2: ProcessDefinition = { ...insuranceOptOutV1, version: 2, machine: insuranceMachineV2 };
