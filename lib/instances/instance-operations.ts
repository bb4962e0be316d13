import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { urgeInstance, withdrawApplication, withdrawApproval } from '@/workflows/engine/instance-ops';
import { authorize, authorizeInstance } from '../policy';
import '@/lib/engine/provide-engine';

/**
 * 撤回 and 催办 as people and API clients call them: the policy decides who may (an outsider
 * learns nothing: 404), the engine whether now (workflows/engine/instance-ops.ts).
 */

export type InstanceOp = 'withdrawApplication' | 'withdrawApproval' | 'urge';

const RUN = { withdrawApplication, withdrawApproval, urge: urgeInstance } as const;
const POLICY_OF = { withdrawApplication: 'instance.withdraw', withdrawApproval: 'instance.withdraw-approval', urge: 'instance.urge' } as const;

export async function operateOnInstance(db: Db, actor: Actor, op: InstanceOp, instanceId: string, body: { reason?: string; expectedRevision?: number }, at: Date) {
  const facts = await authorizeInstance(db, actor, 'instance.view', instanceId);
  authorize(actor, POLICY_OF[op], facts);
  const { instance, event } = await RUN[op](db, { instanceId, actor, reason: body.reason, expectedRevision: body.expectedRevision, now: at });
  return { id: instance.id, status: instance.status, state: instance.state, revision: instance.revision, event: event.type };
}
