import QRCode from 'qrcode';

/** The university's invoicing details (开票信息), as 财务处 publishes them. */
export const INVOICE_DETAILS = {
  name: '华南农业大学',
  taxId: '12440000455416469K',
  address: '广州市天河区五山路483号 020-85280000',
  bank: '中国工商银行广州五山支行 3602000409000012345',
};

/** The details as one text block, the format invoicing apps read from a scanned QR code. */
export function invoiceText(): string {
  const d = INVOICE_DETAILS;
  return `名称：${d.name}\n税号：${d.taxId}\n地址电话：${d.address}\n开户行及账号：${d.bank}`;
}

/** An SVG QR code rendered on the server: no client script, crisp at any size. */
export function invoiceQrSvg(): Promise<string> {
  return QRCode.toString(invoiceText(), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
