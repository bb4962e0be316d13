import { AppError } from './engine/errors';
import type { ProcessDefinition } from './engine/types';
import { cadreLeaveCityReportV1 } from './cadre-leave-city-report/definition';
import { cadreLeaveV1, cadreLeaveV2 } from './cadre-leave/definition';
import { cadrePrivateTravelV1, cadrePrivateTravelV2 } from './cadre-private-travel/definition';
import { dormRepairV1, dormRepairV2 } from './dorm-repair/definition';
import { fireEquipmentV1, fireEquipmentV2 } from './fire-equipment/definition';
import { fitnessTestExemptionV1 } from './fitness-test-exemption/definition';
import { furnitureRepairV1, furnitureRepairV2 } from './furniture-repair/definition';
import { housingPaymentNoticeV1 } from './housing-payment-notice/definition';
import { insuranceOptOutV1, insuranceOptOutV2 } from './insurance-opt-out/definition';
import { presidentsMailboxV1, presidentsMailboxV2 } from './presidents-mailbox/definition';

/**
 * Every version of every process. Instances keep the version they started on, so old
 * versions stay here for as long as instances may run on them.
 */
const ALL: ProcessDefinition[] = [
  fitnessTestExemptionV1,
  cadreLeaveV1,
  cadreLeaveV2,
  cadreLeaveCityReportV1,
  cadrePrivateTravelV1,
  cadrePrivateTravelV2,
  insuranceOptOutV1,
  insuranceOptOutV2,
  dormRepairV1,
  dormRepairV2,
  furnitureRepairV1,
  furnitureRepairV2,
  fireEquipmentV1,
  fireEquipmentV2,
  housingPaymentNoticeV1,
  presidentsMailboxV1,
  presidentsMailboxV2,
];

const byKey = new Map(ALL.map((d) => [`${d.id}@${d.version}`, d]));
const current = new Map<string, ProcessDefinition>();
for (const d of ALL) {
  const existing = current.get(d.id);
  if (!existing || existing.version < d.version) current.set(d.id, d);
}

/** A definition by id, at a version (default: the current one); NOT_FOUND if unknown. */
export function getDefinition(id: string, version?: number): ProcessDefinition {
  const found = version === undefined ? current.get(id) : byKey.get(`${id}@${version}`);
  if (!found) {
    throw new AppError('NOT_FOUND', `process ${id}${version === undefined ? '' : `@${version}`}`, {
      zh: '找不到该办事流程',
      en: 'No such service process',
    });
  }
  return found;
}

/** The current version of every process. */
export function currentDefinitions(): ProcessDefinition[] {
  return [...current.values()];
}

/** Every version of every process (for the admin's diagrams and old instances). */
export function allDefinitions(): ProcessDefinition[] {
  return ALL;
}
