import { randomBytes } from 'node:crypto';
import { batchEffects, FaultPortal, issueCertificates, Session, waitFor } from './harness';

const PASSWORD = 'Clave-Segura-2026';

describe('faults: the api killed between a commit and the relay', () => {
  let portal: FaultPortal;
  beforeAll(async () => {
    portal = await FaultPortal.create('relay');
  });
  afterAll(async () => {
    await portal?.dispose();
  });

  it('jobs committed while Redis was away are relayed within 5 s of the api restarting, then run once', async () => {
    // No worker yet: its own relay would move the rows too, and this is about the api's.
    const api = await portal.startApi();
    const tag = randomBytes(3).toString('hex');
    const people = await portal.createPeople(20, PASSWORD, tag);
    const admin = await Session.signIn(api.url, portal.admin.email, portal.admin.password);

    // Redis goes away: the relay cannot push, so the commit lands and the relay is stuck behind it.
    await portal.redis.kill();
    const readyStarted = Date.now();
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: 'up', queue: { ok: false } });
    expect(Date.now() - readyStarted).toBeLessThan(3_000);

    const batchId = await issueCertificates(api.url, admin, people, `Curso ${tag}`);
    const unrelayed = async () =>
      (
        await portal.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL AND payload->>'id' IN (SELECT id::text FROM certificates WHERE batch_id = $1)`,
          [batchId],
        )
      )[0].n;
    // Committed (20 render jobs in the outbox), not relayed: then the api dies before it can relay.
    await new Promise((r) => setTimeout(r, 500));
    expect(await unrelayed()).toBe(20);
    expect(await portal.stopProcess(api.child, 'SIGKILL')).toBe('SIGKILL');

    await portal.redis.startAgain();
    const restartedAt = Date.now();
    const again = await portal.startApi();
    const readyAfterMs = Date.now() - restartedAt;
    await waitFor(async () => (await unrelayed()) === 0, 20_000, 'the relay after the restart', () => portal.logs());
    const relayedAfterMs = Date.now() - restartedAt;
    // "Within 5 s of restart": counted from the api being up again (its start-up itself, with the
    // migrations check and Nest bootstrap, is not the relay's doing and varies with the machine's load).
    expect(relayedAfterMs - readyAfterMs).toBeLessThan(5_000);

    // A worker then runs every job exactly once.
    await portal.startWorker();
    const done = await waitFor(
      async () => {
        const now = await batchEffects(portal, batchId);
        return now.rendered === 20 && now.notified === 20 && now.open === 0 ? now : null;
      },
      30_000,
      'the rendering',
      () => portal.logs(),
    );
    expect(done).toEqual({ certificates: 20, rendered: 20, people: 20, notifications: 20, notified: 20, open: 0, files: 20 });
    expect(again.child.exitCode).toBeNull();
  });
});
