import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redact } from './redact';

test('masks e-mail, phone, ID card and student ids', () => {
  const out = redact('我是张小明，学号 2017123456，电话 138-1234-5678，邮箱 a.b@scau.edu.cn，身份证 44010619900101123X');
  assert.equal(out.includes('2017123456'), false);
  assert.equal(out.includes('5678'), false);
  assert.equal(out.includes('a.b@scau.edu.cn'), false);
  assert.equal(out.includes('44010619900101123X'), false);
  assert.equal(out.includes('张小明'), false);
});

test('masks known names and leaves ordinary text alone', () => {
  assert.equal(redact('李明同学反映食堂排队太久', ['李明']), '[姓名已隐去]同学反映食堂排队太久');
  assert.equal(redact('图书馆开放到 22 点'), '图书馆开放到 22 点');
});

test('full-width digits and ＠ read like plain ones (issue 15 #3)', () => {
  const out = redact('电话１３８００１３８０００，邮箱ｌｉｎ＠ｓｃａｕ．ｅｄｕ．ｃｎ，学号２０１７１２３４５６');
  assert.equal(/[１３８０]{4}/.test(out), false, out);
  assert.equal(out.includes('＠'), false, out);
  assert.equal(out.includes('２０１７１２３４５６'), false, out);
  assert.equal(out, '电话[电话已隐去]，邮箱[邮箱已隐去]，学号[学号/工号已隐去]');
});

test('phones split by dots, spaces, dashes or middle dots, with or without +86', () => {
  for (const phone of ['138.0013.8000', '138 0013 8000', '1380-013-8000', '+86 138 0013 8000', '138·0013·8000', '020-8528 0000', '020.85280000']) {
    const out = redact(`请打 ${phone} 联系`);
    assert.equal(out, '请打 [电话已隐去] 联系', `${phone} → ${out}`);
  }
  assert.equal(redact('a.b ＠ scau.edu.cn'), '[邮箱已隐去]');
});

test('ID card numbers however grouped', () => {
  for (const id of ['4401 0619 9001 0112 3X', '440106 19900101 123X', '440106-1990-0101-1234', '４４０１０６１９９００１０１１２３Ｘ']) {
    const out = redact(`身份证 ${id} 。`);
    assert.equal(out, '身份证 [证件号已隐去] 。', `${id} → ${out}`);
  }
});

test('QQ and WeChat ids', () => {
  assert.equal(redact('我的QQ：12345678，微信号: lin_kz2024'), '我的[QQ号已隐去]，[微信号已隐去]');
  assert.equal(redact('加 qq 987654 或 vx linkz_88'), '加 [QQ号已隐去] 或 [微信号已隐去]');
  assert.equal(redact('ＱＱ号１２３４５６７'), '[QQ号已隐去]');
});

test("the writer's own account name, as a whole word in any case", () => {
  assert.equal(redact('我的账号是 Cadre2，cadre2 登录不了', [], ['cadre2']), '我的账号是 [账号已隐去]，[账号已隐去] 登录不了');
  assert.equal(redact('cadre23 不是我', [], ['cadre2']), 'cadre23 不是我');
  assert.equal(redact('林科长反映', ['林科长'], ['cadre2']), '[姓名已隐去]反映');
});

test('ordinary numbers and text stay', () => {
  assert.equal(redact('食堂 3 号窗口 11:30 开始供餐，共 120 个座位'), '食堂 3 号窗口 11:30 开始供餐，共 120 个座位');
  assert.equal(redact('2025 年 12 月 1 日'), '2025 年 12 月 1 日');
});
