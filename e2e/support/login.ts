import { expect, type Browser, type Page } from '@playwright/test';

/** A phone (360×740, touch) for a story told on one inside a desktop spec. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;

/** Logs a demo account in through the login page, in a fresh browser context of its own. */
export async function loginAs(browser: Browser, username: string, options: { locale?: string; phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', ...(options.phone ? PHONE : {}) });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(/学号\/工号|Campus ID/).fill(username);
  await page.getByLabel(/^密码$|^Password$/).fill('demo1234');
  await page.getByRole('button', { name: /^登录$|^Log in$/ }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

/** A tiny but real PDF: the server checks the magic bytes, not the name. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
