import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { adminScope, authorize } from '../../policy';
import { translator, type Locale } from '../../i18n/translate';
import { getLabeler } from '../../labels';
import { toCsv } from './csv';
import { parseStatsFilters } from './filters';
import { labelRows } from './label-rows';
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../../labels';
import { STATS_TABLES, statsTable, type StatsTable, type StatsTableId } from './tables';

/** 好差评 columns are named by the one scale's own words (lib/labels). */
const LEVEL_COLUMNS: Record<string, SatisfactionLevel> = { verySatisfied: 5, satisfied: 4, fairlySatisfied: 3, dissatisfied: 2, veryDissatisfied: 1 };

export function columnHeader(locale: Locale, columns: string[]): string[] {
  const t = translator(locale);
  return columns.map((c) => (LEVEL_COLUMNS[c] ? SATISFACTION_LEVELS[LEVEL_COLUMNS[c]][locale] : t(`admin.col.${c}` as 'admin.col.day')));
}

/** One dashboard table for the API: JSON (ids, for programs), or CSV for people: the same rows, in words. */
export async function exportStatsTable(db: Db, actor: Actor, table: string, params: URLSearchParams, locale: Locale, at: Date): Promise<{ table: StatsTable; csv: string }> {
  authorize(actor, 'admin.monitor');
  const scope = adminScope(actor)!;
  if (!(STATS_TABLES as readonly string[]).includes(table)) {
    throw new AppError('NOT_FOUND', `stats table ${table}`, { zh: '没有这张统计表', en: 'No such statistics table' });
  }
  const filters = parseStatsFilters(scope, params, at);
  const result = await statsTable(db, scope, table as StatsTableId, filters, at);
  const L = await getLabeler(db, locale);
  return { table: result, csv: toCsv({ ...result, rows: labelRows(result, L) }, columnHeader(locale, result.columns)) };
}
