import { canManageCatalog } from '@/lib/catalog/access';
import { writeCatalogCsv } from '@/lib/catalog/catalog-csv';
import { loadCatalog } from '@/lib/catalog/queries';
import { userRoute } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { AppError } from '@/workflows/engine/errors';

/** The whole catalog as CSV for process admins (the format the import reads back). */
export const GET = userRoute(async ({ user }) => {
  if (!canManageCatalog(user)) throw new AppError('FORBIDDEN', 'catalog export');
  const csv = writeCatalogCsv(await loadCatalog(await getDb()));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="catalog.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
