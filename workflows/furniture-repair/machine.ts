import { simpleRepairMachine } from '../common/simple-repair-machine';

/** 资产管理处 reviews → repaired → the requester accepts it. */
const steps = {
  id: 'furniture-repair',
  orgUnitId: 'assets',
  review: { zh: '资产管理处审核', en: 'Assets office review' },
  work: { zh: '维修中', en: 'Being repaired' },
  workDone: { zh: '已修复', en: 'Repaired' },
};

export const furnitureRepairMachine = simpleRepairMachine(steps);

/** v2: a 差评 reopens the repair for the department, which answers within 5 working days. */
export const furnitureRepairMachineV2 = simpleRepairMachine({ ...steps, reopenOnPoorRating: true });
