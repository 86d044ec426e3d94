import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { UsersService, type User } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { Course, CourseModule, Lesson, Offering, OfferingCountrySeats, QuizQuestion } from '../entities';
import type { EnrolmentPolicy, LessonType } from '../learning.constants';
import type { LearningActor } from '../enrolment.service';

/** Test data for the enrolment specs, written straight to the tables (authoring has its own tests). Test-only. */
export const tag = () => randomBytes(4).toString('hex');

export async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

export async function person(users: UsersService, overrides: Partial<{ name: string; email: string; roles: Role[]; verified: boolean; countryCode: string }> = {}): Promise<User> {
  return users.createUser({
    name: overrides.name ?? 'Lucía Fernández',
    email: overrides.email ?? `learner.${tag()}@example.org`,
    password: 'correct horse battery',
    countryCode: overrides.countryCode ?? 'CL',
    preferredLocale: 'es',
    verified: overrides.verified ?? true,
    roles: overrides.roles,
  });
}

export function actorOf(user: User, roles: Role[] = []): LearningActor {
  return { id: user.id, name: user.name, roles, locale: 'es' };
}

export interface LessonSpec {
  type?: LessonType;
  required?: boolean;
  /** QUIZ: questions as [kind, options as correct flags]. */
  questions?: Array<{ kind: 'SINGLE' | 'MULTIPLE'; correct: boolean[] }>;
  passMark?: number;
  maxAttempts?: number | null;
}

export interface CourseFixture {
  course: Course;
  offering: Offering;
  lessons: Lesson[];
  questions: Map<string, QuizQuestion[]>;
}

export async function makeCourse(
  dataSource: DataSource,
  options: Partial<{
    policy: EnrolmentPolicy;
    status: Course['status'];
    capacity: number | null;
    waitlist: boolean;
    lessons: LessonSpec[];
    opensAt: Date | null;
    closesAt: Date | null;
    countrySeats: Record<string, number>;
    title: string;
    hours: number;
  }> = {},
): Promise<CourseFixture> {
  const m = dataSource.manager;
  const course = await m.save(
    m.create(Course, {
      slug: `curso-${tag()}`,
      title: { es: options.title ?? 'Liderazgo pedagógico', en: 'Instructional leadership' },
      summary: { es: 'Resumen' },
      audience: {},
      level: 'INTRODUCTORY',
      format: 'SELF_PACED',
      estimatedHours: options.hours ?? 6,
      languages: ['es'],
      status: options.status ?? 'PUBLISHED',
      enrolmentPolicy: options.policy ?? 'OPEN',
      certificateIssuer: 'Alianza Regional de Educación',
      certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza' }],
      publishedAt: new Date(),
    }),
  );
  const module = await m.save(m.create(CourseModule, { courseId: course.id, position: 0, title: { es: 'Módulo 1' }, deletedAt: null }));
  const specs = options.lessons ?? [{ type: 'TEXT' }, { type: 'TEXT' }];
  const lessons: Lesson[] = [];
  const questions = new Map<string, QuizQuestion[]>();
  for (const [i, spec] of specs.entries()) {
    const type = spec.type ?? 'TEXT';
    const lesson = await m.save(
      m.create(Lesson, {
        courseId: course.id,
        moduleId: module.id,
        position: i,
        type,
        title: { es: `Lección ${i + 1}` },
        body: { es: 'Texto' },
        required: spec.required ?? true,
        passMark: type === 'QUIZ' ? (spec.passMark ?? 50) : null,
        maxAttempts: type === 'QUIZ' ? (spec.maxAttempts === undefined ? 3 : spec.maxAttempts) : null,
        deletedAt: null,
      }),
    );
    lessons.push(lesson);
    if (type === 'QUIZ') {
      const qs: QuizQuestion[] = [];
      for (const [qi, q] of (spec.questions ?? [{ kind: 'SINGLE', correct: [true, false] }]).entries()) {
        qs.push(
          await m.save(
            m.create(QuizQuestion, {
              lessonId: lesson.id,
              position: qi,
              kind: q.kind,
              prompt: { es: `Pregunta ${qi + 1}` },
              options: q.correct.map((correct, oi) => ({ id: `o${qi}${oi}`, text: { es: `Opción ${oi}` }, correct })),
              explanation: { es: `Porque sí ${qi + 1}` },
            }),
          ),
        );
      }
      questions.set(lesson.id, qs);
    }
  }
  const offering = await m.save(
    m.create(Offering, {
      courseId: course.id,
      name: null,
      startsOn: null,
      endsOn: null,
      enrolmentOpensAt: options.opensAt ?? null,
      enrolmentClosesAt: options.closesAt ?? null,
      capacity: options.capacity ?? null,
      seatsTaken: 0,
      waitlistEnabled: options.waitlist ?? true,
      cancelledAt: null,
    }),
  );
  for (const [countryCode, seats] of Object.entries(options.countrySeats ?? {})) {
    await m.save(m.create(OfferingCountrySeats, { offeringId: offering.id, countryCode, seats, taken: 0 }));
  }
  return { course, offering, lessons, questions };
}
