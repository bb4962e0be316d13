import { dormPrefill } from '../common/fields';
import { repairDefinition, type RepairDefinitionFields } from '../common/repair-definition';
import { assignedVisitSchema, dispatchVisitSchema, dormRepairFormSchema } from './form';
import { dormRepairMachine, dormRepairMachineV2 } from './machine';

const dormRepairV1Fields: RepairDefinitionFields = {
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
};

export const dormRepairV1 = repairDefinition(dormRepairV1Fields);

/** v2: a 不满意 / 非常不满意 rating reopens the repair for the department (5 working days to answer). v1 repairs finish on v1. */
export const dormRepairV2 = repairDefinition({ ...dormRepairV1Fields, version: 2, machine: dormRepairMachineV2, reopensOnPoorRating: true });
