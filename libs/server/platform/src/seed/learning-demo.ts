import type { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ReferenceService } from '@alliance/server-alliance';
import { UsersService } from '@alliance/server-identity';
import {
  CoursesService,
  EnrolmentService,
  Lesson,
  Offering,
  OfferingsService,
  ProgrammesService,
  ProgressService,
  StructureService,
  type LearningActor,
} from '@alliance/server-learning';

/** Invented learning catalogue for the demo, written in the region's languages; none of it real. */
type L = Array<{ locale: string; value: string }>;
const es = (value: string): L => [{ locale: 'es', value }];
const t = (values: Partial<Record<'es' | 'en' | 'pt' | 'fr', string>>): L => Object.entries(values).map(([locale, value]) => ({ locale, value: value! }));

interface DemoLesson {
  type: 'TEXT' | 'VIDEO' | 'QUIZ' | 'LIVE';
  title: L;
  body?: L;
  videoUrl?: string;
  liveInDays?: number;
  quiz?: Array<{ prompt: L; kind: 'SINGLE' | 'MULTIPLE'; options: Array<[L, boolean]>; explanation?: L }>;
}
interface DemoCourse {
  key: string;
  slug: string;
  input: Record<string, unknown>;
  modules: Array<{ title: L; lessons: DemoLesson[] }>;
  offerings?: Array<Record<string, unknown>>;
}

const ISSUER = 'Alianza Regional por la Educación (demo)';
const SIGNATORIES = [{ name: 'Valentina Rojas Campos', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza (demo)' }];
const day = (days: number) => new Date(Date.now() + days * 86_400_000);
const date = (days: number) => day(days).toISOString().slice(0, 10);

function catalogue(areas: Map<string, string>): DemoCourse[] {
  const area = (...keys: string[]) => keys.map((k) => areas.get(k)).filter((id): id is string => !!id);
  return [
    {
      key: 'leadership',
      slug: 'liderazgo-pedagogico-equipos-ministeriales',
      input: {
        title: es('Liderazgo pedagógico para equipos ministeriales'),
        summary: es('Cómo acompañar a directivos escolares desde el nivel central: visión compartida, seguimiento de aprendizajes y comunidades de práctica.'),
        audience: es('Equipos técnicos de ministerios de educación responsables de gestión escolar y formación directiva.'),
        level: 'INTERMEDIATE', format: 'COHORT', estimatedHours: 24, languages: ['es'], focusAreaIds: area('system_management', 'teachers'),
        enrolmentPolicy: 'APPROVAL',
      },
      offerings: [{ name: 'Cohorte 2027-1', startsOn: date(30), endsOn: date(86), enrolmentClosesAt: day(25), capacity: 40, waitlistEnabled: true, countrySeats: [{ countryCode: 'CR', seats: 8 }, { countryCode: 'HT', seats: 8 }, { countryCode: 'JM', seats: 8 }, { countryCode: 'UY', seats: 8 }] }],
      modules: [
        {
          title: es('El liderazgo pedagógico en el sistema'),
          lessons: [
            { type: 'TEXT', title: es('Qué entendemos por liderazgo pedagógico'), body: es('## Del control al acompañamiento\n\nEl liderazgo pedagógico pone **el aprendizaje de los estudiantes** en el centro de la gestión escolar.\n\n- Visión compartida\n- Uso de evidencia\n- Desarrollo profesional situado') },
            { type: 'LIVE', title: es('Sesión de apertura con la cohorte'), liveInDays: 32 },
          ],
        },
        {
          title: es('Acompañar a las escuelas'),
          lessons: [
            { type: 'TEXT', title: es('Visitas de acompañamiento con foco en el aula'), body: es('Una visita útil tiene un **propósito acordado**, observa prácticas concretas y termina con compromisos verificables.') },
            {
              type: 'QUIZ', title: es('Autoevaluación del módulo'),
              quiz: [
                { kind: 'SINGLE', prompt: es('¿Cuál es el foco principal del liderazgo pedagógico?'), options: [[es('El aprendizaje de los estudiantes'), true], [es('El cumplimiento administrativo'), false], [es('La infraestructura escolar'), false]], explanation: es('La gestión se orienta a mejorar los aprendizajes.') },
                { kind: 'MULTIPLE', prompt: es('¿Qué elementos tiene una buena visita de acompañamiento?'), options: [[es('Un propósito acordado'), true], [es('Compromisos verificables'), true], [es('Una lista de sanciones'), false]] },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'ai',
      slug: 'inteligencia-artificial-educacion-primeros-pasos',
      input: {
        title: t({ es: 'Inteligencia artificial en la educación: primeros pasos', pt: 'Inteligência artificial na educação: primeiros passos' }),
        summary: t({ es: 'Conceptos básicos, usos responsables y riesgos de la IA generativa en los sistemas educativos.', pt: 'Conceitos básicos, usos responsáveis e riscos da IA generativa nos sistemas educacionais.' }),
        level: 'INTRODUCTORY', format: 'SELF_PACED', estimatedHours: 6, languages: ['es', 'pt'], focusAreaIds: area('ai_in_education', 'digital_transformation'),
        enrolmentPolicy: 'OPEN',
      },
      modules: [
        {
          title: t({ es: 'Qué es y qué no es la IA', pt: 'O que é e o que não é a IA' }),
          lessons: [
            { type: 'TEXT', title: t({ es: 'Conceptos clave', pt: 'Conceitos-chave' }), body: t({ es: 'La IA generativa **predice** texto e imágenes a partir de datos; no *comprende* como una persona.', pt: 'A IA generativa **prevê** textos e imagens a partir de dados; não *compreende* como uma pessoa.' }) },
            { type: 'VIDEO', title: t({ es: 'Introducción en vídeo', pt: 'Introdução em vídeo' }), videoUrl: 'https://www.youtube.com/watch?v=aircAruvnKk' },
          ],
        },
        {
          title: t({ es: 'Usos responsables', pt: 'Usos responsáveis' }),
          lessons: [
            { type: 'TEXT', title: t({ es: 'Privacidad y datos de estudiantes', pt: 'Privacidade e dados de estudantes' }), body: t({ es: 'Nunca suba datos personales de estudiantes a servicios sin un acuerdo de tratamiento de datos.', pt: 'Nunca envie dados pessoais de estudantes a serviços sem um acordo de tratamento de dados.' }) },
            {
              type: 'QUIZ', title: t({ es: 'Comprobación final', pt: 'Verificação final' }),
              quiz: [
                { kind: 'SINGLE', prompt: t({ es: '¿La IA generativa comprende lo que escribe?', pt: 'A IA generativa compreende o que escreve?' }), options: [[t({ es: 'No, predice secuencias probables', pt: 'Não, prevê sequências prováveis' }), true], [t({ es: 'Sí, como una persona', pt: 'Sim, como uma pessoa' }), false]] },
              ],
            },
          ],
        },
      ],
    },
    {
      key: 'data',
      slug: 'dados-educacionais-tomada-de-decisao',
      input: {
        title: t({ pt: 'Dados educacionais para a tomada de decisão' }),
        summary: t({ pt: 'Indicadores, painéis e rotinas de uso de dados para gestores de redes de ensino.' }),
        level: 'INTERMEDIATE', format: 'SELF_PACED', estimatedHours: 10, languages: ['pt'], focusAreaIds: area('evidence_data'),
        enrolmentPolicy: 'OPEN',
      },
      modules: [
        {
          title: t({ pt: 'Indicadores que importam' }),
          lessons: [
            { type: 'TEXT', title: t({ pt: 'Fluxo, aprendizagem e equidade' }), body: t({ pt: 'Três famílias de indicadores ajudam a priorizar: **fluxo escolar**, **aprendizagem** e **equidade**.' }) },
            { type: 'TEXT', title: t({ pt: 'Rotinas de uso de dados' }), body: t({ pt: 'Reuniões curtas e periódicas, com perguntas claras, valem mais que painéis complexos.' }) },
          ],
        },
      ],
    },
    {
      key: 'caribbean',
      slug: 'enseignement-inclusif-caraibes',
      input: {
        title: t({ fr: 'Enseignement inclusif dans les écoles de la Caraïbe', es: 'Enseñanza inclusiva en las escuelas del Caribe' }),
        summary: t({ fr: 'Pratiques de classe pour accueillir chaque élève : différenciation, langue maternelle et soutien aux élèves en difficulté.', es: 'Prácticas de aula para acoger a cada estudiante: diferenciación, lengua materna y apoyo a quienes tienen dificultades.' }),
        level: 'INTRODUCTORY', format: 'COHORT', estimatedHours: 15, languages: ['fr'], focusAreaIds: area('teachers', 'school_culture'),
        enrolmentPolicy: 'OPEN',
      },
      offerings: [{ name: 'Session printemps 2027', startsOn: date(45), endsOn: date(100), capacity: 30, waitlistEnabled: true }],
      modules: [
        {
          title: t({ fr: 'Accueillir la diversité' }),
          lessons: [
            { type: 'TEXT', title: t({ fr: 'Le créole et le français en classe' }), body: t({ fr: 'Partir de la **langue maternelle** des élèves facilite l’entrée dans l’écrit.' }) },
            { type: 'TEXT', title: t({ fr: 'Différencier sans exclure' }), body: t({ fr: 'Varier les supports et les regroupements permet à chacun de progresser.' }) },
          ],
        },
      ],
    },
  ];
}

/** Loads the demo catalogue once (skipped when any course exists). Returns how many courses were created. */
export async function seedLearningDemo(moduleRef: ModuleRef): Promise<number> {
  let courses: CoursesService;
  try {
    courses = moduleRef.get(CoursesService, { strict: false });
  } catch {
    return 0; // the learning module is not part of this application
  }
  const dataSource = moduleRef.get(DataSource, { strict: false });
  const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM courses`);
  if (n > 0) return 0;
  const structure = moduleRef.get(StructureService, { strict: false });
  const offerings = moduleRef.get(OfferingsService, { strict: false });
  const programmes = moduleRef.get(ProgrammesService, { strict: false });
  const users = moduleRef.get(UsersService, { strict: false });
  const reference = moduleRef.get(ReferenceService, { strict: false });
  const organiserUser = await users.findByEmail('organizador@alianza.example');
  if (!organiserUser) return 0;
  const organiser: LearningActor = { id: organiserUser.id, name: organiserUser.name, roles: ['ORGANISER'] };
  const areas = new Map((await reference.focusAreas(true)).map((f) => [f.key, f.id]));

  const created = new Map<string, { id: string; lessons: Lesson[] }>();
  for (const demo of catalogue(areas)) {
    const course = await courses.create(organiser, { ...demo.input, slug: demo.slug, certificateIssuer: ISSUER, certificateSignatories: SIGNATORIES });
    const lessons: Lesson[] = [];
    for (const m of demo.modules) {
      const module = await structure.addModule(organiser, course.id, m.title);
      for (const l of m.lessons) {
        const lesson = await structure.addLesson(organiser, module.id, {
          type: l.type,
          title: l.title,
          body: l.body,
          videoUrl: l.videoUrl,
          liveStartsAt: l.liveInDays ? day(l.liveInDays) : null,
          liveUrl: l.liveInDays ? 'https://meet.example/alianza-liderazgo' : null,
          estimatedMinutes: l.type === 'QUIZ' ? 10 : 20,
        });
        if (l.quiz) {
          await structure.saveQuiz(organiser, lesson.id, {
            passMark: 70,
            maxAttempts: 3,
            questions: l.quiz.map((q) => ({ kind: q.kind, prompt: q.prompt, explanation: q.explanation, options: q.options.map(([text, correct]) => ({ text, correct })) })),
          });
        }
        lessons.push(lesson);
      }
    }
    for (const o of demo.offerings ?? []) await offerings.create(organiser, course.id, o);
    await courses.publish(organiser, course.id);
    created.set(demo.key, { id: course.id, lessons });
  }

  const programme = await programmes.create(organiser, {
    slug: 'trayecto-gestion-basada-en-evidencia',
    title: t({ es: 'Trayecto: gestión educativa basada en evidencia', pt: 'Trilha: gestão educacional baseada em evidências' }),
    summary: t({ es: 'Tres cursos para equipos ministeriales que quieren decidir con datos y acompañar mejor a las escuelas.', pt: 'Três cursos para equipes ministeriais que querem decidir com dados e acompanhar melhor as escolas.' }),
    courseIds: [created.get('ai')!.id, created.get('data')!.id, created.get('leadership')!.id],
    certificateIssuer: ISSUER,
    certificateSignatories: SIGNATORIES,
  });
  await programmes.publish(organiser, programme.id);

  // A few learners at different points, enrolled and progressing through the same services the
  // portal uses, so seats, stored progress and the audit trail follow the real rules.
  const enrolments = moduleRef.get(EnrolmentService, { strict: false });
  const progress = moduleRef.get(ProgressService, { strict: false });
  const enrol = async (email: string, key: string, completed: number) => {
    const user = await users.findByEmail(email);
    const course = created.get(key);
    if (!user || !course) return;
    const learner: LearningActor = { id: user.id, name: user.name, roles: [], locale: user.preferredLocale };
    const offering = await dataSource.getRepository(Offering).findOneByOrFail({ courseId: course.id });
    await enrolments.enrol(learner, offering.id);
    const lessons = course.lessons.filter((l) => l.required && l.type !== 'QUIZ').slice(0, completed);
    for (const lesson of lessons) await progress.completeLesson(learner, lesson.id);
  };
  await enrol('andres.villalobos@mep-cr.example', 'ai', 3);
  await enrol('joana.rocha@redeeduca.example', 'ai', 1);
  await enrol('joana.rocha@redeeduca.example', 'data', 1);
  await enrol('lucia.fernandez@anep-uy.example', 'leadership', 0);
  await enrol('mc.joseph@menfp-ht.example', 'caribbean', 0);
  return created.size;
}
