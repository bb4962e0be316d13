import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { act, openTask, sign, startMaintenanceStandIn } from './support/processes';
import { appServer } from './support/server';

test.setTimeout(240_000);

// Issue 18 item 11, at a desk: the hub's 打开 buttons come from the catalog entries (one source,
// edited in 服务目录管理), and the student sees who will come and when — noted by 后勤处 at
// dispatch, then as the maintenance system assigns the worker.
test('repair hub links follow the catalog; dispatch tells the student the worker, phone and visit time', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await admin.goto('/admin/catalog');
  await admin.getByRole('searchbox').fill('仪器设备报修');
  await admin.getByTestId('admin-service-list').getByRole('link', { name: /仪器设备报修申请/ }).click();
  await admin.getByLabel('外部链接（集成应用）').fill('https://eam.example.edu.cn/repair/new');
  await admin.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByLabel('外部链接（集成应用）')).toHaveValue('https://eam.example.edu.cn/repair/new');

  const staff = await loginAs(browser, 'cadre');
  await staff.goto('/repairs');
  const table = staff.getByTestId('repair-table');
  const open = (name: RegExp) => table.getByRole('row', { name }).getByRole('link');
  await expect(open(/仪器设备报修申请/)).toHaveAttribute('href', 'https://eam.example.edu.cn/repair/new');
  await expect(open(/后勤处物业设施故障报修服务/)).toHaveAttribute('href', 'https://repair.example.edu.cn/wecom/logistics');
  await expect(open(/公共教室多媒体设备报修/)).toHaveAttribute('href', 'https://av.example.edu.cn/repair');
  await expect(open(/仪器设备报修申请/)).toHaveAttribute('target', '_blank');
  // A staff member cannot report a dorm repair: its button is the guide, not a form they would be refused.
  await expect(open(/学生公寓宿舍报修申请/)).toHaveAttribute('href', '/services/dorm-repair');
  await expect(open(/办公家具零星维修申请/)).toHaveAttribute('href', '/services/furniture-repair/apply');
  await expect(table.locator('a[href*="work.weixin.qq.com"], a[href^="/services?q="]')).toHaveCount(0);
  await checkPage(staff, 'repair-hub-desktop');

  const standIn = await startMaintenanceStandIn(appServer().port + 7);
  try {
    const student = await loginAs(browser, 'student');
    await student.goto('/repairs');
    await student.getByTestId('repair-table').getByRole('row', { name: /学生公寓宿舍报修申请/ }).getByRole('link', { name: /办理/ }).click();
    await student.getByLabel('楼栋').fill('紫荆 3 号楼');
    await student.getByLabel('房间号').fill('512');
    await student.getByLabel('故障类别').selectOption('electrical');
    await student.getByLabel('故障描述').fill('宿舍插座没有电了');
    await student.getByRole('button', { name: '提交申请' }).click();
    await expect(student.getByTestId('current-step')).toHaveText('后勤处派单');
    const repair = student.url();
    await expect(student.getByTestId('repair-visit')).toHaveCount(0);

    const logistics = await loginAs(browser, 'logistics');
    await openTask(logistics, /学生公寓宿舍报修申请：紫荆 3 号楼 512/);
    await logistics.getByLabel(/^维修人员（/).fill('张师傅');
    await logistics.getByLabel(/^维修人员电话/).fill('138 0013 8000');
    await logistics.getByLabel(/^预计上门时间/).fill('12月4日 14:00–16:00');
    await act(logistics, '派单维修');
    await expect(logistics.getByTestId('current-step')).toHaveText('维修中');

    await student.goto(repair);
    const visit = student.getByTestId('repair-visit');
    await expect(visit.getByTestId('visit-worker')).toHaveText('张师傅');
    await expect(visit.getByTestId('visit-phone')).toHaveAttribute('href', 'tel:13800138000');
    await expect(visit.getByTestId('visit-time')).toHaveText('12月4日 14:00–16:00');

    // The maintenance system assigns its own worker and time: the student's page follows.
    await expect.poll(() => standIn.jobs.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const body = JSON.stringify({ jobId: standIn.jobs[0]!.body.jobId, status: 'assigned', worker: '李师傅', phone: '13900139000', plannedAt: '2026-12-04T06:30:00Z' });
    const assigned = await student.request.post('/api/v1/integrations/dorm-repair/callback', { data: body, headers: sign(body) });
    expect(assigned.status()).toBe(200);
    await student.reload();
    await expect(visit.getByTestId('visit-worker')).toHaveText('李师傅');
    await expect(visit.getByTestId('visit-phone')).toHaveText('13900139000');
    await expect(visit.getByTestId('visit-time')).toHaveText('2026/12/04 14:30');
    await expect(student.getByTestId('timeline')).toContainText('维修系统已派工');
    await checkPage(student, 'repair-visit-desktop');
  } finally {
    await standIn.close();
  }
});
