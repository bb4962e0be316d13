import { simpleRepairMachine } from '../common/simple-repair-machine';

/** 保卫处 reviews → replaced / equipped → the requester confirms. */
const steps = {
  id: 'fire-equipment',
  orgUnitId: 'security',
  review: { zh: '保卫处审核', en: 'Security office review' },
  work: { zh: '更换/配备中', en: 'Being replaced or equipped' },
  workDone: { zh: '已更换/配备', en: 'Replaced / equipped' },
};

export const fireEquipmentMachine = simpleRepairMachine(steps);

/** v2: a 差评 reopens the repair for the department, which answers within 5 working days. */
export const fireEquipmentMachineV2 = simpleRepairMachine({ ...steps, reopenOnPoorRating: true });
