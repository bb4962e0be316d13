import { repairDefinition } from '../common/repair-definition';
import { fireEquipmentFormSchema } from './form';
import { fireEquipmentMachine } from './machine';

export const fireEquipmentV1 = repairDefinition({
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
});
