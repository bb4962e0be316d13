import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage, snap } from './support/phone';

// Issue 18 item 4 (一表通): a form starts with what the hall knows about the person, each value
// with its source; 学号 and name cannot be changed, the phone can, and is offered next time.
test.setTimeout(180_000);

test('一表通: a student’s repair form is filled in from 学籍信息 and 住宿信息; the corrected phone is sent and remembered', async ({ browser }) => {
  const student = await loginAs(browser, 'student', { phone: true });
  // Another story's unsent draft would win over the profile: start from none.
  await student.request.delete('/api/v1/drafts/dorm-repair');
  await student.goto('/services/dorm-repair/apply');

  await expect(student.getByLabel('姓名')).toHaveValue('李明');
  await expect(student.getByLabel('姓名')).toHaveAttribute('readonly', '');
  await expect(student.getByTestId('source-applicantName')).toHaveText('来自 学籍信息，不可修改');
  await expect(student.getByLabel('学号/工号')).toHaveValue('student');
  await expect(student.getByLabel('学号/工号')).toHaveAttribute('readonly', '');
  await expect(student.getByLabel('学院/部门')).toHaveValue('工程学院');
  await expect(student.getByLabel('楼栋')).toHaveValue('紫荆公寓 5 号楼');
  await expect(student.getByLabel('房间号')).toHaveValue('312');
  await expect(student.getByTestId('source-building')).toHaveText('来自 住宿信息');
  const phone = student.getByLabel('联系电话');
  await expect(phone).toHaveValue('13912345678');
  await expect(student.getByTestId('source-phone')).toHaveText('来自 学籍信息');
  await checkPage(student, 'prefill-form-phone');

  // The student corrects the phone: the note about its source goes, it is theirs now.
  await phone.fill('13700001111');
  await expect(student.getByTestId('source-phone')).toHaveCount(0);
  await student.getByLabel('故障类别').selectOption('plumbing');
  await student.getByLabel('故障描述').fill('卫生间水龙头一直滴水，关不紧');
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}/);
  // The application shows who asked and how to reach them, as sent.
  const main = student.getByRole('main');
  await expect(main).toContainText('李明');
  await expect(main).toContainText('13700001111');
  await expect(main).toContainText('紫荆公寓 5 号楼');
  await checkPage(student, 'prefill-sent-phone');

  // The next form offers the corrected phone as 上次填写.
  await student.goto('/services/dorm-repair/apply');
  await expect(student.getByLabel('联系电话')).toHaveValue('13700001111');
  await expect(student.getByTestId('source-phone')).toHaveText('来自 上次填写');

  const desktop = await loginAs(browser, 'student');
  await desktop.setViewportSize({ width: 1366, height: 900 });
  await desktop.goto('/services/dorm-repair/apply');
  await expect(desktop.getByLabel('学号/工号')).toHaveValue('student');
  await snap(desktop, 'prefill-form-desktop');
});
