import type { Role } from '../schema';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoAccount {
  username: string;
  name: string;
  kind: 'student' | 'staff';
  orgUnitId: string;
  isCadre?: boolean;
  roles: Array<[Role, string | null]>;
}

/** The demo accounts listed in the README; every one logs in with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'student', name: '李明', kind: 'student', orgUnitId: 'engineering', roles: [] },
  { username: 'student2', name: '王芳', kind: 'student', orgUnitId: 'agriculture', roles: [] },
  { username: 'counselor', name: '陈老师', kind: 'staff', orgUnitId: 'engineering', roles: [['counselor', 'engineering']] },
  { username: 'counselor2', name: '赵老师', kind: 'staff', orgUnitId: 'agriculture', roles: [['counselor', 'agriculture']] },
  { username: 'doctor', name: '刘医生', kind: 'staff', orgUnitId: 'hospital', roles: [['handler', 'hospital']] },
  { username: 'sports', name: '张老师', kind: 'staff', orgUnitId: 'sports', roles: [['handler', 'sports']] },
  { username: 'cadre', name: '黄处长', kind: 'staff', orgUnitId: 'hr', isCadre: true, roles: [['dept_leader', 'hr']] },
  // A second 人事处 cadre: their department leader is `cadre`, so cadre processes have a real approver.
  { username: 'cadre2', name: '林科长', kind: 'staff', orgUnitId: 'hr', isCadre: true, roles: [] },
  { username: 'leader', name: '周校长', kind: 'staff', orgUnitId: 'president-office', isCadre: true, roles: [['school_leader', null]] },
  { username: 'org', name: '吴老师', kind: 'staff', orgUnitId: 'org-dept', roles: [['handler', 'org-dept']] },
  { username: 'mailbox', name: '郑老师', kind: 'staff', orgUnitId: 'president-office', roles: [['mailbox_office', 'president-office']] },
  { username: 'logistics', name: '孙师傅', kind: 'staff', orgUnitId: 'logistics', roles: [['handler', 'logistics']] },
  { username: 'assets', name: '钱老师', kind: 'staff', orgUnitId: 'assets', roles: [['handler', 'assets']] },
  { username: 'security', name: '冯老师', kind: 'staff', orgUnitId: 'security', roles: [['handler', 'security']] },
  {
    username: 'admin',
    name: '系统管理员',
    kind: 'staff',
    orgUnitId: 'edtech',
    roles: [
      ['system_admin', null],
      ['process_admin', null],
    ],
  },
];
