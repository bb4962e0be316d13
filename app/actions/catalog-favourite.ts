'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { findServiceById, setFavourite } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { authorize } from '@/lib/policy';

/** Adds a service the caller can see to their favourites, or removes it. */
export const toggleFavourite = action(
  z.object({ serviceId: z.uuid(), on: z.enum(['0', '1']) }),
  async ({ serviceId, on }, { user }) => {
    const db = await getDb();
    const service = await findServiceById(db, serviceId);
    if (!service) throw new AppError('NOT_FOUND', `service ${serviceId}`);
    authorize(user, 'service.view', { kind: 'service', status: service.status, testers: service.testers });
    await setFavourite(db, user, service.id, on === '1');
    revalidatePath(`/services/${service.code}`);
  },
  { permission: 'service.view' },
);
