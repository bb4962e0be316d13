import { z } from 'zod';
import { applicant, location } from '../common/fields';

export const FURNITURE_CATEGORIES = ['desk', 'chair', 'cabinet', 'shelf', 'sofa', 'other'] as const;

/** 办公家具零星维修 — same location / photos fields as the dormitory repair. */
export const furnitureRepairFormSchema = z.object({
  building: location.building,
  room: location.room,
  category: z.enum(FURNITURE_CATEGORIES, { message: '请选择家具类别' }),
  description: location.description,
  photos: location.photos,
  preferredTime: location.preferredTime,
  ...applicant,
});

export type FurnitureRepairForm = z.infer<typeof furnitureRepairFormSchema>;
