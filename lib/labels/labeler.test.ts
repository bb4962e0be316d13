import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labeler } from './labeler';

const orgs = new Map([
  ['engineering', { zh: '工程学院', en: 'School of Engineering' }],
  ['org-dept', { zh: '组织部', en: 'Organization Department' }],
]);

test('roles, scopes and org units read as words in both languages', () => {
  const zh = labeler('zh', orgs);
  const en = labeler('en', orgs);
  assert.equal(zh.role('dept_leader'), '部门负责人');
  assert.equal(en.role('dept_leader'), 'Department leader');
  assert.equal(zh.scope('counselor', 'engineering'), '工程学院 辅导员');
  assert.equal(zh.scope('system_admin', null), '全校 系统管理员');
  assert.equal(en.scope('counselor', 'engineering'), 'Counselor, School of Engineering');
  assert.equal(zh.org('-'), '未填单位');
  assert.equal(zh.taskWho({ role: 'handler', scope: { kind: 'org', orgUnitId: 'org-dept' } }), '组织部 经办人');
  assert.equal(zh.taskWho({ role: 'dept_leader', scope: { kind: 'applicant-org' } }), '部门负责人（申请人所在单位）');
  assert.equal(zh.status('active'), '进行中');
  assert.equal(zh.status('open'), '待办理');
});

test('processes, states and events by an instance row’s process id and version', () => {
  const zh = labeler('zh', orgs);
  const ref = { processId: 'cadre-private-travel', processVersion: 1 };
  assert.equal(zh.process('cadre-private-travel'), '中层干部因私出国（境）申请');
  assert.equal(zh.state(ref, 'passportIssue'), '证照领取');
  assert.equal(zh.event(ref, 'issuePassport', 'passportIssue'), '已发放证照');
  assert.equal(zh.event(ref, 'admin.cancel'), '管理员取消');
});
