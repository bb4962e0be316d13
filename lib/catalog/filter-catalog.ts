import { AUDIENCES, BUILD_MODES, CHANNELS, type Audience, type BuildMode, type Channel } from '@/db/schema';
import { MAX_QUERY, searchDocs } from './search';
import { findTheme } from './themes';

export interface CatalogFilters {
  q: string;
  theme?: string;
  department?: string;
  audience?: Audience;
  channel?: Channel;
  mode?: BuildMode;
  /** 全部: also the services for other groups (by default a person sees their own audience's). */
  all: boolean;
  page: number;
}

type Raw = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Filters from the URL; unknown values are dropped and reported, never passed on. */
export function parseFilters(raw: Raw, departmentIds: Set<string>): { filters: CatalogFilters; ignored: boolean; truncated: boolean } {
  let ignored = false;
  const pickIf = <T extends string>(value: string | undefined, ok: (v: string) => boolean): T | undefined => {
    if (value === undefined) return undefined;
    if (ok(value)) return value as T;
    ignored = true;
    return undefined;
  };
  const q = (one(raw.q) ?? '').slice(0, 1000);
  const page = Number(one(raw.page) ?? '1');
  const filters: CatalogFilters = {
    q,
    theme: pickIf(one(raw.theme), (v) => !!findTheme(v)),
    department: pickIf(one(raw.department), (v) => departmentIds.has(v)),
    audience: pickIf<Audience>(one(raw.audience), (v) => (AUDIENCES as readonly string[]).includes(v)),
    channel: pickIf<Channel>(one(raw.channel), (v) => (CHANNELS as readonly string[]).includes(v)),
    mode: pickIf<BuildMode>(one(raw.mode), (v) => (BUILD_MODES as readonly string[]).includes(v)),
    all: one(raw.all) === '1',
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
  return { filters, ignored, truncated: Array.from(q.replace(/\s+/g, '')).length > MAX_QUERY };
}

interface Filterable {
  nameZh: string;
  nameEn: string;
  keywords: string;
  theme: string;
  departmentId: string;
  audience: Audience[];
  channels: Channel[];
  buildMode: BuildMode;
}

/**
 * The services that pass the filters; with a search, best match first. `mine` is the person's
 * audiences (audiencesOf): unless 全部 or an audience is chosen, only services for them are kept.
 */
export function applyFilters<T extends Filterable>(services: T[], f: CatalogFilters, mine?: Audience[]): T[] {
  const scoped = mine && !f.all && !f.audience ? services.filter((s) => s.audience.some((a) => mine.includes(a))) : services;
  const kept = scoped.filter(
    (s) =>
      (!f.theme || s.theme === f.theme) &&
      (!f.department || s.departmentId === f.department) &&
      (!f.audience || s.audience.includes(f.audience)) &&
      (!f.channel || s.channels.includes(f.channel)) &&
      (!f.mode || s.buildMode === f.mode),
  );
  if (!f.q.trim()) return kept;
  const docs = kept.map((s) => ({ name: s.nameZh, nameEn: s.nameEn, keywords: s.keywords, s }));
  return searchDocs(docs, f.q).map((d) => d.s);
}
