import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { requireAdminScope } from '../../authz-admin';
import { translator, type Locale } from '../../i18n/translate';
import { toCsv } from './csv';
import { parseStatsFilters } from './filters';
import { STATS_TABLES, statsTable, type StatsTable, type StatsTableId } from './tables';

export function columnHeader(locale: Locale, columns: string[]): string[] {
  const t = translator(locale);
  return columns.map((c) => t(`admin.col.${c}` as 'admin.col.day'));
}

/** One dashboard table for the API: JSON, or CSV built from exactly the same rows. */
export async function exportStatsTable(db: Db, actor: Actor, table: string, params: URLSearchParams, locale: Locale, at: Date): Promise<{ table: StatsTable; csv: string }> {
  const scope = requireAdminScope(actor);
  if (!(STATS_TABLES as readonly string[]).includes(table)) {
    throw new AppError('NOT_FOUND', `stats table ${table}`, { zh: '没有这张统计表', en: 'No such statistics table' });
  }
  const filters = parseStatsFilters(scope, params, at);
  const result = await statsTable(db, scope, table as StatsTableId, filters, at);
  return { table: result, csv: toCsv(result, columnHeader(locale, result.columns)) };
}
