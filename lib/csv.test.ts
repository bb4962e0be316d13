import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv, parseCsvRecords, sniffDelimiter, toCsvText } from './csv';

test('quoted fields keep commas, quotes and line breaks; blank rows are dropped', () => {
  assert.deepEqual(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n\n ,\n'), [
    ['a', 'b'],
    ['x, y', 'say "hi"\nthere'],
  ]);
  const rows = [['a', 'b,c', 'say "hi"', '多\n行']];
  assert.deepEqual(parseCsv(toCsvText(rows)), rows);
});

test('records carry the line they start on, past blank lines and quoted line breaks', () => {
  const text = 'tenant,room\r\n\r\ncadre,"3-201\nnorth"\ncadre2,3-202\n';
  assert.deepEqual(parseCsvRecords(text), [
    { line: 1, cells: ['tenant', 'room'] },
    { line: 3, cells: ['cadre', '3-201\nnorth'] },
    { line: 5, cells: ['cadre2', '3-202'] },
  ]);
});

test('a range pasted from a spreadsheet is tab-separated: commas inside it stay in the cell', () => {
  assert.equal(sniffDelimiter('\n租户工号\t房号\t金额\n'), '\t');
  assert.equal(sniffDelimiter('租户工号,房号,金额\t备注\n'), ',');
  assert.deepEqual(parseCsv('cadre\t3-201\t1,200.00\r\ncadre2\t"3-202"\t650\r\n'), [
    ['cadre', '3-201', '1,200.00'],
    ['cadre2', '3-202', '650'],
  ]);
});
