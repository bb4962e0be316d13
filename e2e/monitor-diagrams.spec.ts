import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

interface Rect {
  path: string;
  container: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every state box of the diagram on the page as Chromium painted it, and the frame around it. */
async function measure(page: Page): Promise<{ frame: Omit<Rect, 'path' | 'container'>; states: Rect[] }> {
  return page.getByTestId('diagram').evaluate((root) => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const frame = box(root.querySelector('.zoom-pan-view')!);
    const states = [...root.querySelectorAll('g[data-state]')].map((g) => ({
      path: g.getAttribute('data-state')!,
      container: g.getAttribute('data-container') === 'true',
      ...box(g.querySelector('rect')!),
    }));
    return { frame, states };
  });
}

const EPS = 0.5;
const inside = (a: Rect, f: { x: number; y: number; w: number; h: number }) =>
  a.x >= f.x - EPS && a.y >= f.y - EPS && a.x + a.w <= f.x + f.w + EPS && a.y + a.h <= f.y + f.h + EPS;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
const nested = (a: Rect, b: Rect) => a.path.startsWith(`${b.path}.`) || b.path.startsWith(`${a.path}.`);

const SIZES = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 360, height: 740 },
];

for (const locale of ['zh-CN', 'en-US']) {
  test(`every definition's diagram paints whole inside its frame, no two states overlapping (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const admin = await loginAs(browser, 'admin', { locale });
    await admin.goto('/admin/processes');
    const links = await admin.getByTestId('definitions').locator('a[href^="/admin/processes/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(11);
    const problems: string[] = [];
    for (const size of SIZES) {
      await admin.setViewportSize({ width: size.width, height: size.height });
      for (const href of links) {
        await admin.goto(href);
        await expect(admin.getByTestId('diagram').locator('svg.statechart')).toBeVisible();
        const { frame, states } = await measure(admin);
        expect(states.length, href).toBeGreaterThan(2);
        // The frame sits inside the page's width: nothing to scroll sideways to.
        if (frame.x < 0 || frame.x + frame.w > size.width + EPS) problems.push(`${size.name} ${href}: frame ${frame.x}+${frame.w} wider than the page`);
        for (const s of states) if (!inside(s, frame)) problems.push(`${size.name} ${href}: ${s.path} outside the frame`);
        for (let i = 0; i < states.length; i++) {
          for (let j = i + 1; j < states.length; j++) {
            const a = states[i]!;
            const b = states[j]!;
            if (!nested(a, b) && overlap(a, b)) problems.push(`${size.name} ${href}: ${a.path} overlaps ${b.path}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
}

test('the diagram zooms and pans by keyboard and returns to the fitted view', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin');
  await admin.goto('/admin/processes/presidents-mailbox/1');
  const view = admin.getByTestId('diagram').locator('.zoom-pan-view');
  const canvas = view.locator('.zoom-pan-canvas');
  await view.focus();
  await admin.keyboard.press('+');
  await expect(canvas).toHaveAttribute('style', /scale\(1\.25\)/);
  await admin.keyboard.press('ArrowRight');
  await expect(canvas).toHaveAttribute('style', /translate\(-60px, 0px\)/);
  await admin.keyboard.press('0');
  await expect(canvas).toHaveAttribute('style', /translate\(0px, 0px\) scale\(1\)/);
  // The colour legend says what each colour means in numbers.
  await expect(admin.getByTestId('heat-legend')).toContainText('当前办件数');
  // Edge labels are the actions people click and timers in words.
  const svg = admin.getByTestId('diagram').locator('svg.statechart');
  await expect(svg).toContainText('受理');
  await expect(svg).toContainText('超过 3 个工作日未处理');
  await expect(svg).not.toContainText('acceptOverdue');
});
