import type { ProcessDefinition } from '../engine/types';
import { checkDeputy } from './check-deputy';
import { checkCadreLeaveEvent } from './check-event';
import { cadreLeaveFormSchema, reportBackSchema, type CadreLeaveForm } from './form';
import { cadreLeaveGuardLabels, cadreLeaveMachine, cadreLeaveMachineV2 } from './machine';

export const cadreLeaveV1: ProcessDefinition = {
  id: 'cadre-leave',
  version: 1,
  casePrefix: 'QJ',
  title: { zh: '中层干部请假申请', en: 'Leave application (middle-level cadres)' },
  summary: {
    zh: '中层干部请假：部门负责人审批，超过 3 个工作日的报分管校领导审批，组织部备案；假满后及时销假。',
    en: 'Leave for middle-level cadres: the department leader approves, leave over 3 working days also goes to the school leader in charge, the Organization Department files it; report back when you return.',
  },
  ownerOrgUnitId: 'org-dept',
  audience: { kinds: ['staff'], cadreOnly: true },
  machine: cadreLeaveMachine,
  labels: { guards: cadreLeaveGuardLabels },
  personFields: ['deputy'],
  // 一表通: the contact starts as the phone the hall knows; the cadre may change it.
  prefill: { contact: { fact: 'phone' } },
  inputSchema: cadreLeaveFormSchema,
  eventInputs: { resubmit: cadreLeaveFormSchema, reportBack: reportBackSchema },
  checkEvent: checkCadreLeaveEvent,
  uploadIds: () => [],
  checkInput: (db, input, applicant) => checkDeputy(db, (input as CadreLeaveForm).deputy, applicant),
  instanceTitle: (input, name) => {
    const f = input as CadreLeaveForm;
    return { zh: `${name}的请假申请（${f.startDate} 至 ${f.endDate}）`, en: `Leave — ${name} (${f.startDate} to ${f.endDate})` };
  },
};

/** v2: 或签 of the department's leaders, 依次 of the school leaders for a long leave. v1 instances finish on v1. */
export const cadreLeaveV2: ProcessDefinition = {
  ...cadreLeaveV1,
  version: 2,
  summary: {
    zh: '中层干部请假：部门负责人审批（任一负责人同意即可），超过 3 个工作日的报校领导依次审批，组织部备案；假满后及时销假。',
    en: 'Leave for middle-level cadres: a department leader approves (any one of them), leave over 3 working days also goes to the school leaders in turn, the Organization Department files it; report back when you return.',
  },
  machine: cadreLeaveMachineV2,
};
