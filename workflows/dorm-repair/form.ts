import { z } from 'zod';
import { location } from '../common/fields';

export const DORM_REPAIR_CATEGORIES = ['plumbing', 'electrical', 'doors-windows', 'furniture', 'appliance', 'network', 'other'] as const;

/**
 * 学生公寓宿舍报修 — this shape is a contract: the Open311 endpoint accepts exactly these fields
 * (building 1–50, room 1–20, category, description 5–1000, photos 0–6 upload ids, preferredTime ≤100).
 */
export const dormRepairFormSchema = z.object({
  building: location.building,
  room: location.room,
  category: z.enum(DORM_REPAIR_CATEGORIES, { message: '请选择故障类别' }),
  description: location.description,
  photos: location.photos,
  preferredTime: location.preferredTime,
});

export type DormRepairForm = z.infer<typeof dormRepairFormSchema>;
