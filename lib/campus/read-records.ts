import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { campusRecords } from '@/db/schema';
import type { DatasetId } from './datasets';

/**
 * A user's rows of a dataset: only rows owned by their campus id, plus rows for everyone
 * (term calendar). The owner filter is the whole authorization: nobody reads another's grades.
 */
export async function readMyRecords(db: Db, username: string, datasetId: DatasetId) {
  const rows = await db
    .select({ data: campusRecords.data, updatedAt: campusRecords.updatedAt })
    .from(campusRecords)
    .where(and(eq(campusRecords.dataset, datasetId), or(eq(campusRecords.ownerUsername, username), isNull(campusRecords.ownerUsername))))
    .orderBy(asc(campusRecords.naturalKey));
  return rows.map((r) => r.data);
}
