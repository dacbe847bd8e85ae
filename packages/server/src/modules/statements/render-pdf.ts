import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { splitIntoRuns, subsetFile, type FontWeight } from './cjk-font.ts';
import { presentStatement } from './present-statement.ts';
import type { StatementDocument, StatementLanguage } from './statements.schemas.ts';

export interface StatementPdfInput {
  document: StatementDocument;
  signature: string;
  verifyUrl: string;
  lang: StatementLanguage;
}

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_HEIGHT = 120;

const FOOTER_TEXT = {
  zh: {
    code: '验证码',
    scan: '扫描二维码或访问以下网址核验本文件：',
    key: '签名密钥',
    signature: '电子签名（Ed25519）',
  },
  en: {
    code: 'Verification code',
    scan: 'Scan the QR code or visit this address to verify this document:',
    key: 'Signing key',
    signature: 'Electronic signature (Ed25519)',
  },
} as const;

/**
 * The statement as an A4 PDF in Chinese or English: the certified figures, the verification code, the QR
 * code of the verification address and the signature. Text is drawn run by run in the Noto Sans SC subset
 * that holds it (see cjk-font.ts).
 */
export async function renderStatementPdf(input: StatementPdfInput): Promise<Buffer> {
  const view = presentStatement(input.document, input.lang);
  const qr = await QRCode.toBuffer(input.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    scale: 6,
  });
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: view.title,
      Subject: `${input.document.kind} ${input.document.code}`,
      Keywords: input.document.code,
      Creator: 'Shebao',
      Producer: 'Shebao',
      CreationDate: new Date(input.document.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pen = new Pen(doc);

  let y = PAGE.margin;
  pen.draw(view.title, PAGE.margin, y, { size: 18, weight: 700, width: CONTENT_WIDTH, align: 'center' });
  y += 34;
  for (const [label, value] of view.facts) {
    pen.draw(label, PAGE.margin, y, { size: 10, weight: 700 });
    pen.draw(value, PAGE.margin + 130, y, { size: 10 });
    y += 16;
  }
  y += 8;
  for (const section of view.sections) {
    const needed = 40 + 14 * section.rows.length;
    if (y + Math.min(needed, 120) > PAGE.height - PAGE.margin - FOOTER_HEIGHT) {
      doc.addPage();
      y = PAGE.margin;
    }
    pen.draw(section.heading, PAGE.margin, y, { size: 12, weight: 700 });
    y += 18;
    const widths = columnWidths(section.columns.length);
    const drawRow = (cells: string[], weight: FontWeight) => {
      let x = PAGE.margin;
      cells.forEach((cell, index) => {
        const width = widths[index]!;
        pen.draw(cell, x + 2, y, {
          size: 9,
          weight,
          width: width - 4,
          align: section.alignRight.includes(index) ? 'right' : 'left',
        });
        x += width;
      });
      y += 14;
    };
    drawRow(section.columns, 700);
    doc
      .moveTo(PAGE.margin, y - 2)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y - 2)
      .lineWidth(0.5)
      .stroke('#888888');
    for (const row of section.rows) {
      if (y > PAGE.height - PAGE.margin - FOOTER_HEIGHT) {
        doc.addPage();
        y = PAGE.margin;
      }
      drawRow(row, 400);
    }
    y += 10;
  }
  for (const note of view.notes) y = pen.wrap(note, PAGE.margin, y, CONTENT_WIDTH, 9) + 4;

  // The footer on the last page: QR code, code, address, key and signature.
  const t = FOOTER_TEXT[input.lang];
  if (y > PAGE.height - PAGE.margin - FOOTER_HEIGHT) doc.addPage();
  const top = PAGE.height - PAGE.margin - FOOTER_HEIGHT + 10;
  doc.image(qr, PAGE.margin, top, { width: 96, height: 96 });
  const x = PAGE.margin + 110;
  const width = CONTENT_WIDTH - 110;
  pen.draw(`${t.code}: ${input.document.code}`, x, top, { size: 13, weight: 700 });
  pen.draw(t.scan, x, top + 22, { size: 8 });
  pen.draw(input.verifyUrl, x, top + 34, { size: 8 });
  pen.draw(`${t.key}: ${input.document.keyId}`, x, top + 48, { size: 8 });
  pen.draw(`${t.signature}:`, x, top + 62, { size: 8 });
  const half = Math.ceil(input.signature.length / 2);
  pen.draw(input.signature.slice(0, half), x, top + 74, { size: 7, width });
  pen.draw(input.signature.slice(half), x, top + 84, { size: 7, width });
  doc.end();
  return finished;
}

function columnWidths(count: number): number[] {
  if (count === 1) return [CONTENT_WIDTH];
  const first = count >= 7 ? CONTENT_WIDTH * 0.24 : count >= 5 ? CONTENT_WIDTH * 0.3 : CONTENT_WIDTH / count;
  const rest = (CONTENT_WIDTH - first) / (count - 1);
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}

interface DrawOptions {
  size: number;
  weight?: FontWeight;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

/** Draws single lines of mixed Chinese and Latin text, each run in the font subset that holds it. */
class Pen {
  private readonly registered = new Set<string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  draw(text: string, x: number, y: number, options: DrawOptions): void {
    const runs = splitIntoRuns(text, options.weight ?? 400);
    const widths = runs.map((run) => this.use(run.subset, run.font, options).widthOfString(run.text));
    const total = widths.reduce((sum, width) => sum + width, 0);
    let cursor = x;
    if (options.width !== undefined && options.align === 'right') cursor = x + options.width - total;
    if (options.width !== undefined && options.align === 'center') cursor = x + (options.width - total) / 2;
    runs.forEach((run, index) => {
      this.use(run.subset, run.font, options).text(run.text, cursor, y, { lineBreak: false });
      cursor += widths[index]!;
    });
  }

  /**
   * Draws a paragraph broken into lines at `width`: between words in Latin text, between any two
   * characters in Chinese. Returns the y below it.
   */
  wrap(text: string, x: number, y: number, width: number, size: number): number {
    let line = '';
    for (const token of text.match(
      /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+|\s+/g,
    ) ?? []) {
      const candidate = line + token;
      if (line && this.width(candidate.trimEnd(), size) > width) {
        this.draw(line.trimEnd(), x, y, { size });
        y += size * 1.5;
        line = token.trimStart();
      } else {
        line = candidate;
      }
    }
    if (line.trim()) this.draw(line.trimEnd(), x, y, { size });
    return y + size * 1.5;
  }

  private width(text: string, size: number): number {
    return splitIntoRuns(text, 400).reduce(
      (sum, run) => sum + this.use(run.subset, run.font, { size }).widthOfString(run.text),
      0,
    );
  }

  private use(subset: string, font: string, options: DrawOptions): PDFKit.PDFDocument {
    if (!this.registered.has(font)) {
      this.doc.registerFont(font, subsetFile(subset, options.weight ?? 400));
      this.registered.add(font);
    }
    return this.doc.font(font).fontSize(options.size).fillColor('#000000');
  }
}
