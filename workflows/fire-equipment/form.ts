import { z } from 'zod';
import { applicant, location } from '../common/fields';

export const FIRE_EQUIPMENT = ['extinguisher', 'hydrant-hose', 'smoke-detector', 'emergency-light', 'exit-sign', 'other'] as const;

/** 消防器材更换、配备 — what, replace or newly equip, how many; same location / photos fields. */
export const fireEquipmentFormSchema = z.object({
  building: location.building,
  room: location.room,
  equipment: z.enum(FIRE_EQUIPMENT, { message: '请选择器材类别' }),
  request: z.enum(['replace', 'equip'], { message: '请选择更换或配备' }),
  quantity: z.coerce.number({ message: '请填写数量' }).int('数量应为整数').min(1, '数量至少为 1').max(50, '数量不能超过 50'),
  description: location.description,
  photos: location.photos,
  preferredTime: location.preferredTime,
  ...applicant,
});

export type FireEquipmentForm = z.infer<typeof fireEquipmentFormSchema>;
