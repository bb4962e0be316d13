import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { checkPage } from './support/phone';
import { act, openTask } from './support/processes';

test.setTimeout(240_000);

// 差评整改 (#18 item 10): a 不满意 reopens the repair for 后勤处, which owes an answer within 5 working days.
test('宿舍报修 on a phone: the student rates 不满意 → 后勤处 finds the reopened task with the rating, the comment and the day → answers → the student rates again', async ({ browser }) => {
  const student = await loginAs(browser, 'student');
  await student.goto('/repairs');
  await student.getByTestId('repair-cards').locator('li').first().getByRole('link', { name: /办理/ }).click();
  await student.getByLabel('楼栋').fill('紫荆区 7 栋');
  await student.getByLabel('房间号').fill('512');
  await student.getByLabel('故障类别').selectOption('electrical');
  await student.getByLabel('故障描述').fill('阳台灯不亮，开关没有反应');
  await student.getByRole('button', { name: '提交申请' }).click();
  await expect(student.getByTestId('current-step')).toHaveText('后勤处派单');
  const url = student.url();

  const logistics = await loginAs(browser, 'logistics');
  await openTask(logistics, /学生公寓宿舍报修申请：紫荆区 7 栋 512/);
  await act(logistics, '派单维修');
  await act(logistics, '维修完成');

  await student.goto(url);
  await student.getByLabel('满意度评价').selectOption({ label: '不满意' });
  await student.getByLabel('评价内容').fill('灯还是不亮');
  await student.getByRole('button', { name: '确认维修结果' }).click();
  await expect(student.getByTestId('current-step')).toHaveText('差评重新办理');
  await expect(student.getByTestId('reopened-due')).toHaveText(/^已重新处理，\d{1,2} 月 \d{1,2} 日前答复$/);
  await expect(student.getByTestId('reopened-rating')).toHaveText('评价：不满意 · 灯还是不亮');
  await expect(student.getByTestId('timeline')).toContainText('评价：不满意 · 灯还是不亮');
  await checkPage(student, 'reopened-student-phone');
  const due = (await student.getByTestId('reopened-due').textContent())!.match(/\d{1,2} 月 \d{1,2} 日/)![0];

  // 后勤处's 待办 has it again; its page says what the student said and by when to answer.
  await openTask(logistics, /学生公寓宿舍报修申请：紫荆区 7 栋 512/);
  await expect(logistics.getByTestId('current-step')).toHaveText('差评重新办理');
  await expect(logistics.getByTestId('reopened-rating')).toHaveText('评价：不满意 · 灯还是不亮');
  await expect(logistics.getByTestId('reopened-due')).toHaveText(`申请人评价不满意，请于 ${due}前答复（5 个工作日内）`);
  await checkPage(logistics, 'reopened-logistics-phone');
  await logistics.setViewportSize({ width: 1366, height: 900 });
  await checkPage(logistics, 'reopened-logistics-desktop');
  await logistics.setViewportSize({ width: 360, height: 740 });
  await act(logistics, '答复并请再次验收', '已更换灯座和开关');

  await student.goto(url);
  await expect(student.getByTestId('current-step')).toHaveText('待确认评价');
  await expect(student.getByTestId('reopened')).toHaveCount(0);
  await expect(student.getByTestId('timeline')).toContainText('已更换灯座和开关');
  await student.getByLabel('满意度评价').selectOption({ label: '满意' });
  await student.getByRole('button', { name: '确认维修结果' }).click();
  await expect(student.getByTestId('current-step')).toHaveText('已完成');
  await expect(student.getByTestId('rating')).toHaveText('满意');
});
