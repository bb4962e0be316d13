import type { Audience, BuildMode, CatalogStatus, Channel } from '@/db/schema';

type Pair = { zh: string; en: string };

/** The seed's own words for build modes (流程建设, 应用集成, …): CSV files use these Chinese labels too. */
export const BUILD_MODE_LABELS: Record<BuildMode, Pair> = {
  workflow: { zh: '流程建设', en: 'Our workflow' },
  app: { zh: '应用集成', en: 'Integrated app' },
  'wecom-app': { zh: '企业号应用集成', en: 'WeChat Work app' },
  'workflow+integration': { zh: '流程建设+系统集成', en: 'Workflow + system integration' },
};

export const STATUS_LABELS: Record<CatalogStatus, Pair> = {
  building: { zh: '在建', en: 'Building' },
  testing: { zh: '在测', en: 'Testing' },
  online: { zh: '已上线', en: 'Online' },
  retired: { zh: '已下线', en: 'Retired' },
};

export const CHANNEL_LABELS: Record<Channel, Pair> = {
  pc: { zh: '电脑端', en: 'Desktop' },
  mobile: { zh: '手机端', en: 'Mobile' },
};

export const AUDIENCE_LABELS: Record<Audience, Pair> = {
  student: { zh: '学生', en: 'Students' },
  staff: { zh: '教职工', en: 'Staff' },
  cadre: { zh: '中层干部', en: 'Cadres' },
  public: { zh: '校外公众', en: 'Public' },
};

/** Which status a service may move to from each status (在建 → 在测 → 已上线 → 已下线, and back to work). */
export const NEXT_STATUSES: Record<CatalogStatus, CatalogStatus[]> = {
  building: ['testing', 'retired'],
  testing: ['online', 'building', 'retired'],
  online: ['retired', 'testing'],
  retired: ['building', 'online'],
};
