import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { OrganisationRolesService } from '@alliance/server-alliance';
import { AppError, RateLimitService, paginate, type ConnectionShape, type PageArgs, pickLocalized } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { NotificationsService } from '@alliance/server-notifications';
import { JobHandlerRegistry, OutboxService, QueueName, type JobContext } from '@alliance/server-queue';
import { translator } from '@alliance/shared-i18n';
import { Workshop, WorkshopQuestion, WorkshopRegistration, WorkshopRegistrationEvent } from './entities';
import { REGISTRATION_LIMITS, validateAnswers, type AnswerValue } from './registration-rules';
import { canManageWorkshop, isUniqueViolation, isUuid, requireManagedWorkshop, returnedRows, type WorkshopActor } from './util';
import type { RegistrationStatus } from './workshops.constants';

/** Delayed job (notifications queue) that expires a seat offer nobody accepted in time. */
export const OFFER_EXPIRE_JOB = 'workshop.offer.expire';

/** A job may run a little early (timer granularity, clocks): an offer this close to its deadline counts as expired. */
const EXPIRY_TOLERANCE_MS = 5_000;

/** Rows that can be registered again, reusing the row (the unique index keeps one per person). */
const REUSABLE: readonly RegistrationStatus[] = ['CANCELLED', 'EXPIRED'];
/** Rows that still take part (may cancel). */
const ACTIVE: readonly RegistrationStatus[] = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED'];

export interface RegistrationListArgs extends PageArgs {
  status?: RegistrationStatus | null;
  search?: string | null;
}

/** Registration is possible: OPEN, inside the registration window, and before the workshop ends. */
export function registrationOpen(
  workshop: Pick<Workshop, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'endsAt'>,
  now: Date = new Date(),
): boolean {
  if (workshop.status !== 'OPEN') return false;
  if (workshop.registrationOpensAt && workshop.registrationOpensAt.getTime() > now.getTime()) return false;
  if (workshop.registrationClosesAt && workshop.registrationClosesAt.getTime() <= now.getTime()) return false;
  if (workshop.endsAt && workshop.endsAt.getTime() <= now.getTime()) return false;
  return true;
}

type SeatOutcome = { seat: true; seatCountryCode: string | null } | { seat: false };

/**
 * The registration state machine: register (audience, answers, seats, country seats), approve or
 * reject, cancel, waitlist promotion (AUTO: confirmed at once; OFFER: a held seat with a deadline
 * and a delayed expiry job), accept an offer, expire it. Seats are counted only by conditional
 * UPDATEs on workshops / workshop_country_seats inside the transaction that changes the
 * registration, so counters and rows never disagree. Every transition writes a
 * workshop_registration_events row and notifies the person ('workshop.registration').
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  private readonly logger = new Logger('WorkshopRegistrations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly roles: OrganisationRolesService,
    private readonly registry: JobHandlerRegistry,
    private readonly limits: RateLimitService,
  ) {}

  onModuleInit(): void {
    this.registry.register(QueueName.Notifications, OFFER_EXPIRE_JOB, this.expireJob);
  }

  // ---------------------------------------------------------------- commands

  async register(actor: WorkshopActor, workshopId: string, answers: AnswerValue[], consentToList: boolean): Promise<WorkshopRegistration> {
    // Every attempt counts (a script cycling through workshops or seats is what this stops).
    await this.limits.consume('workshopRegistrationPerAccount', actor.id);
    if (!isUuid(workshopId)) throw AppError.notFound('workshopRegistration:workshopNotFound');
    const workshop = await this.dataSource.getRepository(Workshop).findOneBy({ id: workshopId });
    if (!workshop || workshop.status === 'DRAFT') throw AppError.notFound('workshopRegistration:workshopNotFound');
    if (!registrationOpen(workshop)) throw AppError.conflict('workshopRegistration:closed');
    await this.checkAudience(actor, workshop);
    const questions = await this.dataSource.getRepository(WorkshopQuestion).find({ where: { workshopId }, order: { position: 'ASC' } });
    const checked = validateAnswers(
      questions.map((q) => ({ id: q.id, type: q.type, options: q.options ?? [], required: q.required, position: q.position })),
      Array.isArray(answers) ? answers : [],
    );
    if (checked.errors.length) {
      const key = checked.errors.some((e) => e.key === 'workshopRegistration:consentRequired') ? 'workshopRegistration:consentRequired' : 'workshopRegistration:answersInvalid';
      throw AppError.badInput(checked.errors, key);
    }
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        const existing = await manager.findOne(WorkshopRegistration, { where: { workshopId, userId: actor.id }, lock: { mode: 'pessimistic_write' } });
        if (existing && !REUSABLE.includes(existing.status)) throw AppError.conflict('workshopRegistration:alreadyRegistered');
        const person = await this.personSnapshot(manager, actor.id);
        // Read before the seat is taken: from takeSeat to COMMIT this transaction holds the workshop's
        // row lock, which every other registration for the workshop waits for.
        const user = await manager.findOneBy(User, { id: actor.id });
        let status: RegistrationStatus;
        let seatCountryCode: string | null = null;
        if (workshop.approvalRequired) status = 'PENDING';
        else {
          const seat = await this.takeSeat(manager, workshop.id, person.countryCode);
          status = seat.seat ? 'CONFIRMED' : 'WAITLISTED';
          if (seat.seat) seatCountryCode = seat.seatCountryCode;
        }
        const values = {
          status,
          holdsSeat: status === 'CONFIRMED',
          seatCountryCode,
          ...person,
          answers: checked.answers,
          consentToList: !!consentToList,
          offerExpiresAt: null,
          cancelledAt: null,
          waitlistedAt: null,
        };
        let registration: WorkshopRegistration;
        if (existing) {
          await manager.update(WorkshopRegistration, { id: existing.id }, values);
          if (status === 'WAITLISTED') await this.stampWaitlisted(manager, existing.id);
          await this.recordEvent(manager, existing.id, existing.status, status, actor, null);
          registration = await manager.findOneByOrFail(WorkshopRegistration, { id: existing.id });
        } else {
          const rows = returnedRows<{ id: string }>(
            await manager.query(
              `INSERT INTO workshop_registrations (workshop_id, user_id, status, holds_seat, seat_country_code, country_code, organisation_id, organisation_name,
                 organisation_type, answers, consent_to_list, waitlisted_at)
               VALUES ($1, $2, $3::varchar, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, CASE WHEN $3::varchar = 'WAITLISTED' THEN clock_timestamp() END)
               ON CONFLICT DO NOTHING RETURNING id`,
              [
                workshop.id,
                actor.id,
                status,
                values.holdsSeat,
                seatCountryCode,
                person.countryCode,
                person.organisationId,
                person.organisationName,
                person.organisationType,
                JSON.stringify(checked.answers),
                values.consentToList,
              ],
            ),
          );
          // A concurrent call of the same person inserted first: the unique index kept one row (and this seat is rolled back).
          if (!rows.length) throw AppError.conflict('workshopRegistration:alreadyRegistered');
          await this.recordEvent(manager, rows[0].id, null, status, actor, null);
          registration = await manager.findOneByOrFail(WorkshopRegistration, { id: rows[0].id });
        }
        await this.notifyPerson(manager, registration, workshop, null, user);
        return registration;
      });
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict('workshopRegistration:alreadyRegistered');
      throw error;
    }
  }

  /** The person (or a manager of the workshop) cancels; a held seat goes to the waitlist. */
  async cancel(actor: WorkshopActor, id: string): Promise<WorkshopRegistration> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.lock(manager, id);
      const workshop = await manager.findOneByOrFail(Workshop, { id: registration.workshopId });
      const own = registration.userId === actor.id;
      if (!own && !(await canManageWorkshop(manager, actor, workshop))) throw AppError.notFound('workshopRegistration:notFound');
      if (!ACTIVE.includes(registration.status) || ['HELD', 'ARCHIVED', 'CANCELLED'].includes(workshop.status)) {
        throw AppError.conflict('workshopRegistration:notCancellable');
      }
      const left = await this.leave(manager, registration, 'CANCELLED', actor, null, workshop);
      if (!own) await this.notifyPerson(manager, left, workshop, null);
      return left;
    });
  }

  /** The person takes the seat offered to them, before the deadline. */
  async acceptOffer(actor: WorkshopActor, id: string): Promise<WorkshopRegistration> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.lock(manager, id);
      if (registration.userId !== actor.id) throw AppError.notFound('workshopRegistration:notFound');
      if (registration.status !== 'OFFERED') throw AppError.conflict('workshopRegistration:notOffered');
      if (registration.offerExpiresAt && registration.offerExpiresAt.getTime() <= Date.now()) throw AppError.conflict('workshopRegistration:offerExpired');
      const workshop = await manager.findOneByOrFail(Workshop, { id: registration.workshopId });
      const accepted = await this.transition(manager, registration, 'CONFIRMED', actor, null, { offerExpiresAt: null });
      await this.notifyPerson(manager, accepted, workshop, null);
      return accepted;
    });
  }

  /** Managers: approve a PENDING registration (seat or waitlist), or reject (frees a held seat). */
  async decide(actor: WorkshopActor, id: string, approve: boolean, note?: string | null): Promise<WorkshopRegistration> {
    const text = (note ?? '').trim() || null;
    if (text && text.length > REGISTRATION_LIMITS.noteMax) throw AppError.badInput([{ field: 'note', key: 'workshopRegistration:noteTooLong' }]);
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.lock(manager, id);
      const workshop = await requireManagedWorkshop(manager, actor, registration.workshopId);
      let result: WorkshopRegistration;
      if (!approve) {
        if (!ACTIVE.includes(registration.status)) throw AppError.conflict('workshopRegistration:notPending');
        result = await this.leave(manager, registration, 'REJECTED', actor, text, workshop);
      } else {
        if (registration.status !== 'PENDING') throw AppError.conflict('workshopRegistration:notPending');
        const seat = await this.takeSeat(manager, workshop.id, registration.countryCode);
        if (seat.seat) {
          result = await this.transition(manager, registration, 'CONFIRMED', actor, text, { holdsSeat: true, seatCountryCode: seat.seatCountryCode });
        } else {
          result = await this.transition(manager, registration, 'WAITLISTED', actor, text);
          await this.stampWaitlisted(manager, registration.id);
          result = await manager.findOneByOrFail(WorkshopRegistration, { id: registration.id });
        }
      }
      await this.notifyPerson(manager, result, workshop, text);
      return result;
    });
  }

  /** `notifications/workshop.offer.expire`: an offer still open after its deadline expires; the seat passes on. */
  readonly expireJob = async (job: JobContext): Promise<void> => {
    await this.expireOffer(job.id);
  };

  async expireOffer(registrationId: string): Promise<boolean> {
    if (!isUuid(registrationId)) return false;
    return this.dataSource.transaction(async (manager) => {
      const registration = await manager.findOne(WorkshopRegistration, { where: { id: registrationId }, lock: { mode: 'pessimistic_write' } });
      if (!registration || registration.status !== 'OFFERED') return false;
      if (registration.offerExpiresAt && registration.offerExpiresAt.getTime() > Date.now() + EXPIRY_TOLERANCE_MS) return false;
      const workshop = await manager.findOneByOrFail(Workshop, { id: registration.workshopId });
      const expired = await this.leave(manager, registration, 'EXPIRED', null, null, workshop);
      await this.notifyPerson(manager, expired, workshop, null);
      this.logger.log(`Seat offer ${registrationId} expired`);
      return true;
    });
  }

  // ---------------------------------------------------------------- building blocks

  /** MEMBERS: an organisation role in an ACTIVE member; INVITED: the (verified) address is on the list. Managers always may. */
  private async checkAudience(actor: WorkshopActor, workshop: Workshop): Promise<void> {
    if (workshop.audience === 'OPEN') return;
    if (await canManageWorkshop(this.dataSource.manager, actor, workshop)) return;
    if (workshop.audience === 'MEMBERS') {
      if ((await this.roles.rolesOf(actor.id)).length === 0) throw AppError.forbidden('workshopRegistration:membersOnly');
      return;
    }
    const [row] = (await this.dataSource.query(
      `SELECT 1 FROM workshop_invitations i JOIN users u ON lower(u.email) = i.email
        WHERE i.workshop_id = $1 AND u.id = $2 AND u.email_verified_at IS NOT NULL`,
      [workshop.id, actor.id],
    )) as unknown[];
    if (!row) throw AppError.forbidden('workshopRegistration:invitedOnly');
  }

  /**
   * One seat of the workshop (and of the person's country quota, when the workshop has one for that
   * country), or none. Conditional UPDATEs only; the workshop row is always locked before the quota row.
   */
  async takeSeat(manager: EntityManager, workshopId: string, countryCode: string | null): Promise<SeatOutcome> {
    const taken = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE workshops SET seats_taken = seats_taken + 1 WHERE id = $1 AND (capacity IS NULL OR seats_taken < capacity) RETURNING id`,
        [workshopId],
      ),
    );
    if (!taken.length) return { seat: false };
    if (!countryCode) return { seat: true, seatCountryCode: null };
    const quota = returnedRows<{ country_code: string }>(
      await manager.query(
        `UPDATE workshop_country_seats SET taken = taken + 1 WHERE workshop_id = $1 AND country_code = $2 AND taken < seats RETURNING country_code`,
        [workshopId, countryCode],
      ),
    );
    if (quota.length) return { seat: true, seatCountryCode: countryCode };
    const [exists] = (await manager.query(`SELECT 1 FROM workshop_country_seats WHERE workshop_id = $1 AND country_code = $2`, [workshopId, countryCode])) as unknown[];
    if (!exists) return { seat: true, seatCountryCode: null };
    // The country's quota is used up: give the general seat back (same transaction, so nobody saw it).
    await manager.query(`UPDATE workshops SET seats_taken = seats_taken - 1 WHERE id = $1`, [workshopId]);
    return { seat: false };
  }

  async releaseSeat(manager: EntityManager, workshopId: string, seatCountryCode: string | null): Promise<void> {
    await manager.query(`UPDATE workshops SET seats_taken = seats_taken - 1 WHERE id = $1 AND seats_taken > 0`, [workshopId]);
    if (seatCountryCode) {
      await manager.query(`UPDATE workshop_country_seats SET taken = taken - 1 WHERE workshop_id = $1 AND country_code = $2 AND taken > 0`, [workshopId, seatCountryCode]);
    }
  }

  /** Changes the status (and other columns) and writes the audit event. */
  async transition(
    manager: EntityManager,
    registration: WorkshopRegistration,
    to: RegistrationStatus,
    actor: Pick<WorkshopActor, 'id' | 'name'> | null,
    note: string | null,
    patch: Partial<Omit<WorkshopRegistration, 'id' | 'status'>> = {},
  ): Promise<WorkshopRegistration> {
    await manager.update(WorkshopRegistration, { id: registration.id }, { status: to, ...patch });
    await this.recordEvent(manager, registration.id, registration.status, to, actor, note);
    return manager.findOneByOrFail(WorkshopRegistration, { id: registration.id });
  }

  async recordEvent(
    manager: EntityManager,
    registrationId: string,
    from: RegistrationStatus | null,
    to: RegistrationStatus,
    actor: Pick<WorkshopActor, 'id' | 'name'> | null,
    note: string | null,
  ): Promise<void> {
    // clock_timestamp(), not now(): several events of one transaction keep their order.
    await manager.query(
      `INSERT INTO workshop_registration_events (registration_id, from_status, to_status, actor_id, actor_name, note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())`,
      [registrationId, from, to, actor?.id ?? null, actor?.name.slice(0, 120) ?? null, note],
    );
  }

  private async stampWaitlisted(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE workshop_registrations SET waitlisted_at = clock_timestamp() WHERE id = $1`, [id]);
  }

  /** Leaves (cancelled, rejected, expired): frees a held seat and passes it to the waitlist. */
  private async leave(
    manager: EntityManager,
    registration: WorkshopRegistration,
    to: 'CANCELLED' | 'REJECTED' | 'EXPIRED',
    actor: WorkshopActor | null,
    note: string | null,
    workshop: Workshop,
  ): Promise<WorkshopRegistration> {
    const { holdsSeat, seatCountryCode } = registration;
    const left = await this.transition(manager, registration, to, actor, note, {
      holdsSeat: false,
      seatCountryCode: null,
      offerExpiresAt: null,
      ...(to === 'CANCELLED' ? { cancelledAt: new Date() } : {}),
    });
    if (holdsSeat) {
      await this.releaseSeat(manager, workshop.id, seatCountryCode);
      await this.promoteWaitlisted(manager, workshop);
    }
    return left;
  }

  /**
   * Free seats go to the longest-waiting people who can take them (a person whose country quota is
   * used up is passed over, keeping their place). AUTO confirms them; OFFER holds the seat for
   * offerHours and queues the expiry job.
   */
  async promoteWaitlisted(manager: EntityManager, workshop: Workshop): Promise<WorkshopRegistration[]> {
    if (!['OPEN', 'CLOSED'].includes(workshop.status)) return [];
    const promoted: WorkshopRegistration[] = [];
    const waiting = (await manager.query(
      `SELECT id FROM workshop_registrations WHERE workshop_id = $1 AND status = 'WAITLISTED'
        ORDER BY waitlisted_at, created_at, id LIMIT 200 FOR UPDATE SKIP LOCKED`,
      [workshop.id],
    )) as Array<{ id: string }>;
    for (const { id } of waiting) {
      const next = await manager.findOneByOrFail(WorkshopRegistration, { id });
      const seat = await this.takeSeat(manager, workshop.id, next.countryCode);
      if (!seat.seat) {
        // No general seat left: stop. A used-up country quota only skips this person.
        const [full] = (await manager.query(`SELECT 1 FROM workshops WHERE id = $1 AND capacity IS NOT NULL AND seats_taken >= capacity`, [workshop.id])) as unknown[];
        if (full) break;
        continue;
      }
      let result: WorkshopRegistration;
      if (workshop.waitlistMode === 'OFFER') {
        const expiresAt = new Date(Date.now() + workshop.offerHours * 3_600_000);
        result = await this.transition(manager, next, 'OFFERED', null, null, { holdsSeat: true, seatCountryCode: seat.seatCountryCode, offerExpiresAt: expiresAt });
        await this.outbox.enqueue(manager, { queue: QueueName.Notifications, name: OFFER_EXPIRE_JOB, id: next.id, delayMs: expiresAt.getTime() - Date.now() });
      } else {
        result = await this.transition(manager, next, 'CONFIRMED', null, null, { holdsSeat: true, seatCountryCode: seat.seatCountryCode });
      }
      await this.notifyPerson(manager, result, workshop, null);
      promoted.push(result);
    }
    return promoted;
  }

  /** Country and organisation of a person at registration (profile country, first organisation role). */
  async personSnapshot(
    manager: EntityManager,
    userId: string,
  ): Promise<{ countryCode: string | null; organisationId: string | null; organisationName: string | null; organisationType: string | null }> {
    const [row] = (await manager.query(
      `SELECT u.country_code, o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type
         FROM users u
         LEFT JOIN LATERAL (
           SELECT o.id, o.name, o.type FROM organisation_roles r JOIN organisations o ON o.id = r.organisation_id
            WHERE r.user_id = u.id ORDER BY (r.role = 'FOCAL_POINT') DESC, r.created_at LIMIT 1
         ) o ON true
        WHERE u.id = $1`,
      [userId],
    )) as Array<{ country_code: string | null; organisation_id: string | null; organisation_name: string | null; organisation_type: string | null }>;
    return {
      countryCode: row?.country_code?.trim() || null,
      organisationId: row?.organisation_id ?? null,
      organisationName: row?.organisation_name ?? null,
      organisationType: row?.organisation_type ?? null,
    };
  }

  /** Tells the person about their registration's status, in their language. */
  async notifyPerson(manager: EntityManager, registration: WorkshopRegistration, workshop: Workshop, note: string | null, known?: User | null): Promise<void> {
    const user = known?.id === registration.userId ? known : await manager.findOneBy(User, { id: registration.userId });
    if (!user) return;
    let text = note ?? '';
    if (registration.status === 'OFFERED' && registration.offerExpiresAt) {
      const deadline = new Intl.DateTimeFormat(user.preferredLocale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: workshop.timeZone, timeZoneName: 'short' }).format(
        registration.offerExpiresAt,
      );
      text = String(translator(user.preferredLocale)('workshopRegistration:offeredNote', { deadline }));
    }
    await this.notifications.notify(manager, {
      userIds: [user.id],
      type: 'workshop.registration',
      data: { workshop: pickLocalized(workshop.title, user.preferredLocale), status: registration.status, note: text },
      link: `/workshops/${workshop.slug}`,
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<WorkshopRegistration> {
    const registration = isUuid(id) ? await manager.findOne(WorkshopRegistration, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!registration) throw AppError.notFound('workshopRegistration:notFound');
    return registration;
  }

  // ---------------------------------------------------------------- reads

  async byId(id: string): Promise<WorkshopRegistration | null> {
    return isUuid(id) ? this.dataSource.getRepository(WorkshopRegistration).findOneBy({ id }) : null;
  }

  ofUser(userId: string): Promise<WorkshopRegistration[]> {
    return this.dataSource.getRepository(WorkshopRegistration).find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Managers: the registrations of a workshop, newest first, by status and name/e-mail/organisation. */
  async ofWorkshop(actor: WorkshopActor, workshopId: string, args: RegistrationListArgs): Promise<ConnectionShape<WorkshopRegistration>> {
    await requireManagedWorkshop(this.dataSource.manager, actor, workshopId);
    const qb = this.dataSource
      .getRepository(WorkshopRegistration)
      .createQueryBuilder('r')
      .leftJoin('users', 'u', 'u.id = r.user_id')
      .where('r.workshop_id = :workshopId', { workshopId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
    const search = args.search?.trim().slice(0, 100);
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.name ILIKE :like OR u.email ILIKE :like OR r.organisation_name ILIKE :like)', { like });
    }
    return paginate(qb, args, {
      column: 'r.created_at',
      direction: 'DESC',
      valueOf: (r) => r.createdAt.toISOString(),
      idColumn: 'r.id',
      idOf: (r) => r.id,
    });
  }

  /** 1-based position among the workshop's WAITLISTED (order of waitlisted_at), per registration id. */
  async waitlistPositions(ids: readonly string[]): Promise<Map<string, number>> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, position FROM (
         SELECT r.id, row_number() OVER (PARTITION BY r.workshop_id ORDER BY r.waitlisted_at, r.created_at, r.id)::int AS position
           FROM workshop_registrations r
          WHERE r.status = 'WAITLISTED' AND r.workshop_id IN (SELECT workshop_id FROM workshop_registrations WHERE id = ANY($1))
       ) w WHERE id = ANY($1)`,
      [valid],
    )) as Array<{ id: string; position: number }>;
    return new Map(rows.map((r) => [r.id, r.position]));
  }

  eventsOf(registrationIds: readonly string[]): Promise<WorkshopRegistrationEvent[]> {
    const valid = registrationIds.filter(isUuid);
    if (!valid.length) return Promise.resolve([]);
    return this.dataSource.getRepository(WorkshopRegistrationEvent).find({ where: { registrationId: In(valid) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
