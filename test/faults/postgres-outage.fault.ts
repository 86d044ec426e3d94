import { randomBytes } from 'node:crypto';
import { batchEffects, FaultPortal, issueCertificates, phases, Session, sleep, waitFor } from './harness';

const PASSWORD = 'Clave-Segura-2026';
const PUBLIC_QUERY = `{ focusAreas { id } }`;

describe('faults: PostgreSQL connections dropped, then an outage', () => {
  let portal: FaultPortal;
  beforeAll(async () => {
    portal = await FaultPortal.create('pg');
  });
  afterAll(async () => {
    // Whatever happened, let dispose() drop the database.
    await portal?.adminSql(`ALTER DATABASE "${portal.databaseName}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await portal?.dispose();
  });

  const terminate = () =>
    portal.adminSql<{ terminated: boolean }>(`SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
      portal.databaseName,
    ]);

  /** A public query answered by `url` (no session, so it needs only the database). */
  const publicQuery = async (url: string) => {
    const started = Date.now();
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PUBLIC_QUERY }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await res.json()) as { data?: { focusAreas: unknown[] }; errors?: Array<{ extensions?: { code?: string } }> };
      return { ok: !!body.data?.focusAreas?.length && !body.errors, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started };
    } catch (error) {
      return { ok: false, code: String(error), ms: Date.now() - started };
    }
  };

  const ready = async (url: string) => {
    const started = Date.now();
    const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(15_000) });
    return { status: res.status, body: (await res.json()) as { database: string }, ms: Date.now() - started };
  };

  it('the api and worker recover from dropped connections and from an outage without a restart; /ready tells', async () => {
    const phase = phases();
    const api = await portal.startApi();
    const worker = await portal.startWorker();
    phase('api and worker ready');
    expect((await publicQuery(api.url)).ok).toBe(true);

    // 1. Every connection of the database dropped at once (a failover, a proxy restart).
    const dropped = await terminate();
    expect(dropped.filter((r) => r.terminated).length).toBeGreaterThan(0);
    phase(`${dropped.length} connection(s) terminated`);
    // At most the first query on a dead connection may fail; then the pool has fresh ones.
    await waitFor(async () => (await publicQuery(api.url)).ok, 5_000, 'a query after the drop', () => portal.logs());
    const after = await Promise.all(Array.from({ length: 10 }, () => publicQuery(api.url)));
    expect(after.every((r) => r.ok)).toBe(true);
    expect((await ready(api.url)).status).toBe(200);

    // 2. An outage: the database refuses new connections and the open ones are cut.
    await portal.adminSql(`ALTER DATABASE "${portal.databaseName}" ALLOW_CONNECTIONS false`);
    await terminate();
    phase('outage begins');
    const down = await waitFor(async () => {
      const r = await ready(api.url);
      return r.status === 503 ? r : null;
    }, 5_000, '/ready to report the outage');
    expect(down.body).toMatchObject({ status: 'unavailable', database: 'down' });
    expect(down.ms).toBeLessThan(3_000);
    // Requests get a clear answer (retry shortly), not a hang and not an internal error.
    const during = await publicQuery(api.url);
    expect(during.ok).toBe(false);
    expect(during.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.ms).toBeLessThan(10_000);
    await sleep(2_000);

    await portal.adminSql(`ALTER DATABASE "${portal.databaseName}" ALLOW_CONNECTIONS true`);
    const restoredAt = Date.now();
    phase('outage over');
    await waitFor(async () => (await ready(api.url)).status === 200, 15_000, '/ready to recover', () => portal.logs());
    const recoveredMs = Date.now() - restoredAt;
    phase(`ready again after ${recoveredMs} ms`);
    expect(recoveredMs).toBeLessThan(10_000);
    expect((await publicQuery(api.url)).ok).toBe(true);

    // Both processes are the same ones, and the whole path (api -> outbox -> relay -> worker) works.
    expect(api.child.exitCode).toBeNull();
    expect(worker.exitCode).toBeNull();
    const tag = randomBytes(3).toString('hex');
    const people = await portal.createPeople(5, PASSWORD, tag);
    const admin = await Session.signIn(api.url, portal.admin.email, portal.admin.password);
    const batchId = await issueCertificates(api.url, admin, people, `Curso ${tag}`);
    const done = await waitFor(
      async () => {
        const now = await batchEffects(portal, batchId);
        return now.rendered === 5 && now.notified === 5 && now.open === 0 ? now : null;
      },
      30_000,
      'the worker to render after the outage',
      () => portal.logs(),
    );
    phase('rendered after the outage');
    expect(done).toEqual({ certificates: 5, rendered: 5, people: 5, notifications: 5, notified: 5, open: 0, files: 5 });
  });
});
