import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';
import { act, advanceClock, dayFromNow, openTask } from './support/processes';

test('医保不参保 on a phone: proof is mandatory; 校医院 returns, student resubmits, 校医院 registers', async ({ browser }) => {
  const student = await loginAs(browser, 'student2', { phone: true });
  // Applications are taken 每年 9 月 30 日前 (the catalog entry's window): after it, move the
  // server's clock to 2 January (this spec is in EXCLUSIVE for that).
  const today = await dayFromNow(student, 0);
  if (today.slice(5) > '09-30') {
    const newYear = `${Number(today.slice(0, 4)) + 1}-01-02`;
    await advanceClock(student, Math.round((Date.parse(newYear) - Date.parse(today)) / 86_400_000));
  }
  await student.goto('/services/insurance-opt-out/apply');
  await student.getByLabel('参保单位或保险公司').fill('湛江市城镇职工医保');
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student.getByRole('alert').first()).toContainText('参加医疗保险证明');
  await student.getByLabel('参加医疗保险证明').setInputFiles({ name: '参保证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('参保证明.pdf')).toBeVisible();
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student.getByTestId('current-step')).toHaveText('校医院登记');
  const url = student.url();

  const doctor = await loginAs(browser, 'doctor');
  await openTask(doctor, /王芳的医保不参保申请/);
  await act(doctor, '退回修改', '请上传本年度的参保证明');
  await expect(doctor.getByTestId('current-step')).toHaveText('退回修改');
  await student.goto(url);
  await expect(student.getByLabel('参保单位或保险公司')).toHaveValue('湛江市城镇职工医保');
  await student.getByRole('button', { name: '修改后重新提交' }).click();
  await expect(student.getByTestId('current-step')).toHaveText('校医院登记');
  await openTask(doctor, /王芳的医保不参保申请/);
  await act(doctor, '登记');
  await expect(doctor.getByTestId('current-step')).toHaveText('已登记不参保');
  expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
