import { GraphQLClient, createScratchDatabase, startPortal, type RunningPortal } from '../support';

const DEMO_PASSWORD = 'Alianza-Demo-2026';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

/**
 * The demo data a newcomer sees after `npm start`: loaded through the same services the portal uses,
 * consistent (seats match enrolments, progress matches completions), and loaded once however often
 * the portal restarts.
 */
describe('demo data', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let portal: RunningPortal | undefined;

  beforeAll(async () => {
    scratch = await createScratchDatabase('seed');
  });

  afterAll(async () => {
    await portal?.stop();
    await scratch?.drop();
  });

  async function figures(url: string) {
    const visitor = new GraphQLClient(url, 'es');
    const publicData = await visitor.request<{ courses: { totalCount: number }; programmes: { totalCount: number }; directory: { totalCount: number } }>(
      `{ courses(first: 20) { totalCount } programmes(first: 20) { totalCount } directory(first: 20) { totalCount } }`,
    );
    expect(publicData.errors).toBeUndefined();
    const learner = new GraphQLClient(url, 'es');
    expect((await learner.request(SIGN_IN, { input: { email: 'andres.villalobos@mep-cr.example', password: DEMO_PASSWORD } })).errors).toBeUndefined();
    const mine = await learner.request<{ myLearning: { active: Array<{ status: string; progressPercent: number; completedLessons: number; course: { slug: string } }> } }>(
      `{ myLearning { active { status progressPercent completedLessons course { slug } } } }`,
    );
    expect(mine.errors).toBeUndefined();
    // Evidence bank: anonymous visitors see the public published items only.
    const evidence = await visitor.request<{ evidenceSearch: { totalCount: number; hits: Array<{ item: { id: string; visibility: string; status: string } }> } }>(
      `{ evidenceSearch(first: 50) { totalCount hits { item { id visibility status } } } }`,
    );
    expect(evidence.errors).toBeUndefined();
    return { ...publicData.data!, active: mine.data!.myLearning.active, evidence: evidence.data!.evidenceSearch };
  }

  it('loads a consistent catalogue, alliance and learners once, and a restart adds nothing', async () => {
    portal = await startPortal({ env: { SEED_DEMO: 'true', DATABASE_URL: scratch.url } });
    const first = await figures(portal.url);
    expect(first.courses.totalCount).toBe(4);
    expect(first.programmes.totalCount).toBe(1);
    expect(first.directory.totalCount).toBeGreaterThanOrEqual(12);
    // Andrés is part-way through the AI course: progress stored by the progress service.
    const ai = first.active.find((e) => e.course.slug === 'inteligencia-artificial-educacion-primeros-pasos');
    expect(ai).toMatchObject({ status: 'ENROLLED', completedLessons: 3 });
    expect(ai!.progressPercent).toBeGreaterThan(0);
    expect(ai!.progressPercent).toBeLessThan(100);
    expect(first.evidence.totalCount).toBe(14);
    expect(first.evidence.hits.every((h) => h.item.status === 'PUBLISHED' && h.item.visibility === 'PUBLIC')).toBe(true);

    const { Client } = await import('pg');
    const db = new Client({ connectionString: scratch.url });
    await db.connect();
    try {
      // Every seat counter equals the seat-holding enrolments of its offering.
      const mismatched = await db.query(
        `SELECT o.id FROM course_offerings o
          WHERE o.seats_taken <> (SELECT count(*) FROM enrolments e WHERE e.offering_id = o.id AND e.holds_seat)`,
      );
      expect(mismatched.rows).toEqual([]);
      // Evidence: 14 public and 1 members-only item published, 1 awaiting review, some with a PDF.
      const evidence = await db.query(`SELECT status, visibility, count(*)::int AS n FROM evidence_items GROUP BY status, visibility ORDER BY status, visibility`);
      expect(evidence.rows).toEqual([
        { status: 'PUBLISHED', visibility: 'MEMBERS', n: 1 },
        { status: 'PUBLISHED', visibility: 'PUBLIC', n: 14 },
        { status: 'SUBMITTED', visibility: 'PUBLIC', n: 1 },
      ]);
      const files = await db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE content_type = 'application/pdf'`);
      expect(files.rows[0].n).toBeGreaterThanOrEqual(4);
      const languages = await db.query(`SELECT DISTINCT locale FROM evidence_texts ORDER BY locale`);
      expect(languages.rows.map((r: { locale: string }) => r.locale)).toEqual(['en', 'es', 'fr', 'pt']);
    } finally {
      await db.end();
    }

    await portal.stop();
    portal = await startPortal({ env: { SEED_DEMO: 'true', DATABASE_URL: scratch.url } });
    const second = await figures(portal.url);
    expect(second.courses.totalCount).toBe(first.courses.totalCount);
    expect(second.directory.totalCount).toBe(first.directory.totalCount);
    expect(second.active).toEqual(first.active);
    expect(second.evidence).toEqual(first.evidence);
  }, 180_000);
});
