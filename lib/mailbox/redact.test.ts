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
