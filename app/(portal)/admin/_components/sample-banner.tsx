import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import type { Translator } from '@/lib/i18n/translate';
import { DEMO_HISTORY_KEY } from '@/lib/admin/demo/load-demo-history';

/** Says so plainly when the numbers on a page include the generated demo history. */
export async function SampleBanner({ db, t }: { db: Db; t: Translator }) {
  const [row] = await db.select().from(settings).where(eq(settings.key, DEMO_HISTORY_KEY));
  if (!row) return null;
  return (
    <p className="sample-banner" role="note" data-testid="sample-banner">
      {t('admin.sampleData')}
    </p>
  );
}
