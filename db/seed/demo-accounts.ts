import type { Role } from '../schema';
// The list lives in JSON so that scripts/start.mjs (plain Node) can print it after the first start.
import demo from './demo-accounts.json';

export interface DemoAccount {
  username: string;
  name: string;
  kind: 'student' | 'staff';
  orgUnitId: string;
  isCadre?: boolean;
  /** The phone on the person's record (学籍/人事), which forms start with (一表通); most have none. */
  phone?: string;
  roles: Array<[Role, string | null]>;
  /** Why the account exists, where its role alone does not say. */
  note?: string;
}

export const DEMO_PASSWORD: string = demo.password;

/** The demo accounts listed in the README; every one logs in with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = demo.accounts as DemoAccount[];
