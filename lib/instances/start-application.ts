import type { Db, Tx } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { startInstance } from '@/workflows/engine/start-instance';
import { getDefinition } from '@/workflows/registry';
import { authorize } from '../policy';
import { now } from '../clock';
import { getDb } from '../db';
import { deleteDraft } from '../drafts/drafts';
import { lockFacts, rememberTypedFacts } from '../prefill/prefill-form';
import { assertMayStart } from './start-limit';
import { getInstanceView, type InstanceView } from './get-instance-view';

/** Starts a process for the user (UI and API alike) and returns the new instance as they see it. */
export async function startApplication(user: Actor, processId: string, sent: unknown): Promise<InstanceView> {
  const db = await getDb();
  const id = await sendApplication(db, user, processId, sent, await now(db));
  return getInstanceView(db, user, id);
}

/** The start itself, on a given database: returns the new instance's id. */
export async function sendApplication(db: Db, user: Actor, processId: string, sent: unknown, at: Date): Promise<string> {
  const definition = getDefinition(processId);
  authorize(user, 'process.start', { kind: 'process', definition });
  await assertMayStart(db, user.id, at);
  // 一表通: name, 学号 and college come from the person's record, whatever the client sent.
  const input = await lockFacts(db, user.id, definition, sent);
  // The draft of this form has done its job: gone with the start, in its transaction; a corrected
  // phone is kept for the next form ("上次填写").
  const alongside = async (tx: Tx) => {
    await deleteDraft(tx, user, processId);
    await rememberTypedFacts(tx, user.id, definition, input, at);
  };
  const { instance } = await startInstance(db, { processId, actor: user, input, now: at, alongside });
  return instance.id;
}
