import { forbidden } from 'next/navigation';
import { requireUserPage } from '../auth/current-user';
import { adminScope, type AdminScope } from '../policy';
import { now } from '../clock';
import { getDb } from '../db';
import { getTranslator } from '../i18n/server';

/**
 * What every admin page starts from: the signed-in user, their admin scope (403 page
 * when they have none), the database, the clock and the translator.
 */
export async function adminPageContext() {
  const user = await requireUserPage();
  const scope: AdminScope | null = adminScope(user);
  if (!scope) forbidden();
  const db = await getDb();
  const [{ t, locale }, at] = await Promise.all([getTranslator(), now(db)]);
  return { user, scope, db, t, locale, now: at, isOperator: scope.kind === 'all' };
}
