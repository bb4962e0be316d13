/**
 * The one label function (contract 5): code ids → the words people use, in zh and en.
 * State paths, events, guards and timers come from the definitions' own meta
 * (workflows/labels, pure, shared with the engine's message titles); roles from the i18n
 * dictionaries; org units from the org table. Pages, CSV exports, timelines and message
 * titles call these; nobody keeps a label map of their own.
 */
export { eventLabel, guardLabel, stateLabel, timerLabel } from '@/workflows/labels/definition-labels';
export { GENERIC_EVENT_LABELS } from '@/workflows/labels/generic-events';
export { groupBadge, GROUP_MODE_LABELS } from '@/workflows/labels/group-labels';
export { isPoorRating, SATISFACTION_LEVELS, satisfactionLevel, type SatisfactionLevel } from '@/workflows/labels/satisfaction';
export { roleLabel, processLabel, statusLabel } from './fixed-labels';
export { loadOrgNames, orgLabel, scopeLabel, taskWhoLabel, type OrgNames } from './org-labels';
export { getLabeler, labeler, type Labeler } from './labeler';
export type { Label } from '@/workflows/engine/types';
