import { simpleRepairMachine } from '../common/simple-repair-machine';

/** 资产管理处 reviews → repaired → the requester accepts it. */
export const furnitureRepairMachine = simpleRepairMachine({
  id: 'furniture-repair',
  orgUnitId: 'assets',
  review: { zh: '资产管理处审核', en: 'Assets office review' },
  work: { zh: '维修中', en: 'Being repaired' },
  workDone: { zh: '已修复', en: 'Repaired' },
});
