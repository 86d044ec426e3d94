import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { NotificationsService } from '@alliance/server-notifications';
import { decisionSchema, isUuid, noteSchema, requiredNoteSchema, textIn } from './enrolment-input';
import { Course, Enrolment, EnrolmentEvent, Offering } from './entities';
import type { EnrolmentStatus } from './learning.constants';
import { isEditor as isOrganiser, requireEditor as requireOrganiser, returnedRows, type LearningActor } from './util';
import { catalogueChanged } from './catalogue-cache';

// One definition of the actor and the role check for the whole library (util.ts); the old names stay
// for the enrolment side's readers.
export type { LearningActor } from './util';
export { isEditor as isOrganiser, requireEditor as requireOrganiser, returnedRows } from './util';

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/** Statuses after which nothing else happens to the enrolment (until a reused WITHDRAWN/REJECTED row). */
export const FINAL_STATUSES: readonly EnrolmentStatus[] = ['COMPLETED', 'WITHDRAWN', 'REJECTED'];
/** A person with a row in one of these statuses can enrol again, reusing the row. */
const REUSABLE_STATUSES: readonly EnrolmentStatus[] = ['WITHDRAWN', 'REJECTED'];

export interface EnrolmentListArgs extends PageArgs {
  status?: EnrolmentStatus | null;
  search?: string | null;
}

export interface PersonSnapshot {
  countryCode: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

/** Enrolment window: course published, offering not cancelled, inside the dates. */
export function offeringOpen(course: Pick<Course, 'status'>, offering: Offering, now = new Date()): boolean {
  if (course.status !== 'PUBLISHED' || offering.cancelledAt) return false;
  if (offering.enrolmentOpensAt && offering.enrolmentOpensAt.getTime() > now.getTime()) return false;
  if (offering.enrolmentClosesAt && offering.enrolmentClosesAt.getTime() <= now.getTime()) return false;
  if (offering.endsOn && offering.endsOn < now.toISOString().slice(0, 10)) return false;
  return true;
}

/**
 * The enrolment state machine: enrol, approve/reject, withdraw, remove, waitlist promotion. Seats
 * are counted only by conditional UPDATEs on course_offerings / offering_country_seats inside the
 * transaction that changes the enrolment, so the counters and the rows never disagree. Every
 * transition writes an enrolment_events row.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  // ---------------------------------------------------------------- commands

  async enrol(actor: LearningActor, offeringId: string): Promise<Enrolment> {
    if (!isUuid(offeringId)) throw AppError.notFound('enrolment:offeringNotFound');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { offering, course } = await this.offeringWithCourse(manager, offeringId);
        const existing = await manager.findOne(Enrolment, { where: { courseId: course.id, userId: actor.id }, lock: { mode: 'pessimistic_write' } });
        if (existing?.status === 'NOMINATED') {
          // A nomination or invitation already holds the seat: the person accepts it.
          if (course.enrolmentPolicy === 'APPROVAL') throw AppError.conflict('enrolment:awaitingApproval');
          return this.transition(manager, existing, 'ENROLLED', actor, null);
        }
        if (existing && !REUSABLE_STATUSES.includes(existing.status)) throw AppError.conflict('enrolment:alreadyEnrolled');
        if (!offeringOpen(course, offering)) throw AppError.conflict('enrolment:closed');
        if (course.enrolmentPolicy === 'INVITATION') throw AppError.forbidden('enrolment:invitationOnly');
        const missing = await this.missingPrerequisites(manager, course.id, actor.id, actor.locale);
        if (missing.length) throw AppError.conflict('enrolment:prerequisitesMissing', { names: missing.join(', ') });

        let status: EnrolmentStatus;
        let holdsSeat = false;
        if (course.enrolmentPolicy === 'APPROVAL') status = 'REQUESTED';
        else if (await this.takeSeat(manager, offering.id)) {
          status = 'ENROLLED';
          holdsSeat = true;
        } else if (offering.waitlistEnabled) status = 'WAITLISTED';
        else throw AppError.conflict('enrolment:full');

        const person = await this.personSnapshot(manager, actor.id);
        if (existing) {
          return this.transition(manager, existing, status, actor, null, {
            offeringId: offering.id,
            holdsSeat,
            seatCountryCode: null,
            nominatedById: null,
            completedAt: null,
            ...person,
          });
        }
        const created = await this.insertRow(manager, { courseId: course.id, offeringId: offering.id, userId: actor.id, status, holdsSeat, ...person });
        // A concurrent call of the same person inserted first: the unique index kept one row.
        if (!created) throw AppError.conflict('enrolment:alreadyEnrolled');
        await this.recordEvent(manager, created.id, null, status, actor, null);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('enrolment:alreadyEnrolled');
      throw error;
    }
  }

  async withdraw(actor: LearningActor, id: string, note?: string | null): Promise<Enrolment> {
    const text = parseInput(noteSchema, note);
    return this.dataSource.transaction(async (manager) => {
      const enrolment = await this.lock(manager, id);
      if (enrolment.userId !== actor.id) throw AppError.notFound('enrolment:notFound');
      if (FINAL_STATUSES.includes(enrolment.status)) throw AppError.conflict('enrolment:notWithdrawable');
      return this.leave(manager, enrolment, 'WITHDRAWN', actor, text);
    });
  }

  /** Organiser-side removal: a note is required and the learner is told. */
  async remove(actor: LearningActor, id: string, note: string): Promise<Enrolment> {
    requireOrganiser(actor);
    const text = parseInput(requiredNoteSchema, note);
    return this.dataSource.transaction(async (manager) => {
      const enrolment = await this.lock(manager, id);
      if (FINAL_STATUSES.includes(enrolment.status)) throw AppError.conflict('enrolment:notRemovable');
      const course = await manager.findOneByOrFail(Course, { id: enrolment.courseId });
      const removed = await this.leave(manager, enrolment, 'WITHDRAWN', actor, text);
      await this.notifyLearner(manager, removed, course, 'WITHDRAWN', text);
      return removed;
    });
  }

  async decide(actor: LearningActor, id: string, decision: 'APPROVE' | 'REJECT', note?: string | null): Promise<Enrolment> {
    requireOrganiser(actor);
    const choice = parseInput(decisionSchema, decision);
    const text = parseInput(noteSchema, note);
    return this.dataSource.transaction(async (manager) => {
      const enrolment = await this.lock(manager, id);
      if (enrolment.status !== 'REQUESTED' && enrolment.status !== 'NOMINATED') throw AppError.conflict('enrolment:notPending');
      const course = await manager.findOneByOrFail(Course, { id: enrolment.courseId });
      let result: Enrolment;
      if (choice === 'REJECT') {
        result = await this.leave(manager, enrolment, 'REJECTED', actor, text);
      } else if (enrolment.holdsSeat) {
        result = await this.transition(manager, enrolment, 'APPROVED', actor, text);
      } else if (await this.takeSeat(manager, enrolment.offeringId)) {
        result = await this.transition(manager, enrolment, 'APPROVED', actor, text, { holdsSeat: true });
      } else {
        const offering = await manager.findOneByOrFail(Offering, { id: enrolment.offeringId });
        if (!offering.waitlistEnabled) throw AppError.conflict('enrolment:full');
        result = await this.transition(manager, enrolment, 'WAITLISTED', actor, text);
      }
      await this.notifyLearner(manager, result, course, result.status, text);
      return result;
    });
  }

  // ---------------------------------------------------------------- building blocks (also used by nominations and progress)

  /** One seat of the offering, or false when it is full. Never read-then-write. */
  async takeSeat(manager: EntityManager, offeringId: string): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE course_offerings SET seats_taken = seats_taken + 1, updated_at = now()
          WHERE id = $1 AND (capacity IS NULL OR seats_taken < capacity) RETURNING id`,
        [offeringId],
      ),
    );
    // Seats left show on the catalogue cards.
    if (rows.length === 1) catalogueChanged(manager);
    return rows.length === 1;
  }

  /** 'none' when the offering has no quota for the country; otherwise whether a quota seat was taken. */
  async takeCountrySeat(manager: EntityManager, offeringId: string, countryCode: string): Promise<'none' | 'taken' | 'exhausted'> {
    const rows = returnedRows<{ offering_id: string }>(
      await manager.query(
        `UPDATE offering_country_seats SET taken = taken + 1 WHERE offering_id = $1 AND country_code = $2 AND taken < seats RETURNING offering_id`,
        [offeringId, countryCode],
      ),
    );
    if (rows.length) return 'taken';
    const [quota] = await manager.query(`SELECT 1 FROM offering_country_seats WHERE offering_id = $1 AND country_code = $2`, [offeringId, countryCode]);
    return quota ? 'exhausted' : 'none';
  }

  async releaseSeat(manager: EntityManager, offeringId: string, seatCountryCode: string | null): Promise<void> {
    await manager.query(`UPDATE course_offerings SET seats_taken = seats_taken - 1, updated_at = now() WHERE id = $1 AND seats_taken > 0`, [offeringId]);
    catalogueChanged(manager);
    if (seatCountryCode) {
      await manager.query(`UPDATE offering_country_seats SET taken = taken - 1 WHERE offering_id = $1 AND country_code = $2 AND taken > 0`, [offeringId, seatCountryCode]);
    }
  }

  /** Changes the status (and other columns), and writes the audit event. */
  async transition(
    manager: EntityManager,
    enrolment: Enrolment,
    to: EnrolmentStatus,
    actor: Pick<LearningActor, 'id' | 'name'> | null,
    note: string | null,
    patch: Partial<Omit<Enrolment, 'id' | 'status'>> = {},
  ): Promise<Enrolment> {
    const from = enrolment.status;
    await manager.update(Enrolment, { id: enrolment.id }, { status: to, ...patch });
    await this.recordEvent(manager, enrolment.id, from, to, actor, note);
    return manager.findOneByOrFail(Enrolment, { id: enrolment.id });
  }

  async recordEvent(
    manager: EntityManager,
    enrolmentId: string,
    from: EnrolmentStatus | null,
    to: EnrolmentStatus,
    actor: Pick<LearningActor, 'id' | 'name'> | null,
    note: string | null,
  ): Promise<void> {
    // clock_timestamp(), not now(): several events of one transaction must keep their order.
    await manager.query(
      `INSERT INTO enrolment_events (enrolment_id, from_status, to_status, actor_id, actor_name, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())`,
      [enrolmentId, from, to, actor?.id ?? null, actor?.name.slice(0, 120) ?? null, note],
    );
  }

  /**
   * Inserts a new enrolment; null when the person (or invited address) already has one in the course
   * (ON CONFLICT on the unique indexes: a concurrent duplicate waits for the other insert, then skips).
   */
  async insertRow(
    manager: EntityManager,
    values: Pick<Enrolment, 'courseId' | 'offeringId' | 'status' | 'holdsSeat'> &
      Partial<Pick<Enrolment, 'userId' | 'invitedEmail' | 'seatCountryCode' | 'countryCode' | 'organisationId' | 'organisationName' | 'nominatedById'>>,
  ): Promise<Enrolment | null> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `INSERT INTO enrolments (course_id, offering_id, user_id, invited_email, status, holds_seat, seat_country_code, country_code, organisation_id, organisation_name, nominated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
        [
          values.courseId,
          values.offeringId,
          values.userId ?? null,
          values.invitedEmail ?? null,
          values.status,
          values.holdsSeat,
          values.seatCountryCode ?? null,
          values.countryCode ?? null,
          values.organisationId ?? null,
          values.organisationName ?? null,
          values.nominatedById ?? null,
        ],
      ),
    );
    return rows.length ? manager.findOneByOrFail(Enrolment, { id: rows[0].id }) : null;
  }

  /** Leaves the offering (withdrawn, removed or rejected): frees the seat and promotes the waitlist. */
  async leave(manager: EntityManager, enrolment: Enrolment, to: 'WITHDRAWN' | 'REJECTED', actor: LearningActor | null, note: string | null): Promise<Enrolment> {
    const { holdsSeat, seatCountryCode, offeringId } = enrolment;
    const left = await this.transition(manager, enrolment, to, actor, note, { holdsSeat: false, seatCountryCode: null });
    if (holdsSeat) {
      await this.releaseSeat(manager, offeringId, seatCountryCode);
      await this.promoteWaitlisted(manager, offeringId);
    }
    return left;
  }

  /** The longest-waiting person of the offering gets the freed seat (if it is still free). */
  async promoteWaitlisted(manager: EntityManager, offeringId: string): Promise<Enrolment | null> {
    const [next] = (await manager.query(
      `SELECT id FROM enrolments WHERE offering_id = $1 AND status = 'WAITLISTED' ORDER BY updated_at, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [offeringId],
    )) as Array<{ id: string }>;
    if (!next) return null;
    if (!(await this.takeSeat(manager, offeringId))) return null;
    const waiting = await manager.findOneByOrFail(Enrolment, { id: next.id });
    const promoted = await this.transition(manager, waiting, 'ENROLLED', null, null, { holdsSeat: true });
    const course = await manager.findOneByOrFail(Course, { id: promoted.courseId });
    await this.notifyLearner(manager, promoted, course, 'ENROLLED', null);
    return promoted;
  }

  /** Names (in `locale`) of the prerequisites of a course the person has not completed. */
  async missingPrerequisites(manager: EntityManager, courseId: string, userId: string, locale?: string | null): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT c.title FROM course_prerequisites p
         JOIN courses c ON c.id = p.prerequisite_id
         LEFT JOIN enrolments e ON e.course_id = p.prerequisite_id AND e.user_id = $2 AND e.status = 'COMPLETED'
        WHERE p.course_id = $1 AND e.id IS NULL
        ORDER BY c.slug`,
      [courseId, userId],
    )) as Array<{ title: Course['title'] }>;
    return rows.map((r) => textIn(r.title, locale));
  }

  /** Country and organisation of a person for reports (their profile country, first organisation). */
  async personSnapshot(manager: EntityManager, userId: string): Promise<PersonSnapshot> {
    const [row] = (await manager.query(
      `SELECT u.country_code, o.id AS organisation_id, o.name AS organisation_name
         FROM users u
         LEFT JOIN LATERAL (
           SELECT o.id, o.name FROM organisation_roles r JOIN organisations o ON o.id = r.organisation_id
            WHERE r.user_id = u.id ORDER BY (r.role = 'FOCAL_POINT') DESC, r.created_at LIMIT 1
         ) o ON true
        WHERE u.id = $1`,
      [userId],
    )) as Array<{ country_code: string | null; organisation_id: string | null; organisation_name: string | null }>;
    return { countryCode: row?.country_code?.trim() || null, organisationId: row?.organisation_id ?? null, organisationName: row?.organisation_name ?? null };
  }

  /** Tells the learner (if they have an account) about a status change, in their language. */
  async notifyLearner(manager: EntityManager, enrolment: Enrolment, course: Course, status: EnrolmentStatus, note: string | null): Promise<void> {
    if (!enrolment.userId) return;
    const user = await manager.findOneBy(User, { id: enrolment.userId });
    if (!user) return;
    await this.notifications.notify(manager, {
      userIds: [user.id],
      type: 'learning.enrolment',
      data: { course: textIn(course.title, user.preferredLocale), status, note: note ?? '' },
      link: `/courses/${course.slug}`,
    });
  }

  async offeringWithCourse(manager: EntityManager, offeringId: string): Promise<{ offering: Offering; course: Course }> {
    const offering = isUuid(offeringId) ? await manager.findOneBy(Offering, { id: offeringId }) : null;
    if (!offering) throw AppError.notFound('enrolment:offeringNotFound');
    const course = await manager.findOneByOrFail(Course, { id: offering.courseId });
    return { offering, course };
  }

  private async lock(manager: EntityManager, id: string): Promise<Enrolment> {
    const enrolment = isUuid(id) ? await manager.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!enrolment) throw AppError.notFound('enrolment:notFound');
    return enrolment;
  }

  // ---------------------------------------------------------------- reads

  async byId(id: string): Promise<Enrolment | null> {
    return isUuid(id) ? this.dataSource.getRepository(Enrolment).findOneBy({ id }) : null;
  }

  /** The viewer's enrolment, for the pages that act on it; organisers may read any. */
  async visible(actor: LearningActor, id: string): Promise<Enrolment> {
    const enrolment = await this.byId(id);
    if (!enrolment || (enrolment.userId !== actor.id && enrolment.nominatedById !== actor.id && !isOrganiser(actor))) {
      throw AppError.notFound('enrolment:notFound');
    }
    return enrolment;
  }

  ofUser(userId: string): Promise<Enrolment[]> {
    return this.dataSource.getRepository(Enrolment).find({ where: { userId }, order: { updatedAt: 'DESC', id: 'ASC' } });
  }

  ofUserInCourses(userId: string, courseIds: readonly string[]): Promise<Enrolment[]> {
    if (!courseIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Enrolment).findBy({ userId, courseId: In([...courseIds]) });
  }

  /** Enrolments a focal point nominated (their team), newest first. */
  nominatedBy(userId: string, courseId?: string | null): Promise<Enrolment[]> {
    if (courseId && !isUuid(courseId)) return Promise.resolve([]);
    return this.dataSource.getRepository(Enrolment).find({
      where: { nominatedById: userId, ...(courseId ? { courseId } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  async ofCourse(actor: LearningActor, courseId: string, args: EnrolmentListArgs): Promise<ConnectionShape<Enrolment>> {
    requireOrganiser(actor);
    if (!isUuid(courseId)) throw AppError.notFound('enrolment:courseNotFound');
    const qb = this.dataSource
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .leftJoin('users', 'u', 'u.id = e.user_id')
      .where('e.course_id = :courseId', { courseId });
    if (args.status) qb.andWhere('e.status = :status', { status: args.status });
    const search = args.search?.trim().slice(0, 100);
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.name ILIKE :like OR u.email ILIKE :like OR e.invited_email ILIKE :like OR e.organisation_name ILIKE :like)', { like });
    }
    return paginate(qb, args, {
      column: 'e.created_at',
      direction: 'DESC',
      valueOf: (e) => e.createdAt.toISOString(),
      idColumn: 'e.id',
      idOf: (e) => e.id,
    });
  }

  eventsOf(enrolmentIds: readonly string[]): Promise<EnrolmentEvent[]> {
    if (!enrolmentIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(EnrolmentEvent).find({ where: { enrolmentId: In([...enrolmentIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
