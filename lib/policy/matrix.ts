import { DEMO_ACCOUNTS, type DemoAccount } from '@/db/seed/demo-accounts';
import { can } from './can';
import type { PolicyActor } from './resources';
import { isAreaAction, type AreaAction } from './table';

export { isAreaAction };

/**
 * The authorization matrix's expectations, generated from the table: for an area action (decided
 * by roles alone), the demo accounts the policy lets in. e2e/proof-authz.spec.ts checks every
 * route that declares such an action against this, so the matrix cannot drift from the table.
 */
export function demoActor(account: DemoAccount): PolicyActor {
  return {
    id: account.username,
    username: account.username,
    name: account.name,
    kind: account.kind,
    isCadre: account.isCadre ?? false,
    orgUnitId: account.orgUnitId,
    roles: account.roles.map(([role, orgUnitId]) => ({ role, orgUnitId })),
  };
}

export function demoAccountsAllowed(action: AreaAction): string[] {
  return DEMO_ACCOUNTS.filter((a) => can(demoActor(a), action)).map((a) => a.username);
}
