import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { loginAs } from './support/login';

async function statsOf(page: Page, dept: string) {
  await page.goto('/services/stats');
  const cells = page.getByTestId('stats-table').locator(`tr[data-dept="${dept}"] td`);
  const values = await cells.allTextContents();
  return { online: Number(values[0]), testing: Number(values[2]) };
}

test('a process admin moves a service from 在测 to 已上线 and the department statistics change', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  const student = await loginAs(browser, 'student');

  // 在测 services are hidden from everyone but their testers.
  expect((await student.goto('/services/sample-union-3'))?.status()).toBe(404);

  const before = await statsOf(admin, 'union');
  const totalBefore = await statsOf(admin, 'total');

  await admin.goto('/me');
  await admin.getByRole('link', { name: /服务目录管理/ }).click();
  await admin.getByRole('link', { name: /^在测/ }).click();
  await admin.getByRole('searchbox').fill('sample-union-3');
  await admin.getByTestId('admin-service-list').getByRole('link', { name: /sample-union-3/ }).click();
  await expect(admin.getByTestId('service-status')).toHaveText('在测');

  // A reason is required.
  const form = admin.getByTestId('status-form');
  await form.getByLabel('变更为').selectOption({ label: '已上线' });
  await form.getByLabel('变更原因').fill('测试通过，正式上线');
  await form.getByRole('button', { name: '确认变更' }).click();
  await expect(admin.getByTestId('service-status')).toHaveText('已上线');
  await expect(admin.getByTestId('status-history')).toContainText('测试通过，正式上线');
  await expect(admin.getByTestId('status-history')).toContainText('系统管理员');

  const after = await statsOf(admin, 'union');
  expect(after).toEqual({ online: before.online + 1, testing: before.testing - 1 });
  expect((await statsOf(admin, 'total')).online).toBe(totalBefore.online + 1);

  // Now everyone sees it.
  expect((await student.goto('/services/sample-union-3'))?.status()).toBe(200);
  // Non-admins have no catalog admin.
  expect((await student.goto('/admin/catalog'))?.status()).toBe(403);
});

test('catalog CSV: export, a bad GBK file is refused whole with line numbers, a good one is imported', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  const exported = await admin.request.get('/admin/catalog/export');
  expect(exported.status()).toBe(200);
  const csv = await exported.text();
  const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toContain('code,name_zh,name_en');

  const cols = header!.split(',');
  const row = (code: string, name: string, dept: string) =>
    cols
      .map((c) =>
        ({ code, name_zh: name, name_en: 'Imported', theme: '校园生活', department: dept, audience: '学生', channels: '手机端', build_mode: '应用集成', external_url: 'https://app.example.edu.cn/x', status: '已上线' })[c] ?? '',
      )
      .join(',');
  const bad = [header, row('import-a', '导入服务甲', '后勤处'), row('import-a', '导入服务乙', '后勤处'), row('import-c', '导入服务丙', '火星办公室')].join('\r\n');
  await admin.goto('/admin/catalog/import');
  await admin.getByLabel('CSV 文件').setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: iconv.encode(bad, 'gbk') });
  await admin.getByRole('button', { name: '导入 CSV' }).click();
  const alert = admin.getByTestId('import-form').getByRole('alert');
  await expect(alert).toContainText('未导入任何内容');
  await expect(alert).toContainText('第 3 行');
  await expect(alert).toContainText('第 4 行');
  expect((await admin.goto('/services/import-a'))?.status()).toBe(404);

  const good = [header, row('import-a', '导入服务甲', '后勤处')].join('\r\n');
  await admin.goto('/admin/catalog/import');
  await admin.getByLabel('CSV 文件').setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: iconv.encode(good, 'gbk') });
  await admin.getByRole('button', { name: '导入 CSV' }).click();
  const done = admin.getByTestId('import-form').getByRole('status');
  await expect(done).toContainText('新建 1 项');
  await expect(done).toContainText('GBK');
  await admin.goto('/services/import-a');
  await expect(admin.getByRole('link', { name: /打开应用/ })).toHaveAttribute('rel', /noopener/);
  expect(first).toBeTruthy();
});

test('an entry whose process is not registered yet is shown without a start button', async ({ browser }) => {
  const staff = await loginAs(browser, 'cadre');
  const response = await staff.goto('/services/cadre-leave');
  expect(response?.status()).toBe(200);
  await expect(staff.getByRole('heading', { name: '中层干部请假申请' })).toBeVisible();
  // Once the cadre-leave process is merged this shows 在线办理; until then it says it is not open yet.
  const start = staff.getByRole('link', { name: '在线办理', exact: true });
  const notYet = staff.getByText('该事项的在线流程尚未开通');
  await expect(start.or(notYet)).toBeVisible();
  await staff.goto('/services/president-mailbox');
  await expect(staff.getByRole('link', { name: '前往办理' })).toHaveAttribute('href', '/mailbox');
});
