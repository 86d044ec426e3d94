import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService } from '@alliance/server-identity';
import { WorkshopSession } from './entities';
import { Role } from '@alliance/shared-core';
import { SessionsService } from './sessions.service';
import { tag, text } from './testing/registration-fixtures';
import { createWorkshopsTestApp } from './testing/workshops-test-app';
import type { WorkshopActor } from './util';
import { WorkshopsService } from './workshops.service';

// The independent parser (CommonJS build) checks what calendar programs will read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

describe('workshop .ics (real PostgreSQL, parsed with ical.js)', () => {
  let app: INestApplication;
  let base: string;
  let workshops: WorkshopsService;
  let sessions: SessionsService;
  let organiser: WorkshopActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createWorkshopsTestApp();
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    workshops = app.get(WorkshopsService);
    sessions = app.get(SessionsService);
    const u = await app.get(UsersService).createUser({ name: 'Marcela Fuentes', email: `ics.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'CO', verified: true, roles: [Role.Organiser] });
    organiser = { id: u.id, name: u.name, roles: [Role.Organiser] };
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const create = (audience: string) =>
    workshops.create(organiser, {
      title: text(`Taller regional: prioridades ${tag()}`, 'Atelier régional : priorités'),
      description: text('Propuesta y priorización de acciones; coma, punto y coma; y saltos\nde línea.'),
      mode: 'VIRTUAL',
      timeZone: 'America/Bogota',
      audience,
      approvalRequired: false,
      waitlistMode: 'AUTO',
      languages: ['es', 'fr'],
      certificateIssuer: 'Alianza Regional',
      certificateSignatories: [{ name: 'Ana Gómez', title: 'Secretaria Técnica', organisation: 'Alianza' }],
    });

  it('gives one VEVENT per session with UTC times, a stable UID and the workshop URL', async () => {
    const w = await create('OPEN');
    const day1 = { title: text('Día 1', 'Jour 1'), startsAt: new Date('2031-05-12T14:00:00Z'), endsAt: new Date('2031-05-12T17:30:00Z') };
    const day2 = { title: text('Día 2', 'Jour 2'), startsAt: new Date('2031-05-13T14:00:00Z'), endsAt: new Date('2031-05-13T16:00:00Z') };
    await sessions.saveSession(organiser, w.id, null, day1);
    await sessions.saveSession(organiser, w.id, null, day2);
    await workshops.open(organiser, w.id);

    const fetchIcs = async (lang = 'fr') => fetch(`${base}/api/workshops/${w.slug}.ics`, { headers: { 'accept-language': lang } });
    const res = await fetchIcs();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();

    const calendar = new ICAL.Component(ICAL.parse(body));
    const events = calendar.getAllSubcomponents('vevent').map((c: unknown) => new ICAL.Event(c));
    expect(events).toHaveLength(2);
    const [e1, e2] = events;
    expect(e1.startDate.toJSDate().toISOString()).toBe('2031-05-12T14:00:00.000Z');
    expect(e1.endDate.toJSDate().toISOString()).toBe('2031-05-12T17:30:00.000Z');
    expect(e1.startDate.zone.tzid).toBe('UTC');
    expect(e2.startDate.toJSDate().toISOString()).toBe('2031-05-13T14:00:00.000Z');
    expect(e1.summary).toContain('Atelier régional : priorités');
    expect(e1.summary).toContain('Jour 1');
    expect(e1.description).toContain('coma, punto y coma; y saltos\nde línea.');
    const url = e1.component.getFirstPropertyValue('url');
    expect(url).toBe(`https://portal.example/workshops/${w.slug}`);
    const ids = (await app.get<DataSource>(getDataSourceToken()).getRepository(WorkshopSession).find({ where: { workshopId: w.id }, order: { startsAt: 'ASC' } })).map((s) => s.id);
    expect([e1.uid, e2.uid]).toEqual(ids.map((id) => `${id}@portal.example`));
    // Stable: the same UIDs on every download, whatever the language.
    const again = new ICAL.Component(ICAL.parse(await (await fetchIcs('es')).text()));
    expect(again.getAllSubcomponents('vevent').map((c: { getFirstPropertyValue(n: string): string }) => c.getFirstPropertyValue('uid'))).toEqual([e1.uid, e2.uid]);
  });

  it('is not found for drafts and, for invited audiences, for people who are neither registered nor organisers', async () => {
    const draft = await create('OPEN');
    await sessions.saveSession(organiser, draft.id, null, { title: text('Día 1'), startsAt: new Date('2031-06-01T14:00:00Z'), endsAt: new Date('2031-06-01T16:00:00Z') });
    expect((await fetch(`${base}/api/workshops/${draft.slug}.ics`)).status).toBe(404);
    const invited = await create('INVITED');
    await sessions.saveSession(organiser, invited.id, null, { title: text('Día 1'), startsAt: new Date('2031-06-01T14:00:00Z'), endsAt: new Date('2031-06-01T16:00:00Z') });
    await workshops.open(organiser, invited.id);
    expect((await fetch(`${base}/api/workshops/${invited.slug}.ics`)).status).toBe(404);
    expect((await fetch(`${base}/api/workshops/no-such-workshop.ics`)).status).toBe(404);
  });
});
