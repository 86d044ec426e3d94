import { GraphQLClient, createScratchDatabase, startPortal, type RunningPortal } from '../support';

const DEMO_PASSWORD = 'Alianza-Demo-2026';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

interface TechnicalGroups {
  totalCount: number;
  edges: Array<{
    node: {
      title: string;
      status: string;
      myAccess: string;
      organiser: boolean;
      currentCoordination: { countryCode: string } | null;
      pastCoordinations: Array<{ countryCode: string }>;
      nextCoordination: { countryCode: string } | null;
      members: Array<{ countryCode: string; participants: Array<{ name: string }> }>;
    };
  }>;
}

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
    // Collaboration: Andrés is on Costa Rica's list of the technical group (coordination reads materialise on the way).
    const groups = await learner.request<{ myTechnicalGroups: TechnicalGroups }>(
      `{ myTechnicalGroups(first: 10) { totalCount edges { node { title status myAccess organiser currentCoordination { countryCode } pastCoordinations { countryCode } nextCoordination { countryCode } members { countryCode participants { name } } } } } }`,
    );
    expect(groups.errors).toBeUndefined();
    return { ...publicData.data!, active: mine.data!.myLearning.active, evidence: evidence.data!.evidenceSearch, groups: groups.data!.myTechnicalGroups };
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
    // The technical group: four ministries, six-month periods from fourteen months ago; Jamaica coordinates now.
    expect(first.groups.totalCount).toBe(1);
    const group = first.groups.edges[0].node;
    expect(group).toMatchObject({ title: 'Grupo Técnico de Educación', status: 'OPEN', myAccess: 'MEMBER', organiser: false, currentCoordination: { countryCode: 'JM' }, nextCoordination: { countryCode: 'TT' } });
    expect(group.pastCoordinations.map((p) => p.countryCode)).toEqual(['CR', 'MX']);
    expect(group.members.map((m) => [m.countryCode, m.participants.length])).toEqual([['MX', 2], ['CR', 2], ['JM', 2], ['TT', 2]]);

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
      // Collaboration: an open table with a moderator, a table awaiting review, an open technical group.
      const spaces = await db.query(`SELECT kind, status, moderator_id IS NOT NULL AS moderated, count(*)::int AS n FROM collab_spaces GROUP BY 1, 2, 3 ORDER BY 1, 2`);
      expect(spaces.rows).toEqual([
        { kind: 'GROUP', status: 'OPEN', moderated: true, n: 1 },
        { kind: 'TABLE', status: 'OPEN', moderated: true, n: 1 },
        { kind: 'TABLE', status: 'REQUESTED', moderated: false, n: 1 },
      ]);
      // The open table's work: a past session with recording and notes, an upcoming one, a thread of three posts, commitments done, under way and overdue.
      const table = await db.query(
        `SELECT (SELECT count(*)::int FROM collab_meetings m WHERE m.space_id = s.id AND m.starts_at < now() AND m.recording_url IS NOT NULL AND m.notes <> '') AS past,
                (SELECT count(*)::int FROM collab_meetings m WHERE m.space_id = s.id AND m.starts_at > now()) AS upcoming,
                (SELECT count(*)::int FROM collab_posts p WHERE p.space_id = s.id) AS posts,
                (SELECT count(*)::int FROM collab_space_participants p WHERE p.space_id = s.id) AS participants,
                (SELECT array_agg(c.status || CASE WHEN c.status IN ('PENDING', 'IN_PROGRESS') AND c.due_date < current_date THEN ':overdue' ELSE '' END ORDER BY c.status)
                   FROM collab_commitments c WHERE c.space_id = s.id) AS commitments
           FROM collab_spaces s WHERE s.kind = 'TABLE' AND s.status = 'OPEN'`,
      );
      expect(table.rows).toEqual([{ past: 1, upcoming: 1, posts: 3, participants: 4, commitments: ['DONE', 'IN_PROGRESS', 'PENDING:overdue'] }]);
      // The group's coordination periods are contiguous, the last one contains today; a meeting with minutes, a deliverable and a mandate.
      const periods = await db.query(
        `SELECT c.country_code, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, (c.starts_on <= current_date AND c.ends_on > current_date) AS current
           FROM collab_coordinations c ORDER BY c.starts_on`,
      );
      expect(periods.rows.map((r: { country_code: string; current: boolean }) => [r.country_code, r.current])).toEqual([['MX', false], ['CR', false], ['JM', true]]);
      for (let i = 1; i < periods.rows.length; i++) expect(periods.rows[i].starts_on).toBe(periods.rows[i - 1].ends_on);
      const groupWork = await db.query(
        `SELECT (SELECT count(*)::int FROM collab_meetings m WHERE m.space_id = s.id AND m.notes <> '') AS minutes,
                (SELECT array_agg(c.kind ORDER BY c.kind) FROM collab_commitments c WHERE c.space_id = s.id) AS kinds
           FROM collab_spaces s WHERE s.kind = 'GROUP'`,
      );
      expect(groupWork.rows).toEqual([{ minutes: 1, kinds: ['DELIVERABLE', 'MANDATE'] }]);
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
    expect(second.groups).toEqual(first.groups);
  }, 180_000);
});
