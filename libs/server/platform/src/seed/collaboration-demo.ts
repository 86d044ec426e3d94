import type { ModuleRef } from '@nestjs/core';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { CollaborationAccessService } from '@alliance/server-collaboration';
import { UsersService } from '@alliance/server-identity';
import { Role, type Locale } from '@alliance/shared-core';
import { DEMO_PASSWORD } from './demo-people';

/**
 * Invented collaboration data for the demo (people, tables, minutes, figures): none of it real.
 *
 * Written straight to the tables, as the collaboration services would leave them, so the demo does
 * not depend on every workflow being finished: an OPEN bilateral working table with its lists,
 * moderator, a past session (recording and notes) and an upcoming one, a forum thread and three
 * commitments (done, in progress, overdue); a REQUESTED table awaiting review; and a technical
 * group of four ministries with rotating coordination (six-month periods started fourteen months
 * ago, so two members already coordinated), a meeting with minutes, a deliverable and a mandate.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo ministries of education (alliance-demo.ts), by country. */
const COUNTRIES = ['CR', 'MX', 'JM', 'TT', 'HT'] as const;
type Country = (typeof COUNTRIES)[number];

interface DemoAccount {
  name: string;
  email: string;
  countryCode: Country;
  locale: Locale;
}

/** The ministries' representatives come from DEMO_PEOPLE; these colleagues are new accounts. */
const COLLEAGUES: DemoAccount[] = [
  { name: 'Daniela Brenes Solano', email: 'daniela.brenes@mep-cr.example', countryCode: 'CR', locale: 'es' },
  { name: 'Lucía Ramírez Ortega', email: 'lucia.ramirez@sep-mx.example', countryCode: 'MX', locale: 'es' },
  { name: 'Andre Campbell', email: 'andre.campbell@moey-jm.example', countryCode: 'JM', locale: 'en' },
  { name: 'Kavita Maharaj', email: 'kavita.maharaj@moe-tt.example', countryCode: 'TT', locale: 'en' },
  { name: 'Jean-Robert Pierre-Louis', email: 'jr.pierrelouis@menfp-ht.example', countryCode: 'HT', locale: 'fr' },
];

const REPRESENTATIVES: Record<Country, string> = {
  CR: 'andres.villalobos@mep-cr.example',
  MX: 'diego.hernandez@sep-mx.example',
  JM: 'k.thompson@moey-jm.example',
  TT: 's.ramdin@moe-tt.example',
  HT: 'mc.joseph@menfp-ht.example',
};

/** Used only when the demo has no moderator at all. */
const FALLBACK_MODERATOR = { name: 'Inés Carvajal Peña', email: 'moderacion@alianza.example', countryCode: 'PA', locale: 'es' as Locale };

const TABLE_PURPOSE = `Intercambiar experiencias sobre la **formación continua de docentes en escuelas rurales y multigrado** entre el Ministerio de Educación Pública de Costa Rica y la Secretaría de Educación Pública de México.

- Conocer los programas de acompañamiento pedagógico en territorio de ambos países.
- Identificar materiales y protocolos que puedan adaptarse.
- Acordar acciones conjuntas para el próximo ciclo lectivo.`;

const TABLE_AGENDA = `1. Presentación de los programas de acompañamiento pedagógico rural
2. Retos de la formación de docentes multigrado
3. Materiales y protocolos para compartir
4. Próximos pasos y compromisos`;

const PAST_SESSION_NOTES = `## Acuerdos de la primera sesión

- Costa Rica compartirá su protocolo de acompañamiento pedagógico para escuelas unidocentes.
- México presentará en la próxima sesión el mapa de su oferta de formación continua para docentes multigrado.
- Ambas partes explorarán un esquema de pasantías virtuales entre escuelas rurales.

**Participantes:** Andrés Villalobos Mora y Daniela Brenes Solano (MEP Costa Rica); Diego Hernández Ortiz y Lucía Ramírez Ortega (SEP México).`;

const GROUP_MANDATE = `Fortalecer los lazos de integración educativa entre los ministerios miembros mediante acciones de cooperación dirigidas a mejorar las competencias de la población, con énfasis en la **educación técnica y profesional** y su articulación con el sector productivo.

La coordinación rota cada seis meses entre los países miembros; cada coordinación presenta sus entregables al cierre de su período y recibe los mandatos para el siguiente.`;

const GROUP_MINUTES = `## Acta de la reunión

**Coordinación:** Costa Rica (MEP).

1. Se presentó el avance del banco regional de buenas prácticas en educación técnico-profesional: 18 prácticas documentadas en tres países.
2. Se acordó la segunda fase de la estrategia comunicacional para la revalorización de la educación técnica y profesional, a cargo de la próxima coordinación.
3. Trinidad y Tobago propuso un intercambio sobre marcos nacionales de cualificaciones.

**Próxima reunión:** durante la coordinación de Jamaica.`;

/** Inserts one row and returns its id (column names as in the database). */
async function insertRow(manager: EntityManager, table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values);
  const [{ id }]: Array<{ id: string }> = await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    columns.map((c) => values[c]),
  );
  return id;
}

async function event(manager: EntityManager, spaceId: string, actorId: string | null, action: string, at: Date, data: Record<string, string | number | boolean | null>): Promise<void> {
  await insertRow(manager, 'collab_space_events', { space_id: spaceId, actor_id: actorId, action, created_at: at, data: JSON.stringify(data) });
}

/** Seeds the demo collaboration data; returns how many spaces it created (0 when skipped). */
export async function seedCollaborationDemo(moduleRef: ModuleRef): Promise<number> {
  try {
    moduleRef.get(CollaborationAccessService, { strict: false });
  } catch {
    return 0; // the collaboration module is not part of this application
  }
  const dataSource = moduleRef.get(DataSource, { strict: false });
  const users = moduleRef.get(UsersService, { strict: false });
  const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM collab_spaces`);
  if (n > 0) return 0;

  // The ministries the alliance demo created (the first of each country), and their people.
  const ministryRows: Array<{ id: string; name: string; country_code: string }> = await dataSource.query(
    `SELECT DISTINCT ON (o.country_code) o.id, o.name, o.country_code FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.status = 'ACTIVE'
      WHERE o.type = 'MINISTRY_OF_EDUCATION' AND o.country_code = ANY($1::text[]) ORDER BY o.country_code, o.created_at`,
    [[...COUNTRIES]],
  );
  const ministry = new Map(ministryRows.map((r) => [r.country_code.trim() as Country, r]));
  if (COUNTRIES.some((c) => !ministry.has(c))) return 0; // the alliance demo is not there: nothing to build on
  const admin = await users.findByEmail('admin@alianza.example');
  const representatives = new Map<Country, { id: string; name: string }>();
  for (const country of COUNTRIES) {
    const person = await users.findByEmail(REPRESENTATIVES[country]);
    if (!person) return 0;
    representatives.set(country, person);
  }
  const colleagues = new Map<Country, { id: string; name: string }>();
  for (const c of COLLEAGUES) {
    const person = (await users.findByEmail(c.email)) ?? (await users.createUser({ name: c.name, email: c.email, password: DEMO_PASSWORD, countryCode: c.countryCode, preferredLocale: c.locale, verified: true }));
    colleagues.set(c.countryCode, person);
  }
  const [existingModerator]: Array<{ id: string; name: string }> = await dataSource.query(
    `SELECT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'MODERATOR' ORDER BY (u.email = 'moderadora@alianza.example') DESC, u.created_at LIMIT 1`,
  );
  const moderator =
    existingModerator ??
    (await users.createUser({
      name: FALLBACK_MODERATOR.name,
      email: FALLBACK_MODERATOR.email,
      password: DEMO_PASSWORD,
      countryCode: FALLBACK_MODERATOR.countryCode,
      preferredLocale: FALLBACK_MODERATOR.locale,
      verified: true,
      roles: [Role.Moderator],
    }));
  const people = (country: Country) => [representatives.get(country)!, colleagues.get(country)!];
  const org = (country: Country) => ministry.get(country)!;

  const [{ today }]: Array<{ today: string }> = await dataSource.query(`SELECT current_date::text AS today`);
  const now = Date.now();
  const ago = (days: number, hourUtc = 15) => {
    const d = new Date(now - days * DAY);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d;
  };
  const day = (days: number) => DateTime.fromISO(today, { zone: 'utc' }).plus({ days }).toISODate()!;

  // One transaction: a failure leaves nothing half-built (and the next start tries again).
  await dataSource.transaction(async (manager) => {
    const space = (values: Record<string, unknown>) => insertRow(manager, 'collab_spaces', { agenda: '', ...values });
    const party = (spaceId: string, country: Country, role: string, status: string, rotationOrder: number, respondedAt: Date | null, respondedById: string | null) =>
      insertRow(manager, 'collab_space_parties', {
        space_id: spaceId,
        organisation_id: org(country).id,
        role,
        status,
        rotation_order: rotationOrder,
        responded_at: respondedAt,
        responded_by_id: respondedById,
        created_at: respondedAt ?? new Date(now),
      });
    const list = async (spaceId: string, partyId: string, country: Country, addedById: string, at: Date) => {
      for (const person of people(country)) {
        await insertRow(manager, 'collab_space_participants', { space_id: spaceId, party_id: partyId, user_id: person.id, added_by_id: addedById, created_at: at });
      }
    };

    // 1. An open bilateral working table, Costa Rica with Mexico.
    const cr = representatives.get('CR')!;
    const mx = representatives.get('MX')!;
    const table = await space({
      kind: 'TABLE',
      status: 'OPEN',
      title: 'Mesa bilateral Costa Rica–México: formación docente en zonas rurales',
      description: TABLE_PURPOSE,
      agenda: TABLE_AGENDA,
      time_zone: 'America/Costa_Rica',
      first_session_at: ago(21),
      requested_by_id: cr.id,
      requested_at: ago(45),
      moderator_id: moderator.id,
      reviewed_by_id: admin?.id ?? moderator.id,
      reviewed_at: ago(36),
      created_at: ago(45),
    });
    const tableCr = await party(table, 'CR', 'REQUESTER', 'CONFIRMED', 0, ago(45), cr.id);
    const tableMx = await party(table, 'MX', 'INVITED', 'CONFIRMED', 1, ago(41), mx.id);
    await list(table, tableCr, 'CR', cr.id, ago(45));
    await list(table, tableMx, 'MX', mx.id, ago(41));
    await event(manager, table, cr.id, 'REQUESTED', ago(45), { organisationId: org('CR').id, organisation: org('CR').name, count: 2 });
    await event(manager, table, mx.id, 'PARTY_CONFIRMED', ago(41), { organisationId: org('MX').id, organisation: org('MX').name, count: 2 });
    await event(manager, table, admin?.id ?? moderator.id, 'APPROVED', ago(36), { moderatorId: moderator.id, person: moderator.name });

    await insertRow(manager, 'collab_meetings', {
      space_id: table,
      title: 'Primera sesión: programas de acompañamiento pedagógico rural',
      starts_at: ago(21),
      duration_minutes: 90,
      time_zone: 'America/Costa_Rica',
      link: 'https://meet.example/mesa-cr-mx-sesion-1',
      agenda: TABLE_AGENDA,
      recording_url: 'https://video.example/mesa-cr-mx-sesion-1',
      notes: PAST_SESSION_NOTES,
      created_by_id: moderator.id,
      created_at: ago(35),
    });
    await insertRow(manager, 'collab_meetings', {
      space_id: table,
      title: 'Segunda sesión: oferta de formación continua para docentes multigrado',
      starts_at: ago(-12),
      duration_minutes: 90,
      time_zone: 'America/Costa_Rica',
      link: 'https://meet.example/mesa-cr-mx-sesion-2',
      agenda: '1. Mapa de la oferta de formación continua en México\n2. Protocolo costarricense de acompañamiento: comentarios\n3. Pasantías virtuales: propuesta inicial',
      created_by_id: moderator.id,
      created_at: ago(18),
    });

    const posts: Array<{ author: { id: string }; days: number; body: string }> = [
      {
        author: cr,
        days: 19,
        body: 'Como acordamos en la primera sesión, adjuntaremos el protocolo de acompañamiento para escuelas unidocentes. ¿Qué instrumentos usan en México para observar las clases multigrado?',
      },
      {
        author: mx,
        days: 17,
        body: 'Gracias, Andrés. Usamos una guía de observación con cinco dimensiones (planificación, trabajo por ciclos, uso del tiempo, evaluación formativa y clima de aula). La compartiremos junto con el mapa de la oferta de formación.',
      },
      {
        author: colleagues.get('MX')!,
        days: 16,
        body: 'Agrego que en tres estados probamos **círculos de estudio entre docentes multigrado** por videollamada. Podría ser un buen punto de partida para las pasantías virtuales.',
      },
    ];
    const thread = await insertRow(manager, 'collab_threads', {
      space_id: table,
      title: 'Instrumentos de acompañamiento en escuelas multigrado',
      author_id: cr.id,
      last_post_at: ago(posts[posts.length - 1].days, 17),
      post_count: posts.length,
      created_at: ago(posts[0].days, 17),
    });
    for (const p of posts) {
      await insertRow(manager, 'collab_posts', { thread_id: thread, space_id: table, author_id: p.author.id, body: p.body, created_at: ago(p.days, 17), updated_at: ago(p.days, 17) });
    }

    const commitment = (spaceId: string, values: Record<string, unknown>) => insertRow(manager, 'collab_commitments', { space_id: spaceId, source: 'MANUAL', created_by_id: moderator.id, ...values });
    const update = (commitmentId: string, authorId: string, status: string, progress: number, note: string, at: Date) =>
      insertRow(manager, 'collab_commitment_updates', { commitment_id: commitmentId, author_id: authorId, status, progress, note, created_at: at });
    const done = await commitment(table, {
      kind: 'COMMITMENT',
      title: 'Compartir el protocolo de acompañamiento pedagógico para escuelas unidocentes',
      description: 'Versión vigente del protocolo del MEP, con los instrumentos de visita y retroalimentación.',
      responsible_organisation_id: org('CR').id,
      due_date: day(-10),
      status: 'DONE',
      progress: 100,
      completed_at: ago(12),
      created_at: ago(21),
    });
    await update(done, cr.id, 'DONE', 100, 'Protocolo enviado y compartido en el foro de la mesa.', ago(12));
    const ongoing = await commitment(table, {
      kind: 'COMMITMENT',
      title: 'Mapear la oferta de formación continua para docentes multigrado en México',
      description: 'Programas federales y estatales, modalidad, duración y cobertura en zonas rurales.',
      responsible_organisation_id: org('MX').id,
      due_date: day(30),
      status: 'IN_PROGRESS',
      progress: 40,
      created_at: ago(21),
    });
    await update(ongoing, mx.id, 'IN_PROGRESS', 40, 'Recopilada la información de 14 estados; faltan los programas federales en línea.', ago(6));
    await commitment(table, {
      kind: 'COMMITMENT',
      title: 'Proponer un esquema de pasantías virtuales entre escuelas rurales',
      description: 'Borrador con criterios de selección de escuelas, calendario y acompañamiento.',
      responsible_organisation_id: org('CR').id,
      due_date: day(-3),
      status: 'PENDING',
      progress: 0,
      created_at: ago(21),
    });

    // 2. A table requested by Haiti with Jamaica, both lists ready, awaiting a moderator's review.
    const ht = representatives.get('HT')!;
    const jm = representatives.get('JM')!;
    const requested = await space({
      kind: 'TABLE',
      status: 'REQUESTED',
      title: 'Table de travail Haïti–Jamaïque : formation initiale des enseignants du fondamental',
      description:
        'Partager les expériences de formation initiale des enseignants du fondamental, notamment l’enseignement bilingue (créole, français, anglais) et les stages en milieu rural.',
      agenda: '1. Présentation des dispositifs de formation initiale\n2. Stages en milieu rural\n3. Enseignement bilingue : ressources disponibles',
      time_zone: 'America/Port-au-Prince',
      first_session_at: ago(-25, 14),
      requested_by_id: ht.id,
      requested_at: ago(5),
      created_at: ago(5),
    });
    const requestedHt = await party(requested, 'HT', 'REQUESTER', 'CONFIRMED', 0, ago(5), ht.id);
    const requestedJm = await party(requested, 'JM', 'INVITED', 'CONFIRMED', 1, ago(3), jm.id);
    await list(requested, requestedHt, 'HT', ht.id, ago(5));
    await list(requested, requestedJm, 'JM', jm.id, ago(3));
    await event(manager, requested, ht.id, 'REQUESTED', ago(5), { organisationId: org('HT').id, organisation: org('HT').name, count: 2 });
    await event(manager, requested, jm.id, 'PARTY_CONFIRMED', ago(3), { organisationId: org('JM').id, organisation: org('JM').name, count: 2 });

    // 3. A technical group of four ministries; six-month coordination started fourteen months ago.
    const members: Country[] = ['MX', 'CR', 'JM', 'TT'];
    const anchor = DateTime.fromISO(today, { zone: 'utc' }).startOf('month').minus({ months: 14 });
    const anchorDay = anchor.toISODate()!;
    const created = anchor.toJSDate();
    const group = await space({
      kind: 'GROUP',
      status: 'OPEN',
      title: 'Grupo Técnico de Educación',
      description: GROUP_MANDATE,
      time_zone: 'America/Mexico_City',
      requested_by_id: moderator.id,
      requested_at: created,
      moderator_id: moderator.id,
      rotation_months: 6,
      rotation_starts_on: anchorDay,
      created_at: created,
    });
    const groupParties = new Map<Country, string>();
    for (const [order, country] of members.entries()) {
      const partyId = await party(group, country, 'MEMBER', 'CONFIRMED', order, created, moderator.id);
      groupParties.set(country, partyId);
      await list(group, partyId, country, moderator.id, created);
    }
    await event(manager, group, moderator.id, 'CREATED', created, {
      members: members.length,
      participants: members.length * 2,
      rotationMonths: 6,
      rotationStartsOn: anchorDay,
      organisationName: org('MX').name,
    });
    // The periods up to today, on the same grid the group's service counts (anchor + 6k months):
    // Mexico and Costa Rica coordinated, Jamaica coordinates now, Trinidad and Tobago is next.
    for (let k = 0; ; k++) {
      const startsOn = anchor.plus({ months: 6 * k }).toISODate()!;
      if (startsOn > today) break;
      const country = members[k % members.length];
      await insertRow(manager, 'collab_coordinations', {
        space_id: group,
        party_id: groupParties.get(country),
        country_code: country,
        starts_on: startsOn,
        ends_on: anchor.plus({ months: 6 * (k + 1) }).toISODate(),
        created_at: created,
      });
    }

    // 92 to 243 days ago is always inside Costa Rica's period (the second), whatever today's date.
    const meetingAt = ago(120, 16);
    await insertRow(manager, 'collab_meetings', {
      space_id: group,
      title: 'XXVIII Reunión del Grupo Técnico de Educación',
      starts_at: meetingAt,
      duration_minutes: 180,
      time_zone: 'America/Mexico_City',
      link: 'https://meet.example/gte-reunion-28',
      agenda: '1. Avance del banco regional de buenas prácticas\n2. Estrategia comunicacional: segunda fase\n3. Marcos nacionales de cualificaciones',
      recording_url: 'https://video.example/gte-reunion-28',
      notes: GROUP_MINUTES,
      created_by_id: representatives.get('CR')!.id,
      created_at: ago(140),
    });
    const deliverable = await commitment(group, {
      kind: 'DELIVERABLE',
      title: 'Banco regional de buenas prácticas en educación técnico-profesional',
      description: 'Prácticas de articulación entre el sector educativo y el productivo, documentadas con una ficha común.',
      responsible_organisation_id: org('CR').id,
      due_date: day(45),
      status: 'IN_PROGRESS',
      progress: 60,
      created_at: meetingAt,
    });
    await update(deliverable, representatives.get('CR')!.id, 'IN_PROGRESS', 60, '18 prácticas documentadas en tres países; falta la revisión de Trinidad y Tobago.', ago(20));
    await commitment(group, {
      kind: 'MANDATE',
      title: 'Segunda fase de la estrategia comunicacional para la revalorización de la educación técnica y profesional',
      description: 'Mandato para la coordinación de Jamaica: piezas para redes sociales de los ministerios miembros y de la Alianza.',
      responsible_organisation_id: org('JM').id,
      due_date: day(150),
      status: 'PENDING',
      progress: 0,
      created_at: meetingAt,
    });
  });
  return 3;
}
