'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/current-user';
import { canSeeService } from '@/lib/catalog/access';
import { findServiceById, setFavourite } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';

const schema = z.object({ serviceId: z.uuid(), on: z.enum(['0', '1']) });

/** Adds a service the caller can see to their favourites, or removes it. */
export async function toggleFavourite(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = schema.safeParse({ serviceId: form.get('serviceId'), on: form.get('on') });
  if (!parsed.success) return;
  const db = await getDb();
  const service = await findServiceById(db, parsed.data.serviceId);
  if (!service || !canSeeService(service, user)) return;
  await setFavourite(db, user, service.id, parsed.data.on === '1');
  revalidatePath(`/services/${service.code}`);
}
