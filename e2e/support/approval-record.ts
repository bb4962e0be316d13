import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Browser } from '@playwright/test';
import { loginAs } from './login';
import { checkPage } from './phone';
import { api, apiLogin, startFitness } from './proof-http';
import { appServer } from './server';

/** A fitness-test exemption the student applied for and 辅导员, 校医院 and 体育部 approved (over the API). */
async function finishedApplication(base: string): Promise<{ id: string; reason: string }> {
  const reason = `审批记录故事-${Date.now()}：右膝术后康复期`;
  const instance = await startFitness(base, await apiLogin(base, 'student'), reason);
  for (const [who, comment] of [
    ['counselor', '情况属实，同意'],
    ['doctor', '病历与证明相符'],
    ['sports', '同意免测'],
  ] as const) {
    const res = await api(base, await apiLogin(base, who), 'POST', `/api/v1/instances/${instance.id}/events`, { type: 'approve', comment });
    expect(res.status, `${who} approves: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return { id: instance.id, reason };
}

/** The case number and fingerprint the record PDF carries (its document information). */
function marks(pdf: Buffer): { caseNo: string; hash: string; url: string } {
  const text = pdf.toString('latin1');
  const info = /\/ZijingRecord \(([A-Z0-9-]+) ([0-9a-f]{64})\)/.exec(text);
  const link = /\/URI \((http[^)]+\/verify\/[^)]+)\)/.exec(text);
  expect(info, 'the PDF names its case number and fingerprint').not.toBeNull();
  expect(link, 'the QR code links the verification page').not.toBeNull();
  return { caseNo: info![1]!, hash: info![2]!, url: link![1]! };
}

/** The same PDF with its fingerprint changed everywhere it is written (a forger's edit). */
function withEditedHash(pdf: Buffer, hash: string): Buffer {
  const edited = `${hash.slice(0, 10)}${hash[10] === 'a' ? 'b' : 'a'}${hash.slice(11)}`;
  return Buffer.from(pdf.toString('latin1').split(hash).join(edited), 'latin1');
}

/**
 * Issue 16 item 11, as the applicant lives it: download the record from the application page,
 * open the address its QR code holds without being signed in and read 已核验; an edited PDF and a
 * made-up case number read 无法核验. `device` names the screenshots.
 */
export async function approvalRecordStory(browser: Browser, device: 'phone' | 'desktop'): Promise<void> {
  const base = appServer().base;
  const { id } = await finishedApplication(base);

  const student = await loginAs(browser, 'student');
  await student.goto(`/applications/${id}`);
  const caseNo = (await student.getByTestId('case-no').textContent())!.trim();
  const button = student.getByRole('button', { name: '下载审批记录' });
  await expect(button).toBeVisible();
  const downloading = student.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`审批记录-${caseNo}.pdf`);
  const file = await download.path();
  const pdf = await readFile(file);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Kept beside the results, to render and look at (pdftoppm).
  await writeFile(test.info().outputPath(`record-${device}.pdf`), pdf);
  await expect(student.getByTestId('record-download-status')).toHaveText('审批记录已下载。');
  await checkPage(student, `record-${device}-application`);

  const { caseNo: printedNo, hash, url } = marks(pdf);
  expect(printedNo).toBe(caseNo);
  expect(url).toBe(`${base}/verify/${caseNo}?h=${hash}`);

  // Anyone, signed out: the QR code's address says 已核验, with no personal data.
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await visitor.goto(url);
  const result = visitor.getByTestId('verify-result');
  await expect(result).toContainText('已核验');
  await expect(visitor.getByTestId('verify-case-no')).toHaveText(caseNo);
  await expect(result).toContainText('已办结');
  await expect(visitor.locator('body')).not.toContainText('李明');
  await checkPage(visitor, `record-${device}-verified`);

  // The edited PDF, checked as a file on the verification page: 无法核验.
  await visitor.getByLabel('选择 PDF 文件').setInputFiles({ name: `审批记录-${caseNo}.pdf`, mimeType: 'application/pdf', buffer: withEditedHash(pdf, hash) });
  await expect(visitor).toHaveURL(new RegExp(`/verify/${caseNo}\\?h=(?!${hash})[0-9a-f]{64}$`));
  await expect(visitor.getByTestId('verify-result')).toContainText('无法核验');
  await checkPage(visitor, `record-${device}-edited`);

  // The genuine file, checked the same way: 已核验.
  await visitor.getByLabel('选择 PDF 文件').setInputFiles({ name: 'record.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(visitor.getByTestId('verify-result')).toContainText('已核验');

  // A made-up case number with a real fingerprint, and a file that is no record: 无法核验.
  await visitor.goto(`/verify/TC-20990101-9999?h=${hash}`);
  await expect(visitor.getByTestId('verify-result')).toContainText('无法核验');
  await visitor.getByLabel('选择 PDF 文件').setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(visitor.getByText('无法核验：文件中没有可识别的办件编号和记录指纹。')).toBeVisible();

  // The API says the same, in the one error shape.
  const ok = await api(base, null, 'GET', `/api/v1/records/${caseNo}/verify?h=${hash}`);
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ verified: true, caseNo, status: 'completed', current: true });
  const bad = await api(base, null, 'GET', `/api/v1/records/${caseNo}/verify?h=${'0'.repeat(64)}`, undefined, { 'accept-language': 'en' });
  expect(bad.status).toBe(404);
  expect(bad.body.error.message).toMatch(/^Cannot be verified/);
  await visitor.context().close();
  await student.context().close();
}
