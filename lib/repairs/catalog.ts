import type { Label } from '@/workflows/engine/types';

export type Channel = 'pc' | 'phone';
export type BuildMode = '流程建设' | '应用集成' | '企业号应用集成' | '流程建设+系统集成';

export interface RepairService {
  no: number;
  name: Label;
  channels: Channel[];
  mode: BuildMode;
  /** Our own workflow (run here) … */
  processId?: string;
  /** … or the external application it opens. */
  href?: string;
}

export const BUILD_MODE_EN: Record<BuildMode, string> = {
  流程建设: 'Workflow',
  应用集成: 'Integrated app',
  企业号应用集成: 'WeChat Work app',
  '流程建设+系统集成': 'Workflow + system integration',
};

/**
 * The seed's table of the six repair services (校园报修服务汇总, as of 2017-10-10), in its order.
 * The integrated ones live in other systems; their addresses are the campus apps' entry points.
 */
export const REPAIR_SERVICES: RepairService[] = [
  { no: 1, name: { zh: '学生公寓宿舍报修申请', en: 'Dormitory repair request' }, channels: ['pc', 'phone'], mode: '流程建设+系统集成', processId: 'dorm-repair' },
  { no: 2, name: { zh: '后勤处物业设施故障报修服务', en: 'Logistics facility fault reports' }, channels: ['phone'], mode: '企业号应用集成', href: 'https://work.weixin.qq.com/' },
  { no: 3, name: { zh: '仪器设备报修申请', en: 'Instrument repair request' }, channels: ['pc'], mode: '应用集成', href: '/services?q=仪器设备' },
  { no: 4, name: { zh: '办公家具零星维修申请', en: 'Office furniture repair request' }, channels: ['pc', 'phone'], mode: '流程建设', processId: 'furniture-repair' },
  { no: 5, name: { zh: '公共教室多媒体设备报修', en: 'Classroom multimedia fault reports' }, channels: ['phone'], mode: '应用集成', href: '/services?q=多媒体' },
  { no: 6, name: { zh: '消防器材更换、配备申请', en: 'Fire equipment replacement / provision' }, channels: ['pc', 'phone'], mode: '流程建设', processId: 'fire-equipment' },
];

export const REPAIR_PROCESS_IDS = REPAIR_SERVICES.flatMap((s) => (s.processId ? [s.processId] : []));

/** On a phone: what works on a phone first, then the seed's order. */
export function phoneFirst(services: RepairService[]): RepairService[] {
  return [...services].sort((a, b) => Number(b.channels.includes('phone')) - Number(a.channels.includes('phone')) || a.no - b.no);
}
