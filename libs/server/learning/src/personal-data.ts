import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type AnonymiseContext, type PersonalDataContributor } from '@alliance/server-identity';

/**
 * Learning's share of a person's data: enrolments, lesson progress, quiz attempts and programme
 * completions. Deletion keeps every row (course totals, completion rates and reports count them);
 * only names copied into the history and an invited address are replaced.
 */
@Injectable()
export class LearningPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'learning';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const enrolments = await manager.query(
      `SELECT e.id, c.slug AS course, c.title AS "courseTitle", o.name AS offering, e.status, e.country_code AS "countryCode",
              e.organisation_name AS "organisationName", e.completed_lessons AS "completedLessons", e.progress_percent AS "progressPercent",
              e.last_activity_at AS "lastActivityAt", e.completed_at AS "completedAt", e.created_at AS "enrolledAt",
              (SELECT code FROM certificates WHERE id = e.certificate_id) AS "certificateCode"
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_offerings o ON o.id = e.offering_id
        WHERE e.user_id = $1 ORDER BY e.created_at`,
      [userId],
    );
    const lessonProgress = await manager.query(
      `SELECT lc.enrolment_id AS "enrolmentId", l.title AS lesson, lc.completed_at AS "completedAt"
         FROM lesson_completions lc JOIN enrolments e ON e.id = lc.enrolment_id JOIN lessons l ON l.id = lc.lesson_id
        WHERE e.user_id = $1 ORDER BY lc.completed_at`,
      [userId],
    );
    const quizAttempts = await manager.query(
      `SELECT q.enrolment_id AS "enrolmentId", l.title AS lesson, q.number, q.answers, q.score, q.passed, q.created_at AS "createdAt"
         FROM quiz_attempts q JOIN enrolments e ON e.id = q.enrolment_id JOIN lessons l ON l.id = q.lesson_id
        WHERE e.user_id = $1 ORDER BY q.created_at`,
      [userId],
    );
    const programmeCompletions = await manager.query(
      `SELECT p.slug AS programme, p.title, pc.completed_at AS "completedAt"
         FROM programme_completions pc JOIN programmes p ON p.id = pc.programme_id WHERE pc.user_id = $1 ORDER BY pc.completed_at`,
      [userId],
    );
    return { enrolments, lessonProgress, quizAttempts, programmeCompletions };
  }

  async anonymise(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void> {
    await manager.query(`UPDATE enrolment_events SET actor_name = $2 WHERE actor_id = $1 AND actor_name IS NOT NULL`, [userId, context.placeholderName]);
    // An invitation to the old address (no account linked yet) must not pass to whoever reuses it.
    await manager.query(`UPDATE enrolments SET invited_email = $2, updated_at = now() WHERE invited_email = $1`, [context.previousEmail, context.placeholderEmail]);
  }
}
