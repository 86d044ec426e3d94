import { randomBytes } from 'node:crypto';
import { batchEffects, FaultPortal, issueCertificates, phases, Session, sleep, waitFor } from './harness';
import { SIGN_IN } from '../support';

const PASSWORD = 'Clave-Segura-2026';
const ISSUE = `mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id total } }`;

describe('faults: SIGTERM while work is in flight', () => {
  let portal: FaultPortal;
  beforeAll(async () => {
    portal = await FaultPortal.create('drain');
  });
  afterAll(async () => {
    await portal?.dispose();
  });

  it('the api finishes a request that is still arriving, answers it, and exits 0 within 30 s', async () => {
    const phase = phases();
    const api = await portal.startApi();
    phase('api ready');
    const tag = randomBytes(3).toString('hex');
    const people = await portal.createPeople(100, PASSWORD, tag);
    const signIn = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: portal.admin } }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // The request body arrives in two parts 1.5 s apart, so the request is certainly in flight when
    // the SIGTERM comes 0.5 s in (as a slow client's upload would be).
    const csv = `name,email,locale\n${people.map((p) => `"${p.name}",${p.email},es`).join('\n')}\n`;
    const body = JSON.stringify({
      query: ISSUE,
      variables: {
        input: { title: `Curso ${tag}`, hours: 2, startDate: '2026-03-02', endDate: '2026-03-02', issuerName: 'Secretaría de la Alianza', coIssuers: [], signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }], csv },
      },
    });
    const half = Math.floor(body.length / 2);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(body.slice(0, half)));
        await sleep(1_500);
        controller.enqueue(encoder.encode(body.slice(half)));
        controller.close();
      },
    });
    const exit = (async () => {
      await sleep(500);
      const sentAt = Date.now();
      const code = await portal.stopProcess(api.child, 'SIGTERM', 30_000);
      return { code, tookMs: Date.now() - sentAt };
    })();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), cookie },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const answer = (await response.json()) as { data?: { issueParticipationCertificates: { id: string; total: number } }; errors?: unknown };
    const { code, tookMs } = await exit;
    phase(`api exited ${code} after ${tookMs} ms`);

    expect(response.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.issueParticipationCertificates.total).toBe(100);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(30_000);
    // What it answered is committed, with its 100 render jobs in the outbox for whoever relays next.
    const [row] = await portal.sql<{ certificates: number; jobs: number }>(
      `SELECT count(*)::int AS certificates, (SELECT count(*)::int FROM outbox_message WHERE payload->>'id' IN (SELECT id::text FROM certificates WHERE batch_id = $1)) AS jobs
         FROM certificates WHERE batch_id = $1`,
      [answer.data!.issueParticipationCertificates.id],
    );
    expect(row).toEqual({ certificates: 100, jobs: 100 });
  });

  it('the worker finishes the jobs it is running, leaves the rest queued, and exits 0 within 30 s; a new worker does the rest once', async () => {
    const phase = phases();
    const api = await portal.startApi();
    const first = await portal.startWorker('worker-1');
    phase('api and worker ready');
    const tag = randomBytes(3).toString('hex');
    const people = await portal.createPeople(60, PASSWORD, tag);
    const admin = await Session.signIn(api.url, portal.admin.email, portal.admin.password);
    const batchId = await issueCertificates(api.url, admin, people, `Curso ${tag}`);
    await waitFor(async () => (await batchEffects(portal, batchId)).rendered >= 10, 60_000, '10 rendered', () => portal.logs());

    const sentAt = Date.now();
    const code = await portal.stopProcess(first, 'SIGTERM', 30_000);
    const tookMs = Date.now() - sentAt;
    phase(`worker exited ${code} after ${tookMs} ms`);
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(30_000);
    // Nothing was abandoned mid-way: BullMQ holds no active job, and every certificate is either
    // fully rendered or untouched (a render is one transaction with its files and announcement).
    expect([...(await portal.activeJobs('certificates')), ...(await portal.activeJobs('notifications'))]).toEqual([]);
    const [state] = await portal.sql<{ half: number; rendered: number }>(
      `SELECT count(*) FILTER (WHERE render_status <> 'rendered' AND render_attempts > 0)::int AS half, count(*) FILTER (WHERE render_status = 'rendered')::int AS rendered
         FROM certificates WHERE batch_id = $1`,
      [batchId],
    );
    expect(state.half).toBe(0);
    expect(state.rendered).toBeLessThan(60);

    await portal.startWorker('worker-2');
    const done = await waitFor(
      async () => {
        const now = await batchEffects(portal, batchId);
        return now.rendered === 60 && now.notified === 60 && now.open === 0 ? now : null;
      },
      120_000,
      'the rest of the batch',
      () => portal.logs(),
    );
    phase('the rest done');
    expect(done).toMatchObject({ certificates: 60, rendered: 60, people: 60, notifications: 60, notified: 60, files: 60 });
  });
});
