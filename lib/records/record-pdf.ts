import { PDFDict, PDFDocument, PDFName, PDFString, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import QRCode from 'qrcode';
import { cjkFontSubset } from './cjk-font';

/** Everything printed, already in the reader's words (labels, never field or state ids). */
export interface RecordContent {
  title: string;
  caseNo: string;
  /** Label: value lines at the top (流水号, 办理结果, 申请人, 提交时间, …). */
  facts: Array<[string, string]>;
  formTitle: string;
  form: Array<[string, string]>;
  attachmentsTitle: string;
  attachments: Array<{ name: string; detail: string; sha256: string }>;
  stepsTitle: string;
  steps: Array<{ heading: string; lines: string[]; opinion: string | null }>;
  none: string;
  verifyTitle: string;
  qrCaption: string;
  /** Lines under the QR code: what the fingerprint is and how to check it. */
  verifyLines: string[];
  fingerprintLabel: string;
  hash: string;
  verifyUrl: string;
  footer: (page: number, pages: number) => string;
  /** Keeps a document's bytes stable for one record (tests, re-downloads). */
  createdAt: Date;
}

/** The key in the PDF's document information where the record names itself (read back by the /verify page's file check). */
export const RECORD_INFO_KEY = 'ZijingRecord';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const BODY = 10;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);
const RULE = rgb(0.82, 0.84, 0.87);

/** Breaks text to a width, character by character (Chinese has no spaces to break at). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const ch of Array.from(paragraph)) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = ch.trimStart();
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

/** Drawing down the pages, starting a new page when the next block does not fit. */
class Flow {
  page: PDFPage;
  y: number;
  readonly pages: PDFPage[] = [];
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.page = this.newPage();
    this.y = A4[1] - MARGIN;
  }
  private newPage(): PDFPage {
    const page = this.doc.addPage(A4);
    this.pages.push(page);
    return page;
  }
  room(height: number): void {
    if (this.y - height < MARGIN + 24) {
      this.page = this.newPage();
      this.y = A4[1] - MARGIN;
    }
  }
  text(text: string, opts: { size?: number; x?: number; width?: number; color?: ReturnType<typeof rgb>; gap?: number } = {}): void {
    const size = opts.size ?? BODY;
    const x = opts.x ?? MARGIN;
    const width = opts.width ?? A4[0] - MARGIN - x;
    for (const line of wrap(text, this.font, size, width)) {
      this.room(size * 1.5);
      this.y -= size * 1.45;
      this.page.drawText(line, { x, y: this.y, size, font: this.font, color: opts.color ?? INK });
    }
    this.y -= opts.gap ?? 0;
  }
  heading(text: string): void {
    this.room(40);
    this.y -= 10;
    this.text(text, { size: 13, gap: 3 });
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 4;
  }
  /** A label: value row; the value wraps under itself. */
  pair(label: string, value: string, labelWidth = 96, right = A4[0] - MARGIN): void {
    const lines = wrap(value || '—', this.font, BODY, right - MARGIN - labelWidth);
    this.room(BODY * 1.5);
    const top = this.y;
    this.page.drawText(label, { x: MARGIN, y: top - BODY * 1.45, size: BODY, font: this.font, color: MUTED });
    for (const line of lines) {
      this.room(BODY * 1.5);
      this.y -= BODY * 1.45;
      this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y, size: BODY, font: this.font, color: INK });
    }
    this.y -= 2;
  }
}

function allText(c: RecordContent): string {
  return [
    c.title,
    ...c.facts.flat(),
    c.formTitle,
    ...c.form.flat(),
    c.attachmentsTitle,
    ...c.attachments.flatMap((a) => [a.name, a.detail]),
    c.stepsTitle,
    ...c.steps.flatMap((s) => [s.heading, ...s.lines, s.opinion ?? '']),
    c.none,
    c.verifyTitle,
    c.qrCaption,
    ...c.verifyLines,
    c.fingerprintLabel,
    c.footer(1, 1),
  ].join('');
}

/**
 * The approval record as a PDF: the facts, the form, the attachments with their SHA-256, every
 * step with who / when / opinion, and a QR code to the public verification page. The case
 * number and fingerprint are also in the document information (and the QR's link), so a file
 * can be checked without scanning; changing them there or in the link makes it fail to verify.
 */
export async function renderRecordPdf(c: RecordContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // The subset is already cut (cjk-font.ts): pdf-lib embeds it whole.
  // No ligatures: a fingerprint's "ff" must stay two letters (to read and to copy).
  const font = await doc.embedFont(await cjkFontSubset(allText(c)), { subset: false, features: { liga: false, clig: false, dlig: false } });
  const flow = new Flow(doc, font);

  // Title and facts on the left, the QR code at the top right.
  const qrSize = 104;
  const qrX = A4[0] - MARGIN - qrSize;
  const qrY = A4[1] - MARGIN - qrSize;
  const qr = await doc.embedPng(await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 312 }));
  flow.page.drawImage(qr, { x: qrX, y: qrY, width: qrSize, height: qrSize });
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [qrX, qrY, qrX + qrSize, qrY + qrSize],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(c.verifyUrl) },
    }),
  );
  flow.page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  const caption = c.qrCaption;
  flow.page.drawText(caption, { x: qrX + (qrSize - font.widthOfTextAtSize(caption, 8)) / 2, y: qrY - 11, size: 8, font, color: MUTED });

  flow.text(c.title, { size: 18, width: qrX - MARGIN - 12, gap: 8 });
  for (const [label, value] of c.facts) flow.pair(label, value, 72, qrX - 12);
  flow.y = Math.min(flow.y, qrY - 18);

  flow.heading(c.formTitle);
  if (c.form.length === 0) flow.text(c.none, { color: MUTED });
  for (const [label, value] of c.form) flow.pair(label, value);

  flow.heading(c.attachmentsTitle);
  if (c.attachments.length === 0) flow.text(c.none, { color: MUTED });
  for (const a of c.attachments) {
    flow.text(`${a.name}（${a.detail}）`, { gap: 0 });
    flow.text(`SHA-256 ${a.sha256}`, { size: 8, x: MARGIN + 12, color: MUTED, gap: 3 });
  }

  flow.heading(c.stepsTitle);
  c.steps.forEach((s, i) => {
    flow.room(BODY * 4);
    flow.text(`${i + 1}. ${s.heading}`, { gap: 0 });
    for (const line of s.lines) flow.text(line, { x: MARGIN + 14, color: MUTED });
    if (s.opinion) flow.text(s.opinion, { x: MARGIN + 14 });
    flow.y -= 4;
  });

  flow.heading(c.verifyTitle);
  for (const line of c.verifyLines) flow.text(line, { color: MUTED });
  flow.text(c.fingerprintLabel, { gap: 0 });
  flow.text(c.hash, { size: 9, x: MARGIN + 14 });
  flow.text(c.verifyUrl, { size: 8, x: MARGIN + 14, color: MUTED });

  flow.pages.forEach((page, i) => {
    const text = c.footer(i + 1, flow.pages.length);
    page.drawText(text, { x: MARGIN, y: MARGIN - 18, size: 8, font, color: MUTED });
  });

  doc.setTitle(c.title);
  doc.setSubject(c.verifyUrl);
  doc.setKeywords([c.caseNo, c.hash]);
  doc.setCreator('紫荆e站');
  doc.setProducer('紫荆e站');
  doc.setCreationDate(c.createdAt);
  doc.setModificationDate(c.createdAt);
  doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of(RECORD_INFO_KEY), PDFString.of(`${c.caseNo} ${c.hash}`));
  // Without object streams the document information stays plain text in the file, where the
  // verification page's file check (and anyone with a text editor) can read it.
  return doc.save({ useObjectStreams: false });
}
