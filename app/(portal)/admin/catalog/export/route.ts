import { writeCatalogCsv } from '@/lib/catalog/catalog-csv';
import { loadCatalog } from '@/lib/catalog/queries';
import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { authorize } from '@/lib/policy';

/** The whole catalog as CSV for process admins (the format the import reads back). */
export const GET = route(async ({ user }) => {
  authorize(user, 'catalog.manage');
  const csv = writeCatalogCsv(await loadCatalog(await getDb()));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="catalog.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}, { permission: 'catalog.manage' });
