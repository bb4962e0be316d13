import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { dayFromNow } from './support/processes';
import { checkPage } from './support/phone';

/** Every visible form control: at least a 44 px touch target and 16 px text, with the common border. */
async function expectPhoneControls(page: Page, where: string): Promise<void> {
  const controls = await page
    .locator('main')
    .locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea')
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null)
        .map((n) => {
          const style = getComputedStyle(n);
          return {
            name: (n as HTMLInputElement).name || n.id,
            type: (n as HTMLInputElement).type,
            height: n.getBoundingClientRect().height,
            font: parseFloat(style.fontSize),
            radius: style.borderTopLeftRadius,
          };
        }),
    );
  expect(controls.length, `${where}: no controls found`).toBeGreaterThan(0);
  for (const c of controls) {
    expect(c.height, `${where}: ${c.name} (${c.type}) height`).toBeGreaterThanOrEqual(44);
    expect(c.font, `${where}: ${c.name} (${c.type}) font size`).toBeGreaterThanOrEqual(16);
    expect(c.radius, `${where}: ${c.name} (${c.type}) looks like the other controls`).toBe('8px');
  }
}

test('date, phone and every other input in the cadre forms and the 离穗 edit form are 44 px targets with 16 px text', async ({ browser }) => {
  const cadre2 = await loginAs(browser, 'cadre2');
  for (const process of ['cadre-leave', 'cadre-leave-city-report', 'cadre-private-travel']) {
    await cadre2.goto(`/services/${process}/apply`);
    await expectPhoneControls(cadre2, process);
  }
  await checkPage(cadre2, 'inputs-private-travel');

  // The 离穗 report's edit form, shown on the application after it is submitted.
  await cadre2.goto('/services/cadre-leave-city-report/apply');
  await cadre2.getByLabel('目的地').fill('北京');
  await cadre2.getByLabel('开始日期').fill(await dayFromNow(cadre2, 5));
  await cadre2.getByLabel('结束日期').fill(await dayFromNow(cadre2, 8));
  await cadre2.getByLabel('联系方式').fill('13800000000');
  await cadre2.getByRole('button', { name: '提交申请' }).click();
  await expect(cadre2.getByTestId('current-step')).toHaveText('待组织部确认');
  await expectPhoneControls(cadre2, 'city-report edit');
  await checkPage(cadre2, 'inputs-city-report-edit');
});
