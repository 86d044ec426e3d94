import fs from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import PDFDocument from 'pdfkit';
import { AppError } from '@alliance/server-graphql';
import { SessionService } from '@alliance/server-identity';
import { contentDisposition } from '@alliance/server-storage';
import { csvDocument } from '@alliance/server-workshops';
import { ErrorCode, resolveLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { CollaborationAccessService, isUuid } from './access';
import { COMMITMENT_STATUSES } from './collaboration.constants';
import { CommitmentsService, todayIn, type AccountabilitySummary, type CommitmentView } from './commitments.service';
import type { CollaborationSpace } from './entities';

export type AccountabilityFormat = 'csv' | 'pdf';

/** GET address of a space's accountability export (members only). */
export const accountabilityUrl = (spaceId: string, format: AccountabilityFormat): string => `/api/collaboration/accountability/${spaceId}.${format}`;

/** What both exports print, in the reader's language. */
export interface AccountabilityExport {
  space: Pick<CollaborationSpace, 'id' | 'title' | 'timeZone'>;
  rows: CommitmentView[];
  summary: AccountabilitySummary;
  locale: Locale;
  exportedAt: Date;
}

/** 'YYYY-MM-DD' (a calendar day) in the reader's language, without shifting it through a time zone. */
function formatDay(value: string, locale: Locale): string {
  const [year, month, day] = value.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A calendar day 'YYYY-MM-DD' of a moment in a time zone. */
function dayIn(value: Date, timeZone: string): string {
  return todayIn(timeZone, value);
}

function percent(value: number | null, locale: Locale): string {
  return value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** "Rendición de cuentas - <title> - 2026-12-02.csv", without characters file systems refuse. */
export function exportFilename(data: Pick<AccountabilityExport, 'space' | 'locale' | 'exportedAt'>, format: AccountabilityFormat): string {
  const t = translator(data.locale);
  const base = String(t('collaborationRecords:exportFilename', { title: data.space.title }))
    // Characters file systems refuse, and control characters (code points below 32, and 127).
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return `${base} - ${dayIn(data.exportedAt, data.space.timeZone)}.${format}`;
}

/** The source column: which workshop priority a commitment was carried over from. */
function sourceText(row: CommitmentView, locale: Locale): string {
  const c = row.commitment;
  if (c.source !== 'WORKSHOP_PRIORITY') return '';
  return String(translator(locale)('collaborationRecords:sourceWorkshop', { workshop: row.workshop?.title ?? '', label: c.sourceLabel ?? '' }));
}

/** The CSV export: one row per commitment (UTF-8 with BOM, CRLF, formula-looking cells defused). */
export function accountabilityCsv(data: AccountabilityExport): Buffer {
  const t = translator(data.locale);
  const header = ['kind', 'title', 'responsible', 'country', 'dueDate', 'status', 'progress', 'overdue', 'lastNote', 'lastNoteDate', 'source'].map((k) =>
    String(t(`collaborationRecords:csv_${k}`)),
  );
  const rows = data.rows.map((row) => {
    const c = row.commitment;
    return [
      String(t(`collaborationRecords:kind_${c.kind}`)),
      c.title,
      row.organisationName,
      row.countryCode,
      c.dueDate ?? '',
      String(t(`collaborationRecords:status_${c.status}`)),
      String(c.progress),
      String(t(row.overdue ? 'collaborationRecords:yes' : 'collaborationRecords:no')),
      row.lastUpdate?.note ?? '',
      row.lastUpdate ? dayIn(row.lastUpdate.createdAt, data.space.timeZone) : '',
      sourceText(row, data.locale),
    ];
  });
  return csvDocument(header, rows);
}

// ---------------------------------------------------------------- PDF

interface FontSources {
  regular: unknown;
  bold: unknown;
}

let fontSources: FontSources | undefined;
/** The fonts once pdfkit has parsed them (fontkit objects), shared by every later document. */
let parsedFonts: FontSources | undefined;

// The apps are bundled by webpack, which would turn require.resolve into a bundle module id; the
// real Node require finds the font package in node_modules at run time.
declare const __non_webpack_require__: NodeJS.Require | undefined;
const nodeRequire: NodeJS.Require = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package (never the network): the standard PDF fonts garble
 * names such as "Łukasz Wiśniewski" or "Ñuñoa". The files are read once per process; after the first
 * document, the parsed fonts themselves are reused (pdfkit accepts a parsed font), so later exports
 * skip parsing 700 kB of TrueType each time.
 */
function accountabilityFonts(): FontSources {
  if (parsedFonts) return parsedFonts;
  if (!fontSources) {
    const dir = path.join(path.dirname(nodeRequire.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontSources = { regular: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fontSources;
}

/** Keeps the fontkit objects pdfkit made of the font files (EmbeddedFont.font), for the next documents. */
function rememberParsedFonts(doc: PDFKit.PDFDocument): void {
  if (parsedFonts) return;
  const parsedOf = (name: string) => {
    doc.font(name);
    const font = (doc as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
    return typeof font?.layout === 'function' ? font : undefined;
  };
  const regular = parsedOf('Sans');
  const bold = parsedOf('Sans-Bold');
  if (regular && bold) parsedFonts = { regular, bold };
}

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape, in points
const MARGIN = 36;
const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b5d7a';
const RULE = '#cbd2d9';
const OVERDUE = '#b3261e';
/** Longest text printed in one table cell: a table row must fit on a page. */
const CELL_MAX = 600;

const clip = (text: string, max = CELL_MAX) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The PDF export: the space's title, the date of export (in the space's time zone), the overall
 * progress and counts by status, then the table of commitments (header repeated on every page),
 * page numbers at the foot. Real text in an embedded Unicode font, so it is searchable and copyable.
 */
export async function accountabilityPdf(data: AccountabilityExport): Promise<Buffer> {
  const t = translator(data.locale);
  const fonts = accountabilityFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    lang: data.locale,
    // The embedded font from the start, so the standard Helvetica is never set up for this document.
    font: fonts.regular as string,
    displayTitle: true,
    info: { Title: `${String(t('collaborationRecords:pdfTitle'))}: ${data.space.title}`, Creator: String(t('common:appName')), CreationDate: data.exportedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Sans', fonts.regular as Buffer);
  doc.registerFont('Sans-Bold', fonts.bold as Buffer);
  rememberParsedFonts(doc);

  const width = PAGE.width - 2 * MARGIN;
  const bottom = PAGE.height - MARGIN - 18;
  const exportedOn = new Intl.DateTimeFormat(data.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: data.space.timeZone }).format(data.exportedAt);

  doc.font('Sans-Bold').fontSize(10).fillColor(ACCENT).text(String(t('common:appName')).toUpperCase(), MARGIN, MARGIN, { width });
  doc.font('Sans-Bold').fontSize(18).fillColor(INK).text(`${String(t('collaborationRecords:pdfTitle'))}: ${data.space.title}`, MARGIN, doc.y + 4, { width });
  doc.font('Sans').fontSize(10).fillColor(MUTED).text(String(t('collaborationRecords:pdfExportedOn', { date: exportedOn, timeZone: data.space.timeZone })), MARGIN, doc.y + 4, { width });

  // Overall progress and counts.
  const s = data.summary;
  const number = new Intl.NumberFormat(data.locale);
  const figures = [
    String(t('collaborationRecords:pdfTotal', { count: number.format(s.total) })),
    String(t('collaborationRecords:pdfDoneShare', { percent: percent(s.doneShare, data.locale) })),
    String(t('collaborationRecords:pdfAverageProgress', { percent: percent(s.averageProgress === null ? null : s.averageProgress / 100, data.locale) })),
    String(t('collaborationRecords:pdfOverdue', { count: number.format(s.overdue) })),
  ];
  const counts = COMMITMENT_STATUSES.map((status) => `${String(t(`collaborationRecords:status_${status}`))}: ${number.format(s.counts[status])}`).join('   ·   ');
  doc.moveDown(0.6);
  doc.font('Sans-Bold').fontSize(11).fillColor(INK).text(String(t('collaborationRecords:pdfSummary')), MARGIN, doc.y, { width });
  doc.font('Sans').fontSize(10).fillColor(INK).text(figures.join('   ·   '), MARGIN, doc.y + 2, { width });
  doc.text(counts, MARGIN, doc.y + 2, { width });
  // A bar of the overall progress (share done), drawn, with the figure already printed above.
  const barY = doc.y + 6;
  doc.rect(MARGIN, barY, 240, 8).fill('#e4e7eb');
  if (s.doneShare) doc.rect(MARGIN, barY, 240 * s.doneShare, 8).fill(ACCENT);
  doc.fillColor(INK);
  let y = barY + 22;

  // Shares of the width; the progress column's heading has no "(%)" since its cells carry it.
  const columns = [
    { label: 'csv_title', width: 0.25 },
    { label: 'csv_responsible', width: 0.16 },
    { label: 'csv_dueDate', width: 0.11 },
    { label: 'csv_status', width: 0.11 },
    { label: 'pdfProgress', width: 0.09 },
    { label: 'csv_overdue', width: 0.08 },
    { label: 'csv_lastNote', width: 0.2 },
  ].map((c) => ({ width: c.width * width, label: String(t(`collaborationRecords:${c.label}`)) }));
  const pad = 4;

  /** A table cell: its main text and, below it in smaller muted type, a detail line (kind, source, date of a note). */
  interface Cell {
    text: string;
    bold?: boolean;
    color?: string;
    detail?: string;
  }
  const inner = (i: number) => columns[i].width - 2 * pad;
  const cellHeight = (cell: Cell, i: number, size: number) => {
    let height = doc.font(cell.bold ? 'Sans-Bold' : 'Sans').fontSize(size).heightOfString(cell.text || ' ', { width: inner(i) });
    if (cell.detail) height += 1 + doc.font('Sans').fontSize(size - 1).heightOfString(cell.detail, { width: inner(i) });
    return height;
  };
  const rowHeight = (cells: Cell[], size: number) => Math.max(...cells.map((cell, i) => cellHeight(cell, i, size))) + 2 * pad;
  const drawRow = (cells: Cell[], size: number) => {
    const height = rowHeight(cells, size);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.font(cell.bold ? 'Sans-Bold' : 'Sans').fontSize(size).fillColor(cell.color ?? INK).text(cell.text, x + pad, y + pad, { width: inner(i) });
      if (cell.detail) doc.font('Sans').fontSize(size - 1).fillColor(MUTED).text(cell.detail, x + pad, doc.y + 1, { width: inner(i) });
      x += columns[i].width;
    });
    y += height;
    doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).strokeColor(RULE).stroke();
  };
  const header = () => {
    const cells = columns.map((c) => ({ text: c.label, bold: true }));
    doc.rect(MARGIN, y, width, rowHeight(cells, 9)).fill('#eef2f5');
    drawRow(cells, 9);
  };

  if (!data.rows.length) {
    doc.font('Sans').fontSize(10).fillColor(MUTED).text(String(t('collaborationRecords:pdfNoCommitments')), MARGIN, y, { width });
  } else {
    header();
    for (const row of data.rows) {
      const c = row.commitment;
      const source = sourceText(row, data.locale);
      const late = row.overdue ? OVERDUE : INK;
      const cells: Cell[] = [
        { text: clip(c.title), bold: true, detail: clip(`${String(t(`collaborationRecords:kind_${c.kind}`))}${source ? ` · ${source}` : ''}`) },
        { text: clip(`${row.organisationName}${row.countryCode ? ` (${row.countryCode})` : ''}`) },
        { text: c.dueDate ? formatDay(c.dueDate, data.locale) : '—', color: late },
        { text: String(t(`collaborationRecords:status_${c.status}`)) },
        { text: `${number.format(c.progress)} %` },
        { text: String(t(row.overdue ? 'collaborationRecords:yes' : 'collaborationRecords:no')), color: late, bold: row.overdue },
        row.lastUpdate
          ? { text: clip(row.lastUpdate.note || '—'), detail: formatDay(dayIn(row.lastUpdate.createdAt, data.space.timeZone), data.locale) }
          : { text: '—' },
      ];
      if (y + rowHeight(cells, 9) > bottom) {
        doc.addPage();
        y = MARGIN;
        header();
      }
      drawRow(cells, 9);
    }
  }

  // Page numbers, written once every page exists; the bottom margin is lifted so pdfkit does not
  // start a new page for text placed below it.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Sans')
      .fontSize(8)
      .fillColor(MUTED)
      .text(String(t('collaborationRecords:pdfPage', { page: i + 1, pages: range.count })), MARGIN, PAGE.height - MARGIN, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return finished;
}

// ---------------------------------------------------------------- controller

/**
 * GET /api/collaboration/accountability/:spaceId.csv and /:spaceId.pdf (session cookie): the
 * accountability exports of a space, for its members. Anyone else (anonymous, outsiders, members
 * of other spaces) gets the same 404 as for a space that does not exist. The language is `?lang=`
 * (the page's language), else Accept-Language, else the person's preferred language.
 */
@Controller('api/collaboration/accountability')
export class AccountabilityController {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly access: CollaborationAccessService,
    private readonly sessions: SessionService,
  ) {}

  @Get(':spaceId.csv')
  async csv(@Param('spaceId') spaceId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(spaceId, 'csv', req, res);
  }

  @Get(':spaceId.pdf')
  async pdf(@Param('spaceId') spaceId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(spaceId, 'pdf', req, res);
  }

  private async send(spaceId: string, format: AccountabilityFormat, req: Request, res: Response): Promise<void> {
    const user = await this.sessions.resolveRequest(req);
    const lang = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const locale = resolveLocale(lang, req.headers['accept-language'], user?.locale);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Vary', 'Cookie, Accept-Language');
    let data;
    try {
      if (!isUuid(spaceId)) throw AppError.notFound('collaboration:notFound');
      data = await this.commitments.exportData(this.access.viewerFor(user, locale), spaceId);
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.NotFound) return this.notFound(res, locale);
      throw error;
    }
    const content: AccountabilityExport = { space: data.space, rows: data.rows, summary: data.summary, locale, exportedAt: new Date() };
    const body = format === 'csv' ? accountabilityCsv(content) : await accountabilityPdf(content);
    res.status(200);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf');
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('Content-Disposition', contentDisposition(exportFilename(content, format), false));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(body);
  }

  private notFound(res: Response, locale: Locale): void {
    res.status(404).json({ code: 'collaboration:notFound', message: String(translator(locale)('collaboration:notFound')) });
  }
}
