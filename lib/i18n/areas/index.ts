/**
 * Feature areas register their strings here: one import and one entry per area, so features
 * can add text without touching the core dictionaries. Each area file exports
 * `{ zh: {...}, en: {...} }` with the same keys in both languages.
 */
import { processes } from './processes';
import { portal } from './portal';
import { mailbox } from './mailbox';
import { admin } from './admin';
import { notify } from './notify';
import { integrations } from './integrations';
import { monitor } from './monitor';
import { applicant } from './applicant';
import { taskOps } from './task-ops';
import { approvals } from './approvals';
import { record } from './record';
import { deputy } from './deputy';
import { forms } from './forms';
import { group } from './group';
import { housing } from './housing';

const areas = { processes, portal, mailbox, admin, notify, integrations, monitor, applicant, approvals, record, taskOps, deputy, housing, forms, group };

type Area = { zh: Record<string, unknown>; en: Record<string, unknown> };

function merge<T extends Record<string, Area>>(all: T) {
  const zh = {} as { [K in keyof T]: T[K]['zh'] };
  const en = {} as { [K in keyof T]: T[K]['en'] };
  for (const [key, area] of Object.entries(all) as Array<[keyof T, Area]>) {
    zh[key] = area.zh as T[keyof T]['zh'];
    en[key] = area.en as T[keyof T]['en'];
  }
  return { zh, en };
}

export const AREAS = merge(areas);
