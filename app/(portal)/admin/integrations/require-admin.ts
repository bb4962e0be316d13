import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';

/** Admin pages: anyone else gets a plain 404 (the page's existence is not advertised). */
export async function requireAdminPage() {
  const user = await requireUserPage();
  if (!can(user, 'admin.integrations')) notFound();
  return user;
}
