import { repairDefinition } from '../common/repair-definition';
import { furnitureRepairFormSchema } from './form';
import { furnitureRepairMachine } from './machine';

export const furnitureRepairV1 = repairDefinition({
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
});
