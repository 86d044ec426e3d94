import { Controller, ForbiddenException, Get, Header, Req, StreamableFile, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { SessionService } from '@alliance/server-identity';
import { DEFAULT_LOCALE, Role, isLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { ReferenceService, localised } from './reference.service';
import { OrganisationsService } from './organisations.service';

/** A CSV cell: quoted when needed, and formula-looking text defused for spreadsheets. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** GET /api/alliance/members.csv for administrators: UTF-8 with BOM so spreadsheets read the accents. */
@Controller('api/alliance')
export class MembersCsvController {
  constructor(
    private readonly sessions: SessionService,
    private readonly organisations: OrganisationsService,
    private readonly reference: ReferenceService,
  ) {}

  @Get('members.csv')
  @Header('Cache-Control', 'private, no-store')
  async members(@Req() req: Request): Promise<StreamableFile> {
    const user = await this.sessions.resolveRequest(req);
    if (!user) throw new UnauthorizedException();
    if (!user.roles.includes(Role.Admin)) throw new ForbiddenException();
    const wanted = (req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
    const locale: Locale = isLocale(wanted) ? wanted : (user.locale ?? DEFAULT_LOCALE);
    const t = translator(locale);
    const countries = new Map((await this.reference.countries(true, locale)).map((c) => [c.code, c]));
    const header = ['name', 'type', 'country', 'sub-region', 'category', 'status', 'since', 'website'];
    const lines = [header.join(',')];
    for (const row of await this.organisations.membersForExport()) {
      const country = countries.get(row.countryCode);
      lines.push(
        [
          row.name,
          String(t(`alliance:type_${row.type}`)),
          country ? localised(country, 'name', locale) : row.countryCode,
          country ? String(t(`alliance:subRegion_${country.subRegion}`)) : '',
          String(t(`alliance:category_${row.category}`)),
          String(t(`alliance:membershipStatus_${row.status}`)),
          row.since.toISOString().slice(0, 10),
          row.website ?? '',
        ]
          .map(cell)
          .join(','),
      );
    }
    const body = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="alliance-members.csv"', length: body.length });
  }
}
