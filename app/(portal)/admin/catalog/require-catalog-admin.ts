import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';

/** Catalog admin pages exist only for process/system admins; others get the ordinary 404. */
export async function requireCatalogAdmin() {
  const user = await requireUserPage();
  if (!can(user, 'catalog.manage')) notFound();
  return user;
}
