import { Controller, ForbiddenException, Get, Header, NotFoundException, Param, Req, StreamableFile, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { formatCertificateCode } from '@alliance/server-certificates';
import { AppError } from '@alliance/server-graphql';
import { SessionService } from '@alliance/server-identity';
import { DEFAULT_LOCALE, ErrorCode, countryName, isLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { isOrganiser } from './enrolment.service';
import { ReportsService } from './reports.service';

/** A CSV cell: quoted when needed, and formula-looking text defused for spreadsheets. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * GET /api/learning/courses/:id/report.csv for organisers and administrators (session cookie): one
 * row per enrolment, UTF-8 with BOM so spreadsheets read the accents.
 */
@Controller('api/learning')
export class ReportCsvController {
  constructor(
    private readonly sessions: SessionService,
    private readonly reports: ReportsService,
  ) {}

  @Get('courses/:id/report.csv')
  @Header('Cache-Control', 'private, no-store')
  async report(@Param('id') id: string, @Req() req: Request): Promise<StreamableFile> {
    const user = await this.sessions.resolveRequest(req);
    if (!user) throw new UnauthorizedException();
    if (!isOrganiser(user)) throw new ForbiddenException();
    const wanted = (req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
    const locale: Locale = isLocale(wanted) ? wanted : (user.locale ?? DEFAULT_LOCALE);
    const t = translator(locale);
    let rows;
    try {
      rows = await this.reports.csvRows(user, id);
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.NotFound) throw new NotFoundException();
      throw error;
    }
    const header = ['name', 'email', 'country', 'organisation', 'status', 'progress', 'enrolledAt', 'completedAt', 'certificate'].map((k) => String(t(`enrolment:csv_${k}`)));
    const lines = [header.map(csvCell).join(',')];
    for (const r of rows) {
      lines.push(
        [
          r.name,
          r.email,
          r.countryCode ? countryName(r.countryCode, locale) : '',
          r.organisationName ?? '',
          String(t(`enrolment:status_${r.status}`)),
          String(r.progressPercent),
          r.enrolledAt.toISOString().slice(0, 10),
          r.completedAt ? r.completedAt.toISOString().slice(0, 10) : '',
          r.certificateCode ? formatCertificateCode(r.certificateCode) : '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
    const body = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="course-report-${id}.csv"`, length: body.length });
  }
}
