import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { CoursesService } from './courses.service';
import { Course, CourseModule, Enrolment, Lesson, LessonCompletion, Offering, OfferingCountrySeats, QuizQuestion } from './entities';
import { OfferingsService } from './offerings.service';
import { ProgrammesService } from './programmes.service';
import { StructureService } from './structure.service';
import { createLearningTestApp } from './testing/learning-test-app';
import type { LearningActor } from './util';

async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const tag = () => randomBytes(4).toString('hex');
const text = (es: string, pt?: string) => [{ locale: 'es', value: es }, ...(pt ? [{ locale: 'pt', value: pt }] : [])];

describe('learning authoring (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let courses: CoursesService;
  let structure: StructureService;
  let offerings: OfferingsService;
  let programmes: ProgrammesService;
  let organiser: LearningActor;
  let learner: LearningActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    courses = app.get(CoursesService);
    structure = app.get(StructureService);
    offerings = app.get(OfferingsService);
    programmes = app.get(ProgrammesService);
    const users = app.get(UsersService);
    const make = async (name: string, roles: Role[]) => {
      const u = await users.createUser({ name, email: `p.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'CL', verified: true, roles });
      return { id: u.id, name: u.name, roles };
    };
    organiser = await make('Marcela Fuentes', [Role.Organiser]);
    learner = await make('Jorge Ramírez', []);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const courseInput = (overrides: Record<string, unknown> = {}) => ({
    title: text(`Liderazgo pedagógico ${tag()}`, 'Liderança pedagógica'),
    summary: text('Herramientas para equipos ministeriales.'),
    level: 'INTRODUCTORY',
    format: 'SELF_PACED',
    estimatedHours: 12,
    languages: ['pt', 'es'],
    focusAreaIds: [],
    enrolmentPolicy: 'OPEN',
    certificateIssuer: 'Alianza Regional por la Educación',
    certificateSignatories: [{ name: 'Ana Gómez', title: 'Coordinadora', organisation: 'Secretaría' }],
    ...overrides,
  });

  async function publishable(overrides: Record<string, unknown> = {}): Promise<{ course: Course; module: CourseModule; lesson: Lesson }> {
    const course = await courses.create(organiser, courseInput(overrides));
    const module = await structure.addModule(organiser, course.id, text('Módulo 1'));
    const lesson = await structure.addLesson(organiser, module.id, { type: 'TEXT', title: text('Introducción'), body: text('# Hola') });
    return { course, module, lesson };
  }

  it('creates a self-paced course with one open offering, a slug from the title and ordered languages', async () => {
    const course = await courses.create(organiser, courseInput({ title: text('Inteligencia artificial en la educación: primeros pasos') }));
    expect(course.slug).toMatch(/^inteligencia-artificial-en-la-educacion-primeros-pasos/);
    expect(course.status).toBe('DRAFT');
    expect(course.languages).toEqual(['es', 'pt']);
    expect(await dataSource.getRepository(Offering).countBy({ courseId: course.id })).toBe(1);
    const again = await courses.create(organiser, courseInput({ title: text('Inteligencia artificial en la educación: primeros pasos') }));
    expect(again.slug).not.toBe(course.slug);
    expect(again.slug.startsWith(course.slug.slice(0, 40))).toBe(true);
    // An explicit slug that is taken is refused, not changed.
    expect((await appError(courses.create(organiser, courseInput({ slug: course.slug })))).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('publishes only with a complete certificate signatory, so completions always get their certificate', async () => {
    const { course } = await publishable({ certificateSignatories: [] });
    expect((await appError(courses.publish(organiser, course.id))).messageKey).toBe('learning:publishNeedsSignatory');
    expect((await dataSource.getRepository(Course).findOneByOrFail({ id: course.id })).status).toBe('DRAFT');
    const incomplete = await publishable({ certificateSignatories: [{ name: 'Ana Gómez', title: ' ', organisation: 'Secretaría' }] });
    expect((await appError(courses.publish(organiser, incomplete.course.id))).messageKey).toBe('learning:publishNeedsSignatory');
  });

  it('refuses bad input with per-field errors and changes nothing', async () => {
    const before = await dataSource.getRepository(Course).count();
    const error = await appError(courses.create(organiser, courseInput({ title: [{ locale: 'es', value: '  ' }], estimatedHours: 0, languages: [] })));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions.fields as Array<{ field: string; key: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'estimatedHours', 'languages']));
    expect(await dataSource.getRepository(Course).count()).toBe(before);
  });

  it('only organisers and administrators author', async () => {
    expect((await appError(courses.create(learner, courseInput()))).extensions.code).toBe('FORBIDDEN');
  });

  it('refuses prerequisite cycles, direct or transitive', async () => {
    const a = await courses.create(organiser, courseInput());
    const b = await courses.create(organiser, courseInput({ prerequisiteIds: [a.id] }));
    const c = await courses.create(organiser, courseInput({ prerequisiteIds: [b.id] }));
    expect((await appError(courses.update(organiser, a.id, courseInput({ prerequisiteIds: [a.id] })))).messageKey).toBe('learning:prerequisiteCycle');
    expect((await appError(courses.update(organiser, a.id, courseInput({ prerequisiteIds: [b.id] })))).messageKey).toBe('learning:prerequisiteCycle');
    expect((await appError(courses.update(organiser, a.id, courseInput({ prerequisiteIds: [c.id] })))).messageKey).toBe('learning:prerequisiteCycle');
    // a is unchanged; a course may still require a non-cyclic one.
    expect(await dataSource.query(`SELECT 1 FROM course_prerequisites WHERE course_id = $1`, [a.id])).toHaveLength(0);
    const d = await courses.create(organiser, courseInput());
    await courses.update(organiser, c.id, courseInput({ prerequisiteIds: [b.id, d.id] }));
    expect(await dataSource.query(`SELECT 1 FROM course_prerequisites WHERE course_id = $1`, [c.id])).toHaveLength(2);
  });

  it('publishes only with a lesson, quizzes with questions and an offering', async () => {
    const course = await courses.create(organiser, courseInput({ format: 'COHORT' }));
    expect((await appError(courses.publish(organiser, course.id))).messageKey).toBe('learning:publishNeedsLesson');
    const module = await structure.addModule(organiser, course.id, text('Módulo 1'));
    const quiz = await structure.addLesson(organiser, module.id, { type: 'QUIZ', title: text('Evaluación') });
    expect((await appError(courses.publish(organiser, course.id))).messageKey).toBe('learning:publishQuizWithoutQuestions');
    await structure.saveQuiz(organiser, quiz.id, {
      passMark: 60,
      questions: [{ kind: 'SINGLE', prompt: text('¿2+2?'), options: [{ text: text('4'), correct: true }, { text: text('5'), correct: false }] }],
    });
    expect((await appError(courses.publish(organiser, course.id))).messageKey).toBe('learning:publishNeedsOffering');
    // Cohort editions need dates.
    expect((await appError(offerings.create(organiser, course.id, { waitlistEnabled: true }))).messageKey).toBe('learning:cohortDatesRequired');
    await offerings.create(organiser, course.id, { name: 'Cohorte 1', startsOn: '2027-03-01', endsOn: '2027-04-30', capacity: 30, waitlistEnabled: true });
    const published = await courses.publish(organiser, course.id);
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect((await appError(courses.publish(organiser, course.id))).extensions.code).toBe('CONFLICT');
    const archived = await courses.archive(organiser, course.id);
    expect(archived.status).toBe('ARCHIVED');
  });

  it('moves modules and lessons with renumbering and bumps the revision', async () => {
    const course = await courses.create(organiser, courseInput());
    const m1 = await structure.addModule(organiser, course.id, text('Uno'));
    const m2 = await structure.addModule(organiser, course.id, text('Dos'));
    const m3 = await structure.addModule(organiser, course.id, text('Tres'));
    await structure.moveModule(organiser, m3.id, 0);
    const order = await dataSource.getRepository(CourseModule).find({ where: { courseId: course.id }, order: { position: 'ASC' } });
    expect(order.map((m) => [m.id, m.position])).toEqual([[m3.id, 0], [m1.id, 1], [m2.id, 2]]);
    const l1 = await structure.addLesson(organiser, m1.id, { type: 'TEXT', title: text('a') });
    const l2 = await structure.addLesson(organiser, m1.id, { type: 'TEXT', title: text('b') });
    const l3 = await structure.addLesson(organiser, m2.id, { type: 'TEXT', title: text('c') });
    await structure.moveLesson(organiser, l1.id, m2.id, 0);
    const lessons = await dataSource.getRepository(Lesson).find({ where: { courseId: course.id }, order: { moduleId: 'ASC', position: 'ASC' } });
    const pos = Object.fromEntries(lessons.map((l) => [l.id, [l.moduleId, l.position]]));
    expect(pos[l2.id]).toEqual([m1.id, 0]);
    expect(pos[l1.id]).toEqual([m2.id, 0]);
    expect(pos[l3.id]).toEqual([m2.id, 1]);
    const after = await dataSource.getRepository(Course).findOneByOrFail({ id: course.id });
    expect(after.revision).toBeGreaterThan(course.revision + 5);
  });

  it('validates lesson content: allow-listed video hosts, files for documents, http(s) live links', async () => {
    const { module } = await publishable();
    const bad = await appError(structure.addLesson(organiser, module.id, { type: 'VIDEO', title: text('Vídeo'), videoUrl: 'https://evil.example/v.mp4' }));
    expect((bad.extensions.fields as Array<{ field: string }>)[0].field).toBe('videoUrl');
    expect((await appError(structure.addLesson(organiser, module.id, { type: 'DOCUMENT', title: text('Doc') }))).extensions.code).toBe('BAD_USER_INPUT');
    expect((await appError(structure.addLesson(organiser, module.id, { type: 'LIVE', title: text('En vivo'), liveStartsAt: new Date(), liveUrl: 'javascript:alert(1)' }))).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const video = await structure.addLesson(organiser, module.id, { type: 'VIDEO', title: text('Vídeo'), videoUrl: 'https://youtu.be/dQw4w9WgXcQ', fileId: null });
    expect(video.videoUrl).toBe('https://youtu.be/dQw4w9WgXcQ');
  });

  it('saves quizzes with stable option ids and refuses wrong answer keys', async () => {
    const { module } = await publishable();
    const lesson = await structure.addLesson(organiser, module.id, { type: 'QUIZ', title: text('Quiz') });
    const noCorrect = await appError(
      structure.saveQuiz(organiser, lesson.id, { passMark: 50, questions: [{ kind: 'MULTIPLE', prompt: text('¿?'), options: [{ text: text('a'), correct: false }, { text: text('b'), correct: false }] }] }),
    );
    expect((noCorrect.extensions.fields as Array<{ key: string }>)[0].key).toBe('learning:correctOptionRequired');
    const twoForSingle = await appError(
      structure.saveQuiz(organiser, lesson.id, { passMark: 50, questions: [{ kind: 'SINGLE', prompt: text('¿?'), options: [{ text: text('a'), correct: true }, { text: text('b'), correct: true }] }] }),
    );
    expect((twoForSingle.extensions.fields as Array<{ key: string }>)[0].key).toBe('learning:singleNeedsOneCorrect');
    expect(await dataSource.getRepository(QuizQuestion).countBy({ lessonId: lesson.id })).toBe(0);

    await structure.saveQuiz(organiser, lesson.id, {
      passMark: 80,
      maxAttempts: 3,
      questions: [
        { kind: 'SINGLE', prompt: text('Uno'), options: [{ text: text('a'), correct: true }, { text: text('b'), correct: false }] },
        { kind: 'MULTIPLE', prompt: text('Dos'), options: [{ text: text('c'), correct: true }, { text: text('d'), correct: true }, { text: text('e'), correct: false }] },
      ],
    });
    const first = await dataSource.getRepository(QuizQuestion).find({ where: { lessonId: lesson.id }, order: { position: 'ASC' } });
    expect(first).toHaveLength(2);
    const optionIds = first[0].options.map((o) => o.id);
    expect(new Set(optionIds).size).toBe(2);
    // Edit: keep question 1 and its options (reordered), drop question 2, add a new one.
    const updated = await structure.saveQuiz(organiser, lesson.id, {
      passMark: 70,
      questions: [
        { kind: 'SINGLE', prompt: text('Tres'), options: [{ text: text('x'), correct: true }, { text: text('y'), correct: false }] },
        { id: first[0].id, kind: 'SINGLE', prompt: text('Uno (editada)'), options: [{ id: optionIds[1], text: text('b'), correct: false }, { id: optionIds[0], text: text('a'), correct: true }] },
      ],
    });
    expect(updated.passMark).toBe(70);
    expect(updated.maxAttempts).toBeNull();
    const second = await dataSource.getRepository(QuizQuestion).find({ where: { lessonId: lesson.id }, order: { position: 'ASC' } });
    expect(second).toHaveLength(2);
    expect(second[1].id).toBe(first[0].id);
    expect(second[1].options.map((o) => o.id)).toEqual([optionIds[1], optionIds[0]]);
    expect(second.some((q) => q.id === first[1].id)).toBe(false);
  });

  it('editing a published course keeps learners’ lesson completions (soft delete)', async () => {
    const { course, module, lesson } = await publishable();
    const other = await structure.addLesson(organiser, module.id, { type: 'TEXT', title: text('Segunda') });
    await courses.publish(organiser, course.id);
    const offering = await dataSource.getRepository(Offering).findOneByOrFail({ courseId: course.id });
    const enrolment = await dataSource.getRepository(Enrolment).save(
      dataSource.getRepository(Enrolment).create({ courseId: course.id, offeringId: offering.id, userId: learner.id, status: 'ENROLLED', holdsSeat: false }),
    );
    await dataSource.getRepository(LessonCompletion).insert([{ enrolmentId: enrolment.id, lessonId: lesson.id }, { enrolmentId: enrolment.id, lessonId: other.id }]);

    await structure.updateLesson(organiser, lesson.id, { type: 'TEXT', title: text('Introducción revisada'), body: text('Nuevo texto') });
    expect((await appError(structure.updateLesson(organiser, lesson.id, { type: 'QUIZ', title: text('x') }))).messageKey).toBe('learning:lessonTypeLocked');
    await structure.deleteLesson(organiser, other.id);
    const hidden = await dataSource.getRepository(Lesson).findOneByOrFail({ id: other.id });
    expect(hidden.deletedAt).toBeInstanceOf(Date);
    await structure.deleteModule(organiser, module.id);
    expect((await dataSource.getRepository(CourseModule).findOneByOrFail({ id: module.id })).deletedAt).toBeInstanceOf(Date);
    expect(await dataSource.getRepository(LessonCompletion).countBy({ enrolmentId: enrolment.id })).toBe(2);
    expect(await structure.findLesson(lesson.id)).toBeNull();
  });

  it('deletes for real in a never-published course', async () => {
    const { module, lesson } = await publishable();
    await structure.deleteLesson(organiser, lesson.id);
    expect(await dataSource.getRepository(Lesson).existsBy({ id: lesson.id })).toBe(false);
    await structure.deleteModule(organiser, module.id);
    expect(await dataSource.getRepository(CourseModule).existsBy({ id: module.id })).toBe(false);
  });

  it('keeps capacity and country seats at or above what is taken; cancels only unused offerings', async () => {
    const course = await courses.create(organiser, courseInput({ format: 'COHORT', enrolmentPolicy: 'APPROVAL' }));
    const offering = await offerings.create(organiser, course.id, {
      startsOn: '2027-05-01',
      endsOn: '2027-06-30',
      capacity: 20,
      waitlistEnabled: false,
      countrySeats: [{ countryCode: 'cl', seats: 5 }, { countryCode: 'PE', seats: 5 }],
    });
    expect(await dataSource.getRepository(OfferingCountrySeats).countBy({ offeringId: offering.id })).toBe(2);
    expect(
      (await appError(offerings.create(organiser, course.id, { startsOn: '2027-05-01', endsOn: '2027-04-01', waitlistEnabled: false }))).extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await appError(offerings.create(organiser, course.id, { startsOn: '2027-05-01', endsOn: '2027-06-01', capacity: 4, waitlistEnabled: false, countrySeats: [{ countryCode: 'CL', seats: 5 }] })))
        .messageKey,
    ).toBe('errors:badUserInput');

    await dataSource.query(`UPDATE course_offerings SET seats_taken = 8 WHERE id = $1`, [offering.id]);
    await dataSource.query(`UPDATE offering_country_seats SET taken = 3 WHERE offering_id = $1 AND country_code = 'CL'`, [offering.id]);
    expect((await appError(offerings.update(organiser, offering.id, { startsOn: '2027-05-01', endsOn: '2027-06-30', capacity: 7, waitlistEnabled: false }))).messageKey).toBe(
      'learning:capacityBelowTaken',
    );
    expect(
      (await appError(offerings.update(organiser, offering.id, { startsOn: '2027-05-01', endsOn: '2027-06-30', capacity: 20, waitlistEnabled: false, countrySeats: [{ countryCode: 'CL', seats: 2 }] })))
        .messageKey,
    ).toBe('learning:countrySeatsBelowTaken');
    const updated = await offerings.update(organiser, offering.id, {
      startsOn: '2027-05-01',
      endsOn: '2027-06-30',
      capacity: 8,
      waitlistEnabled: true,
      countrySeats: [{ countryCode: 'CL', seats: 3 }],
    });
    expect(updated.capacity).toBe(8);
    const seats = await dataSource.getRepository(OfferingCountrySeats).findBy({ offeringId: offering.id });
    expect(seats.map((s) => [s.countryCode, s.seats, s.taken])).toEqual([['CL', 3, 3]]);

    await dataSource.getRepository(Enrolment).insert({ courseId: course.id, offeringId: offering.id, userId: learner.id, status: 'REQUESTED' });
    expect((await appError(offerings.cancel(organiser, offering.id))).messageKey).toBe('learning:offeringHasEnrolments');
    const spare = await offerings.create(organiser, course.id, { startsOn: '2027-09-01', endsOn: '2027-10-01', waitlistEnabled: false });
    expect((await offerings.cancel(organiser, spare.id)).cancelledAt).toBeInstanceOf(Date);
    expect((await appError(offerings.cancel(organiser, spare.id))).extensions.code).toBe('CONFLICT');
  });

  it('a self-paced course has a single offering', async () => {
    const course = await courses.create(organiser, courseInput());
    expect((await appError(offerings.create(organiser, course.id, { waitlistEnabled: false }))).messageKey).toBe('learning:selfPacedSingleOffering');
  });

  it('programmes: ordered courses, published only when every course is', async () => {
    const a = await publishable();
    const b = await publishable();
    await courses.publish(organiser, a.course.id);
    const programme = await programmes.create(organiser, {
      title: text('Trayecto de liderazgo'),
      summary: text('Dos cursos.'),
      courseIds: [b.course.id, a.course.id],
      certificateIssuer: 'Alianza Regional por la Educación',
      certificateSignatories: [],
    });
    expect((await programmes.coursesOf([programme.id])).map((p) => p.courseId)).toEqual([b.course.id, a.course.id]);
    // A programme certificate needs a signatory before the programme can be published.
    expect((await appError(programmes.publish(organiser, programme.id))).messageKey).toBe('learning:publishNeedsSignatory');
    await programmes.update(organiser, programme.id, {
      title: text('Trayecto de liderazgo'),
      summary: text('Dos cursos.'),
      courseIds: [b.course.id, a.course.id],
      certificateIssuer: 'Alianza Regional por la Educación',
      certificateSignatories: [{ name: 'Ana Gómez', title: 'Coordinadora', organisation: 'Secretaría' }],
    });
    expect((await appError(programmes.publish(organiser, programme.id))).messageKey).toBe('learning:programmeCoursesUnpublished');
    await courses.publish(organiser, b.course.id);
    expect((await programmes.publish(organiser, programme.id)).status).toBe('PUBLISHED');
    expect(
      (await appError(programmes.create(organiser, { title: text('x'), summary: text('y'), courseIds: [a.course.id, a.course.id], certificateIssuer: 'Alianza', certificateSignatories: [] })))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect((await programmes.archive(organiser, programme.id)).status).toBe('ARCHIVED');
  });
});
