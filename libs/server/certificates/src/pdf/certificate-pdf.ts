import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { translator } from '@alliance/shared-i18n';
import type { Locale } from '@alliance/shared-core';
import type { CertificateKind, SignatoryData } from '../entities/certificate.entity';

export interface CertificatePdfData {
  code: string;
  kind: CertificateKind;
  locale: Locale;
  recipientName: string;
  title: string;
  hours: number | null;
  startDate: string | null;
  endDate: string | null;
  issuerName: string;
  coIssuers: string[];
  signatories: SignatoryData[];
  issuedAt: Date;
  verificationUrl: string;
}

interface FontBuffers {
  regular: Buffer;
  bold: Buffer;
}

/** The part of a fontkit font pdfkit relies on (pdfkit accepts a parsed font wherever it takes a file). */
export interface ParsedFont {
  postscriptName: string;
  layout(text: string, ...rest: unknown[]): unknown;
}

interface ParsedFonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

let fonts: FontBuffers | undefined;
let parsed: ParsedFonts | undefined;
let parseCount = 0;

// The apps are bundled by webpack, which would turn require.resolve into a bundle module id; the
// real Node require finds the font package in node_modules at run time.
declare const __non_webpack_require__: NodeJS.Require | undefined;
const nodeRequire: NodeJS.Require = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package, read once per process: the standard PDF fonts
 * cannot print names such as "Łukasz Wiśniewski". Resolved from the package, never the network.
 */
export function certificateFonts(): FontBuffers {
  if (!fonts) {
    const dir = path.join(path.dirname(nodeRequire.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fonts;
}

/**
 * The two fonts parsed once per process and shared by every document. Given a file, pdfkit parses
 * it again for each document and starts with cold glyph, cmap and layout caches: that made a
 * certificate cost about 7x more than with a warm parsed font. fontkit (a direct dependency pinned
 * to pdfkit's version) is resolved from pdfkit's folder, so it is the very copy pdfkit expects. Each document still embeds its own subset.
 */
export function parsedCertificateFonts(): ParsedFonts {
  if (!parsed) {
    const { regular, bold } = certificateFonts();
    // Resolved from pdfkit's folder with the real Node require (webpack would replace createRequire).
    const fontkitPath = nodeRequire.resolve('fontkit', { paths: [path.dirname(nodeRequire.resolve('pdfkit'))] });
    const fontkit = nodeRequire(fontkitPath) as { create(data: Uint8Array): ParsedFont };
    parsed = { regular: withLayoutCache(fontkit.create(regular)), bold: withLayoutCache(fontkit.create(bold)) };
    parseCount += 1;
  }
  return parsed;
}

const LAYOUT_CACHE_SIZE = 5000;

interface GlyphRunLike {
  glyphs: unknown[];
  positions: object[];
}

/**
 * Shaping a word (cmap, ligatures, kerning) is the costliest part of laying text out, and pdfkit
 * keeps its word cache per document: every certificate shaped the same title, issuer and
 * labels again. This keeps the shaped words of the process (up to LAYOUT_CACHE_SIZE, oldest
 * dropped first) and hands out copies, because pdfkit scales a run's positions in place.
 */
function withLayoutCache(font: ParsedFont): ParsedFont {
  const shape = font.layout.bind(font) as (text: string, ...rest: unknown[]) => GlyphRunLike;
  const cache = new Map<string, GlyphRunLike>();
  font.layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((arg) => arg !== undefined)) return shape(text, ...rest);
    let run = cache.get(text);
    if (!run) {
      run = shape(text);
      if (cache.size >= LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(text, run);
    }
    return copyRun(run);
  };
  return font;
}

function copyRun(run: GlyphRunLike): GlyphRunLike {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRunLike, run);
  copy.glyphs = run.glyphs.slice();
  copy.positions = run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position));
  return copy;
}

/** How many times this process has parsed the fonts (for tests: it must stay at one). */
export function certificateFontParseCount(): number {
  return parseCount;
}

/** The QR code's modules (row-major, true = dark) for a text, as printed on the certificate. */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape, in points
const MARGIN = 42;
/** Where the QR code sits (points from the top-left corner), with a quiet zone of QR_QUIET modules. */
export const QR_BOX = { x: MARGIN + 6, y: PAGE.height - MARGIN - 82, size: 78 };
export const QR_QUIET = 2;
const INK = '#1f2933';
const ACCENT = '#0b5d7a';
const MUTED = '#52606d';

// Building an Intl formatter costs far more than using one (about 1.5 ms of a certificate's render
// when made afresh each time): one of each per locale, kept for the process.
const formatters = new Map<Locale, { date: Intl.DateTimeFormat; number: Intl.NumberFormat; list: Intl.ListFormat }>();
function formattersOf(locale: Locale) {
  let found = formatters.get(locale);
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
    };
    formatters.set(locale, found);
  }
  return found;
}

/** 'YYYY-MM-DD' (a calendar date, no time zone) as a long date in the certificate's language. */
export function formatCalendarDate(value: string, locale: Locale): string {
  const [year, month, day] = value.split('-').map(Number);
  return formattersOf(locale).date.format(new Date(Date.UTC(year, month - 1, day)));
}

/** Issue dates are printed in UTC so every copy of a certificate says the same day. */
export function formatIssueDate(value: Date, locale: Locale): string {
  return formattersOf(locale).date.format(value);
}

/** The lines of text the certificate prints, in order (also what tests compare against). */
export function certificateTexts(data: CertificatePdfData) {
  const t = translator(data.locale);
  const { number, list } = formattersOf(data.locale);
  let dates: string | null = null;
  if (data.startDate && data.endDate && data.startDate !== data.endDate) {
    dates = String(t('certificates:dateRange', { start: formatCalendarDate(data.startDate, data.locale), end: formatCalendarDate(data.endDate, data.locale) }));
  } else if (data.startDate || data.endDate) {
    dates = String(t('certificates:singleDate', { date: formatCalendarDate((data.startDate ?? data.endDate)!, data.locale) }));
  }
  return {
    alliance: String(t('common:appName')),
    kind: String(t(`certificates:kind_${data.kind}`)),
    certifies: String(t('certificates:certifies')),
    name: data.recipientName,
    achievement: String(t(`certificates:achievement_${data.kind}`)),
    title: data.title,
    details: [data.hours != null ? String(t('certificates:hours', { hours: number.format(data.hours) })) : null, dates].filter(Boolean).join('  ·  '),
    issuer: data.issuerName,
    coIssuers: data.coIssuers.length ? String(t('certificates:coIssuers', { names: list.format(data.coIssuers) })) : null,
    issuedOn: String(t('certificates:issuedOn', { date: formatIssueDate(data.issuedAt, data.locale) })),
    code: String(t('certificates:code', { code: data.code })),
    verifyAt: String(t('certificates:verifyAt')),
    url: data.verificationUrl,
    subject: String(t('certificates:pdfSubject', { kind: String(t(`certificates:kind_${data.kind}`)), name: data.recipientName, title: data.title })),
  };
}

/**
 * One A4 landscape page with pdfkit: real text in an embedded Unicode font (extractable and
 * searchable), a vector QR code of the verification URL, PDF/A-2b metadata. The output depends only
 * on the data (the creation date is the issue date), so rendering twice gives the same bytes.
 */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const { regular, bold } = parsedCertificateFonts();
  const texts = certificateTexts(data);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: data.locale,
    displayTitle: true,
    font: regular as unknown as string,
    info: {
      Title: `${texts.kind}: ${data.title}`,
      Author: data.issuerName,
      Subject: texts.subject,
      Keywords: data.code,
      Creator: texts.alliance,
      CreationDate: data.issuedAt,
      ModDate: data.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('Sans', regular as unknown as string);
  doc.registerFont('Sans-Bold', bold as unknown as string);

  // Frame
  doc.lineWidth(3).strokeColor(ACCENT).rect(18, 18, PAGE.width - 36, PAGE.height - 36).stroke();
  doc.lineWidth(0.8).rect(26, 26, PAGE.width - 52, PAGE.height - 52).stroke();

  const width = PAGE.width - 2 * MARGIN - 40;
  const x = MARGIN + 20;
  let y = 52;
  const centred = (text: string, font: string, size: number, color: string, gap: number, maxLines = 1) => {
    doc.font(font);
    let fitted = size;
    // Shrink long texts (names, titles) until they fit in `maxLines` lines, down to 60 %.
    while (fitted > size * 0.6 && doc.fontSize(fitted).heightOfString(text, { width, align: 'center' }) > doc.currentLineHeight(true) * maxLines + 1) {
      fitted -= 1;
    }
    doc.fontSize(fitted).fillColor(color).text(text, x, y, { width, align: 'center' });
    y = doc.y + gap;
  };

  centred(texts.alliance.toUpperCase(), 'Sans-Bold', 13, ACCENT, 14);
  centred(texts.kind, 'Sans-Bold', 28, INK, 14);
  centred(texts.certifies, 'Sans', 12, MUTED, 8);
  centred(texts.name, 'Sans-Bold', 30, INK, 10, 1);
  doc.moveTo(PAGE.width / 2 - 160, y).lineTo(PAGE.width / 2 + 160, y).lineWidth(0.6).strokeColor(MUTED).stroke();
  y += 10;
  centred(texts.achievement, 'Sans', 12, MUTED, 6);
  centred(texts.title, 'Sans-Bold', 19, INK, 8, 2);
  if (texts.details) centred(texts.details, 'Sans', 11, INK, 6);
  centred(texts.issuer, 'Sans-Bold', 12, INK, 3);
  if (texts.coIssuers) centred(texts.coIssuers, 'Sans', 10, MUTED, 3, 2);

  // Signatories, side by side above the footer
  const signatories = data.signatories.slice(0, 4);
  if (signatories.length) {
    const top = Math.max(y + 26, 382);
    const slot = width / signatories.length;
    signatories.forEach((signatory, index) => {
      const left = x + index * slot + 12;
      const slotWidth = slot - 24;
      doc.moveTo(left + 10, top).lineTo(left + slotWidth - 10, top).lineWidth(0.6).strokeColor(INK).stroke();
      doc.font('Sans-Bold').fontSize(10).fillColor(INK).text(signatory.name, left, top + 5, { width: slotWidth, align: 'center', lineBreak: false, ellipsis: true });
      doc.font('Sans').fontSize(8.5).fillColor(MUTED);
      doc.text(signatory.title, left, doc.y + 1, { width: slotWidth, align: 'center', lineBreak: false, ellipsis: true });
      doc.text(signatory.organisation, left, doc.y + 1, { width: slotWidth, align: 'center', lineBreak: false, ellipsis: true });
    });
  }

  // Footer: QR code on the left, verification details beside it
  const { x: qrX, y: qrY, size: qrSize } = QR_BOX;
  drawQr(doc, data.verificationUrl, qrX, qrY, qrSize);
  const textX = qrX + qrSize + 14;
  const textWidth = PAGE.width - textX - MARGIN - 10;
  doc.font('Sans').fontSize(9).fillColor(MUTED).text(texts.verifyAt, textX, qrY + 6, { width: textWidth });
  doc.font('Sans-Bold').fontSize(9.5).fillColor(ACCENT).text(texts.url, textX, doc.y + 1, { width: textWidth, link: texts.url });
  doc.font('Sans').fontSize(9).fillColor(INK).text(texts.code, textX, doc.y + 6, { width: textWidth });
  doc.text(texts.issuedOn, textX, doc.y + 1, { width: textWidth });

  doc.end();
  return finished;
}

/** The QR code as filled squares (vector): sharp at any zoom and no image decoder needed. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = qrModules(text);
  const quiet = QR_QUIET;
  const cell = size / (qr.size + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  // One rectangle per horizontal run of dark modules: a third of the path operators of one per
  // module, the same picture, and no hairline seams between neighbouring modules.
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (!qr.dark(row, col)) continue;
      let end = col + 1;
      while (end < qr.size && qr.dark(row, end)) end++;
      doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, (end - col) * cell, cell);
      col = end;
    }
  }
  doc.fill('#000000');
}
