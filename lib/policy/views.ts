import type { InstanceResource, PolicyActor } from './resources';
import { isAdmin } from './roles';
import { isApplicantOf, isMailboxOffice, MAILBOX_PROCESS } from './table';

/**
 * Field-level views: who looks at an instance decides which of its sensitive fields they get.
 * Every view model of an instance (application page, API, letters desk, admin detail and lists)
 * asks here instead of deciding on its own.
 */
export type Audience = 'applicant' | 'handler' | 'office' | 'admin' | 'public';

export interface VisibleFields {
  /** Who applied or wrote: name, account, department (the applicant's own view always has it). */
  writerIdentity: boolean;
  /** Names of the staff who acted (an office keeps its people out of the writer's view). */
  staffNames: boolean;
  /** Comments staff wrote while handling (return reasons, transfer notes, review opinions). */
  internalComments: boolean;
}

const FIELDS: Record<Audience, (r: Pick<InstanceResource, 'anonymous' | 'confidential'>) => VisibleFields> = {
  // A confidential process (校长信箱) shows its writer the public steps only.
  applicant: (r) => ({ writerIdentity: true, staffNames: !r.confidential, internalComments: !r.confidential }),
  // An anonymous writer is named to no member of staff, whatever their role.
  handler: (r) => ({ writerIdentity: !r.anonymous, staffNames: true, internalComments: true }),
  office: (r) => ({ writerIdentity: !r.anonymous, staffNames: true, internalComments: true }),
  admin: (r) => ({ writerIdentity: !r.anonymous, staffNames: true, internalComments: true }),
  public: () => ({ writerIdentity: false, staffNames: false, internalComments: false }),
};

/** The audience one viewer belongs to for one instance (the most inside one wins, applicant first). */
export function audienceOf(actor: PolicyActor | null, r: InstanceResource): Audience {
  if (!actor) return 'public';
  if (isApplicantOf(actor, r)) return 'applicant';
  if (r.processId === MAILBOX_PROCESS && isMailboxOffice(actor)) return 'office';
  // Whoever else sees it (through a task, or monitoring) is staff; the policy decided they may.
  return isAdmin(actor) ? 'admin' : 'handler';
}

export function fieldsFor(audience: Audience, r: Pick<InstanceResource, 'anonymous' | 'confidential'>): VisibleFields {
  return FIELDS[audience](r);
}

/** For lists of many instances (monitoring, desk queues): staff audiences, no per-row task facts. */
export function staffFieldsFor(r: Pick<InstanceResource, 'anonymous' | 'confidential'>): VisibleFields {
  return FIELDS.admin(r);
}
