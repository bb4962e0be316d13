import type { ProcessDefinition } from '../engine/types';
import { cityReportFormSchema, type CityReportForm } from './form';
import { cityReportGuardLabels, cityReportMachine } from './machine';

export const cadreLeaveCityReportV1: ProcessDefinition = {
  id: 'cadre-leave-city-report',
  version: 1,
  casePrefix: 'LS',
  title: { zh: '中层干部假期或节假日离穗报备', en: 'Report of leaving Guangzhou during holidays (cadres)' },
  summary: {
    zh: '中层干部在假期或节假日离开广州的，事先在线报备目的地、时间和联系方式，组织部确认收到。出发前可修改或撤回。',
    en: 'Cadres leaving Guangzhou during holidays report destination, dates and contact in advance; the Organization Department acknowledges. Editable until the trip starts.',
  },
  ownerOrgUnitId: 'org-dept',
  audience: { kinds: ['staff'], cadreOnly: true },
  machine: cityReportMachine,
  labels: { guards: cityReportGuardLabels },
  // 一表通: the contact starts as the phone the hall knows; the cadre may change it.
  prefill: { contact: { fact: 'phone' } },
  inputSchema: cityReportFormSchema,
  eventInputs: { edit: cityReportFormSchema },
  uploadIds: () => [],
  instanceTitle: (input, name) => {
    const f = input as CityReportForm;
    return { zh: `${name}的离穗报备（${f.destination}）`, en: `Away report — ${name} (${f.destination})` };
  },
};
