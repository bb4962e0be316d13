import type { ProcessDefinition } from '../engine/types';
import { fitnessFormSchema, type FitnessForm } from './form';
import { fitnessMachine } from './machine';

const KIND_LABEL = { exempt: { zh: '免测', en: 'exemption' }, defer: { zh: '缓测', en: 'deferral' } } as const;

export const fitnessTestExemptionV1: ProcessDefinition = {
  id: 'fitness-test-exemption',
  version: 1,
  casePrefix: 'TC',
  title: { zh: '体质测试免测/缓测申请', en: 'Physical fitness test exemption / deferral' },
  summary: {
    zh: '因伤病等原因无法参加学生体质测试的，在线申请免测或缓测；须上传医院证明，由辅导员、校医院核实，体育部审批。不再接收书面申请。',
    en: 'Apply online to be exempted from or to defer the student fitness test. A hospital certificate is required; your counselor and the university hospital verify it and the PE department decides.',
  },
  ownerOrgUnitId: 'sports',
  audience: { kinds: ['student'] },
  machine: fitnessMachine,
  inputSchema: fitnessFormSchema,
  eventInputs: { resubmit: fitnessFormSchema },
  uploadIds: (input) => (input as Partial<FitnessForm>).evidence ?? [],
  instanceTitle: (input, applicantName) => {
    const kind = KIND_LABEL[(input as FitnessForm).kind];
    return {
      zh: `${applicantName}的体质测试${kind.zh}申请`,
      en: `Fitness test ${kind.en} — ${applicantName}`,
    };
  },
};
