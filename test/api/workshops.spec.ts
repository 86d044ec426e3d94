import { randomUUID } from 'node:crypto';
import { GraphQLClient, es, newAccount, ok, portalWithAdmin, signedInClient } from '../support';

const ADMIN = { email: 'workshops-admin@alianza.example', password: 'Workshops-Admin-Password-1' };

/** The session cookie of a client, for plain HTTP downloads (CSV). */
function cookieOf(client: GraphQLClient): string {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

const REGISTRATION = `id status waitlistPosition workshop { id } person { name }`;

describe('workshops journey through the running api + worker', () => {
  const running = portalWithAdmin(ADMIN);

  it('organiser opens a 2-seat workshop; three register (third waitlisted); a cancellation promotes; confirmed rank actions; attendance; held -> certificates; figures', async () => {
    const portal = running();
    const t = randomUUID().slice(0, 6);
    const admin = await signedInClient(portal, ADMIN);

    // --- The organiser creates a workshop with 2 seats and 2 sessions, and opens it.
    const created = ok<{ createWorkshop: { id: string; slug: string } }>(
      await admin.request(`mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id slug } }`, {
        input: {
          slug: `taller-regional-${t}`,
          title: [...es(`Taller regional ${t}`), { locale: 'fr', value: `Atelier régional ${t}` }],
          description: es('Propuesta y prioridades de acción.'),
          mode: 'VIRTUAL',
          timeZone: 'America/Bogota',
          meetingUrl: 'https://meet.example/taller',
          capacity: 2,
          audience: 'OPEN',
          approvalRequired: false,
          waitlistMode: 'AUTO',
          languages: ['es', 'fr'],
          certificateIssuer: 'Alianza Regional de Educación',
          certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
        },
      }),
    ).createWorkshop;
    const day = 24 * 3_600_000;
    const start = Date.now() + 2 * day;
    for (const [i, offset] of [0, day].entries()) {
      ok(
        await admin.request(`mutation($w: ID!, $input: SessionInput!) { saveSession(workshopId: $w, input: $input) { id } }`, {
          w: created.id,
          input: { title: es(`Sesión ${i + 1}`), startsAt: new Date(start + offset).toISOString(), endsAt: new Date(start + offset + 2 * 3_600_000).toISOString() },
        }),
      );
    }
    ok(await admin.request(`mutation($id: ID!) { openWorkshop(id: $id) { status } }`, { id: created.id }));

    // --- Three participants from different countries register; the third is waitlisted.
    const people = [
      { name: 'Ana Quispe', country: 'PE' },
      { name: 'Bruno Silva', country: 'BR' },
      { name: 'Camille Joseph', country: 'HT' },
    ];
    const clients: GraphQLClient[] = [];
    const registrations: Array<{ id: string; status: string; waitlistPosition: number | null }> = [];
    for (const p of people) {
      const { client } = await newAccount(portal, p.name, `${p.name.split(' ')[0].toLowerCase()}.${t}@example.org`, p.country);
      clients.push(client);
      registrations.push(
        ok<{ registerForWorkshop: { id: string; status: string; waitlistPosition: number | null } }>(
          await client.request(`mutation($w: ID!) { registerForWorkshop(workshopId: $w, answers: [], consentToList: true) { ${REGISTRATION} } }`, { w: created.id }),
        ).registerForWorkshop,
      );
    }
    expect(registrations.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
    ]);

    // --- One cancels: the third is promoted.
    expect(ok<{ cancelRegistration: { status: string } }>(await clients[1].request(`mutation($id: ID!) { cancelRegistration(id: $id) { status } }`, { id: registrations[1].id })).cancelRegistration.status).toBe(
      'CANCELLED',
    );
    const mine = ok<{ workshop: { seatsLeft: number; meetingUrl: string | null; myRegistration: { status: string; events: Array<{ toStatus: string }> } } }>(
      await clients[2].request(`query($s: String!) { workshop(slug: $s) { seatsLeft meetingUrl myRegistration { status events { toStatus } } } }`, { s: created.slug }),
    ).workshop;
    expect(mine.myRegistration).toEqual({ status: 'CONFIRMED', events: [{ toStatus: 'WAITLISTED' }, { toStatus: 'CONFIRMED' }] });
    expect(mine.seatsLeft).toBe(0);

    // --- Priorities: three actions ranked; only confirmed participants vote.
    const saved = ok<{ savePoll: { poll: { actions: Array<{ id: string; title: string }> } } }>(
      await admin.request(`mutation($w: ID!, $a: [PollActionInput!]!) { savePoll(workshopId: $w, mode: RANK, actions: $a) { poll { actions { id title } } } }`, {
        w: created.id,
        a: [{ title: es('Red de docentes') }, { title: es('Observatorio regional') }, { title: es('Formación en IA') }],
      }),
    ).savePoll.poll.actions;
    const [red, obs, ia] = saved.map((a) => a.id);
    ok(await admin.request(`mutation($w: ID!) { openPoll(workshopId: $w) { id } }`, { w: created.id }));
    const vote = (client: GraphQLClient, ids: string[]) => client.request(`mutation($w: ID!, $ids: [ID!]!) { submitBallot(workshopId: $w, actionIds: $ids) { ballots myBallot } }`, { w: created.id, ids });
    ok(await vote(clients[0], [obs, red, ia]));
    ok(await vote(clients[2], [obs, ia, red]));
    const refused = await vote(clients[1], [red, obs, ia]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    ok(await admin.request(`mutation($w: ID!) { closePoll(workshopId: $w) { id } }`, { w: created.id }));
    const poll = ok<{ workshop: { poll: { ballots: number; results: Array<{ action: { title: string }; points: number; rank: number }> } } }>(
      await clients[0].request(`query($s: String!) { workshop(slug: $s) { poll { ballots results { action { title } points rank } } } }`, { s: created.slug }),
    ).workshop.poll;
    expect(poll.ballots).toBe(2);
    expect(poll.results.map((r) => [r.action.title, r.points, r.rank])).toEqual([
      ['Observatorio regional', 4, 1],
      ['Red de docentes', 1, 2],
      ['Formación en IA', 1, 2],
    ]);

    // --- Attendance marked by the organiser for both sessions; the workshop is held; certificates follow.
    const sessions = ok<{ workshop: { sessions: Array<{ id: string }> } }>(await admin.request(`query($s: String!) { workshop(slug: $s) { sessions { id } } }`, { s: created.slug })).workshop
      .sessions;
    for (const s of sessions) {
      for (const r of [registrations[0], registrations[2]]) {
        ok(await admin.request(`mutation($s: ID!, $r: ID!) { markAttendance(sessionId: $s, registrationId: $r, attended: true) { attendedSessions } }`, { s: s.id, r: r.id }));
      }
    }
    ok(await admin.request(`mutation($id: ID!) { closeWorkshop(id: $id) { status } }`, { id: created.id }));
    const held = ok<{ markWorkshopHeld: { status: string; certificateBatch: { total: number } | null } }>(
      await admin.request(`mutation($id: ID!) { markWorkshopHeld(id: $id) { status certificateBatch { total } } }`, { id: created.id }),
    ).markWorkshopHeld;
    expect(held).toEqual({ status: 'HELD', certificateBatch: { total: 2 } });

    type Mine = { myRegistrations: Array<{ status: string; attendedSessions: number; certificate: { renderStatus: string; pdfUrl: string | null } | null }> };
    let mineNow: Mine['myRegistrations'] = [];
    for (let i = 0; i < 150; i++) {
      mineNow = ok<Mine>(await clients[2].request(`{ myRegistrations { status attendedSessions certificate { renderStatus pdfUrl } } }`)).myRegistrations;
      if (mineNow[0]?.certificate?.renderStatus === 'RENDERED') break;
      await new Promise((r) => setTimeout(r, 400));
    }
    expect(mineNow[0]).toMatchObject({ status: 'CONFIRMED', attendedSessions: 2, certificate: { renderStatus: 'RENDERED' } });
    let batch: { total: number; rendered: number; done: boolean } | null = null;
    for (let i = 0; i < 150; i++) {
      batch = ok<{ workshop: { certificateBatch: { total: number; rendered: number; done: boolean } } }>(
        await admin.request(`query($s: String!) { workshop(slug: $s) { certificateBatch { total rendered done } } }`, { s: created.slug }),
      ).workshop.certificateBatch;
      if (batch?.done) break;
      await new Promise((r) => setTimeout(r, 400));
    }
    expect(batch).toEqual({ total: 2, rendered: 2, done: true });

    // --- Figures: 2 participants from 2 countries; the participants CSV for the organiser.
    const figures = ok<{ workshopFigures: { registered: number; attended: number; countries: number; byCountry: Array<{ key: string; label: string; registered: number }> } }>(
      await admin.request(`query($w: ID!) { workshopFigures(workshopId: $w) { registered attended countries byCountry { key label registered } } }`, { w: created.id }),
    ).workshopFigures;
    expect([figures.registered, figures.attended, figures.countries]).toEqual([2, 2, 2]);
    expect(figures.byCountry.map((r) => [r.key, r.label]).sort()).toEqual([
      ['HT', 'Haití'],
      ['PE', 'Perú'],
    ]);
    const csv = await fetch(`${portal.url}/api/workshops/${created.id}/participants.csv`, { headers: { cookie: cookieOf(admin), 'accept-language': 'es' } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('Nombre');
    expect(text).toContain('Camille Joseph');
    const denied = await fetch(`${portal.url}/api/workshops/${created.id}/participants.csv`, { headers: { cookie: cookieOf(clients[0]) } });
    expect(denied.status).toBe(403);
  }, 180_000);
});
