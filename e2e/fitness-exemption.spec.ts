import { expect, test, type Page } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';

/** Opens this application from the user's 待办 list (other tests may leave similar titles there). */
async function openTaskFor(page: Page, applicationUrl: string) {
  const path = new URL(applicationUrl).pathname;
  await page.goto('/tasks');
  await page.getByTestId('task-list').locator(`a[href="${path}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test('体质测试免测: student → counselor (return, then verify) → 校医院 → 体育部, other college sees nothing', async ({ browser }) => {
  const student = await loginAs(browser, 'student');

  await student.getByRole('link', { name: '办事', exact: true }).first().click();
  await expect(student).toHaveURL(/\/services$/);
  await student.getByRole('link', { name: /体质测试免测\/缓测申请/ }).click();
  await student.getByRole('link', { name: '在线办理', exact: true }).click();

  // Submitting without evidence is refused with a message, nothing is created.
  await student.getByLabel(/免测/).check();
  await student.getByLabel('申请理由').fill('右膝前交叉韧带损伤，术后康复期，医嘱半年内禁止剧烈运动');
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student.getByRole('alert').first()).toContainText('医院证明');

  // A file that only pretends to be a PDF is refused by its content.
  await student.getByLabel('医院证明').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a pdf at all') });
  await expect(student.getByText(/只接受 PDF/)).toBeVisible();

  await student.getByLabel('医院证明').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('诊断证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationUrl = student.url();
  await expect(student.getByTestId('current-step')).toHaveText('辅导员核实');
  await expect(student.getByTestId('timeline')).toContainText('提交申请');

  // The counselor of another college never sees it, not even by its address.
  const other = await loginAs(browser, 'counselor2');
  await other.goto('/tasks');
  await expect(other.getByText(/李明的体质测试/)).toHaveCount(0);
  const peek = await other.goto(applicationUrl);
  expect(peek?.status()).toBe(404);

  // The counselor of 工程学院 returns it for revision, with a reason.
  const counselor = await loginAs(browser, 'counselor');
  await openTaskFor(counselor, applicationUrl);
  await counselor.getByRole('button', { name: '退回修改' }).click();
  await expect(counselor.getByText('请填写理由（必填）').first()).toBeVisible();
  await counselor.getByLabel(/理由|意见/).fill('请补充医院出具的诊断证明原件照片');
  await counselor.getByRole('button', { name: '退回修改' }).click();
  await expect(counselor.getByTestId('current-step')).toHaveText('退回修改');

  // The student finds it returned, with the form still filled in, and resubmits.
  await student.goto(applicationUrl);
  await expect(student.getByText('退回原因：请补充医院出具的诊断证明原件照片')).toBeVisible();
  await expect(student.getByLabel('申请理由')).toHaveValue(/右膝前交叉韧带损伤/);
  await expect(student.getByText('诊断证明.pdf').first()).toBeVisible();
  await student.getByLabel('申请理由').fill('右膝前交叉韧带损伤，术后康复期，医嘱半年内禁止剧烈运动（已补充证明）');
  await student.getByRole('button', { name: '修改后重新提交' }).click();
  await expect(student.getByTestId('current-step')).toHaveText('辅导员核实');

  await openTaskFor(counselor, applicationUrl);
  await counselor.getByRole('button', { name: '核实通过' }).click();
  await expect(counselor.getByTestId('current-step')).toHaveText('校医院核实');

  const doctor = await loginAs(browser, 'doctor');
  await openTaskFor(doctor, applicationUrl);
  await doctor.getByRole('button', { name: '核实通过' }).click();
  await expect(doctor.getByTestId('current-step')).toHaveText('体育部审批');

  const sports = await loginAs(browser, 'sports');
  await openTaskFor(sports, applicationUrl);
  await sports.getByRole('button', { name: '批准' }).click();
  await expect(sports.getByTestId('current-step')).toHaveText('已批准');

  // The student sees every step, who took it, and the result.
  await student.goto(applicationUrl);
  await expect(student.getByText('已办结')).toBeVisible();
  const timeline = student.getByTestId('timeline');
  for (const who of ['李明', '陈老师', '刘医生', '张老师']) await expect(timeline).toContainText(who);
  await expect(timeline.locator('li')).toHaveCount(6);

  // And a message told them.
  await student.goto('/messages');
  await expect(student.getByTestId('message-list')).toContainText('已办结');
});

test('a counselor can reject with a reason; the student sees why', async ({ browser }) => {
  const student = await loginAs(browser, 'student');
  await student.goto('/services/fitness-test-exemption/apply');
  await student.getByLabel(/缓测/).check();
  await student.getByLabel('申请理由').fill('急性肠胃炎住院治疗中');
  await student.getByLabel('医院证明').setInputFiles({ name: 'cert.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('cert.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const url = student.url();

  const counselor = await loginAs(browser, 'counselor');
  await openTaskFor(counselor, url);
  await counselor.getByLabel(/理由|意见/).fill('证明日期与测试时间不符');
  await counselor.getByRole('button', { name: '不同意' }).click();
  await expect(counselor.getByText('未通过').first()).toBeVisible();

  await student.goto(url);
  await expect(student.getByText('未通过原因：证明日期与测试时间不符')).toBeVisible();
});
