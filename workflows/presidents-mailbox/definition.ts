import type { ProcessDefinition } from '../engine/types';
import { checkLetterEvent, completeLetterEventInput } from './check-event';
import {
  assignInputSchema,
  departmentInputSchema,
  draftInputSchema,
  duplicateInputSchema,
  followUpInputSchema,
  letterFormSchema,
  rateInputSchema,
  rateInputSchemaV2,
  reassignInputSchema,
  type LetterForm,
} from './form';
import { mailboxEventLabels, mailboxGuardLabels, mailboxMachine } from './machine';
import { mailboxEventLabelsV2, mailboxGuardLabelsV2, mailboxMachineV2 } from './machine-v2';

export const presidentsMailboxV1: ProcessDefinition = {
  id: 'presidents-mailbox',
  version: 1,
  casePrefix: 'XZ',
  title: { zh: '校长信箱', en: "President's mailbox" },
  summary: {
    zh: '实名或匿名给校长写信：建议、咨询、投诉、求助。凭跟踪链接和查询码查看受理、交办、答复的全过程，并对答复评价。',
    en: 'Write to the president, named or anonymous: suggestions, questions, complaints, requests for help. Follow every step and read the reply with your tracking link and query code.',
  },
  ownerOrgUnitId: 'president-office',
  audience: { kinds: ['student', 'staff'], anonymous: true },
  machine: mailboxMachine,
  labels: { guards: mailboxGuardLabels, events: mailboxEventLabels },
  inputSchema: letterFormSchema,
  eventInputs: {
    assign: assignInputSchema,
    submitDraft: draftInputSchema,
    approveDraft: departmentInputSchema,
    returnDraft: departmentInputSchema,
    reassign: reassignInputSchema,
    markDuplicate: duplicateInputSchema,
    rate: rateInputSchema,
    followUp: followUpInputSchema,
  },
  completeEventInput: completeLetterEventInput,
  checkEvent: checkLetterEvent,
  uploadIds: (input) => (input as Partial<LetterForm>).attachments ?? [],
  // The writer's name never goes into titles: staff lists must not unmask an anonymous letter.
  instanceTitle: (input) => {
    const subject = (input as LetterForm).subject;
    return { zh: `校长信箱：${subject}`, en: `President's mailbox: ${subject}` };
  },
};

/**
 * v2: the writer rates in the five levels of 好差评; a 差评 reopens the letter for its departments
 * with 5 working days to answer (machine-v2.ts). v1 letters finish on v1.
 */
export const presidentsMailboxV2: ProcessDefinition = {
  ...presidentsMailboxV1,
  version: 2,
  machine: mailboxMachineV2,
  labels: { guards: mailboxGuardLabelsV2, events: mailboxEventLabelsV2 },
  eventInputs: { ...presidentsMailboxV1.eventInputs, rate: rateInputSchemaV2 },
};
