import type { CatalogStatus } from '@/db/schema';
import type { Actor, TaskRef } from '@/workflows/engine/actor';
import type { ProcessDefinition } from '@/workflows/engine/types';

/**
 * The things the policy decides about, as plain facts (loaded by ./facts.ts or by the caller that
 * already holds the row). Rules are pure functions of an actor and one of these.
 */

/** Whoever acts: a signed-in person, or an API client on behalf of its token's owner (with its scopes). */
export type PolicyActor = Actor & { username?: string; scopes?: string[]; tokenId?: string };

export interface TaskFacts extends TaskRef {
  status: 'open' | 'done' | 'cancelled';
  completedBy: string | null;
  /** The holder a delegated (委派) or added-signer (加签) task goes back to: they still see the instance. */
  returnsTo?: string | null;
}

/** One task of an instance, for the approval operations on it (转办, 委派 …). */
export interface TaskResource {
  kind: 'task';
  task: TaskFacts & { id: string; state: string; handover: 'delegate' | 'signBefore' | 'signAfter' | null };
  instance: InstanceResource;
}

/** The tasks one 批量审批 names (unknown ids count as someone else's). */
export interface TaskBatchResource {
  kind: 'task-batch';
  tasks: TaskFacts[];
  /** Ids asked for that match no task. */
  unknown: number;
}

export interface InstanceResource {
  kind: 'instance';
  id: string;
  processId: string;
  applicantId: string | null;
  applicantOrgId: string | null;
  /** The viewer is the writer of this anonymous letter (matched through its one-way writer reference). */
  viewerIsWriter: boolean;
  /** The writer asked to stay anonymous: no staff view may name them. */
  anonymous: boolean;
  /** The process keeps its handling inside (audience.anonymous, 校长信箱): the writer sees public steps only. */
  confidential: boolean;
  /** The viewer got a copy of it (抄送: an 'instance.copy' message): informed, may read it, does not act. */
  viewerCopied?: boolean;
  /** The viewer has an entry in the instance's log (an opinion, a decision, a hand-over). */
  viewerActed?: boolean;
  tasks: TaskFacts[];
}

export interface UploadResource {
  kind: 'upload';
  ownerId: string | null;
  /** The instance the file is attached to, if any (with its own facts, for instance.view / letter.desk). */
  instance: InstanceResource | null;
}

export type NoticeTarget =
  | { kind: 'org'; orgUnitId: string }
  | { kind: 'role'; role: string; orgUnitId?: string }
  | { kind: 'list'; usernames: string[] };

/** A notice about to be sent (or previewed): whom it names and whether it is marked urgent. */
export interface NoticeDraft {
  kind: 'notice-draft';
  target: NoticeTarget;
  urgent: boolean;
}

export interface NoticeResource {
  kind: 'notice';
  authorId: string;
  /** The viewer is one of its recipients. */
  viewerIsRecipient: boolean;
}

export interface TokenResource {
  kind: 'token';
  /** The account the token acts for. */
  userId: string;
  scopes: string[];
}

export interface ProcessResource {
  kind: 'process';
  definition: ProcessDefinition;
}

export interface ServiceResource {
  kind: 'service';
  status: CatalogStatus;
  testers: string[];
}

export interface DatasetResource {
  kind: 'dataset';
  id: string;
}

/** A department the monitoring pages are filtered to. */
export interface DepartmentResource {
  kind: 'department';
  orgUnitId: string;
}

/** 代理: the person named as deputy, as the policy needs them (lib/out-of-office). */
export interface DeputyResource {
  kind: 'student' | 'staff';
  orgUnitId: string;
  active: boolean;
  roles: Array<{ role: string; orgUnitId: string | null }>;
}
