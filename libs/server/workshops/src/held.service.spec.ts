import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Certificate, CertificatesService } from '@alliance/server-certificates';
import { UsersService, type User } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { AttendanceService } from './attendance.service';
import { FiguresService } from './figures.service';
import { HeldService, workshopAchievementKey } from './held.service';
import { RegistrationsService } from './registrations.service';
import type { WorkshopActor } from './util';
import { actorOf, appError, makeWorkshop, person } from './testing/registration-fixtures';
import { createRegistrationTestApp } from './testing/registration-test-app';

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('HeldService and FiguresService (real PostgreSQL, in-process queue)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let held: HeldService;
  let figures: FiguresService;
  let attendance: AttendanceService;
  let registrations: RegistrationsService;
  let organiserUser: User;
  let organiser: WorkshopActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createRegistrationTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    held = app.get(HeldService);
    figures = app.get(FiguresService);
    attendance = app.get(AttendanceService);
    registrations = app.get(RegistrationsService);
    organiserUser = await person(users, { roles: [Role.Organiser] });
    organiser = actorOf(organiserUser, [Role.Organiser]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('marks held once: one batch for the confirmed meeting the threshold, certificates rendered; idempotent', async () => {
    const { workshop, sessions } = await makeWorkshop(dataSource, organiserUser, { capacity: 3, threshold: 50 });
    const [full, half, none, waiting] = [await person(users, { name: 'Ana Full' }), await person(users, { name: 'Bruno Half', locale: 'fr' }), await person(users), await person(users)];
    const [rFull, rHalf, rNone] = [
      await registrations.register(actorOf(full), workshop.id, [], false),
      await registrations.register(actorOf(half), workshop.id, [], false),
      await registrations.register(actorOf(none), workshop.id, [], false),
    ];
    const rWaiting = await registrations.register(actorOf(waiting), workshop.id, [], false);
    expect(rWaiting.status).toBe('WAITLISTED');
    await attendance.mark(organiser, sessions[0].id, rFull.id, true);
    await attendance.mark(organiser, sessions[1].id, rFull.id, true);
    await attendance.mark(organiser, sessions[1].id, rHalf.id, true);
    expect(rNone.status).toBe('CONFIRMED');

    expect((await appError(held.markHeld(actorOf(full), workshop.id))).extensions.code).toBe(ErrorCode.Forbidden);
    const [first, second] = await Promise.all([held.markHeld(organiser, workshop.id), held.markHeld(organiser, workshop.id)]);
    expect([first.status, second.status]).toEqual(['HELD', 'HELD']);
    expect(first.certificateBatchId).toBeTruthy();
    expect(second.certificateBatchId).toBe(first.certificateBatchId);
    const again = await held.markHeld(organiser, workshop.id);
    expect(again.certificateBatchId).toBe(first.certificateBatchId);

    const certificates = await dataSource.getRepository(Certificate).find({ where: { achievementKey: workshopAchievementKey(workshop.id) }, order: { recipientName: 'ASC' } });
    expect(certificates.map((c) => [c.recipientName, c.kind, c.locale, c.title, c.hours, c.startDate, c.endDate, c.batchId])).toEqual([
      ['Ana Full', 'WORKSHOP_ATTENDANCE', 'es', 'Taller regional de innovación', 5, expect.any(String), expect.any(String), first.certificateBatchId],
      ['Bruno Half', 'WORKSHOP_ATTENDANCE', 'fr', 'Atelier régional d’innovation', 5, expect.any(String), expect.any(String), first.certificateBatchId],
    ]);
    const progress = await waitFor(async () => {
      const p = await app.get(CertificatesService).batchProgress(first.certificateBatchId!);
      return p?.done ? p : null;
    });
    expect(progress).toMatchObject({ total: 2, rendered: 2, failed: 0 });

    // Figures: confirmed = 3, attended (>= 1 session) = 2.
    const view = await figures.figures(organiser, workshop.id, 'es');
    expect([view.registered, view.attended, view.countries]).toEqual([3, 2, 1]);
    expect(view.byCountry).toEqual([{ key: 'CL', label: 'Chile', registered: 3, attended: 2 }]);
    expect(view.bySubRegion).toEqual([{ key: 'SOUTH_AMERICA', label: 'América del Sur', registered: 3, attended: 2 }]);
    expect(view.byOrganisationType).toEqual([{ key: '', label: 'Sin datos', registered: 3, attended: 2 }]);
    expect((await appError(figures.figures(actorOf(full), workshop.id, 'es'))).extensions.code).toBe(ErrorCode.Forbidden);
  }, 60_000);

  it('refuses drafts and cancelled workshops, and workshops without sessions', async () => {
    const draft = await makeWorkshop(dataSource, organiserUser, { status: 'DRAFT' });
    const refused = await appError(held.markHeld(organiser, draft.workshop.id));
    expect([refused.extensions.code, refused.messageKey, refused.params]).toEqual([ErrorCode.Conflict, 'workshops:illegalTransition', { from: 'DRAFT', to: 'HELD' }]);
    const empty = await makeWorkshop(dataSource, organiserUser, { status: 'CLOSED' });
    await dataSource.query(`DELETE FROM workshop_sessions WHERE workshop_id = $1`, [empty.workshop.id]);
    expect((await appError(held.markHeld(organiser, empty.workshop.id))).messageKey).toBe('workshopRegistration:noSessions');
  });

  it('figures in French, several countries and sub-regions, "N participants from M countries"', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 10 });
    for (const code of ['PE', 'PE', 'MX', 'JM']) await registrations.register(actorOf(await person(users, { countryCode: code })), workshop.id, [], false);
    const view = await figures.figures(organiser, workshop.id, 'fr');
    expect([view.registered, view.attended, view.countries]).toEqual([4, 0, 3]);
    expect(view.byCountry.map((r) => [r.key, r.label, r.registered])).toEqual([
      ['PE', 'Pérou', 2],
      ['JM', 'Jamaïque', 1],
      ['MX', 'Mexique', 1],
    ]);
    expect(view.bySubRegion.map((r) => r.key).sort()).toEqual(['CARIBBEAN', 'CENTRAL_AMERICA_MEXICO', 'SOUTH_AMERICA']);
  });
});
