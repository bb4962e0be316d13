import type { ProcessDefinition } from '../engine/types';
import { checkPrivateTravelEvent } from './check-event';
import { privateTravelFormSchema, type PrivateTravelForm } from './form';
import { privateTravelMachine, privateTravelMachineV2 } from './machine';

export const cadrePrivateTravelV1: ProcessDefinition = {
  id: 'cadre-private-travel',
  version: 1,
  casePrefix: 'CG',
  title: { zh: '中层干部因私出国（境）申请', en: 'Private travel abroad (cadres)' },
  summary: {
    zh: '中层干部因私出国（境）：部门负责人、组织部审核，校领导审批，组织部发放证照；回国（境）后 10 日内交回证照。',
    en: 'Private travel abroad for cadres: department leader and Organization Department review, a school leader approves, the passport is issued and must be handed back within 10 days after the trip.',
  },
  ownerOrgUnitId: 'org-dept',
  audience: { kinds: ['staff'], cadreOnly: true },
  machine: privateTravelMachine,
  // 一表通: the contact starts as the phone the hall knows; the cadre may change it.
  prefill: { contact: { fact: 'phone' } },
  inputSchema: privateTravelFormSchema,
  eventInputs: { resubmit: privateTravelFormSchema },
  checkEvent: checkPrivateTravelEvent,
  uploadIds: () => [],
  instanceTitle: (input, name) => {
    const f = input as PrivateTravelForm;
    return { zh: `${name}因私赴${f.countries.join('、')}`, en: `Private travel to ${f.countries.join(', ')} — ${name}` };
  },
};

/** v2: the school leaders' approval is a 会签 — each of them approves. v1 instances finish on v1. */
export const cadrePrivateTravelV2: ProcessDefinition = {
  ...cadrePrivateTravelV1,
  version: 2,
  summary: {
    zh: '中层干部因私出国（境）：部门负责人、组织部审核，校领导会签（每位校领导均同意），组织部发放证照；回国（境）后 10 日内交回证照。',
    en: 'Private travel abroad for cadres: department leader and Organization Department review, every school leader approves (sign together), the passport is issued and must be handed back within 10 days after the trip.',
  },
  machine: privateTravelMachineV2,
};
