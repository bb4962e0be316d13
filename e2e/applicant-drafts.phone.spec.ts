import { expect, test } from '@playwright/test';
import { loginAs, PDF_BYTES } from './support/login';
import { checkPage, snap } from './support/phone';

// Issue 18 item 3: a half-typed form survives navigating away; it is resumed from 我的申请 (草稿),
// keeps its files, can be deleted, and is gone once the application is sent.
test.setTimeout(180_000);

test('草稿: typed, left, resumed from 我的申请 with its file, deleted; a sent form leaves no draft', async ({ browser }) => {
  const student = await loginAs(browser, 'student', { phone: true });
  await student.goto('/services/dorm-repair/apply');
  await student.getByLabel('楼栋').fill('紫荆公寓 3 栋');
  await student.getByLabel('房间号').fill('512');
  await student.getByLabel('故障描述').fill('卫生间水龙头一直滴水，关不紧');
  await student.getByLabel('现场照片').setInputFiles({ name: '水龙头.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('水龙头.pdf')).toBeVisible();
  await expect(student.getByTestId('draft-status')).toContainText('草稿已保存');
  await checkPage(student, 'drafts-saved-phone');

  // Away and back through 我的申请: the draft is listed with 状态 草稿 and opens filled in.
  await student.goto('/applications');
  const row = student.getByTestId('draft-row').filter({ hasText: '学生公寓宿舍报修申请' });
  await expect(row).toContainText('草稿');
  await checkPage(student, 'drafts-list-phone');
  await student.goto('/applications?status=draft');
  await row.getByRole('link').click();
  await expect(student.getByLabel('故障描述')).toHaveValue('卫生间水龙头一直滴水，关不紧');
  await expect(student.getByLabel('房间号')).toHaveValue('512');
  await expect(student.getByText('水龙头.pdf')).toBeVisible();
  await expect(student.getByTestId('draft-status')).toContainText('已恢复草稿');

  const desktop = await loginAs(browser, 'student');
  await desktop.setViewportSize({ width: 1366, height: 900 });
  await desktop.goto('/applications');
  await snap(desktop, 'drafts-list-desktop');
  await desktop.goto('/services/dorm-repair/apply');
  await snap(desktop, 'drafts-form-desktop');

  // Sent: the application exists and the draft is gone.
  await student.getByLabel('故障类别').selectOption('plumbing');
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student).toHaveURL(/\/applications\/[0-9a-f-]{36}/);
  await student.goto('/applications');
  await expect(student.getByTestId('draft-row')).toHaveCount(0);

  // A new draft, deleted from 我的申请.
  await student.goto('/services/dorm-repair/apply');
  await student.getByLabel('故障描述').fill('阳台灯不亮，开关无反应');
  await expect(student.getByTestId('draft-status')).toContainText('草稿已保存');
  await student.goto('/applications?status=draft');
  await student.getByRole('button', { name: '删除草稿：学生公寓宿舍报修申请' }).click();
  await expect(student.getByTestId('draft-row')).toHaveCount(0);
  await student.goto('/services/dorm-repair/apply');
  await expect(student.getByLabel('故障描述')).toHaveValue('');
});

test('草稿 on the 体测 form too: the choice, the reason and the certificate come back; deleting empties the form', async ({ browser }) => {
  const student = await loginAs(browser, 'student2', { phone: true });
  await student.goto('/services/fitness-test-exemption/apply');
  await student.getByLabel(/缓测/).check();
  await student.getByLabel('申请理由').fill('踝关节扭伤，医嘱两周内避免跑跳');
  await student.getByLabel('医院证明').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
  await expect(student.getByText('诊断证明.pdf')).toBeVisible();
  await expect(student.getByTestId('draft-status')).toContainText('草稿已保存');

  await student.goto('/applications?status=draft');
  await student.getByTestId('draft-row').filter({ hasText: '体质测试免测/缓测申请' }).getByRole('link').click();
  await expect(student.getByLabel(/缓测/)).toBeChecked();
  await expect(student.getByLabel('申请理由')).toHaveValue('踝关节扭伤，医嘱两周内避免跑跳');
  await expect(student.getByText('诊断证明.pdf')).toBeVisible();
  await expect(student.getByTestId('draft-status')).toContainText('已恢复草稿');
  await checkPage(student, 'drafts-fitness-phone');

  await student.getByRole('button', { name: '删除草稿' }).click();
  await expect(student.getByTestId('draft-status')).toContainText('草稿已删除');
  await expect(student.getByLabel('申请理由')).toHaveValue('');
  await student.reload();
  await expect(student.getByLabel('申请理由')).toHaveValue('');
});
