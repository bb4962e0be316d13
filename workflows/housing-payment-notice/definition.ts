import type { ProcessDefinition } from '../engine/types';
import { housingNoticeFormSchema, paidSchema, type HousingNoticeForm } from './form';
import { housingNoticeMachine } from './machine';

export const housingPaymentNoticeV1: ProcessDefinition = {
  id: 'housing-payment-notice',
  version: 1,
  casePrefix: 'ZF',
  title: { zh: '周转房缴费通知', en: 'Staff housing payment notice' },
  summary: {
    zh: '资产管理处向周转房租户发出缴费通知；租户确认后缴费并上传凭证，资产管理处确认到账。逾期未缴的会收到提醒。',
    en: 'The Assets office sends payment notices to tenants of staff housing; tenants acknowledge, pay and upload the receipt; the office confirms. Overdue notices send reminders.',
  },
  ownerOrgUnitId: 'assets',
  audience: { kinds: ['staff', 'student'], issuedBy: { role: 'handler', orgUnitId: 'assets' } },
  machine: housingNoticeMachine,
  inputSchema: housingNoticeFormSchema,
  eventInputs: { markPaid: paidSchema },
  uploadIds: (input) => (input as { receipt?: string[] }).receipt ?? [],
  instanceTitle: (input, name) => {
    const f = input as HousingNoticeForm;
    return { zh: `周转房缴费通知：${f.room} ${f.period}（${name}）`, en: `Housing payment: ${f.room} ${f.period} (${name})` };
  },
};
