import { randomBytes } from 'node:crypto';
import { batchEffects, FaultPortal, issueCertificates, openWorkshop, phases, REGISTER, Session, sleep, waitFor } from './harness';

const PASSWORD = 'Clave-Segura-2026';

describe('faults: Redis restarted (it keeps nothing on disk, so it comes back empty)', () => {
  let portal: FaultPortal;
  beforeAll(async () => {
    portal = await FaultPortal.create('redis');
  });
  afterAll(async () => {
    await portal?.dispose();
  });

  it('jobs waiting in Redis when it lost its memory are re-added within 5 s of its return and run once', async () => {
    const phase = phases();
    const api = await portal.startApi();
    phase('api ready');
    const tag = randomBytes(3).toString('hex');
    const people = await portal.createPeople(30, PASSWORD, tag);
    const admin = await Session.signIn(api.url, portal.admin.email, portal.admin.password);
    // No worker: the 30 render jobs wait in Redis, their outbox rows already marked relayed.
    const batchId = await issueCertificates(api.url, admin, people, `Curso ${tag}`);
    const jobIds = (
      await portal.sql<{ id: string }>(`SELECT id FROM outbox_message WHERE payload->>'id' IN (SELECT id::text FROM certificates WHERE batch_id = $1)`, [batchId])
    ).map((r) => r.id);
    expect(jobIds).toHaveLength(30);
    const inRedis = () => portal.redis.command(async (redis) => (await Promise.all(jobIds.map((id) => redis.exists(`${portal.prefix}:certificates:${id}`)))).filter(Boolean).length);
    await waitFor(async () => (await inRedis()) === 30, 10_000, 'the relay', () => portal.logs());
    const [{ relayed }] = await portal.sql<{ relayed: number }>(`SELECT count(*)::int AS relayed FROM outbox_message WHERE id = ANY($1::uuid[]) AND relayed_at IS NOT NULL`, [jobIds]);
    expect(relayed).toBe(30);
    phase('30 jobs waiting in Redis');

    // A key of the test's own proves Redis came back empty (the jobs themselves may already be back:
    // the relay re-adds them within milliseconds of its reconnect).
    const sentinel = `${portal.prefix}:test:sentinel`;
    await portal.redis.command((redis) => redis.set(sentinel, '1'));
    await portal.redis.kill();
    await portal.redis.startAgain();
    const backAt = Date.now();
    expect(await portal.redis.command((redis) => redis.exists(sentinel))).toBe(0);
    // The relay notices the empty Redis on reconnecting (its epoch marker is gone) and re-adds every
    // open job at once, instead of waiting for the age-based sweep (about 40 s).
    await waitFor(async () => (await inRedis()) === 30, 20_000, 'the jobs to be re-added', () => portal.logs());
    const readdedMs = Date.now() - backAt;
    phase(`re-added after ${readdedMs} ms`);
    expect(readdedMs).toBeLessThan(5_000);

    await portal.startWorker();
    const done = await waitFor(
      async () => {
        const now = await batchEffects(portal, batchId);
        return now.rendered === 30 && now.notified === 30 && now.open === 0 ? now : null;
      },
      60_000,
      'the rendering',
      () => portal.logs(),
    );
    phase('rendered');
    expect(done).toEqual({ certificates: 30, rendered: 30, people: 30, notifications: 30, notified: 30, open: 0, files: 30 });
  });

  it('while Redis restarts the api keeps taking registrations, answers at once, reports the queue down; nothing committed is lost', async () => {
    const phase = phases();
    const [api] = await portal.runningApis();
    const tag = randomBytes(3).toString('hex');
    const admin = await Session.signIn(api.url, portal.admin.email, portal.admin.password);
    const workshop = await openWorkshop(api.url, admin, 500, tag);
    const people = await portal.createPeople(40, PASSWORD, tag);
    const sessions = await Promise.all(people.map((p) => Session.signIn(api.url, p.email, PASSWORD)));
    phase('40 people signed in');

    // Four lanes of registrations; Redis dies after the first ten and comes back two seconds later.
    const committed: string[] = [];
    const failures: string[] = [];
    let slowestMs = 0;
    let next = 0;
    const lane = async () => {
      while (next < sessions.length) {
        const session = sessions[next++];
        const started = Date.now();
        const answer = await session.request<{ registerForWorkshop: { id: string } }>(api.url, REGISTER, { w: workshop.id });
        slowestMs = Math.max(slowestMs, Date.now() - started);
        if (answer.data?.registerForWorkshop) committed.push(answer.data.registerForWorkshop.id);
        else failures.push(JSON.stringify(answer.errors));
        await sleep(50);
      }
    };
    const outage = (async () => {
      await waitFor(async () => committed.length >= 10, 30_000, 'ten registrations');
      await portal.redis.kill();
      const atKill = committed.length;
      phase('redis killed');
      // While it is away: /ready says so quickly, and a query that needs no queue works.
      const started = Date.now();
      const ready = await fetch(`${api.url}/ready`);
      const readyMs = Date.now() - started;
      const body = await ready.json();
      const query = await admin.request<{ workshop: { id: string } }>(api.url, `query($s: String!) { workshop(slug: $s) { id } }`, { s: workshop.slug });
      await sleep(2_000);
      const whileAway = committed.length - atKill;
      await portal.redis.startAgain();
      phase(`redis back; ${whileAway} registration(s) committed while it was away`);
      return { status: ready.status, readyMs, body, query, whileAway };
    })();
    await Promise.all([lane(), lane(), lane(), lane()]);
    const during = await outage;
    phase('registrations done');

    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ database: 'up', queue: { ok: false } });
    expect(during.readyMs).toBeLessThan(3_000);
    expect(during.query.data?.workshop.id).toBe(workshop.id);
    expect(during.whileAway).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(committed).toHaveLength(40);
    expect(slowestMs).toBeLessThan(5_000);

    // Every committed registration is there once, and each person's notification arrives exactly once.
    const [{ registrations }] = await portal.sql<{ registrations: number }>(`SELECT count(*)::int AS registrations FROM workshop_registrations WHERE workshop_id = $1`, [workshop.id]);
    expect(registrations).toBe(40);
    const notified = () =>
      portal.sql<{ user_id: string; n: number }>(
        `SELECT user_id, count(*)::int AS n FROM notification WHERE type = 'workshop.registration' AND user_id = ANY($1::uuid[]) GROUP BY user_id`,
        [people.map((p) => p.id)],
      );
    const rows = await waitFor(async () => ((await notified()).length === 40 ? notified() : null), 60_000, 'every registration notice', () => portal.logs());
    phase('every notice delivered');
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // ... and no job due by now is left open (the e-mails of those notices included).
    await waitFor(
      async () =>
        (await portal.sql<{ open: number }>(`SELECT count(*)::int AS open FROM outbox_message WHERE completed_at IS NULL AND failed_at IS NULL AND available_at <= now()`))[0].open === 0,
      30_000,
      'the open jobs',
      () => portal.logs(),
    );
  });
});
