/** The one policy: who may do what (table.ts), decided by can/authorize, seen through field-level views. */
export { authorize, can, recordingDecisions, refusal } from './can';
export { isUuid, loadInstanceFacts } from './facts';
export type * from './resources';
export { holdsRole, holdsRoleIn, isAdmin, unitsWhere } from './roles';
export { addressesEveryone, isApplicantOf, isMailboxOffice, MAILBOX_OFFICE_ORG, MAILBOX_PROCESS, POLICY, processesOwnedBy, senderUnits, tokenScopeOf } from './table';
export type { Action, AreaAction, ResourceOf } from './table';
export { audienceOf, fieldsFor, staffFieldsFor, type Audience, type VisibleFields } from './views';
