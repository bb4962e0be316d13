import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { act, openTask, sign, startMaintenanceStandIn } from './support/processes';
import { appServer } from './support/server';

const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');

test.setTimeout(240_000);

test('宿舍报修 on a phone: hub → report with photo → dispatched to the maintenance system (signed) → its callback → student rates', async ({ browser }) => {
  const standIn = await startMaintenanceStandIn(appServer().port + 7);
  try {
    const student = await loginAs(browser, 'student');
    await student.goto('/repairs');
    const cards = student.getByTestId('repair-cards').locator('li');
    await expect(cards).toHaveCount(6);
    await expect(cards.last()).toContainText('仪器设备报修申请'); // desktop-only service comes last on a phone
    await cards.first().getByRole('link', { name: /办理/ }).click();

    await student.getByLabel('楼栋').fill('华山区 12 栋');
    await student.getByLabel('房间号').fill('305');
    await student.getByLabel('故障类别').selectOption('plumbing');
    await student.getByLabel('故障描述').fill('卫生间水龙头一直漏水');
    await student.getByLabel('现场照片').setInputFiles({ name: 'leak.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await expect(student.getByText('leak.jpg')).toBeVisible();
    await student.getByRole('button', { name: '提交申请' }).click();
    await expect(student.getByTestId('current-step')).toHaveText('后勤处派单');
    const url = student.url();

    const logistics = await loginAs(browser, 'logistics');
    await openTask(logistics, /学生公寓宿舍报修申请：华山区 12 栋 305/);
    await act(logistics, '派单维修');
    await expect.poll(() => standIn.jobs.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const job = standIn.jobs[0]!;
    expect(job.valid).toBe(true);

    const bad = await student.request.post('/api/v1/integrations/dorm-repair/callback', {
      data: JSON.stringify({ jobId: job.body.jobId, status: 'done' }),
      headers: { ...sign('{}') },
    });
    expect(bad.status()).toBe(401);
    const body = JSON.stringify({ jobId: job.body.jobId, status: 'done', note: '已更换阀芯' });
    const ok = await student.request.post('/api/v1/integrations/dorm-repair/callback', { data: body, headers: sign(body) });
    expect(ok.status()).toBe(200);

    await student.goto(url);
    await expect(student.getByTestId('current-step')).toHaveText('待确认评价');
    await student.getByLabel('满意度评价').selectOption('5');
    await student.getByRole('button', { name: '确认维修结果' }).click();
    await expect(student.getByTestId('current-step')).toHaveText('已完成');
    expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  } finally {
    await standIn.close();
  }
});
