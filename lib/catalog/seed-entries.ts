import type { ApplicationWindow, Audience, BuildMode, CatalogGuide, CatalogStatus, Channel } from '@/db/schema';
import type { ThemeId } from './themes';

export interface CatalogEntryInput {
  code: string;
  nameZh: string;
  nameEn: string;
  keywords: string;
  theme: ThemeId;
  departmentId: string;
  audience: Audience[];
  channels: Channel[];
  buildMode: BuildMode;
  processId: string | null;
  externalUrl: string | null;
  status: CatalogStatus;
  testers: string[];
  guide: CatalogGuide;
  applicationWindow?: ApplicationWindow | null;
}

const guide = (whoZh: string, whoEn: string, materialsZh: string, materialsEn: string, timeLimitZh: string, timeLimitEn: string, contact: string): CatalogGuide => ({
  whoZh,
  whoEn,
  materialsZh,
  materialsEn,
  timeLimitZh,
  timeLimitEn,
  contact,
});

const CADRE = guide('中层干部', 'Middle-level cadres', '无需纸质材料', 'No paper documents', '3 个工作日', '3 working days', '党委组织部 020-8528 0001');
const workflow = (
  code: string,
  nameZh: string,
  nameEn: string,
  keywords: string,
  theme: ThemeId,
  departmentId: string,
  audience: Audience[],
  g: CatalogGuide,
  buildMode: BuildMode = 'workflow',
): CatalogEntryInput => ({
  code,
  nameZh,
  nameEn,
  keywords,
  theme,
  departmentId,
  audience,
  channels: ['pc', 'mobile'],
  buildMode,
  processId: code,
  externalUrl: null,
  status: 'online',
  testers: [],
  guide: g,
});

/**
 * The real catalog every installation starts with: each process we implement (some are being
 * added in parallel and start working once registered), the integrated repair apps of the
 * seed's repair table, and 校长信箱. Seeded once by code; later edits by admins are kept.
 */
export const SEED_ENTRIES: CatalogEntryInput[] = [
  workflow(
    'fitness-test-exemption',
    '体质测试免测/缓测申请',
    'Physical fitness test exemption / deferral',
    '体测 免测 缓测 体育',
    'academic',
    'sports',
    ['student'],
    guide(
      '因伤病、残疾等原因不能参加本学年体质测试的在校学生',
      'Enrolled students who cannot take this year’s fitness test because of injury, illness or disability',
      '二级及以上医院出具的诊断证明（PDF 或照片，必须上传）',
      'A diagnosis certificate from a hospital of grade II or above (PDF or photo, required)',
      '辅导员、校医院各 3 个工作日，体育部 5 个工作日；测试开始后不再受理',
      '3 working days each for the counselor and the hospital, 5 for the PE department; closed once testing starts',
      '体育部 020-8528 0318',
    ),
  ),
  workflow('cadre-leave', '中层干部请假申请', 'Cadre leave request', '请假 干部请假', 'travel', 'org-dept', ['cadre'], CADRE),
  workflow('cadre-leave-city-report', '中层干部假期或节假日离穗报备', 'Cadre holiday travel report (leaving Guangzhou)', '离穗 报备', 'travel', 'org-dept', ['cadre'], CADRE),
  workflow(
    'cadre-private-travel',
    '中层干部因私出国（境）申请',
    'Cadre private travel abroad',
    '出国 出境 护照',
    'travel',
    'org-dept',
    ['cadre'],
    guide('中层干部', 'Middle-level cadres', '出行计划、邀请函（如有）', 'Travel plan, invitation (if any)', '10 个工作日；回国后 10 日内交回护照', '10 working days; return the passport within 10 days after the trip', '党委组织部 020-8528 0001'),
  ),
  {
    ...workflow(
    'insurance-opt-out',
    '城乡居民医保不参保申请',
    'Opting out of resident medical insurance',
    '医保 不参保 医疗保险',
    'health',
    'hospital',
    ['student'],
    guide('已在户籍地或其他单位参加医疗保险的学生', 'Students insured elsewhere', '参加医疗保险证明', 'Proof of other medical insurance', '每年 9 月 30 日前', 'By 30 September each year', '校医院 020-8528 0120'),
  ),
    // The guide's 每年 9 月 30 日前, enforced at start (workflows/engine/application-window.ts).
    applicationWindow: { closes: '09-30' },
  },
  workflow(
    'dorm-repair',
    '学生公寓宿舍报修申请',
    'Student dormitory repair request',
    '宿舍报修 报修 维修',
    'repair',
    'logistics',
    ['student'],
    guide('住校学生', 'Students living on campus', '故障照片（选填）', 'Photos of the fault (optional)', '一般故障 48 小时内上门', 'A visit within 48 hours for ordinary faults', '后勤处 020-8528 0110'),
    'workflow+integration',
  ),
  workflow(
    'furniture-repair',
    '办公家具零星维修申请',
    'Office furniture repair',
    '家具维修 报修',
    'repair',
    'assets',
    ['staff'],
    guide('教职工（以部门名义）', 'Staff, on behalf of their department', '故障照片', 'Photos of the damage', '5 个工作日', '5 working days', '资产管理处 020-8528 0160'),
  ),
  workflow(
    'fire-equipment',
    '消防器材更换、配备申请',
    'Fire equipment replacement or provision',
    '消防 灭火器',
    'repair',
    'security',
    ['staff'],
    guide('教职工（以部门名义）', 'Staff, on behalf of their department', '器材位置及照片', 'Location and photos of the equipment', '5 个工作日', '5 working days', '保卫处 020-8528 0119'),
  ),
  workflow(
    'housing-payment-notice',
    '周转房缴费通知',
    'Staff transitional housing payment notice',
    '周转房 缴费 房租',
    'finance',
    'assets',
    ['staff'],
    guide('周转房住户', 'Tenants of transitional housing', '缴费凭证', 'Payment receipt', '通知发出后 15 日内缴费', 'Pay within 15 days of the notice', '资产管理处 020-8528 0161'),
  ),
  {
    code: 'logistics-facility-repair',
    nameZh: '后勤处物业设施故障报修服务',
    nameEn: 'Logistics facility fault reporting',
    keywords: '物业报修 报修 维修',
    theme: 'repair',
    departmentId: 'logistics',
    audience: ['student', 'staff'],
    channels: ['mobile'],
    buildMode: 'wecom-app',
    processId: null,
    externalUrl: 'https://repair.example.edu.cn/wecom/logistics',
    status: 'online',
    testers: [],
    guide: guide('全体师生', 'All students and staff', '故障位置、照片', 'Location and photos of the fault', '24 小时内响应', 'A response within 24 hours', '后勤处 020-8528 0110'),
  },
  {
    code: 'instrument-repair',
    nameZh: '仪器设备报修申请',
    nameEn: 'Instrument and equipment repair',
    keywords: '仪器报修 设备维修',
    theme: 'repair',
    departmentId: 'assets',
    audience: ['staff'],
    channels: ['pc'],
    buildMode: 'app',
    processId: null,
    externalUrl: 'https://equipment.example.edu.cn/repair',
    status: 'online',
    testers: [],
    guide: guide('教职工', 'Staff', '设备编号、故障描述', 'Asset number and fault description', '3 个工作日内响应', 'A response within 3 working days', '资产管理处 020-8528 0162'),
  },
  {
    code: 'classroom-av-repair',
    nameZh: '公共教室多媒体设备报修',
    nameEn: 'Classroom multimedia equipment repair',
    keywords: '多媒体 教室报修 投影',
    theme: 'repair',
    departmentId: 'edtech',
    audience: ['student', 'staff'],
    channels: ['mobile'],
    buildMode: 'app',
    processId: null,
    externalUrl: 'https://av.example.edu.cn/repair',
    status: 'online',
    testers: [],
    guide: guide('全体师生', 'All students and staff', '教室编号、故障现象', 'Room number and what is wrong', '课间 15 分钟内到场', 'On site within 15 minutes during classes', '现代教育技术中心 020-8528 0200'),
  },
  {
    code: 'president-mailbox',
    nameZh: '校长信箱',
    nameEn: "President's mailbox",
    keywords: '信箱 校长 投诉 建议',
    theme: 'campus',
    departmentId: 'president-office',
    audience: ['public', 'student', 'staff'],
    channels: ['pc', 'mobile'],
    buildMode: 'workflow',
    processId: null,
    externalUrl: '/mailbox',
    status: 'online',
    testers: [],
    guide: guide('所有人，无需登录，可实名或匿名', 'Anyone, no account needed, named or anonymous', '来信内容，附件（选填）', 'Your letter, attachments (optional)', '5 个工作日内答复', 'A reply within 5 working days', '校长办公室 020-8528 0002'),
  },
];
