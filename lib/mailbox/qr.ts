import QRCode from 'qrcode';

/** The tracking link as an SVG QR code, rendered on the server (no client library, no image host). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
