import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';

const SUBJECT = '三饭堂午餐排队太久';
/** A phone photo as far as the server can tell (JPEG by its first bytes). */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(2048, 7)]);

async function openLetter(page: Page) {
  await page.goto('/mailbox-office?filter=all');
  await page.getByTestId('desk-list').getByRole('link', { name: new RegExp(SUBJECT) }).first().click();
  await expect(page).toHaveURL(/\/mailbox-office\/[0-9a-f-]{36}$/);
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function handlerDrafts(browser: Browser, username: string, reply: string) {
  const handler = await loginAs(browser, username);
  await handler.goto('/tasks');
  await handler.getByTestId('task-list').getByRole('link', { name: new RegExp(SUBJECT) }).first().click();
  await expect(handler).toHaveURL(/\/mailbox-office\//);
  await handler.getByLabel('答复稿').fill(reply);
  await handler.getByRole('button', { name: '提交答复稿' }).click();
  await expect(handler.getByLabel('答复稿')).toHaveCount(0);
  await handler.context().close();
}

test('anonymous writer on a phone: writes, keeps the link, follows every step, 不满意 reopens', async ({ browser, page }) => {
  // Four people in turn on a shared 2-core machine: one story, longer than the default minute.
  test.setTimeout(180_000);
  // The writer: no account, phone-sized.
  await page.goto('/mailbox');
  await noHorizontalScroll(page);
  await page.getByRole('link', { name: '我要写信' }).first().click();
  await page.getByLabel('投诉').check();
  await page.getByLabel('主题').fill(SUBJECT);
  await page.getByLabel('来信内容').fill('<script>alert(1)</script>我是张小明，电话 13812345678。中午排队超过 30 分钟。\u202Egnp.exe');
  // Attachments: the camera-friendly picker; a wrong type and a disguised file are refused in Chinese.
  const picker = page.getByLabel('添加附件（图片或 PDF，选填）');
  await expect(picker).toHaveAttribute('accept', 'image/*,application/pdf');
  await picker.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('letter-attachments').getByRole('alert')).toContainText('不是图片或 PDF');
  await picker.setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await expect(page.getByTestId('letter-attachments').getByRole('alert')).toContainText('只接受 PDF、JPG、PNG、HEIC 或 WebP');
  await picker.setInputFiles([
    { name: '排队.jpg', mimeType: 'image/jpeg', buffer: PHOTO },
    { name: '多余.jpg', mimeType: 'image/jpeg', buffer: PHOTO },
  ]);
  const chosen = page.getByTestId('letter-attachments').getByRole('listitem');
  await expect(chosen).toHaveCount(2);
  await page.getByRole('button', { name: '移除 多余.jpg' }).click();
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toContainText('排队.jpg');
  await page.getByLabel('匿名来信（不留姓名）').check();
  await page.getByLabel(/同意在答复后匿名公开/).check();
  await noHorizontalScroll(page);
  await page.getByRole('button', { name: '提交来信' }).click();
  await expect(page.getByTestId('letter-sent')).toBeVisible();
  const code = (await page.getByTestId('query-code').textContent())!.trim();
  const link = (await page.getByTestId('tracking-url').textContent())!.trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  expect(link).toMatch(/\/mailbox\/track\/[A-Za-z0-9_-]{43}$/);
  await expect(page.locator('.mb-qr svg')).toBeVisible();

  const response = await page.goto(link);
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.getByTestId('track-stage')).toHaveText('待受理');
  await expect(page.getByTestId('track-steps')).toContainText('已收到来信');
  await page.getByText('来信内容').first().click();
  await expect(page.getByTestId('track-content')).toContainText('<script>alert(1)</script>');
  await expect(page.getByTestId('track-content')).toContainText('[U+202E]');
  // The photo, served through the link itself (private, never cached), and only the one kept.
  const trackFiles = page.getByTestId('track-attachments').getByRole('link');
  await expect(trackFiles).toHaveCount(1);
  await expect(trackFiles).toHaveText('排队.jpg');
  const photoUrl = (await trackFiles.getAttribute('href'))!;
  expect(photoUrl).toMatch(/^\/api\/v1\/mailbox\/track\/[A-Za-z0-9_-]{43}\/attachments\/[0-9a-f-]{36}$/);
  const served = await page.request.get(photoUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/jpeg');
  expect(served.headers()['referrer-policy']).toBe('no-referrer');
  expect((await served.body()).equals(PHOTO)).toBe(true);
  const photoId = photoUrl.split('/').pop()!;
  // Without the link (another letter's id, a wrong token, the plain upload API) there is nothing.
  expect((await page.request.get(`/api/v1/uploads/${photoId}`)).status()).toBe(401);
  expect((await page.request.get(photoUrl.replace(/track\/[^/]+\//, `track/${'A'.repeat(43)}/`))).status()).toBe(404);
  await noHorizontalScroll(page);

  // A wrong or truncated link is the same plain 404.
  expect((await page.request.get(`${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`)).status()).toBe(404);
  expect((await page.request.get(link.slice(0, -5))).status()).toBe(404);

  // The office accepts and assigns two departments.
  const office = await loginAs(browser, 'mailbox');
  await openLetter(office);
  // The office sees the photo and opens it through the upload API (its own authorization).
  const deskFiles = office.getByTestId('desk-attachments').getByRole('link');
  await expect(deskFiles).toHaveText(['排队.jpg']);
  const deskPhoto = await office.request.get((await deskFiles.getAttribute('href'))!);
  expect(deskPhoto.status()).toBe(200);
  expect((await deskPhoto.body()).equals(PHOTO)).toBe(true);
  // Another signed-in user cannot.
  const stranger = await loginAs(browser, 'student');
  expect((await stranger.request.get(`/api/v1/uploads/${photoId}`)).status()).toBe(404);
  await stranger.context().close();
  await office.getByRole('button', { name: '受理', exact: true }).click();
  await office.getByLabel('后勤处').check();
  await office.getByLabel('资产管理处').check();
  await office.getByRole('button', { name: '交办部门' }).click();
  await expect(office.getByTestId('assignment-logistics')).toContainText('起草中');

  await page.reload();
  await expect(page.getByTestId('track-stage')).toHaveText('承办部门办理中');
  await expect(page.getByTestId('track-steps')).toContainText('已受理');
  await expect(page.getByTestId('track-steps')).toContainText('后勤处');
  await expect(page.getByTestId('track-steps')).toContainText('资产管理处');

  // Each department drafts its part.
  await handlerDrafts(browser, 'logistics', '已在三饭堂增开两个售饭窗口。');
  await handlerDrafts(browser, 'assets', '下月起添置两台自助点餐机。');
  await page.reload();
  await expect(page.getByTestId('track-steps')).toContainText('审核中');

  // The office approves both drafts and publishes the anonymised letter.
  await openLetter(office);
  await office.getByRole('button', { name: '审核通过' }).first().click();
  await expect(office.getByRole('button', { name: '审核通过' })).toHaveCount(1);
  await office.getByRole('button', { name: '审核通过' }).click();
  await expect(office.getByTestId('desk-state')).toHaveText('已答复');
  await expect(office.getByLabel('来信内容')).not.toHaveValue(/13812345678/);
  await office.getByRole('button', { name: '公开', exact: true }).click();
  await expect(office.getByText('已公开').first()).toBeVisible();

  await page.goto('/mailbox/replies?q=%E7%AA%97%E5%8F%A3');
  await expect(page.getByTestId('public-letter')).toHaveCount(1);
  await expect(page.getByTestId('public-letter')).not.toContainText('13812345678');

  // The writer reads the reply and rates it in the five levels of 好差评; 不满意 reopens the
  // letter for the departments, who owe a new reply within 5 working days.
  await page.goto(link);
  await expect(page.getByTestId('track-stage')).toHaveText('已答复');
  await expect(page.getByTestId('track-replies')).toContainText('增开两个售饭窗口');
  await expect(page.getByTestId('track-replies')).toContainText('自助点餐机');
  await expect(page.getByRole('group', { name: '对答复满意吗？' }).getByRole('radio')).toHaveCount(5);
  await checkPage(page, 'mailbox-writer-rate');
  await page.getByLabel('不满意', { exact: true }).check();
  await page.getByLabel('评价意见（选填）').fill('高峰期还是排队');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByTestId('track-stage')).toHaveText('差评重新办理中（5 个工作日内答复）');
  await expect(page.getByTestId('track-rating')).toHaveText('您的评价：不满意');
  await expect(page.getByTestId('track-steps')).toContainText('承办部门须在 5 个工作日内重新答复');
  await checkPage(page, 'mailbox-writer-reopened');

  // Rating twice is a conflict.
  const token = link.split('/').pop();
  const again = await page.request.post(`/api/v1/mailbox/track/${token}/rate`, { data: { rating: 4 } });
  expect(again.status()).toBe(409);

  // The office's log has the rating in words; the department has the writer's words to answer.
  await openLetter(office);
  await expect(office.getByTestId('desk-state')).toContainText('差评重新办理');
  await expect(office.locator('.timeline')).toContainText('评价：不满意 · 来信人');
  const logistics = await loginAs(browser, 'logistics');
  await logistics.setViewportSize({ width: 360, height: 740 });
  await logistics.goto('/tasks');
  await logistics.getByTestId('task-list').getByRole('link', { name: new RegExp(SUBJECT) }).first().click();
  await expect(logistics.getByTestId('assignment-logistics')).toContainText('高峰期还是排队');
  await expect(logistics.getByLabel('答复稿')).toHaveValue('');
  await checkPage(logistics, 'mailbox-department-reopened');
  await logistics.context().close();

  // Looking the letter up by query code works too (anonymous, no contact given).
  await page.goto('/mailbox/track');
  await page.getByLabel('查询码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/\/mailbox\/track\/session$/);
  await expect(page.getByTestId('track-stage')).toHaveText('差评重新办理中（5 个工作日内答复）');
});
