/** The one policy: who may do what (table.ts), decided by can/authorize, seen through field-level views. */
export { authorize, can, recordingDecisions, refusal } from './can';
export { anonymousOf, anonymousSql, authorizeInstance, authorizeTask, isUuid, loadInstanceFacts, rowFacts } from './facts';
export { isWriterOf, writerRef } from './writer';
export type * from './resources';
export { holdsRole, holdsRoleIn, isAdmin, unitsWhere } from './roles';
export { addressesEveryone, isApplicantOf, isMailboxOffice, MAILBOX_OFFICE_ORG, MAILBOX_PROCESS, noticeListReach, POLICY, senderUnits, tokenScopeOf } from './table';
export type { Action, AreaAction, ResourceOf } from './table';
export { audienceOf, fieldsFor, staffFieldsFor, type Audience, type VisibleFields } from './views';
export { adminScope, instanceScopeCondition, instanceScopeSql, processesOwnedBy, scopeAllowsDepartment, scopeAllowsInstance, type AdminScope } from './admin-scope';
