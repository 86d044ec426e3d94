import { randomBytes } from 'node:crypto';
import { ok } from '../support';
import { FaultPortal, openWorkshop, phases, REGISTER, Session, waitFor } from './harness';

const PASSWORD = 'Clave-Segura-2026';
const PEOPLE = 30;
const SEATS = 5;
const es = (value: string) => [{ locale: 'es', value }];

describe('faults: two api and two worker processes on one database and Redis', () => {
  let portal: FaultPortal;
  beforeAll(async () => {
    portal = await FaultPortal.create('scale');
  });
  afterAll(async () => {
    await portal?.dispose();
  });

  it('concurrent registrations for a scarce workshop, enrolments and certificates stay exactly right', async () => {
    const phase = phases();
    // Started one after the other: the first migrates; the second finds the schema current.
    const a = await portal.startApi({ name: 'api-a' });
    const b = await portal.startApi({ name: 'api-b' });
    await Promise.all([portal.startWorker('worker-a'), portal.startWorker('worker-b')]);
    const apis = [a.url, b.url];
    phase('two apis and two workers ready');

    const tag = randomBytes(3).toString('hex');
    const admin = await Session.signIn(a.url, portal.admin.email, portal.admin.password);
    const workshop = await openWorkshop(b.url, admin, SEATS, tag);
    const people = await portal.createPeople(PEOPLE, PASSWORD, tag);
    const sessions = await Promise.all(people.map((p, i) => Session.signIn(apis[i % 2], p.email, PASSWORD)));
    phase(`${PEOPLE} people signed in`);

    // --- Everyone registers at once, each person twice (once through each api).
    const answers = await Promise.all(
      sessions.flatMap((s) => apis.map((url) => s.request<{ registerForWorkshop: { id: string; status: string } }>(url, REGISTER, { w: workshop.id }))),
    );
    phase('registrations answered');
    for (let i = 0; i < PEOPLE; i++) {
      const pair = answers.slice(i * 2, i * 2 + 2);
      // One of the two wins; the other is refused as a duplicate (or, if it came second, finds the
      // same registration): never two rows.
      expect(pair.some((r) => r.data?.registerForWorkshop)).toBe(true);
      for (const r of pair) if (r.errors) expect(r.errors[0].extensions.code).toBe('CONFLICT');
    }
    const registrations = await portal.sql<{ id: string; user_id: string; status: string; holds_seat: boolean }>(
      `SELECT id, user_id, status, holds_seat FROM workshop_registrations WHERE workshop_id = $1`,
      [workshop.id],
    );
    expect(registrations).toHaveLength(PEOPLE);
    expect(new Set(registrations.map((r) => r.user_id)).size).toBe(PEOPLE);
    const confirmed = registrations.filter((r) => r.status === 'CONFIRMED');
    expect(confirmed).toHaveLength(SEATS);
    expect(registrations.filter((r) => r.holds_seat)).toHaveLength(SEATS);
    expect(registrations.filter((r) => r.status === 'WAITLISTED')).toHaveLength(PEOPLE - SEATS);

    // --- Attendance, then "held" asked four times at once on both apis: one certificate batch.
    for (const [i, r] of confirmed.entries()) {
      ok(await admin.request(apis[i % 2], `mutation($s: ID!, $r: ID!) { markAttendance(sessionId: $s, registrationId: $r, attended: true) { id } }`, { s: workshop.sessionId, r: r.id }));
    }
    ok(await admin.request(a.url, `mutation($id: ID!) { closeWorkshop(id: $id) { status } }`, { id: workshop.id }));
    const held = await Promise.all(
      [...apis, ...apis].map((url) => admin.request<{ markWorkshopHeld: { status: string } }>(url, `mutation($id: ID!) { markWorkshopHeld(id: $id) { status } }`, { id: workshop.id })),
    );
    expect(held.map((h) => h.data?.markWorkshopHeld.status)).toEqual(['HELD', 'HELD', 'HELD', 'HELD']);
    phase('workshop held');

    // --- A self-paced course of one lesson: everyone enrols twice at once, then completes twice at once.
    const { focusAreas } = ok<{ focusAreas: Array<{ id: string }> }>(await admin.request(a.url, `{ focusAreas { id } }`));
    const course = ok<{ createCourse: { id: string; offerings: Array<{ id: string }> } }>(
      await admin.request(a.url, `mutation($input: CourseInput!) { createCourse(input: $input) { id offerings { id } } }`, {
        input: {
          slug: `curso-fallas-${tag}`,
          title: es(`Curso ${tag}`),
          summary: es('Prueba de concurrencia.'),
          level: 'INTRODUCTORY',
          format: 'SELF_PACED',
          estimatedHours: 1,
          languages: ['es'],
          focusAreaIds: [focusAreas[0].id],
          enrolmentPolicy: 'OPEN',
          certificateIssuer: 'Alianza Regional de Educación',
          certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
        },
      }),
    ).createCourse;
    const moduleId = ok<{ addModule: { id: string } }>(
      await admin.request(b.url, `mutation($c: ID!, $t: [LocalizedTextInput!]!) { addModule(courseId: $c, title: $t) { id } }`, { c: course.id, t: es('Único') }),
    ).addModule.id;
    const lessonId = ok<{ addLesson: { id: string } }>(
      await admin.request(b.url, `mutation($m: ID!, $i: LessonInput!) { addLesson(moduleId: $m, input: $i) { id } }`, {
        m: moduleId,
        i: { type: 'TEXT', title: es('Lectura'), body: es('Texto.') },
      }),
    ).addLesson.id;
    ok(await admin.request(a.url, `mutation($id: ID!) { publishCourse(id: $id) { status } }`, { id: course.id }));

    const enrolled = await Promise.all(
      sessions.flatMap((s) => apis.map((url) => s.request<{ enrol: { id: string } }>(url, `mutation($o: ID!) { enrol(offeringId: $o) { id } }`, { o: course.offerings[0].id }))),
    );
    for (let i = 0; i < PEOPLE; i++) {
      const pair = enrolled.slice(i * 2, i * 2 + 2);
      expect(pair.some((r) => r.data?.enrol)).toBe(true);
      for (const r of pair) if (r.errors) expect(r.errors[0].extensions.code).toBe('CONFLICT');
    }
    const [enrolments] = await portal.sql<{ total: number; people: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT user_id)::int AS people FROM enrolments WHERE course_id = $1`,
      [course.id],
    );
    expect(enrolments).toEqual({ total: PEOPLE, people: PEOPLE });
    phase('enrolled');

    // In waves of ten people (twenty requests at once, ten per api: each api's pool size), so a
    // failure here is a race, not a request that waited over 5 s for a pooled connection on a
    // loaded machine (each completion also requests a certificate and a notification).
    const completed: Array<Awaited<ReturnType<Session['request']>>> = [];
    for (let start = 0; start < PEOPLE; start += 10) {
      const wave = sessions.slice(start, start + 10);
      completed.push(...(await Promise.all(wave.flatMap((s) => apis.map((url) => s.request(url, `mutation($l: ID!) { completeLesson(lessonId: $l) { id } }`, { l: lessonId }))))));
    }
    const unexpected = completed.filter((r) => r.errors && r.errors[0].extensions.code !== 'CONFLICT');
    if (unexpected.length) throw new Error(`${JSON.stringify(unexpected[0].errors)}\n${portal.logs().slice(-8000)}`);
    phase('lessons completed');

    // --- Certificates: exactly one per person and achievement, each rendered once, by either worker.
    const certificates = () =>
      portal.sql<{ achievement_key: string; total: number; people: number; rendered: number }>(
        `SELECT achievement_key, count(*)::int AS total, count(DISTINCT recipient_user_id)::int AS people, count(*) FILTER (WHERE render_status = 'rendered')::int AS rendered
           FROM certificates WHERE recipient_user_id = ANY($1::uuid[]) GROUP BY achievement_key ORDER BY total`,
        [people.map((p) => p.id)],
      );
    const rows = await waitFor(
      async () => {
        const now = await certificates();
        return now.length === 2 && now.every((r) => r.rendered === r.total) ? now : null;
      },
      120_000,
      'every certificate rendered',
      () => portal.logs(),
    );
    phase('certificates rendered');
    expect(rows.map(({ total, people: n, rendered }) => ({ total, people: n, rendered }))).toEqual([
      { total: SEATS, people: SEATS, rendered: SEATS },
      { total: PEOPLE, people: PEOPLE, rendered: PEOPLE },
    ]);
    // Each render job ran to completion once, whichever worker took it.
    const [jobs] = await portal.sql<{ open: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE completed_at IS NULL AND failed_at IS NULL AND available_at <= now())::int AS open, count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed
         FROM outbox_message WHERE job_name = 'certificate.render'`,
    );
    expect(jobs).toEqual({ open: 0, failed: 0 });
  });
});
