import { Controller, ForbiddenException, Get, Header, NotFoundException, Param, Req, StreamableFile, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { formatCertificateCode } from '@alliance/server-certificates';
import { AppError, pickLocalized } from '@alliance/server-graphql';
import { SessionService } from '@alliance/server-identity';
import { DEFAULT_LOCALE, ErrorCode, countryName, isLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { workshopAchievementKey } from './held.service';
import { PollService } from './poll.service';
import { csvDocument } from './registration-rules';
import { requireManagedWorkshop, type WorkshopActor } from './util';

/**
 * CSV exports for the managers of a workshop (session cookie): GET /api/workshops/:id/participants.csv
 * (one row per registration) and GET /api/workshops/:id/poll.csv (poll results by rank). UTF-8 with
 * BOM, formula-looking cells defused; headers in the reader's language.
 */
@Controller('api/workshops')
export class WorkshopCsvController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly polls: PollService,
  ) {}

  @Get(':id/participants.csv')
  @Header('Cache-Control', 'private, no-store')
  async participants(@Param('id') id: string, @Req() req: Request): Promise<StreamableFile> {
    const { actor, locale } = await this.viewer(req);
    const workshop = await this.guard(() => requireManagedWorkshop(this.dataSource.manager, actor, id));
    const t = translator(locale);
    const rows = (await this.dataSource.query(
      `SELECT u.name, u.email, trim(r.country_code) AS country_code, r.organisation_name, r.organisation_type, r.status, r.created_at, r.consent_to_list,
              (SELECT count(*)::int FROM workshop_attendance a WHERE a.registration_id = r.id) AS attended,
              c.code AS certificate_code
         FROM workshop_registrations r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN certificates c ON c.achievement_key = $2 AND c.recipient_user_id = r.user_id AND c.status = 'issued'
        WHERE r.workshop_id = $1
        ORDER BY r.created_at, r.id`,
      [workshop.id, workshopAchievementKey(workshop.id)],
    )) as Array<{
      name: string;
      email: string;
      country_code: string | null;
      organisation_name: string | null;
      organisation_type: string | null;
      status: string;
      created_at: Date;
      consent_to_list: boolean;
      attended: number;
      certificate_code: string | null;
    }>;
    const header = ['name', 'email', 'country', 'organisation', 'organisationType', 'status', 'registeredAt', 'attendedSessions', 'consent', 'certificate'].map((k) =>
      String(t(`workshopRegistration:csv_${k}`)),
    );
    const body = csvDocument(
      header,
      rows.map((r) => [
        r.name,
        r.email,
        r.country_code ? countryName(r.country_code, locale) : '',
        r.organisation_name ?? '',
        r.organisation_type ? String(t(`alliance:type_${r.organisation_type}`)) : '',
        String(t(`workshopRegistration:status_${r.status}`)),
        new Date(r.created_at).toISOString().slice(0, 10),
        String(r.attended),
        String(t(r.consent_to_list ? 'workshopRegistration:yes' : 'workshopRegistration:no')),
        r.certificate_code ? formatCertificateCode(r.certificate_code) : '',
      ]),
    );
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="workshop-participants-${workshop.slug}.csv"`, length: body.length });
  }

  @Get(':id/poll.csv')
  @Header('Cache-Control', 'private, no-store')
  async poll(@Param('id') id: string, @Req() req: Request): Promise<StreamableFile> {
    const { actor, locale } = await this.viewer(req);
    const { workshop, results } = await this.guard(() => this.polls.resultsFor(actor, id));
    const t = translator(locale);
    const header = ['rank', 'action', 'points', 'ballots'].map((k) => String(t(`workshopRegistration:csv_${k}`)));
    const body = csvDocument(
      header,
      results.map((r) => [String(r.rank), pickLocalized(r.action.title, locale), String(r.points), String(r.ballots)]),
    );
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="workshop-poll-${workshop.slug}.csv"`, length: body.length });
  }

  private async viewer(req: Request): Promise<{ actor: WorkshopActor; locale: Locale }> {
    const user = await this.sessions.resolveRequest(req);
    if (!user) throw new UnauthorizedException();
    const wanted = (req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
    const locale: Locale = isLocale(wanted) ? wanted : (user.locale ?? DEFAULT_LOCALE);
    return { actor: { id: user.id, name: user.name, roles: user.roles, locale }, locale };
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.NotFound) throw new NotFoundException();
      if (error instanceof AppError && error.extensions.code === ErrorCode.Forbidden) throw new ForbiddenException();
      throw error;
    }
  }
}
