import type { CatalogStatus } from '@/db/schema';
import type { CatalogEntryInput } from './seed-entries';
import { SEED_TABLE_2017_09 } from './sample-2017-09';
import type { ThemeId } from './themes';

/** Plausible service names for the illustrative catalog; none of them is a real service. */
const POOL: Array<[zh: string, en: string, theme: ThemeId]> = [
  ['用印申请', 'Seal use request', 'personnel'],
  ['会议室预约', 'Meeting room booking', 'campus'],
  ['在职证明开具', 'Employment certificate', 'personnel'],
  ['在读证明开具', 'Enrolment certificate', 'academic'],
  ['成绩单打印申请', 'Transcript printing', 'academic'],
  ['调课申请', 'Class rescheduling', 'academic'],
  ['学生证补办', 'Student card replacement', 'arrival'],
  ['离校手续办理', 'Leaving-school clearance', 'arrival'],
  ['新生报到登记', 'Freshman registration', 'arrival'],
  ['差旅报销预约', 'Travel expense appointment', 'finance'],
  ['收入证明开具', 'Income certificate', 'finance'],
  ['固定资产调拨', 'Fixed asset transfer', 'finance'],
  ['科研项目申报', 'Research project application', 'research'],
  ['横向合同审批', 'Industry contract approval', 'research'],
  ['学术会议报备', 'Academic conference report', 'research'],
  ['党员组织关系转接', 'Party membership transfer', 'party'],
  ['团员信息变更', 'League member record change', 'party'],
  ['因公出国（境）申请', 'Official travel abroad', 'travel'],
  ['公务用车申请', 'Official car request', 'travel'],
  ['校园网账号申请', 'Campus network account', 'it'],
  ['VPN 权限申请', 'VPN access', 'it'],
  ['服务器托管申请', 'Server hosting', 'it'],
  ['场馆预约', 'Venue booking', 'campus'],
  ['校园卡挂失', 'Campus card loss report', 'campus'],
  ['体检预约', 'Health check appointment', 'health'],
  ['医疗费用报销', 'Medical expense reimbursement', 'health'],
  ['档案查阅申请', 'Archive access request', 'personnel'],
  ['图书荐购', 'Book purchase suggestion', 'campus'],
  ['宣传稿件审核', 'Press release review', 'party'],
  ['实验室安全准入', 'Lab safety admission', 'research'],
];

/**
 * Illustrative catalog rows that reproduce the seed table's per-department counts, minus
 * what the real catalog already has there, so the live statistics show the seed table.
 * Testing-or-building counts are split: the larger half 在测 (tested by admin), the rest 在建.
 */
export function buildSampleCatalog(real: Array<{ departmentId: string; status: CatalogStatus }>): Array<CatalogEntryInput & { isNew: boolean }> {
  const rows: Array<CatalogEntryInput & { isNew: boolean }> = [];
  let k = 0;
  for (const [departmentId, online, newInMonth, pending] of SEED_TABLE_2017_09) {
    const realOnline = real.filter((r) => r.departmentId === departmentId && r.status === 'online').length;
    const statuses: Array<{ status: CatalogStatus; isNew: boolean }> = [];
    const sampleOnline = Math.max(0, online - realOnline);
    const sampleNew = Math.max(0, newInMonth - realOnline);
    for (let i = 0; i < sampleOnline; i++) statuses.push({ status: 'online', isNew: i < sampleNew });
    const testing = Math.ceil(pending / 2);
    for (let i = 0; i < pending; i++) statuses.push({ status: i < testing ? 'testing' : 'building', isNew: false });
    statuses.forEach(({ status, isNew }, i) => {
      const [zh, en, theme] = POOL[k++ % POOL.length]!;
      rows.push({
        code: `sample-${departmentId}-${i + 1}`,
        nameZh: zh,
        nameEn: en,
        keywords: '',
        theme,
        departmentId,
        audience: ['student', 'staff'],
        channels: i % 3 === 0 ? ['pc'] : ['pc', 'mobile'],
        buildMode: i % 4 === 3 ? 'app' : 'workflow',
        processId: null,
        externalUrl: i % 4 === 3 ? `https://sample.example.edu.cn/${departmentId}/${i + 1}` : null,
        status,
        testers: status === 'testing' ? ['admin'] : [],
        isNew,
        guide: {
          whoZh: '示例数据：演示用，非真实服务',
          whoEn: 'Sample data: for the demo, not a real service',
          materialsZh: '—',
          materialsEn: '—',
          timeLimitZh: '—',
          timeLimitEn: '—',
          contact: '—',
        },
      });
    });
  }
  return rows;
}
