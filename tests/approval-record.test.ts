import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { instanceEvents, orgUnits, processInstances } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { issueHousingNotices } from '@/lib/housing/issue-notices';
import { syncCasePrefixes } from '@/lib/instances/case-prefixes';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { approvalRecord } from '@/lib/records/approval-record';
import { verifyRecord } from '@/lib/records/verify-record';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { applyEvent } from '@/workflows/engine/apply-event';
import { dayFromNow, startFitnessDeferral, expectCode } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

/**
 * Issue 16 item 11: the approval record (PDF) of a finished application carries its case number
 * and fingerprint; the public check accepts exactly that pair, and refuses a wrong fingerprint,
 * an unknown number and a log edited after the fact; an anonymous letter's record names no writer.
 */
let t: TestDatabase;
const a: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
const facts = () => [['申请理由', '住院治疗中']] as Array<[string, string]>;
let id: string;

/** The PDF's text, when poppler's pdftotext is installed (it reads the embedded font's glyphs back). */
function pdfText(bytes: Uint8Array): string | null {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'record-')), 'r.pdf');
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  await syncCasePrefixes(t.db);
  for (const n of ['student', 'counselor', 'doctor', 'sports', 'student2', 'admin', 'cadre', 'cadre2', 'mailbox', 'logistics', 'assets']) a[n] = (await loadActor(t.db, { username: n }))!;
  id = await startFitnessDeferral(t.db, a.student!, at);
  await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', comment: '情况属实，同意缓测', now: at });
  await applyEvent(t.db, { instanceId: id, actor: a.doctor!, type: 'approve', now: at });
  await applyEvent(t.db, { instanceId: id, actor: a.sports!, type: 'approve', comment: '同意', now: at });
});
after(() => t.close());

describe('approval record of a finished application', () => {
  test('the PDF carries the case number and the fingerprint (the last log entry’s hash); the check accepts them', async () => {
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
    assert.equal(row!.status, 'completed');
    const record = await approvalRecord(t.db, a.student!, id, 'zh', facts, at);
    assert.equal(record.caseNo, row!.caseNo);
    assert.equal(record.hash, row!.lastHash);
    assert.match(record.verifyUrl, new RegExp(`/verify/${record.caseNo}\\?h=${record.hash}$`));

    const pdf = await PDFDocument.load(record.bytes);
    assert.equal(pdf.getKeywords(), `${record.caseNo} ${record.hash}`);
    assert.equal(pdf.getSubject(), record.verifyUrl);
    assert.ok(Buffer.from(record.bytes).toString('latin1').includes(`/ZijingRecord (${record.caseNo} ${record.hash})`));
    assert.ok(record.bytes.length < 200_000, `a subset font keeps it small (${record.bytes.length} bytes)`);

    // What is printed: labels, every step with who and the opinion, the outcome.
    const printed = JSON.stringify(record.content);
    for (const s of ['申请理由', '住院治疗中', '情况属实，同意缓测', a.counselor!.name, a.sports!.name, '已办结', 'SHA-256', record.hash]) assert.ok(printed.includes(s), s);
    const text = pdfText(record.bytes);
    if (text !== null) {
      for (const s of [record.caseNo, '审批记录', '情况属实，同意缓测', a.student!.name]) assert.ok(text.replace(/\s+/g, '').includes(s.replace(/\s+/g, '')), `PDF text has ${s}`);
    }

    const check = await verifyRecord(t.db, record.caseNo, record.hash);
    assert.deepEqual({ verified: check.verified, caseNo: check.caseNo, status: check.status, current: check.current, steps: check.steps }, {
      verified: true,
      caseNo: record.caseNo,
      status: 'completed',
      current: true,
      steps: 4,
    });
    assert.equal(JSON.stringify(check).includes(a.student!.name), false, 'the public check names nobody');
  });

  test('only people who may read the instance get it', async () => {
    await expectCode(approvalRecord(t.db, a.student2!, id, 'zh', facts, at), 'NOT_FOUND');
    const asHandler = await approvalRecord(t.db, a.counselor!, id, 'en', facts, at);
    assert.match(asHandler.content.title, /^Approval record/, 'in the reader’s language');
    assert.ok(JSON.stringify(asHandler.content).includes(a.student!.name), 'staff see who applied');
  });

  test('a wrong fingerprint, an unknown case number or a malformed one: 无法核验', async () => {
    const record = await approvalRecord(t.db, a.student!, id, 'zh', facts, at);
    const flipped = `${record.hash.slice(0, -1)}${record.hash.endsWith('0') ? '1' : '0'}`;
    await expectCode(verifyRecord(t.db, record.caseNo, flipped), 'NOT_FOUND');
    await expectCode(verifyRecord(t.db, 'TC-20990101-9999', record.hash), 'NOT_FOUND');
    await expectCode(verifyRecord(t.db, 'not a number', record.hash), 'NOT_FOUND');
    await expectCode(verifyRecord(t.db, record.caseNo, 'abc'), 'NOT_FOUND');
    try {
      await verifyRecord(t.db, record.caseNo, flipped);
    } catch (error) {
      assert.match((error as { userMessage: { zh: string } }).userMessage.zh, /^无法核验/);
    }
  });

  test('an earlier record still verifies, marked as not the latest', async () => {
    const [first] = await t.db.select().from(instanceEvents).where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.seq, 2)));
    const check = await verifyRecord(t.db, (await approvalRecord(t.db, a.student!, id, 'zh', facts, at)).caseNo, first!.hash);
    assert.equal(check.current, false);
    assert.equal(check.status, null);
    assert.equal(check.steps, 2);
  });

  test('a log edited after the record was issued: the chain no longer recomputes, the record fails', async () => {
    const record = await approvalRecord(t.db, a.student!, id, 'zh', facts, at);
    await t.db
      .update(instanceEvents)
      .set({ comment: '不同意' })
      .where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.seq, 2)));
    await expectCode(verifyRecord(t.db, record.caseNo, record.hash), 'NOT_FOUND');
    await t.db
      .update(instanceEvents)
      .set({ comment: '情况属实，同意缓测' })
      .where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.seq, 2)));
    assert.equal((await verifyRecord(t.db, record.caseNo, record.hash)).verified, true);
  });
});

describe('approval record of an anonymous 校长信箱 letter', () => {
  test('names no writer: not on the record, not in the PDF', async () => {
    if (process.env.RECORD_PDF_OUT) writeFileSync(process.env.RECORD_PDF_OUT, (await approvalRecord(t.db, a.student!, id, 'zh', facts, at)).bytes);
    const [hr] = await t.db.select().from(orgUnits).where(eq(orgUnits.id, a.cadre2!.orgUnitId));
    const identity = [a.cadre2!.id, a.cadre2!.name, a.cadre2!.username, hr!.nameZh];
    const sent = await submitLetter(t.db, {
      body: { letter: { category: 'complaint', subject: '会议室预约系统经常失败', content: '预约经常提示失败，希望尽快修复。', anonymous: true, name: a.cadre2!.name } },
      actor: a.cadre2!,
      ip: '10.0.0.1',
      now: at,
      origin: 'http://campus.test',
    });
    await sendLetterEvent(t.db, a.mailbox!, sent.instanceId, { type: 'accept' }, at, weekdayCalendar);
    for (const viewer of [a.mailbox!, a.admin!]) {
      const record = await approvalRecord(t.db, viewer, sent.instanceId, 'zh', () => [['主题', '会议室预约系统经常失败']], at);
      const printed = JSON.stringify(record.content);
      assert.ok(printed.includes('匿名'));
      for (const s of identity) assert.equal(printed.includes(s), false, `record contains ${s}`);
      const text = pdfText(record.bytes);
      if (text !== null) for (const s of identity) assert.equal(text.includes(s), false, `PDF text contains ${s}`);
      assert.equal((await verifyRecord(t.db, record.caseNo, record.hash)).verified, true);
    }
    // Nothing in the database ties the letter to the writer for the record to find.
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, sent.instanceId));
    assert.equal(row!.applicantId, null);
  });
});

describe('record of an issued 周转房缴费通知', () => {
  test('is named after the notice, not 审批记录: its recipient and when it was sent, in its title and file name', async () => {
    const now = new Date();
    await issueHousingNotices(t.db, a.assets!, { csv: `cadre,3-201,2026年12月,650.00,${dayFromNow(10)}` }, now);
    const [row] = await t.db.select().from(processInstances).where(and(eq(processInstances.processId, 'housing-payment-notice'), eq(processInstances.applicantId, a.cadre!.id)));
    const record = await approvalRecord(t.db, a.cadre!, row!.id, 'zh', () => [['房号', '3-201']], now);
    assert.equal(record.content.title, '周转房缴费通知记录');
    assert.equal(record.fileName, `周转房缴费通知记录-${record.caseNo}.pdf`);
    const printed = JSON.stringify(record.content);
    for (const s of ['通知对象', '通知时间', '通知内容', '发出通知']) assert.ok(printed.includes(s), s);
    for (const s of ['审批记录', '申请人', '提交时间', '申请内容']) assert.equal(printed.includes(s), false, `record says ${s}`);
    const english = await approvalRecord(t.db, a.cadre!, row!.id, 'en', () => [], now);
    assert.equal(english.content.title, 'Staff housing payment notice record');
  });
});
