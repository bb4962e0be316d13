import { dormPrefill } from '../common/fields';
import { repairDefinition } from '../common/repair-definition';
import { assignedVisitSchema, dispatchVisitSchema, dormRepairFormSchema } from './form';
import { dormRepairMachine } from './machine';

export const dormRepairV1 = repairDefinition({
  id: 'dorm-repair',
  version: 1,
  casePrefix: 'SS',
  title: { zh: '学生公寓宿舍报修申请', en: 'Dormitory repair request' },
  summary: {
    zh: '宿舍水电、门窗、家具、网络等故障在线报修，可用手机拍照上传；后勤处派单至维修系统，修好后请确认并评价。',
    en: 'Report a dormitory fault (plumbing, electrical, doors and windows, furniture, network) with photos from your phone; Logistics dispatches it to the maintenance system; confirm and rate when it is fixed.',
  },
  ownerOrgUnitId: 'logistics',
  kinds: ['student'],
  machine: dormRepairMachine,
  inputSchema: dormRepairFormSchema,
  eventInputs: { dispatch: dispatchVisitSchema, assigned: assignedVisitSchema },
  prefill: dormPrefill,
});
