import type { SessionUser } from '../auth/load-actor';
import { getDb } from '../db';
import type { DatasetId } from './datasets';
import { readMyRecords } from './read-records';

/** A page's rows for the signed-in user (their own rows only). */
export async function myRows<T>(user: SessionUser, dataset: DatasetId): Promise<T[]> {
  return (await readMyRecords(await getDb(), user.username, dataset)) as T[];
}
