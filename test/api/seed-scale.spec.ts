import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { GraphQLClient, createScratchDatabase, startPortal, type RunningPortal } from '../support';

const root = path.resolve(__dirname, '../..');
const SCALE = 0.002;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

interface Manifest {
  database: string;
  password: string;
  counts: Record<string, number>;
  learners: Array<{ id: string; email: string }>;
  notificationUsers: Array<{ id: string; email: string; notifications: number }>;
  courses: Array<{ id: string; slug: string }>;
  workshops: { withFreeSeats: Array<{ id: string; capacity: number; seatsTaken: number }>; fewSeats: { id: string; capacity: number; seatsTaken: number } };
  admin: { email: string };
  checks: { overCapacityWorkshops: number; itemsWithoutDocument: number };
}

/**
 * `npm run seed:scale` at a tiny scale into a database of its own: the counts follow the scale, the
 * data keeps the invariants the app relies on, and the real API serves it (sign-in, "My learning",
 * the notification centre, the public catalogue).
 */
describe('seed:scale', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let portal: RunningPortal | undefined;
  let db: Client;
  let manifest: Manifest;
  const manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-scale-')), 'scale.json');

  beforeAll(async () => {
    scratch = await createScratchDatabase('scale');
    await promisify(execFile)(process.execPath, [path.join(root, 'libs/tooling/bench/seed-scale.cjs'), '--scale', String(SCALE), '--quiet', '--manifest', manifestFile], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: scratch.url },
      timeout: 90_000,
    });
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    db = new Client({ connectionString: scratch.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await db?.end();
    await scratch?.drop();
    fs.rmSync(path.dirname(manifestFile), { recursive: true, force: true });
  });

  const count = async (sql: string): Promise<number> => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  it('loads row counts that follow the scale', async () => {
    // The figures times the scale, with the seeder's small floors so every kind of row exists.
    const planned = { users: 200, organisations: 40, courses: 5, enrolments: 2000, workshops: 10, registrations: 600, evidence: 200, tables: 3, posts: 100 };
    expect(await count(`SELECT count(*) AS n FROM users`)).toBe(planned.users);
    expect(await count(`SELECT count(*) AS n FROM organisations`)).toBe(planned.organisations);
    expect(await count(`SELECT count(DISTINCT country_code) AS n FROM organisations WHERE type = 'MINISTRY_OF_EDUCATION'`)).toBe(33);
    expect(await count(`SELECT count(*) AS n FROM courses`)).toBe(planned.courses);
    expect(await count(`SELECT count(*) AS n FROM workshops`)).toBe(planned.workshops);
    expect(await count(`SELECT count(*) AS n FROM workshop_registrations`)).toBe(planned.registrations);
    expect(await count(`SELECT count(*) AS n FROM evidence_items`)).toBe(planned.evidence);
    expect(await count(`SELECT count(*) AS n FROM collab_spaces WHERE kind = 'TABLE'`)).toBe(planned.tables);
    expect(await count(`SELECT count(*) AS n FROM collab_posts`)).toBe(planned.posts);
    // Enrolments: the scaled figure, capped by what few courses allow (one per course and person).
    const enrolments = await count(`SELECT count(*) AS n FROM enrolments`);
    expect(enrolments).toBe(manifest.counts.enrolments);
    expect(enrolments).toBeLessThanOrEqual(planned.enrolments);
    expect(enrolments).toBeGreaterThan(planned.users);
    // Notifications: 20–50 for each active user.
    const perUser = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification GROUP BY user_id`);
    expect(perUser.rows.length).toBeGreaterThan(0);
    expect(perUser.rows.every((r) => r.n >= 20 && r.n <= 50)).toBe(true);
    // Evidence in the four languages.
    const locales = await db.query<{ locale: string }>(`SELECT DISTINCT locale FROM evidence_texts ORDER BY locale`);
    expect(locales.rows.map((r) => r.locale)).toEqual(['en', 'es', 'fr', 'pt']);
  });

  it('keeps the invariants the app relies on', async () => {
    // No workshop over capacity, and every seat counter equals the seat-holding registrations.
    expect(await count(`SELECT count(*) AS n FROM workshops WHERE seats_taken > capacity`)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM workshops w
                    WHERE w.seats_taken <> (SELECT count(*) FROM workshop_registrations r WHERE r.workshop_id = w.id AND r.holds_seat)
                       OR w.capacity < (SELECT count(*) FROM workshop_registrations r WHERE r.workshop_id = w.id AND r.status = 'CONFIRMED')`),
    ).toBe(0);
    expect(manifest.workshops.withFreeSeats.length).toBeGreaterThan(0);
    expect(manifest.workshops.fewSeats).toMatchObject({ capacity: 5, seatsTaken: 0 });
    // No duplicate enrolment or registration.
    expect(await count(`SELECT count(*) AS n FROM (SELECT 1 FROM enrolments GROUP BY course_id, user_id HAVING count(*) > 1) d`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM (SELECT 1 FROM workshop_registrations GROUP BY workshop_id, user_id HAVING count(*) > 1) d`)).toBe(0);
    // Progress matches the stored lesson completions.
    expect(
      await count(`SELECT count(*) AS n FROM enrolments e
                    WHERE e.completed_lessons <> (SELECT count(*) FROM lesson_completions c WHERE c.enrolment_id = e.id)`),
    ).toBe(0);
    // Every published evidence item has its search document (kept by the triggers), and only those.
    expect(await count(`SELECT count(*) AS n FROM evidence_items i WHERE i.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM evidence_search_documents d WHERE d.item_id = i.id)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM evidence_search_documents`)).toBe(await count(`SELECT count(*) AS n FROM evidence_items WHERE status = 'PUBLISHED'`));
    expect(await count(`SELECT count(*) AS n FROM evidence_search_documents WHERE document = ''::tsvector`)).toBe(0);
    // Forum counters match the posts; participants belong to a party of their table.
    expect(await count(`SELECT count(*) AS n FROM collab_threads t WHERE t.post_count <> (SELECT count(*) FROM collab_posts p WHERE p.thread_id = t.id)`)).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
                    WHERE p.space_id <> sp.space_id
                       OR NOT EXISTS (SELECT 1 FROM organisation_roles r WHERE r.user_id = sp.user_id AND r.organisation_id = p.organisation_id)`),
    ).toBe(0);
    expect(manifest.checks).toEqual({ overCapacityWorkshops: 0, itemsWithoutDocument: 0 });
  });

  it('is served by the real API: sign-in, my learning, notifications and the public catalogue', async () => {
    portal = await startPortal({ worker: false, env: { DATABASE_URL: scratch.url } });
    const learnerRef = manifest.learners[0];
    const learner = new GraphQLClient(portal.url, 'es');
    const signIn = await learner.request<{ signIn: { id: string } }>(SIGN_IN, { input: { email: learnerRef.email, password: manifest.password } });
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data!.signIn.id).toBe(learnerRef.id);

    const mine = await learner.request<{ myLearning: { active: Array<{ course: { slug: string } }>; pending: Array<{ course: { slug: string } }>; completed: Array<{ course: { slug: string } }> } }>(
      `{ myLearning { active { status progressPercent course { slug } } pending { course { slug } } completed { course { slug } } } }`,
    );
    expect(mine.errors).toBeUndefined();
    const expected = await db.query<{ status: string; slug: string }>(
      `SELECT e.status, c.slug FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 AND e.status IN ('APPROVED', 'ENROLLED', 'COMPLETED')`,
      [learnerRef.id],
    );
    const slugs = (rows: Array<{ course: { slug: string } }>) => rows.map((r) => r.course.slug).sort();
    expect(slugs(mine.data!.myLearning.active)).toEqual(expected.rows.filter((r) => r.status !== 'COMPLETED').map((r) => r.slug).sort());
    expect(slugs(mine.data!.myLearning.completed)).toEqual(expected.rows.filter((r) => r.status === 'COMPLETED').map((r) => r.slug).sort());
    expect(mine.data!.myLearning.active.length).toBeGreaterThan(0);

    // The notification centre of a user with notifications.
    const notified = manifest.notificationUsers[0];
    const reader = new GraphQLClient(portal.url, 'pt');
    expect((await reader.request(SIGN_IN, { input: { email: notified.email, password: manifest.password } })).errors).toBeUndefined();
    const centre = await reader.request<{ notifications: { totalCount: number; edges: Array<{ node: { title: string } }> } }>(`{ notifications(first: 10) { totalCount edges { node { title } } } }`);
    expect(centre.errors).toBeUndefined();
    expect(centre.data!.notifications.totalCount).toBe(notified.notifications);
    expect(centre.data!.notifications.edges).toHaveLength(10);
    expect(centre.data!.notifications.edges.every((e) => e.node.title.length > 0)).toBe(true);

    // The public catalogue lists the seeded, published courses.
    const visitor = new GraphQLClient(portal.url, 'en');
    const catalogue = await visitor.request<{ courses: { totalCount: number; edges: Array<{ node: { slug: string } }> } }>(`{ courses(first: 100) { totalCount edges { node { slug } } } }`);
    expect(catalogue.errors).toBeUndefined();
    expect(catalogue.data!.courses.totalCount).toBe(manifest.counts.publishedCourses);
    const listed = new Set(catalogue.data!.courses.edges.map((e) => e.node.slug));
    expect(manifest.courses.every((c) => listed.has(c.slug))).toBe(true);
  });
});
