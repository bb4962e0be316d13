import { repairDefinition, type RepairDefinitionFields } from '../common/repair-definition';
import { furnitureRepairFormSchema } from './form';
import { furnitureRepairMachine, furnitureRepairMachineV2 } from './machine';

const furnitureRepairV1Fields: RepairDefinitionFields = {
  id: 'furniture-repair',
  version: 1,
  casePrefix: 'JJ',
  title: { zh: '办公家具零星维修申请', en: 'Office furniture repair request' },
  summary: {
    zh: '办公桌椅、柜子等家具的零星维修：在线申请并拍照，资产管理处审核后安排维修，修好后验收。',
    en: 'Small repairs to office furniture: apply with photos; the Assets office reviews and repairs it; you accept the work.',
  },
  ownerOrgUnitId: 'assets',
  kinds: ['staff'],
  machine: furnitureRepairMachine,
  inputSchema: furnitureRepairFormSchema,
  eventInputs: { resubmit: furnitureRepairFormSchema },
};

export const furnitureRepairV1 = repairDefinition(furnitureRepairV1Fields);

/** v2: a 不满意 / 非常不满意 rating reopens the repair for the department (5 working days to answer). v1 repairs finish on v1. */
export const furnitureRepairV2 = repairDefinition({ ...furnitureRepairV1Fields, version: 2, machine: furnitureRepairMachineV2, reopensOnPoorRating: true });
