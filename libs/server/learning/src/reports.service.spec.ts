import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SECURE_SESSION_COOKIE_NAME, SessionService, UsersService } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { EnrolmentService, type LearningActor } from './enrolment.service';
import { ProgressService } from './progress.service';
import { ReportsService } from './reports.service';
import { csvCell } from './report-csv.controller';
import { actorOf, appError, makeCourse, person } from './testing/enrolment-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';

describe('csvCell', () => {
  it('defuses formulas and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('Pérez, Ana')).toBe('"Pérez, Ana"');
    expect(csvCell('São Paulo')).toBe('São Paulo');
  });
});

describe('ReportsService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let enrolments: EnrolmentService;
  let progress: ProgressService;
  let reports: ReportsService;
  let organiser: LearningActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    enrolments = app.get(EnrolmentService);
    progress = app.get(ProgressService);
    reports = app.get(ReportsService);
    organiser = actorOf(await person(users, { name: 'Marta Organizadora', roles: [Role.Organiser] }), [Role.Organiser]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('counts by status, completion rate, average stored progress, by country (reader’s language) and organisation; CSV over HTTP', async () => {
    const fx = await makeCourse(dataSource, { capacity: 3, lessons: [{}, {}] });
    const pe1 = actorOf(await person(users, { countryCode: 'PE', name: 'Ana Pérez' }));
    const pe2 = actorOf(await person(users, { countryCode: 'PE', name: '=cmd|calc' }));
    const br = actorOf(await person(users, { countryCode: 'BR', name: 'João Silva' }));
    const waiting = actorOf(await person(users, { countryCode: 'BR' }));
    await enrolments.enrol(pe1, fx.offering.id);
    const second = await enrolments.enrol(pe2, fx.offering.id);
    await enrolments.enrol(br, fx.offering.id);
    await enrolments.enrol(waiting, fx.offering.id); // waitlisted
    await progress.completeLesson(pe1, fx.lessons[0].id);
    await progress.completeLesson(pe1, fx.lessons[1].id); // completed
    await progress.completeLesson(br, fx.lessons[0].id); // 50 %
    await enrolments.withdraw(pe2, second.id); // frees a seat: the waitlisted person gets it

    const report = await reports.courseReport(organiser, fx.course.id, 'pt');
    expect(report).toMatchObject({ enrolments: 4, active: 2, completed: 1, withdrawn: 1, waitlisted: 0, pending: 0 });
    expect(report.completionRate).toBeCloseTo(1 / 4); // four enrolments ever held a seat
    expect(report.averageProgress).toBeCloseTo((100 + 50 + 0) / 3, 1);
    expect(report.byCountry).toEqual([
      { key: 'BR', label: 'Brasil', enrolments: 2, active: 2, completed: 0 },
      { key: 'PE', label: 'Peru', enrolments: 2, active: 0, completed: 1 },
    ]);
    expect(report.byOrganisation).toEqual([{ key: '', label: 'Sem dados', enrolments: 4, active: 2, completed: 1 }]);
    expect((await appError(reports.courseReport(pe1, fx.course.id, 'es'))).extensions.code).toBe(ErrorCode.Forbidden);
    expect((await appError(reports.courseReport(organiser, '00000000-0000-4000-8000-000000000000', 'es'))).extensions.code).toBe(ErrorCode.NotFound);

    const base = await app.getUrl();
    const url = `${base.replace('[::1]', '127.0.0.1')}/api/learning/courses/${fx.course.id}/report.csv`;
    expect((await fetch(url)).status).toBe(401);
    const session = await signIn(base, organiser);
    const response = await fetch(url, { headers: { cookie: session, 'accept-language': 'es' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Nombre,Correo electrónico,País,Organización,Estado,Avance (%),Inscripción,Finalización,Código del certificado');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Ana Pérez,[^,]+,Perú,,Completada,100,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},[A-Z0-9-]+$/);
    expect(lines[2]).toMatch(/^'=cmd\|calc,/);
    const learnerSession = await signIn(base, pe1);
    expect((await fetch(url, { headers: { cookie: learnerSession } })).status).toBe(403);
  });

  async function signIn(_base: string, actor: LearningActor): Promise<string> {
    const { token } = await app.get(SessionService).create(actor.id);
    // PUBLIC_URL is https here: the session cookie is the Secure, __Host- one.
    return `${SECURE_SESSION_COOKIE_NAME}=${token}`;
  }
});
