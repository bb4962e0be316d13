import type { Actor } from '@/workflows/engine/actor';
import { startInstance } from '@/workflows/engine/start-instance';
import { now } from '../clock';
import { getDb } from '../db';
import { getInstanceView, type InstanceView } from './get-instance-view';

/** Starts a process for the user (UI and API alike) and returns the new instance as they see it. */
export async function startApplication(user: Actor, processId: string, input: unknown): Promise<InstanceView> {
  const db = await getDb();
  const { instance } = await startInstance(db, { processId, actor: user, input, now: await now(db) });
  return getInstanceView(db, user, instance.id);
}
