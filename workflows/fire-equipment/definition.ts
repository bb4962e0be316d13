import { repairDefinition, type RepairDefinitionFields } from '../common/repair-definition';
import { fireEquipmentFormSchema } from './form';
import { fireEquipmentMachine, fireEquipmentMachineV2 } from './machine';

const fireEquipmentV1Fields: RepairDefinitionFields = {
  id: 'fire-equipment',
  version: 1,
  casePrefix: 'XF',
  title: { zh: '消防器材更换、配备申请', en: 'Fire equipment replacement / provision' },
  summary: {
    zh: '灭火器、消防水带、烟感、应急灯等消防器材的更换或新配备：在线申请并拍照，保卫处审核后更换或配备，申请人确认。',
    en: 'Replace or provide fire equipment (extinguishers, hoses, smoke detectors, emergency lights): apply with photos; the Security office reviews and does it; you confirm.',
  },
  ownerOrgUnitId: 'security',
  kinds: ['staff'],
  machine: fireEquipmentMachine,
  inputSchema: fireEquipmentFormSchema,
  eventInputs: { resubmit: fireEquipmentFormSchema },
};

export const fireEquipmentV1 = repairDefinition(fireEquipmentV1Fields);

/** v2: a 不满意 / 非常不满意 rating reopens the repair for the department (5 working days to answer). v1 repairs finish on v1. */
export const fireEquipmentV2 = repairDefinition({ ...fireEquipmentV1Fields, version: 2, machine: fireEquipmentMachineV2, reopensOnPoorRating: true });
