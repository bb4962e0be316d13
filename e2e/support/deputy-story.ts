import { expect, type Browser, type TestInfo } from '@playwright/test';
import { loginAs } from './login';
import { act } from './processes';
import { api, apiLogin, startFitness } from './proof-http';

/**
 * 代理 (issue 16, item 3) as people live it, on a desktop or a phone: 陈老师 sets 何老师 (staff of
 * her college) as her deputy under 我的 for today; a student's application then goes to 何老师,
 * whose page and timeline say 由 何老师 代理 陈老师; he approves. Ends with 陈老师 back in office.
 */
export async function deputyStory(browser: Browser, base: string, info: TestInfo, look: (page: import('@playwright/test').Page, name: string) => Promise<void>): Promise<void> {
  const chen = await loginAs(browser, 'counselor');
  await chen.goto('/me');
  const card = chen.getByTestId('out-of-office');
  await expect(card.getByRole('heading', { name: '外出代理' })).toBeVisible();
  // Only people who may hold her steps are offered; pinyin finds 何老师.
  await card.getByLabel('搜索姓名、工号或拼音').fill('hls');
  await card.getByRole('radio', { name: /何老师/ }).check();
  await card.getByLabel('说明（选填，如：出差）').fill('外出培训');
  await look(chen, 'deputy-form');
  await card.getByRole('button', { name: '保存代理设置' }).click();
  await expect(card.getByRole('status')).toContainText('由 何老师 代理');
  await expect(card.getByTestId('out-of-office-current')).toContainText('代理中');
  await look(chen, 'deputy-set');

  const student = await apiLogin(base, 'student');
  const { id } = await startFitness(base, student, `代理故事 ${Date.now()}`);

  // 陈老师 no longer gets it; 何老师 does, and sees on whose behalf.
  await chen.goto(`/applications/${id}`);
  await expect(chen.getByRole('button', { name: '核实通过' })).toHaveCount(0);
  const he = await loginAs(browser, 'engoffice');
  await he.goto('/tasks');
  await he.getByTestId('task-list').getByRole('link', { name: /代理故事|体质测试/ }).first().click();
  await expect(he.getByTestId('timeline').getByTestId('deputy-route').first()).toHaveText('由 何老师 代理 陈老师');
  await expect(he.getByTestId('task-holder')).toContainText('代理 陈老师');
  await look(he, 'deputy-task');
  await act(he, '核实通过');
  await expect(he.getByTestId('current-step')).toHaveText('校医院核实');

  // Back in office: new tasks come to her again.
  await chen.goto('/me');
  await chen.getByTestId('out-of-office').getByRole('button', { name: '结束代理' }).click();
  await expect(chen.getByTestId('out-of-office').getByRole('status')).toContainText('已结束代理');
  void info;
}

/** Ends any 代理 of 陈老师 (a story that failed half-way must not route the next spec's tasks). */
export async function endDeputy(base: string): Promise<void> {
  const chen = await apiLogin(base, 'counselor');
  await api(base, chen, 'DELETE', '/api/v1/me/out-of-office');
}
