import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { CertificatesService } from '@alliance/server-certificates';
import { AppError, parseInput } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { NotificationsService } from '@alliance/server-notifications';
import { ErrorCode, type Locale } from '@alliance/shared-core';
import { answersSchema, isUuid, textIn } from './enrolment-input';
import { EnrolmentService, returnedRows, type LearningActor } from './enrolment.service';
import { Course, Enrolment, Lesson, LessonCompletion, Offering, Programme, QuizAttempt, QuizQuestion, type QuizAnswerData } from './entities';
import { LEARNING_STATUSES } from './learning.constants';

export interface QuestionFeedbackView {
  questionId: string;
  correct: boolean;
  correctOptionIds: string[];
  explanation: string | null;
}

export interface GradedAttempt {
  attempt: QuizAttempt;
  feedback: QuestionFeedbackView[];
}

/** Grades answers against the questions: a question counts only when exactly its correct options are chosen. */
export function gradeQuiz(questions: QuizQuestion[], answers: QuizAnswerData[], locale: Locale): { score: number; feedback: QuestionFeedbackView[] } {
  const given = new Map(answers.map((a) => [a.questionId, new Set(a.optionIds)]));
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  const feedback = ordered.map((q) => {
    const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
    const chosen = given.get(q.id) ?? new Set<string>();
    const correct =
      (q.kind === 'SINGLE' ? chosen.size === 1 : chosen.size > 0) && chosen.size === correctIds.length && correctIds.every((id) => chosen.has(id));
    const explanation = textIn(q.explanation, locale);
    return { questionId: q.id, correct, correctOptionIds: correctIds, explanation: explanation || null };
  });
  const right = feedback.filter((f) => f.correct).length;
  return { score: ordered.length ? Math.floor((right * 100) / ordered.length) : 0, feedback };
}

/**
 * Learning progress: lesson completion, quiz attempts graded on the server, stored progress, and
 * completion. Each learner's events are serialised by locking their enrolment row; completion is one
 * conditional UPDATE (fires once), and the certificate request and notification ride in the same
 * transaction, so they exist if and only if the completion does.
 */
@Injectable()
export class ProgressService {
  private readonly logger = new Logger(ProgressService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly certificates: CertificatesService,
    private readonly notifications: NotificationsService,
  ) {}

  async completeLesson(actor: LearningActor, lessonId: string): Promise<Enrolment> {
    return this.dataSource.transaction(async (manager) => {
      const { lesson, enrolment } = await this.learnerLesson(manager, actor, lessonId);
      if (lesson.type === 'QUIZ') throw AppError.conflict('enrolment:quizNeedsPass');
      await manager.query(`INSERT INTO lesson_completions (enrolment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [enrolment.id, lesson.id]);
      return this.afterProgress(manager, actor, enrolment);
    });
  }

  async submitQuizAttempt(actor: LearningActor, lessonId: string, answers: QuizAnswerData[]): Promise<GradedAttempt> {
    const values = parseInput(answersSchema, answers ?? []);
    return this.dataSource.transaction(async (manager) => {
      const { lesson, enrolment } = await this.learnerLesson(manager, actor, lessonId);
      if (lesson.type !== 'QUIZ') throw AppError.conflict('enrolment:notAQuiz');
      const questions = await manager.find(QuizQuestion, { where: { lessonId: lesson.id }, order: { position: 'ASC' } });
      if (!questions.length) throw AppError.conflict('enrolment:notAQuiz');
      const byId = new Map(questions.map((q) => [q.id, q]));
      const seen = new Set<string>();
      for (const [i, answer] of values.entries()) {
        const question = byId.get(answer.questionId);
        const options = new Set(question?.options.map((o) => o.id));
        if (!question || seen.has(answer.questionId) || answer.optionIds.some((id) => !options.has(id))) {
          throw AppError.badInput([{ field: `answers.${i}`, key: 'enrolment:answersInvalid' }], 'enrolment:answersInvalid');
        }
        seen.add(answer.questionId);
      }
      // The enrolment row is locked (learnerLesson), so counting then inserting cannot race; the
      // unique (enrolment, lesson, number) index would refuse a duplicate number anyway.
      const [{ used }] = (await manager.query(`SELECT count(*)::int AS used FROM quiz_attempts WHERE enrolment_id = $1 AND lesson_id = $2`, [
        enrolment.id,
        lesson.id,
      ])) as Array<{ used: number }>;
      if (lesson.maxAttempts !== null && used >= lesson.maxAttempts) throw AppError.conflict('enrolment:noAttemptsLeft', { max: lesson.maxAttempts });
      const { score, feedback } = gradeQuiz(questions, values, actor.locale ?? 'es');
      const passed = score >= (lesson.passMark ?? 100);
      const attempt = await manager.save(
        manager.create(QuizAttempt, { enrolmentId: enrolment.id, lessonId: lesson.id, number: used + 1, answers: values, score, passed }),
      );
      if (passed) {
        await manager.query(`INSERT INTO lesson_completions (enrolment_id, lesson_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [enrolment.id, lesson.id]);
        await this.afterProgress(manager, actor, enrolment);
      } else {
        await manager.update(Enrolment, { id: enrolment.id }, { lastActivityAt: new Date() });
      }
      return { attempt, feedback };
    });
  }

  /** Feedback of a stored attempt, in the reader's language (questions as they are now). */
  async feedbackOf(attempts: QuizAttempt[], locale: Locale): Promise<Map<string, QuestionFeedbackView[]>> {
    const lessonIds = [...new Set(attempts.map((a) => a.lessonId))];
    const questions = lessonIds.length ? await this.dataSource.getRepository(QuizQuestion).findBy({ lessonId: In(lessonIds) }) : [];
    const result = new Map<string, QuestionFeedbackView[]>();
    for (const a of attempts) result.set(a.id, gradeQuiz(questions.filter((q) => q.lessonId === a.lessonId), a.answers, locale).feedback);
    return result;
  }

  /** The enrolment that gives the viewer access to the lesson, locked for this transaction. */
  private async learnerLesson(manager: EntityManager, actor: LearningActor, lessonId: string): Promise<{ lesson: Lesson; enrolment: Enrolment }> {
    const lesson = isUuid(lessonId) ? await manager.findOneBy(Lesson, { id: lessonId, deletedAt: IsNull() }) : null;
    if (!lesson) throw AppError.notFound('enrolment:lessonNotFound');
    const enrolment = await manager.findOne(Enrolment, { where: { courseId: lesson.courseId, userId: actor.id }, lock: { mode: 'pessimistic_write' } });
    if (!enrolment || !LEARNING_STATUSES.includes(enrolment.status)) throw AppError.forbidden('enrolment:notEnrolled');
    return { lesson, enrolment };
  }

  /** Stores progress, moves APPROVED to ENROLLED on the first activity, and completes when the rules are met. */
  private async afterProgress(manager: EntityManager, actor: LearningActor, enrolment: Enrolment): Promise<Enrolment> {
    let current = enrolment;
    if (current.status === 'APPROVED') current = await this.enrolments.transition(manager, current, 'ENROLLED', actor, null);
    const [state] = (await manager.query(
      `SELECT count(*) FILTER (WHERE l.required)::int AS required,
              count(c.lesson_id) FILTER (WHERE l.required)::int AS done,
              count(*) FILTER (WHERE l.type = 'QUIZ' AND c.lesson_id IS NULL)::int AS quizzes_open
         FROM lessons l
         JOIN course_modules m ON m.id = l.module_id AND m.deleted_at IS NULL
         LEFT JOIN lesson_completions c ON c.lesson_id = l.id AND c.enrolment_id = $2
        WHERE l.course_id = $1 AND l.deleted_at IS NULL`,
      [current.courseId, current.id],
    )) as Array<{ required: number; done: number; quizzes_open: number }>;
    const percent = state.required ? Math.floor((state.done * 100) / state.required) : 0;
    if (current.status !== 'COMPLETED') {
      await manager.update(Enrolment, { id: current.id }, { completedLessons: state.done, progressPercent: percent, lastActivityAt: new Date() });
    } else {
      await manager.update(Enrolment, { id: current.id }, { lastActivityAt: new Date() });
    }
    if (state.required > 0 && state.done === state.required && state.quizzes_open === 0 && current.status !== 'COMPLETED') {
      await this.complete(manager, actor, current.id);
    }
    return manager.findOneByOrFail(Enrolment, { id: current.id });
  }

  /** Completion: fires once (conditional UPDATE), then certificate, notification and programmes. */
  private async complete(manager: EntityManager, actor: LearningActor, enrolmentId: string): Promise<void> {
    const rows = returnedRows<{ id: string; status: string }>(
      await manager.query(
        `UPDATE enrolments e SET status = 'COMPLETED', completed_at = now(), progress_percent = 100, updated_at = now()
           FROM (SELECT id, status FROM enrolments WHERE id = $1) old
          WHERE e.id = old.id AND e.status <> 'COMPLETED' RETURNING e.id, old.status`,
        [enrolmentId],
      ),
    );
    if (!rows.length) return;
    await this.enrolments.recordEvent(manager, enrolmentId, rows[0].status as Enrolment['status'], 'COMPLETED', actor, null);
    const enrolment = await manager.findOneByOrFail(Enrolment, { id: enrolmentId });
    const course = await manager.findOneByOrFail(Course, { id: enrolment.courseId });
    const offering = await manager.findOneByOrFail(Offering, { id: enrolment.offeringId });
    const user = await manager.findOneByOrFail(User, { id: enrolment.userId! });
    const title = textIn(course.title, user.preferredLocale);
    const started = offering.startsOn && offering.endsOn ? offering.startsOn : enrolment.createdAt.toISOString().slice(0, 10);
    const ended = offering.startsOn && offering.endsOn ? offering.endsOn : new Date().toISOString().slice(0, 10);
    const certificateId = await this.requestCertificate(manager, {
      kind: 'COURSE_COMPLETION',
      achievementKey: `course:${course.id}`,
      user,
      title,
      hours: course.estimatedHours,
      startDate: started,
      endDate: ended,
      issuerName: course.certificateIssuer,
      signatories: course.certificateSignatories ?? [],
    });
    if (certificateId) await manager.update(Enrolment, { id: enrolmentId }, { certificateId });
    await this.notifications.notify(manager, {
      userIds: [user.id],
      type: 'learning.completed',
      data: { title, kind: 'course' },
      link: `/courses/${course.slug}`,
      dedupeKey: `course:${course.id}`,
    });
    await this.completeProgrammes(manager, user, course.id);
  }

  /**
   * Programmes with this course whose every course the person completed. The person's completions
   * are serialised by an advisory lock, so two courses finished at once still see each other;
   * programme_completions' primary key makes the certificate request fire once.
   */
  private async completeProgrammes(manager: EntityManager, user: User, courseId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`learning:completion:${user.id}`]);
    const candidates = (await manager.query(
      `SELECT pc.programme_id,
              count(*)::int AS total,
              count(e.id) FILTER (WHERE e.status = 'COMPLETED')::int AS done,
              min(e.created_at) AS started
         FROM programme_courses pc
         JOIN programmes p ON p.id = pc.programme_id AND p.status <> 'DRAFT'
         LEFT JOIN enrolments e ON e.course_id = pc.course_id AND e.user_id = $2
        WHERE pc.programme_id IN (SELECT programme_id FROM programme_courses WHERE course_id = $1)
        GROUP BY pc.programme_id`,
      [courseId, user.id],
    )) as Array<{ programme_id: string; total: number; done: number; started: Date | null }>;
    for (const c of candidates) {
      if (c.total === 0 || c.done !== c.total) continue;
      const inserted = returnedRows<{ programme_id: string }>(
        await manager.query(`INSERT INTO programme_completions (programme_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING programme_id`, [
          c.programme_id,
          user.id,
        ]),
      );
      if (!inserted.length) continue;
      const programme = await manager.findOneByOrFail(Programme, { id: c.programme_id });
      const [hours] = (await manager.query(
        `SELECT coalesce(sum(c.estimated_hours), 0)::float AS hours FROM programme_courses pc JOIN courses c ON c.id = pc.course_id WHERE pc.programme_id = $1`,
        [programme.id],
      )) as Array<{ hours: number }>;
      const title = textIn(programme.title, user.preferredLocale);
      const certificateId = await this.requestCertificate(manager, {
        kind: 'PROGRAMME_COMPLETION',
        achievementKey: `programme:${programme.id}`,
        user,
        title,
        hours: hours.hours || null,
        startDate: c.started ? new Date(c.started).toISOString().slice(0, 10) : null,
        endDate: new Date().toISOString().slice(0, 10),
        issuerName: programme.certificateIssuer,
        signatories: programme.certificateSignatories ?? [],
      });
      if (certificateId) await manager.query(`UPDATE programme_completions SET certificate_id = $3 WHERE programme_id = $1 AND user_id = $2`, [programme.id, user.id, certificateId]);
      await this.notifications.notify(manager, {
        userIds: [user.id],
        type: 'learning.completed',
        data: { title, kind: 'programme' },
        link: `/programmes/${programme.slug}`,
        dedupeKey: `programme:${programme.id}`,
      });
    }
  }

  /**
   * Asks the certificates service, in this transaction. A course whose certificate data the
   * certificates service refuses (e.g. no signatory) still completes; the refusal is logged for
   * the organisers rather than taking the learner's completion away. Validation happens before any
   * SQL, so the transaction stays usable.
   */
  private async requestCertificate(
    manager: EntityManager,
    r: {
      kind: 'COURSE_COMPLETION' | 'PROGRAMME_COMPLETION';
      achievementKey: string;
      user: User;
      title: string;
      hours: number | null;
      startDate: string | null;
      endDate: string | null;
      issuerName: string;
      signatories: Array<{ name: string; title: string; organisation: string }>;
    },
  ): Promise<string | null> {
    try {
      const { certificate } = await this.certificates.requestCertificate(manager, {
        kind: r.kind,
        achievementKey: r.achievementKey,
        recipientUserId: r.user.id,
        recipientName: r.user.name,
        recipientEmail: r.user.email,
        locale: r.user.preferredLocale,
        title: r.title,
        hours: r.hours,
        startDate: r.startDate,
        endDate: r.endDate,
        issuerName: r.issuerName,
        signatories: r.signatories,
      });
      return certificate.id;
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.BadUserInput) {
        this.logger.error(`No certificate for ${r.achievementKey} (user ${r.user.id}): ${JSON.stringify(error.fieldErrors)}`);
        return null;
      }
      throw error;
    }
  }

  // ---------------------------------------------------------------- reads for the resolvers

  completedLessonIds(enrolmentIds: readonly string[]): Promise<LessonCompletion[]> {
    if (!enrolmentIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(LessonCompletion).findBy({ enrolmentId: In([...enrolmentIds]) });
  }

  attemptsOf(enrolmentId: string, lessonId: string): Promise<QuizAttempt[]> {
    return this.dataSource.getRepository(QuizAttempt).find({ where: { enrolmentId, lessonId }, order: { number: 'DESC' } });
  }
}
