import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Certificate } from '@alliance/server-certificates';
import { UsersService } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { EnrolmentService, type LearningActor } from './enrolment.service';
import { Enrolment, EnrolmentEvent, Programme, ProgrammeCourse, QuizAttempt, type QuizQuestion } from './entities';
import { ProgressService, gradeQuiz } from './progress.service';
import { actorOf, appError, makeCourse, person, tag } from './testing/enrolment-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';

const question = (id: string, kind: 'SINGLE' | 'MULTIPLE', correct: boolean[]): QuizQuestion =>
  ({
    id,
    lessonId: 'l',
    position: Number(id.slice(1)),
    kind,
    prompt: { es: id },
    explanation: { es: `Explicación ${id}`, en: `Explanation ${id}` },
    options: correct.map((c, i) => ({ id: `${id}o${i}`, text: { es: String(i) }, correct: c })),
  }) as unknown as QuizQuestion;

describe('gradeQuiz', () => {
  const questions = [question('q1', 'SINGLE', [false, true, false]), question('q2', 'MULTIPLE', [true, false, true]), question('q3', 'MULTIPLE', [true, true, false])];

  it('counts a question only when exactly its correct options are chosen; score is rounded down', () => {
    const { score, feedback } = gradeQuiz(
      questions,
      [
        { questionId: 'q1', optionIds: ['q1o1'] },
        { questionId: 'q2', optionIds: ['q2o0'] }, // one of two correct options: wrong
        { questionId: 'q3', optionIds: ['q3o1', 'q3o0'] },
      ],
      'en',
    );
    expect(score).toBe(66);
    expect(feedback.map((f) => f.correct)).toEqual([true, false, true]);
    expect(feedback[1]).toEqual({ questionId: 'q2', correct: false, correctOptionIds: ['q2o0', 'q2o2'], explanation: 'Explanation q2' });
  });

  it('a single-choice question with extra options, an unanswered or an over-answered question is wrong', () => {
    expect(gradeQuiz(questions, [{ questionId: 'q1', optionIds: ['q1o1', 'q1o0'] }], 'es').score).toBe(0);
    expect(gradeQuiz(questions, [{ questionId: 'q2', optionIds: ['q2o0', 'q2o1', 'q2o2'] }], 'es').score).toBe(0);
    expect(gradeQuiz(questions, [], 'es').score).toBe(0);
    expect(
      gradeQuiz(
        questions,
        [
          { questionId: 'q1', optionIds: ['q1o1'] },
          { questionId: 'q2', optionIds: ['q2o2', 'q2o0'] },
          { questionId: 'q3', optionIds: ['q3o0', 'q3o1'] },
        ],
        'es',
      ).score,
    ).toBe(100);
  });
});

describe('ProgressService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let enrolments: EnrolmentService;
  let progress: ProgressService;
  let organiser: LearningActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    enrolments = app.get(EnrolmentService);
    progress = app.get(ProgressService);
    organiser = actorOf(await person(users, { roles: [Role.Organiser] }), [Role.Organiser]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const learner = async () => actorOf(await person(users));
  const reload = (id: string) => dataSource.getRepository(Enrolment).findOneByOrFail({ id });
  const certificatesFor = (userId: string, achievementKey: string) => dataSource.getRepository(Certificate).countBy({ recipientUserId: userId, achievementKey });
  const batches = async (userId: string, type: string): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM notification_batch WHERE type = $1 AND $2 = ANY(recipients)`, [type, userId]))[0].n;

  it('stores progress per completed lesson; marking twice is harmless; APPROVED becomes ENROLLED on first activity', async () => {
    const fx = await makeCourse(dataSource, { policy: 'APPROVAL', lessons: [{}, {}, {}, { required: false }] });
    const actor = await learner();
    const requested = await enrolments.enrol(actor, fx.offering.id);
    expect((await appError(progress.completeLesson(actor, fx.lessons[0].id))).messageKey).toBe('enrolment:notEnrolled');
    await enrolments.decide(organiser, requested.id, 'APPROVE');
    const after = await progress.completeLesson(actor, fx.lessons[0].id);
    expect([after.status, after.completedLessons, after.progressPercent]).toEqual(['ENROLLED', 1, 33]);
    await progress.completeLesson(actor, fx.lessons[0].id);
    await progress.completeLesson(actor, fx.lessons[3].id); // optional lesson: no change in progress
    expect(await reload(requested.id)).toMatchObject({ completedLessons: 1, progressPercent: 33, status: 'ENROLLED' });
    const trail = await dataSource.getRepository(EnrolmentEvent).find({ where: { enrolmentId: requested.id }, order: { createdAt: 'ASC' } });
    expect(trail.map((e) => e.toStatus)).toEqual(['REQUESTED', 'APPROVED', 'ENROLLED']);
  });

  it('a quiz lesson completes only by passing it; completion then asks for one certificate', async () => {
    const fx = await makeCourse(dataSource, {
      lessons: [{}, { type: 'QUIZ', passMark: 60, maxAttempts: null, questions: [{ kind: 'SINGLE', correct: [true, false] }, { kind: 'MULTIPLE', correct: [true, true, false] }] }],
    });
    const actor = await learner();
    const enrolment = await enrolments.enrol(actor, fx.offering.id);
    const quiz = fx.lessons[1];
    const [q1, q2] = fx.questions.get(quiz.id)!;
    expect((await appError(progress.completeLesson(actor, quiz.id))).messageKey).toBe('enrolment:quizNeedsPass');
    await progress.completeLesson(actor, fx.lessons[0].id);
    expect((await reload(enrolment.id)).progressPercent).toBe(50);

    const bad = await appError(progress.submitQuizAttempt(actor, quiz.id, [{ questionId: q1.id, optionIds: ['nope'] }]));
    expect(bad.extensions.code).toBe(ErrorCode.BadUserInput);
    expect(await dataSource.getRepository(QuizAttempt).countBy({ enrolmentId: enrolment.id })).toBe(0);

    const failed = await progress.submitQuizAttempt(actor, quiz.id, [
      { questionId: q1.id, optionIds: ['o00'] },
      { questionId: q2.id, optionIds: ['o10'] },
    ]);
    expect([failed.attempt.number, failed.attempt.score, failed.attempt.passed]).toEqual([1, 50, false]);
    expect(failed.feedback.map((f) => [f.correct, f.correctOptionIds])).toEqual([
      [true, ['o00']],
      [false, ['o10', 'o11']],
    ]);
    expect((await reload(enrolment.id)).status).toBe('ENROLLED');

    const passed = await progress.submitQuizAttempt(actor, quiz.id, [
      { questionId: q1.id, optionIds: ['o00'] },
      { questionId: q2.id, optionIds: ['o11', 'o10'] },
    ]);
    expect([passed.attempt.number, passed.attempt.score, passed.attempt.passed]).toEqual([2, 100, true]);
    const done = await reload(enrolment.id);
    expect([done.status, done.progressPercent, done.completedLessons]).toEqual(['COMPLETED', 100, 2]);
    expect(done.completedAt).not.toBeNull();
    expect(done.certificateId).not.toBeNull();
    const certificate = await dataSource.getRepository(Certificate).findOneByOrFail({ id: done.certificateId! });
    expect(certificate).toMatchObject({ kind: 'COURSE_COMPLETION', achievementKey: `course:${fx.course.id}`, recipientUserId: actor.id, title: 'Liderazgo pedagógico' });
    expect(await batches(actor.id, 'learning.completed')).toBe(1);
  });

  it('max attempts hold under concurrent submits', async () => {
    const fx = await makeCourse(dataSource, { lessons: [{ type: 'QUIZ', passMark: 100, maxAttempts: 3, questions: [{ kind: 'SINGLE', correct: [true, false] }] }] });
    const actor = await learner();
    const enrolment = await enrolments.enrol(actor, fx.offering.id);
    const quiz = fx.lessons[0];
    const [q] = fx.questions.get(quiz.id)!;
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => progress.submitQuizAttempt(actor, quiz.id, [{ questionId: q.id, optionIds: ['o01'] }])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(new Set(refused.map((r) => (r.reason as { messageKey?: string }).messageKey))).toEqual(new Set(['enrolment:noAttemptsLeft']));
    const attempts = await dataSource.getRepository(QuizAttempt).find({ where: { enrolmentId: enrolment.id }, order: { number: 'ASC' } });
    expect(attempts.map((a) => a.number)).toEqual([1, 2, 3]);
    expect((await appError(progress.submitQuizAttempt(actor, quiz.id, [{ questionId: q.id, optionIds: ['o00'] }]))).messageKey).toBe('enrolment:noAttemptsLeft');
  });

  it('completion fires once under concurrent completeLesson calls: one certificate, one notification, one event', async () => {
    const fx = await makeCourse(dataSource, { lessons: [{}, {}, {}] });
    const actor = await learner();
    const enrolment = await enrolments.enrol(actor, fx.offering.id);
    await progress.completeLesson(actor, fx.lessons[0].id);
    const calls = [...Array.from({ length: 6 }, () => fx.lessons[1].id), ...Array.from({ length: 6 }, () => fx.lessons[2].id)];
    const results = await Promise.allSettled(calls.map((id) => progress.completeLesson(actor, id)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const done = await reload(enrolment.id);
    expect(done.status).toBe('COMPLETED');
    expect(await certificatesFor(actor.id, `course:${fx.course.id}`)).toBe(1);
    expect(await batches(actor.id, 'learning.completed')).toBe(1);
    expect(await dataSource.getRepository(EnrolmentEvent).countBy({ enrolmentId: enrolment.id, toStatus: 'COMPLETED' })).toBe(1);
    const [render] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'certificate.render' AND payload->>'id' = $1`, [done.certificateId]);
    expect(render.n).toBe(1);
  });

  it('completing every course of a programme completes it once, with a programme certificate', async () => {
    const a = await makeCourse(dataSource, { lessons: [{}] });
    const b = await makeCourse(dataSource, { lessons: [{}] });
    const programme = await dataSource.getRepository(Programme).save({
      slug: `programa-${tag()}`,
      title: { es: 'Programa de liderazgo' },
      summary: {},
      status: 'PUBLISHED',
      certificateIssuer: 'Alianza Regional de Educación',
      certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza' }],
      createdById: null,
      publishedAt: new Date(),
    });
    await dataSource.getRepository(ProgrammeCourse).save([
      { programmeId: programme.id, courseId: a.course.id, position: 0 },
      { programmeId: programme.id, courseId: b.course.id, position: 1 },
    ]);
    const actor = await learner();
    await enrolments.enrol(actor, a.offering.id);
    await enrolments.enrol(actor, b.offering.id);
    await progress.completeLesson(actor, a.lessons[0].id);
    expect(await dataSource.query(`SELECT * FROM programme_completions WHERE programme_id = $1`, [programme.id])).toEqual([]);
    await progress.completeLesson(actor, b.lessons[0].id);
    const rows = await dataSource.query(`SELECT user_id, certificate_id FROM programme_completions WHERE programme_id = $1`, [programme.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].user_id).toBe(actor.id);
    expect(rows[0].certificate_id).not.toBeNull();
    expect(await certificatesFor(actor.id, `programme:${programme.id}`)).toBe(1);
  });
});
