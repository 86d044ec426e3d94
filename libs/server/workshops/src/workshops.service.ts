import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AllianceCountry, FocusArea } from '@alliance/server-alliance';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError, parseInput } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { MailOutbox } from '@alliance/server-mail';
import { NotificationsService } from '@alliance/server-notifications';
import { DEFAULT_LOCALE, Role } from '@alliance/shared-core';
import { Workshop, WorkshopCountrySeats, WorkshopOrganiser, WorkshopQuestion } from './entities';
import { pickLocalized } from '@alliance/server-graphql';
import { WorkshopRemindersService, notifyRegistrants } from './reminders.service';
import { canManageWorkshop, isOrganiserRole, isUuid, requireManagedWorkshop, slugFrom, type WorkshopActor } from './util';
import { noteSchema, parseEmailList, workshopSchema, type WorkshopValues } from './workshops-input';
import { NOTIFIED_REGISTRATION_STATUSES, WORKSHOP_LIMITS, WORKSHOP_TRANSITIONS, type WorkshopStatus } from './workshops.constants';

export interface InviteResult {
  invited: string[];
  alreadyInvited: string[];
  invalid: string[];
}

function isCheckViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23514';
}

/**
 * Workshops: creation and description, registration policy, questions, country seats, lifecycle
 * (DRAFT -> OPEN -> CLOSED -> HELD -> ARCHIVED; CANCELLED from DRAFT/OPEN/CLOSED), organisers and
 * invitations. HELD is set by the registration side (markWorkshopHeld), which issues certificates.
 * A new workshop has no session yet: its starts_at/ends_at are placeholders until the first
 * session is saved, and it cannot be opened without one.
 */
@Injectable()
export class WorkshopsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailOutbox,
    private readonly notifications: NotificationsService,
    private readonly reminders: WorkshopRemindersService,
  ) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Workshop | null> {
    return isUuid(id) ? manager.findOneBy(Workshop, { id }) : null;
  }

  async findBySlug(slug: string): Promise<Workshop | null> {
    if (typeof slug !== 'string' || !slug || slug.length > WORKSHOP_LIMITS.slugMax) return null;
    return this.dataSource.getRepository(Workshop).findOneBy({ slug: slug.toLowerCase() });
  }

  async canManage(actor: Pick<WorkshopActor, 'id' | 'roles'> | null | undefined, workshopId: string): Promise<boolean> {
    return canManageWorkshop(this.dataSource.manager, actor, workshopId);
  }

  async create(actor: WorkshopActor, input: unknown): Promise<Workshop> {
    if (!actor) throw AppError.unauthenticated();
    if (!isOrganiserRole(actor)) throw AppError.forbidden();
    const values = parseInput(workshopSchema, input);
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, values);
      const slug = await this.uniqueSlug(manager, values.slug ?? slugFrom(Object.values(values.title)[0] ?? '', WORKSHOP_LIMITS.slugMax), null, !!values.slug);
      const now = new Date();
      const workshop = await manager.save(
        manager.create(Workshop, {
          ...this.columns(values),
          slug,
          status: 'DRAFT',
          startsAt: now,
          endsAt: now,
          seatsTaken: 0,
          createdById: actor.id,
          revision: 1,
        }),
      );
      await manager.insert(WorkshopOrganiser, { workshopId: workshop.id, userId: actor.id });
      await this.saveCountrySeats(manager, workshop.id, values.countrySeats);
      await this.saveQuestions(manager, workshop.id, values.questions ?? []);
      return workshop;
    });
  }

  async update(actor: WorkshopActor, id: string, input: unknown): Promise<Workshop> {
    const values = parseInput(workshopSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, id, true);
      if (['ARCHIVED'].includes(workshop.status)) throw AppError.conflict('workshops:notEditable');
      await this.checkReferences(manager, values);
      if (values.capacity !== null && values.capacity < workshop.seatsTaken) {
        throw AppError.badInput([{ field: 'capacity', key: 'workshops:capacityBelowTaken' }], 'workshops:capacityBelowTaken');
      }
      const slug = values.slug && values.slug !== workshop.slug ? await this.uniqueSlug(manager, values.slug, workshop.id, true) : workshop.slug;
      try {
        await manager.update(Workshop, { id: workshop.id }, { ...this.columns(values), slug, revision: () => 'revision + 1' });
      } catch (error) {
        if (isCheckViolation(error)) throw AppError.badInput([{ field: 'capacity', key: 'workshops:capacityBelowTaken' }], 'workshops:capacityBelowTaken');
        throw error;
      }
      await this.saveCountrySeats(manager, workshop.id, values.countrySeats);
      if (values.questions) await this.saveQuestions(manager, workshop.id, values.questions);
      return manager.findOneByOrFail(Workshop, { id: workshop.id });
    });
  }

  async open(actor: WorkshopActor, id: string): Promise<Workshop> {
    return this.transition(actor, id, 'OPEN', async (manager, workshop) => {
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM workshop_sessions WHERE workshop_id = $1`, [workshop.id]);
      if (!n) throw AppError.conflict('workshops:needsSession');
      // Attendance certificates need a complete signatory; refusing here keeps "mark held" from failing later.
      const signatories = workshop.certificateSignatories ?? [];
      if (!signatories.length || !signatories.every((s) => s.name?.trim() && s.title?.trim() && s.organisation?.trim())) {
        throw AppError.conflict('workshops:openNeedsSignatory');
      }
    });
  }

  async close(actor: WorkshopActor, id: string): Promise<Workshop> {
    return this.transition(actor, id, 'CLOSED');
  }

  async archive(actor: WorkshopActor, id: string): Promise<Workshop> {
    return this.transition(actor, id, 'ARCHIVED');
  }

  /** Notifies everyone registered (confirmed, waitlisted, pending, offered) and removes the reminders. */
  async cancel(actor: WorkshopActor, id: string, note: unknown): Promise<Workshop> {
    const text = parseInput(noteSchema, note);
    return this.transition(actor, id, 'CANCELLED', async (manager, workshop) => {
      await manager.update(Workshop, { id: workshop.id }, { cancelledAt: new Date() });
      await notifyRegistrants(manager, this.notifications, workshop, 'workshop.cancelled', { note: text }, `workshop.cancelled:${workshop.id}`);
    });
  }

  /** Moves the workshop to `to` when WORKSHOP_TRANSITIONS allows it; `check` runs first, in the transaction. */
  private async transition(
    actor: WorkshopActor,
    id: string,
    to: WorkshopStatus,
    check?: (manager: EntityManager, workshop: Workshop) => Promise<void>,
  ): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, id, true);
      if (!WORKSHOP_TRANSITIONS[workshop.status].includes(to)) throw AppError.conflict('workshops:illegalTransition', { from: workshop.status, to });
      if (check) await check(manager, workshop);
      await manager.update(Workshop, { id: workshop.id }, { status: to, revision: () => 'revision + 1' });
      // Reminders exist only while the workshop is OPEN or CLOSED.
      await this.reminders.sync(manager, workshop.id);
      return manager.findOneByOrFail(Workshop, { id: workshop.id });
    });
  }

  /** An organiser must hold Role.Organiser or Admin. */
  async addOrganiser(actor: WorkshopActor, workshopId: string, email: unknown): Promise<Workshop> {
    const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
    if (!address) throw AppError.badInput([{ field: 'email', key: 'validation:required' }]);
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      const user = await manager.findOneBy(User, { email: address });
      if (!user) throw AppError.notFound('workshops:personNotFound');
      const roles: Array<{ role: string }> = await manager.query(`SELECT role FROM user_roles WHERE user_id = $1`, [user.id]);
      if (!roles.some((r) => r.role === Role.Organiser || r.role === Role.Admin)) throw AppError.conflict('workshops:organiserNeedsRole');
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM workshop_organisers WHERE workshop_id = $1`, [workshop.id]);
      if (n >= WORKSHOP_LIMITS.organisersMax) throw AppError.conflict('workshops:tooManyOrganisers');
      await manager.query(`INSERT INTO workshop_organisers (workshop_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [workshop.id, user.id]);
      return workshop;
    });
  }

  /** The last organiser cannot be removed. */
  async removeOrganiser(actor: WorkshopActor, workshopId: string, userId: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (!isUuid(userId)) throw AppError.notFound('workshops:personNotFound');
      const organisers: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM workshop_organisers WHERE workshop_id = $1`, [workshop.id]);
      if (!organisers.some((o) => o.user_id === userId)) throw AppError.notFound('workshops:personNotFound');
      if (organisers.length <= 1) throw AppError.conflict('workshops:lastOrganiser');
      await manager.delete(WorkshopOrganiser, { workshopId: workshop.id, userId });
      return workshop;
    });
  }

  /**
   * Adds e-mails (a list or CSV) to the workshop's invite list. Newly invited people get an e-mail:
   * known accounts a link to the workshop, unknown addresses a link to sign up first.
   */
  async invite(actor: WorkshopActor, workshopId: string, emails: unknown): Promise<InviteResult> {
    const parsed = parseEmailList(emails);
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId);
      if (['HELD', 'ARCHIVED', 'CANCELLED'].includes(workshop.status)) throw AppError.conflict('workshops:notEditable');
      const result: InviteResult = { invited: [], alreadyInvited: [], invalid: parsed.filter((p) => !p.email).map((p) => p.raw) };
      const addresses = parsed.map((p) => p.email).filter((e): e is string => !!e);
      if (!addresses.length) return result;
      const inserted: Array<{ email: string }> = await manager.query(
        `INSERT INTO workshop_invitations (workshop_id, email, invited_by_id)
         SELECT $1, e, $3 FROM unnest($2::varchar[]) AS e
         ON CONFLICT (workshop_id, email) DO NOTHING RETURNING email`,
        [workshop.id, addresses, actor.id],
      );
      const fresh = new Set(inserted.map((r) => r.email));
      const accounts = fresh.size ? await manager.findBy(User, { email: In([...fresh]) }) : [];
      const byEmail = new Map(accounts.map((u) => [u.email, u]));
      for (const email of addresses) {
        if (!fresh.has(email)) {
          result.alreadyInvited.push(email);
          continue;
        }
        result.invited.push(email);
        const account = byEmail.get(email);
        const locale = account?.preferredLocale ?? actor.locale ?? DEFAULT_LOCALE;
        const page = `/workshops/${workshop.slug}`;
        await this.mail.queueEmail(manager, {
          to: email,
          toName: account?.name ?? email,
          locale,
          template: 'workshopInvitation',
          params: {
            email,
            inviter: actor.name,
            workshop: pickLocalized(workshop.title, locale),
            link: account ? `${this.config.publicUrl}${page}` : `${this.config.publicUrl}/sign-up?next=${encodeURIComponent(page)}`,
          },
        });
      }
      return result;
    });
  }

  /** User ids of registrations to tell about changes (confirmed, waitlisted, pending, offered). */
  async registrantIds(manager: EntityManager, workshopId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM workshop_registrations WHERE workshop_id = $1 AND status = ANY($2) ORDER BY user_id`,
      [workshopId, NOTIFIED_REGISTRATION_STATUSES],
    );
    return rows.map((r) => r.user_id);
  }

  private columns(values: WorkshopValues): Partial<Workshop> {
    return {
      title: values.title,
      description: values.description,
      mode: values.mode,
      audience: values.audience,
      timeZone: values.timeZone,
      venue: values.venue,
      meetingUrl: values.meetingUrl,
      recordingUrl: values.recordingUrl,
      capacity: values.capacity,
      registrationOpensAt: values.registrationOpensAt,
      registrationClosesAt: values.registrationClosesAt,
      approvalRequired: values.approvalRequired,
      waitlistMode: values.waitlistMode,
      offerHours: values.offerHours,
      attendanceThreshold: values.attendanceThreshold,
      languages: values.languages,
      focusAreaIds: values.focusAreaIds,
      certificateIssuer: values.certificateIssuer,
      certificateSignatories: values.certificateSignatories,
    };
  }

  private async checkReferences(manager: EntityManager, values: WorkshopValues): Promise<void> {
    if (values.focusAreaIds.length) {
      const found = await manager.count(FocusArea, { where: { id: In(values.focusAreaIds), active: true } });
      if (found !== values.focusAreaIds.length) throw AppError.badInput([{ field: 'focusAreaIds', key: 'workshops:focusAreaInvalid' }], 'workshops:focusAreaInvalid');
    }
    const codes = values.countrySeats.map((s) => s.countryCode);
    if (codes.length) {
      const found = await manager.count(AllianceCountry, { where: { code: In(codes) } });
      if (found !== codes.length) throw AppError.badInput([{ field: 'countrySeats', key: 'workshops:countryInvalid' }], 'workshops:countryInvalid');
    }
  }

  /** Replaces the country quotas; a quota cannot drop below the seats already drawn from it. */
  private async saveCountrySeats(manager: EntityManager, workshopId: string, seats: WorkshopValues['countrySeats']): Promise<void> {
    const existing = await manager.find(WorkshopCountrySeats, { where: { workshopId }, lock: { mode: 'pessimistic_write' } });
    const wanted = new Map(seats.map((s) => [s.countryCode, s.seats]));
    for (const row of existing) {
      const next = wanted.get(row.countryCode);
      if ((next === undefined && row.taken > 0) || (next !== undefined && next < row.taken)) {
        throw AppError.badInput([{ field: 'countrySeats', key: 'workshops:countrySeatsBelowTaken' }], 'workshops:countrySeatsBelowTaken');
      }
      if (next === undefined) await manager.delete(WorkshopCountrySeats, { workshopId, countryCode: row.countryCode });
    }
    for (const [countryCode, n] of wanted) {
      await manager.query(
        `INSERT INTO workshop_country_seats (workshop_id, country_code, seats) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id, country_code) DO UPDATE SET seats = EXCLUDED.seats`,
        [workshopId, countryCode, n],
      );
    }
  }

  /** Replaces the questions, keeping the ids of those edited (answers stay linked). */
  private async saveQuestions(manager: EntityManager, workshopId: string, questions: NonNullable<WorkshopValues['questions']>): Promise<void> {
    const existing = await manager.findBy(WorkshopQuestion, { workshopId });
    const keep = new Set(questions.map((q) => q.id).filter((id): id is string => !!id));
    for (const q of questions) if (q.id && !existing.some((e) => e.id === q.id)) throw AppError.badInput([{ field: 'questions', key: 'workshops:questionNotFound' }], 'workshops:questionNotFound');
    const gone = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
    if (gone.length) await manager.delete(WorkshopQuestion, { id: In(gone) });
    for (const [position, q] of questions.entries()) {
      const columns = { workshopId, position, type: q.type, prompt: q.prompt, options: q.options, required: q.type === 'CONSENT' ? q.required : q.required };
      if (q.id) await manager.update(WorkshopQuestion, { id: q.id }, columns);
      else await manager.insert(WorkshopQuestion, columns);
    }
  }

  private async uniqueSlug(manager: EntityManager, wanted: string, ownId: string | null, exact: boolean): Promise<string> {
    const base = wanted.slice(0, WORKSHOP_LIMITS.slugMax);
    for (let i = 1; i < 100; i++) {
      const candidate = i === 1 ? base : `${base.slice(0, WORKSHOP_LIMITS.slugMax - String(i).length - 1)}-${i}`;
      const taken = await manager.findOneBy(Workshop, { slug: candidate });
      if (!taken || taken.id === ownId) return candidate;
      if (exact) throw AppError.badInput([{ field: 'slug', key: 'workshops:slugTaken' }], 'workshops:slugTaken');
    }
    throw AppError.conflict('workshops:slugTaken');
  }
}
