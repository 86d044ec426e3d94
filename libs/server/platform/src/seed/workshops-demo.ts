import type { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ReferenceService } from '@alliance/server-alliance';
import { UsersService } from '@alliance/server-identity';
import { PollService, SessionsService, WorkshopsService, type WorkshopActor } from '@alliance/server-workshops';

/** Invented workshops for the demo, written in the region's languages; none of it real. */
type L = Array<{ locale: string; value: string }>;
const t = (values: Partial<Record<'es' | 'en' | 'pt' | 'fr', string>>): L => Object.entries(values).map(([locale, value]) => ({ locale, value: value! }));

const ISSUER = 'Alianza Regional por la Educación (demo)';
const SIGNATORIES = [{ name: 'Valentina Rojas Campos', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza (demo)' }];
const HOUR = 3_600_000;

/** 14:00 UTC (09:00 in Bogotá) `days` from today. */
const at = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * 24 * HOUR);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

/**
 * One upcoming OPEN virtual workshop (two sessions with agenda, registration questions, a priority
 * poll with three actions) and one past workshop, created through the workshops services as the
 * demo organiser. Skipped when the workshops module is absent or workshops already exist.
 */
export async function seedWorkshopsDemo(moduleRef: ModuleRef): Promise<number> {
  let workshops: WorkshopsService;
  try {
    workshops = moduleRef.get(WorkshopsService, { strict: false });
  } catch {
    return 0; // the workshops module is not part of this application
  }
  const dataSource = moduleRef.get(DataSource, { strict: false });
  const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM workshops`);
  if (n > 0) return 0;
  const sessions = moduleRef.get(SessionsService, { strict: false });
  const poll = moduleRef.get(PollService, { strict: false });
  const users = moduleRef.get(UsersService, { strict: false });
  const reference = moduleRef.get(ReferenceService, { strict: false });
  const organiserUser = await users.findByEmail('organizador@alianza.example');
  if (!organiserUser) return 0;
  const organiser: WorkshopActor = { id: organiserUser.id, name: organiserUser.name, roles: ['ORGANISER'] };
  const areas = new Map((await reference.focusAreas(true)).map((f) => [f.key, f.id]));
  const area = (...keys: string[]) => keys.map((k) => areas.get(k)).filter((id): id is string => !!id);

  const base = {
    mode: 'VIRTUAL',
    timeZone: 'America/Bogota',
    audience: 'OPEN',
    approvalRequired: false,
    waitlistMode: 'AUTO',
    attendanceThreshold: 100,
    certificateIssuer: ISSUER,
    certificateSignatories: SIGNATORIES,
  };

  // 1. Upcoming regional workshop, open for registration.
  const upcoming = await workshops.create(organiser, {
    ...base,
    slug: 'taller-regional-prioridades-transformacion-educativa',
    title: t({
      es: 'Taller regional: prioridades de la transformación educativa',
      en: 'Regional workshop: priorities for education transformation',
      pt: 'Oficina regional: prioridades da transformação educacional',
      fr: 'Atelier régional : priorités de la transformation de l’éducation',
    }),
    description: t({
      es: 'Dos mañanas de trabajo para conocer la propuesta de hoja de ruta regional, aportar desde cada país y priorizar las acciones de los próximos dos años.',
      en: 'Two mornings to learn about the proposed regional roadmap, contribute from each country and prioritise the actions for the next two years.',
      pt: 'Duas manhãs de trabalho para conhecer a proposta de roteiro regional, contribuir a partir de cada país e priorizar as ações dos próximos dois anos.',
      fr: 'Deux matinées pour découvrir la feuille de route régionale proposée, contribuer depuis chaque pays et hiérarchiser les actions des deux prochaines années.',
    }),
    meetingUrl: 'https://meet.example/alianza-taller-regional',
    capacity: 80,
    registrationClosesAt: at(20, 12),
    languages: ['es', 'en', 'pt', 'fr'],
    focusAreaIds: area('system_management', 'teachers'),
    countrySeats: [
      { countryCode: 'HT', seats: 6 },
      { countryCode: 'JM', seats: 6 },
    ],
    questions: [
      { type: 'CHOICE', prompt: t({ es: 'Tipo de institución', en: 'Type of institution', pt: 'Tipo de instituição', fr: 'Type d’institution' }), options: ['Ministerio / Ministry', 'Sociedad civil / Civil society', 'Academia', 'Cooperación / Cooperation'], required: true },
      { type: 'TEXT', prompt: t({ es: '¿Qué prioridad quiere plantear para su país?', en: 'Which priority would you like to raise for your country?', pt: 'Que prioridade deseja apresentar para o seu país?', fr: 'Quelle priorité souhaitez-vous proposer pour votre pays ?' }), required: false },
      { type: 'CONSENT', prompt: t({ es: 'Acepto que mi nombre aparezca en la lista de participantes.', en: 'I agree that my name appears in the participant list.', pt: 'Aceito que meu nome apareça na lista de participantes.', fr: 'J’accepte que mon nom figure dans la liste des participants.' }), required: false },
    ],
  });
  const day1 = { title: t({ es: 'Día 1: la propuesta', en: 'Day 1: the proposal', pt: 'Dia 1: a proposta', fr: 'Jour 1 : la proposition' }), startsAt: at(24, 14), endsAt: at(24, 17) };
  const day2 = { title: t({ es: 'Día 2: priorización', en: 'Day 2: prioritisation', pt: 'Dia 2: priorização', fr: 'Jour 2 : hiérarchisation' }), startsAt: at(25, 14), endsAt: at(25, 17) };
  await sessions.saveSession(organiser, upcoming.id, null, day1);
  await sessions.saveSession(organiser, upcoming.id, null, day2);
  const ids: Array<{ id: string }> = await dataSource.query(`SELECT id FROM workshop_sessions WHERE workshop_id = $1 ORDER BY starts_at`, [upcoming.id]);
  const agenda = [
    { s: 0, from: 0, to: 0.5, title: t({ es: 'Bienvenida y objetivos', en: 'Welcome and objectives', pt: 'Boas-vindas e objetivos', fr: 'Accueil et objectifs' }), speakers: 'Valentina Rojas Campos' },
    { s: 0, from: 0.5, to: 2, title: t({ es: 'Presentación de la hoja de ruta regional', en: 'Presentation of the regional roadmap', pt: 'Apresentação do roteiro regional', fr: 'Présentation de la feuille de route régionale' }), speakers: 'Mateus Albuquerque Lima' },
    { s: 0, from: 2, to: 3, title: t({ es: 'Aportes por país', en: 'Contributions by country', pt: 'Contribuições por país', fr: 'Contributions par pays' }) },
    { s: 1, from: 0, to: 1.5, title: t({ es: 'Priorización de acciones', en: 'Prioritising actions', pt: 'Priorização de ações', fr: 'Hiérarchisation des actions' }) },
    { s: 1, from: 1.5, to: 3, title: t({ es: 'Compromisos y próximos pasos', en: 'Commitments and next steps', pt: 'Compromissos e próximos passos', fr: 'Engagements et prochaines étapes' }) },
  ];
  for (const item of agenda) {
    const start = (item.s === 0 ? day1 : day2).startsAt.getTime();
    await sessions.saveAgendaItem(organiser, null, {
      sessionId: ids[item.s].id,
      title: item.title,
      speakers: item.speakers ?? null,
      startsAt: new Date(start + item.from * HOUR),
      endsAt: new Date(start + item.to * HOUR),
    });
  }
  await sessions.addMaterial(organiser, upcoming.id, { phase: 'BEFORE', title: 'Nota conceptual (borrador)', url: 'https://docs.example/alianza/nota-conceptual' });
  await poll.savePoll(organiser, upcoming.id, 'RANK', null, [
    { title: t({ es: 'Formación continua de directivos escolares', en: 'Continuing training for school leaders', pt: 'Formação continuada de gestores escolares', fr: 'Formation continue des chefs d’établissement' }) },
    { title: t({ es: 'Sistema regional de indicadores de aprendizaje', en: 'Regional system of learning indicators', pt: 'Sistema regional de indicadores de aprendizagem', fr: 'Système régional d’indicateurs d’apprentissage' }) },
    { title: t({ es: 'Red de intercambio entre ministerios', en: 'Exchange network between ministries', pt: 'Rede de intercâmbio entre ministérios', fr: 'Réseau d’échange entre ministères' }) },
  ]);
  await workshops.open(organiser, upcoming.id);

  // 2. A past workshop (registration closed).
  const past = await workshops.create(organiser, {
    ...base,
    slug: 'dialogo-subregional-docentes-caribe',
    title: t({ es: 'Diálogo subregional: docentes del Caribe', en: 'Subregional dialogue: Caribbean teachers', fr: 'Dialogue sous-régional : enseignants de la Caraïbe' }),
    description: t({
      es: 'Intercambio de experiencias sobre formación inicial docente en el Caribe.',
      en: 'Exchange of experiences on initial teacher education in the Caribbean.',
      fr: 'Échange d’expériences sur la formation initiale des enseignants dans la Caraïbe.',
    }),
    meetingUrl: 'https://meet.example/alianza-dialogo-caribe',
    recordingUrl: 'https://video.example/alianza-dialogo-caribe',
    capacity: 40,
    languages: ['en', 'fr', 'es'],
    focusAreaIds: area('teachers'),
  });
  await sessions.saveSession(organiser, past.id, null, { title: t({ es: 'Sesión única', en: 'Single session', fr: 'Séance unique' }), startsAt: at(-30, 14), endsAt: at(-30, 16) });
  await sessions.addMaterial(organiser, past.id, { phase: 'AFTER', title: 'Relatoría / Report', url: 'https://docs.example/alianza/relatoria-caribe' });
  await workshops.open(organiser, past.id);
  await workshops.close(organiser, past.id);
  return 2;
}
