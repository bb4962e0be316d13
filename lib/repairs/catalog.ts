import type { BuildMode, Channel } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import type { Label } from '@/workflows/engine/types';
import { canSeeService } from '../catalog/access';
import type { CatalogRow } from '../catalog/queries';
import { serviceLink, type ServiceLink } from '../catalog/service-link';
import { REPAIR_PROCESS_IDS } from '../open311/services';

export { REPAIR_PROCESS_IDS };

/**
 * The six repair services of the seed's table (校园报修服务汇总, as of 2017-10-10), in its order,
 * by catalog code. Only the order lives here: names, channels, how each is built and where its
 * button goes are the catalog entry's (服务目录管理), so a changed address changes everywhere.
 */
export const REPAIR_HUB_CODES = ['dorm-repair', 'logistics-facility-repair', 'instrument-repair', 'furniture-repair', 'classroom-av-repair', 'fire-equipment'] as const;

export interface RepairService {
  no: number;
  code: string;
  name: Label;
  channels: Channel[];
  mode: BuildMode;
  /** 办理 (our form), 打开 (the integrated system), or the guide when there is nothing to open for this person. */
  link: ServiceLink | { kind: 'guide'; href: string };
}

/** The hub as this person sees it: entries they may see, each with the catalog's link. */
export function repairHub(catalog: Pick<CatalogRow, 'code' | 'nameZh' | 'nameEn' | 'channels' | 'buildMode' | 'processId' | 'externalUrl' | 'status' | 'testers'>[], user: SessionUser | null): RepairService[] {
  const byCode = new Map(catalog.map((e) => [e.code, e]));
  return REPAIR_HUB_CODES.flatMap((code, i) => {
    const entry = byCode.get(code);
    if (!entry || !canSeeService(entry, user)) return [];
    return [
      {
        no: i + 1,
        code,
        name: { zh: entry.nameZh, en: entry.nameEn },
        channels: entry.channels,
        mode: entry.buildMode,
        link: serviceLink(entry, user) ?? { kind: 'guide', href: `/services/${encodeURIComponent(code)}` },
      },
    ];
  });
}

/** On a phone: what works on a phone first, then the seed's order. */
export function phoneFirst(services: RepairService[]): RepairService[] {
  return [...services].sort((a, b) => Number(b.channels.includes('mobile')) - Number(a.channels.includes('mobile')) || a.no - b.no);
}
