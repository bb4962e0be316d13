import { z } from 'zod';
import { applicant, location } from '../common/fields';

export const DORM_REPAIR_CATEGORIES = ['plumbing', 'electrical', 'doors-windows', 'furniture', 'appliance', 'network', 'other'] as const;

/**
 * 学生公寓宿舍报修 — this shape is a contract: the Open311 endpoint accepts exactly these fields
 * (building 1–50, room 1–20, category, description 5–1000, photos 0–6 upload ids, preferredTime ≤100,
 * phone 5–20 optional); name, 学号 and college are the applicant's own, filled in by the server (一表通).
 */
export const dormRepairFormSchema = z.object({
  building: location.building,
  room: location.room,
  category: z.enum(DORM_REPAIR_CATEGORIES, { message: '请选择故障类别' }),
  description: location.description,
  photos: location.photos,
  preferredTime: location.preferredTime,
  ...applicant,
});

export type DormRepairForm = z.infer<typeof dormRepairFormSchema>;

const worker = z.string().trim().max(50, '维修人员姓名不能超过 50 字');
const workerPhone = z.string().trim().regex(/^(|[0-9+\-\s]{5,20})$/, '维修人员电话只能是 5–20 位数字');
const plannedTime = z.string().trim().max(100, '预计上门时间不能超过 100 字');

/**
 * Who will come and when (维修人员, 电话, 预计上门时间), told to the student: 后勤处 may note it
 * when dispatching (all optional: the maintenance system may assign the worker later).
 */
export const dispatchVisitSchema = z.object({ worker: worker.optional(), workerPhone: workerPhone.optional(), plannedTime: plannedTime.optional() }).optional();

/** The maintenance system assigned a worker (its callback, status `assigned`): all three are known. */
export const assignedVisitSchema = z.object({
  worker: worker.min(1, '请填写维修人员'),
  workerPhone: workerPhone.min(1, '请填写维修人员电话'),
  plannedTime: plannedTime.min(1, '请填写预计上门时间'),
});

export type RepairVisit = z.infer<typeof assignedVisitSchema>;
