import type { Actor } from '@/workflows/engine/actor';
import { startInstance } from '@/workflows/engine/start-instance';
import { getDefinition } from '@/workflows/registry';
import { authorize } from '../policy';
import { now } from '../clock';
import { getDb } from '../db';
import { deleteDraft } from '../drafts/drafts';
import { assertMayStart } from './start-limit';
import { getInstanceView, type InstanceView } from './get-instance-view';

/** Starts a process for the user (UI and API alike) and returns the new instance as they see it. */
export async function startApplication(user: Actor, processId: string, input: unknown): Promise<InstanceView> {
  authorize(user, 'process.start', { kind: 'process', definition: getDefinition(processId) });
  const db = await getDb();
  const at = await now(db);
  await assertMayStart(db, user.id, at);
  // The draft of this form has done its job: gone with the start, in its transaction.
  const { instance } = await startInstance(db, { processId, actor: user, input, now: at, alongside: (tx) => deleteDraft(tx, user, processId) });
  return getInstanceView(db, user, instance.id);
}
