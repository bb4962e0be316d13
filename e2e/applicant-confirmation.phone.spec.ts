import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';
import { checkPage } from './support/phone';

test('after submitting, the student sees the case number, the next step with its limit and date, whom to ask, and the links', async ({ browser }) => {
  const student = await loginAs(browser, 'student');
  await student.goto('/services/fitness-test-exemption/apply');
  await student.getByLabel(/缓测/).check();
  await student.getByLabel('申请理由').fill('急性肠胃炎住院治疗中，医嘱两周内不得剧烈运动');
  await student.getByLabel('医院证明').setInputFiles({ name: '住院证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('住院证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);

  const confirmation = student.getByTestId('confirmation');
  await expect(confirmation.getByRole('heading', { name: '申请已提交' })).toBeFocused();
  const caseNo = (await confirmation.locator('.case-no-big').textContent())!.trim();
  expect(caseNo).toMatch(/^TC-\d{8}-\d{4}$/);
  await expect(confirmation).toContainText(/辅导员核实：由工程学院辅导员办理，3 个工作日内（\d{4}/);
  await expect(confirmation).toContainText('体育部 020-8528 0318');
  await checkPage(student, 'confirmation');

  // The link opens the application itself (a full load); the confirmation shows once, the case number stays.
  const url = new URL(student.url()).pathname;
  await expect(confirmation.getByRole('link', { name: '查看申请详情' })).toHaveAttribute('href', url);
  await student.goto(url);
  await expect(student.getByTestId('current-step')).toHaveText('辅导员核实');
  await expect(student.getByTestId('confirmation')).toHaveCount(0);
  await expect(student.getByTestId('case-no')).toHaveText(caseNo);

  // 我的申请 lists it under its case number; the counselor finds the task by it.
  await student.goto('/applications');
  await expect(student.getByTestId('application-list')).toContainText(caseNo);
  const counselor = await loginAs(browser, 'counselor');
  await counselor.goto(`/tasks?q=${caseNo.toLowerCase()}`);
  await expect(counselor.getByTestId('task-list').getByRole('link')).toHaveCount(1);
  await expect(counselor.getByTestId('task-list')).toContainText(caseNo);
});
