import { Controller, Get, Header, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createEvents, type EventAttributes } from 'ics';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { SessionService } from '@alliance/server-identity';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@alliance/shared-core';
import { WorkshopSession as SessionEntity, type Workshop, type WorkshopSession } from './entities';
import { WorkshopCatalogueService } from './catalogue.service';
import { pickLocalized } from '@alliance/server-graphql';
import { WorkshopsService } from './workshops.service';
import { canManageWorkshop, type WorkshopActor } from './util';

/** The .ics text of a workshop: one VEVENT per session, UTC times, UID `<sessionId>@<host>`. */
export function workshopCalendar(workshop: Workshop, sessions: WorkshopSession[], locale: Locale, publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  const url = `${publicUrl.replace(/\/$/, '')}/workshops/${workshop.slug}`;
  const title = pickLocalized(workshop.title, locale);
  const description = pickLocalized(workshop.description, locale);
  const events: EventAttributes[] = sessions.map((s) => {
    const sessionTitle = pickLocalized(s.title, locale);
    return {
      uid: `${s.id}@${host}`,
      start: s.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: s.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: sessions.length > 1 && sessionTitle ? `${title} — ${sessionTitle}` : title,
      description: [description, url].filter(Boolean).join('\n\n'),
      url,
      ...(workshop.venue ? { location: workshop.venue } : {}),
      status: workshop.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
      productId: 'alliance-portal/workshops',
      calName: title,
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('ics: no calendar produced');
  return value;
}

/**
 * GET /api/workshops/<slug>.ics — public for OPEN-audience workshops; for MEMBERS and INVITED ones
 * only for registrants and the workshop's managers (session cookie). Drafts: managers only.
 */
@Controller('api/workshops')
export class IcsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly workshops: WorkshopsService,
    private readonly catalogue: WorkshopCatalogueService,
  ) {}

  @Get(':file')
  @Header('Cache-Control', 'private, no-cache')
  async calendar(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const match = /^([a-z0-9-]{1,80})\.ics$/.exec(file ?? '');
    if (!match) throw new NotFoundException();
    const workshop = await this.workshops.findBySlug(match[1]);
    if (!workshop) throw new NotFoundException();
    const user = await this.sessions.resolveRequest(req);
    const viewer: WorkshopActor | null = user ? { id: user.id, name: user.name, roles: user.roles } : null;
    const manages = await canManageWorkshop(this.dataSource.manager, viewer, workshop.id);
    const allowed = workshop.status === 'DRAFT' ? manages : workshop.audience === 'OPEN' || manages || (await this.catalogue.isRegistrant(viewer, workshop.id));
    // Not found and not allowed look the same.
    if (!allowed) throw new NotFoundException();
    const wanted = (req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
    const locale: Locale = isLocale(wanted) ? wanted : (user?.locale ?? DEFAULT_LOCALE);
    const sessions = await this.dataSource.getRepository(SessionEntity).find({ where: { workshopId: workshop.id }, order: { startsAt: 'ASC', id: 'ASC' } });
    const body = workshopCalendar(workshop, sessions, locale, this.config.publicUrl);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${workshop.slug}.ics"`);
    res.send(body);
  }
}
