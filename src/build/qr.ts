// QR codes for printed pages, made at build time so no QR code ships as JS.
import QRCode from 'qrcode';

/** An SVG QR code of `text`, black on white, sized by CSS. */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.trim().replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
