import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { copyInstance } from '@/workflows/engine/copy-instance';
import type { copyInstanceBody } from '../api/route-inputs';
import { authorize, authorizeInstance, type PolicyActor } from '../policy';
import { getInstanceView, type InstanceView } from './get-instance-view';
import '@/lib/engine/provide-engine';

/**
 * 抄送 by a task holder (API and the application page alike): someone who may not see the instance
 * learns nothing (404); one who sees it but does not hold its current step is told so (403).
 */
export async function copyApplication(db: Db, user: Actor & PolicyActor, instanceId: string, body: z.output<typeof copyInstanceBody>, now: Date): Promise<InstanceView> {
  const facts = await authorizeInstance(db, user, 'instance.view', instanceId);
  authorize(user, 'instance.copy', facts);
  await copyInstance(db, { instanceId, actor: user, usernames: body.usernames, comment: body.comment, expectedRevision: body.expectedRevision, now });
  return getInstanceView(db, user, instanceId);
}
