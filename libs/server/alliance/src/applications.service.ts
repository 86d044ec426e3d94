import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { NotificationsService } from '@alliance/server-notifications';
import { AuditService, type AuditAction } from '@alliance/server-identity';
import {
  APPLICATION_NOTIFICATION,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  OPEN_APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  type MembershipCategory,
} from './alliance.constants';
import { applicationSchema, categorySchema, isUuid, noteSchema, requiredNoteSchema, type ApplicationValues } from './alliance-input';
import { isAdmin, requireAdmin, type Actor } from './actor';
import { ApplicationEvent, Charter, FocusArea, Membership, MembershipApplication, MembershipEvent, Organisation, AllianceCountry } from './entities';
import { nameKey, slugify, websiteHost } from './normalise';
import { OrganisationRolesService } from './organisation-roles.service';

export interface ApplicationInput {
  organisationName: string;
  organisationType: string;
  countryCode: string;
  website?: string | null;
  description: string;
  applicantRole: string;
  motivation: string;
  focusAreaIds: string[];
  charterVersion: number;
}

export interface ApplicationListArgs extends PageArgs {
  status?: ApplicationStatus | null;
}

function uniqueViolation(error: unknown): string | null {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' ? (driver.constraint ?? '') : null;
}

/**
 * Membership applications: submission with the duplicate guard, the review state machine
 * (APPLICATION_TRANSITIONS), and approval, which creates the organisation, its membership and its
 * first representative. The only place that writes applications.
 */
// Review steps are administrative acts and go to the audit log; the applicant's own (withdraw) do not.
const REVIEW_AUDIT_ACTIONS: Partial<Record<ApplicationAction, AuditAction>> = {
  start: 'membership.application.reviewStart',
  requestChanges: 'membership.application.requestChanges',
  reject: 'membership.application.reject',
};

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly roles: OrganisationRolesService,
    private readonly audit: AuditService,
  ) {}

  async submit(actor: Actor, input: ApplicationInput): Promise<MembershipApplication> {
    const values = await this.validate(input);
    const keys = { nameKey: nameKey(values.organisationName), websiteHost: websiteHost(values.website) };
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.guardDuplicates(manager, values.countryCode, keys, null);
        const application = await manager.save(
          manager.create(MembershipApplication, { ...this.columns(values), ...keys, applicantId: actor.id, status: 'SUBMITTED' }),
        );
        await this.record(manager, application, null, actor, null);
        return application;
      });
    } catch (error) {
      // Two identical submissions at once: the partial unique index let one in; tell the other which.
      if (uniqueViolation(error)?.startsWith('uq_membership_applications_open')) {
        await this.guardDuplicates(this.dataSource.manager, values.countryCode, keys, null);
        throw AppError.conflict('alliance:duplicateApplication', { name: values.organisationName });
      }
      throw error;
    }
  }

  /** The applicant edits an application sent back for changes; it goes back to SUBMITTED. */
  async update(actor: Actor, id: string, input: ApplicationInput): Promise<MembershipApplication> {
    const current = await this.findForApplicant(actor, id);
    const values = await this.validate(input);
    const keys = { nameKey: nameKey(values.organisationName), websiteHost: websiteHost(values.website) };
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.guardDuplicates(manager, values.countryCode, keys, current.id);
        const { from, application } = await this.move(manager, current.id, 'resubmit', { ...this.columns(values), ...keys });
        await this.record(manager, application, from, actor, null);
        return application;
      });
    } catch (error) {
      if (uniqueViolation(error)?.startsWith('uq_membership_applications_open')) throw AppError.conflict('alliance:duplicateApplication', { name: values.organisationName });
      throw error;
    }
  }

  async withdraw(actor: Actor, id: string, note?: string | null): Promise<MembershipApplication> {
    const current = await this.findForApplicant(actor, id);
    return this.transition(actor, current.id, 'withdraw', parseInput(noteSchema, note));
  }

  async startReview(actor: Actor, id: string, note?: string | null): Promise<MembershipApplication> {
    requireAdmin(actor);
    return this.transition(actor, id, 'start', parseInput(noteSchema, note));
  }

  async requestChanges(actor: Actor, id: string, note: string): Promise<MembershipApplication> {
    requireAdmin(actor);
    return this.transition(actor, id, 'requestChanges', this.required(note));
  }

  async reject(actor: Actor, id: string, note: string): Promise<MembershipApplication> {
    requireAdmin(actor);
    return this.transition(actor, id, 'reject', this.required(note));
  }

  /**
   * Approves and, in the same transaction, creates the organisation, its membership (with its
   * CREATED event) and makes the applicant its representative. The conditional UPDATE lets exactly
   * one of several concurrent approvals through; the others see APPROVED and get illegalTransition.
   */
  async approve(actor: Actor, id: string, categoryInput?: string | null, note?: string | null): Promise<MembershipApplication> {
    requireAdmin(actor);
    const category = parseInput(categorySchema, categoryInput);
    const text = parseInput(noteSchema, note);
    return this.dataSource.transaction(async (manager) => {
      const { from, application } = await this.move(manager, this.checkId(id), 'approve', {});
      const organisation = await this.createOrganisation(manager, application);
      const chosen: MembershipCategory =
        category ?? (application.organisationType === 'MINISTRY_OF_EDUCATION' ? 'MEMBER_STATE' : (await this.isObserverCountry(manager, application.countryCode)) ? 'OBSERVER' : 'PARTNER');
      const membership = await manager.save(manager.create(Membership, { organisationId: organisation.id, category: chosen, status: 'ACTIVE' }));
      await manager.save(manager.create(MembershipEvent, { membershipId: membership.id, action: 'CREATED', reason: text, actorId: actor.id, actorName: actor.name }));
      await this.roles.grant(manager, application.applicantId, organisation.id, 'REPRESENTATIVE');
      await manager.update(MembershipApplication, { id: application.id }, { organisationId: organisation.id });
      application.organisationId = organisation.id;
      await this.record(manager, application, from, actor, text);
      await this.auditReview(manager, 'membership.application.approve', actor, application, from, text, { organisationId: organisation.id, category: chosen });
      return application;
    });
  }

  async findVisible(actor: Actor, id: string): Promise<MembershipApplication | null> {
    if (!isUuid(id)) return null;
    const application = await this.dataSource.getRepository(MembershipApplication).findOneBy({ id });
    if (!application || (application.applicantId !== actor.id && !isAdmin(actor))) return null;
    return application;
  }

  listMine(actor: Actor): Promise<MembershipApplication[]> {
    return this.dataSource.getRepository(MembershipApplication).find({ where: { applicantId: actor.id }, order: { updatedAt: 'DESC' } });
  }

  /** For administrators: oldest first, optionally one status. */
  list(actor: Actor, args: ApplicationListArgs): Promise<ConnectionShape<MembershipApplication>> {
    requireAdmin(actor);
    const qb = this.dataSource.getRepository(MembershipApplication).createQueryBuilder('a').where('true');
    if (args.status) {
      if (!(APPLICATION_STATUSES as readonly string[]).includes(args.status)) throw AppError.badInput([{ field: 'status', key: 'validation:invalid' }]);
      qb.andWhere('a.status = :status', { status: args.status });
    }
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', a.submitted_at)`,
      direction: 'ASC',
      valueOf: (a) => a.submittedAt.toISOString(),
      idColumn: 'a.id',
      idOf: (a) => a.id,
    });
  }

  eventsOf(applicationIds: readonly string[]): Promise<ApplicationEvent[]> {
    return this.dataSource
      .getRepository(ApplicationEvent)
      .createQueryBuilder('e')
      .where('e.application_id IN (:...ids)', { ids: [...applicationIds] })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  private async transition(actor: Actor, id: string, action: ApplicationAction, note: string | null): Promise<MembershipApplication> {
    return this.dataSource.transaction(async (manager) => {
      const { from, application } = await this.move(manager, this.checkId(id), action, {});
      await this.record(manager, application, from, actor, note);
      const auditAction = REVIEW_AUDIT_ACTIONS[action];
      if (auditAction) await this.auditReview(manager, auditAction, actor, application, from, note, {});
      return application;
    });
  }

  /**
   * The state machine's one write: UPDATE ... WHERE status IN (allowed) RETURNING. Row locking
   * makes concurrent moves of one application serial; the losers find the new status and fail.
   */
  private async move(
    manager: EntityManager,
    id: string,
    action: ApplicationAction,
    changes: Partial<MembershipApplication>,
  ): Promise<{ from: ApplicationStatus; application: MembershipApplication }> {
    const rule = APPLICATION_TRANSITIONS[action];
    const before = await manager.findOne(MembershipApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw AppError.notFound('alliance:applicationNotFound');
    if (!rule.from.includes(before.status)) throw AppError.conflict('alliance:illegalTransition', { from: before.status, to: rule.to });
    const result = await manager
      .createQueryBuilder()
      .update(MembershipApplication)
      .set({ ...changes, status: rule.to })
      .where('id = :id AND status IN (:...from)', { id, from: [...rule.from] })
      .execute();
    if (!result.affected) throw AppError.conflict('alliance:illegalTransition', { from: before.status, to: rule.to });
    return { from: before.status, application: await manager.findOneByOrFail(MembershipApplication, { id }) };
  }

  /** An administrator's review step, in the audit log, in the same transaction as the move. */
  private async auditReview(
    manager: EntityManager,
    action: AuditAction,
    actor: Actor,
    application: MembershipApplication,
    from: ApplicationStatus,
    note: string | null,
    created: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, {
      actorId: actor.id,
      action,
      targetType: 'membershipApplication',
      targetId: application.id,
      targetLabel: application.organisationName,
      params: note ? { note } : {},
      before: { status: from },
      after: { status: application.status, ...created },
    });
  }

  /** History row plus a notice to the applicant, in the same transaction as the move. */
  private async record(manager: EntityManager, application: MembershipApplication, from: ApplicationStatus | null, actor: Actor, note: string | null): Promise<void> {
    const event = await manager.save(
      manager.create(ApplicationEvent, { applicationId: application.id, fromStatus: from, toStatus: application.status, note, actorId: actor.id, actorName: actor.name }),
    );
    await this.notifications.notify(manager, {
      userIds: [application.applicantId],
      type: APPLICATION_NOTIFICATION,
      data: { organisation: application.organisationName, status: application.status, note: note ?? '' },
      link: `/alliance/applications/${application.id}`,
      dedupeKey: `alliance.application:${event.id}`,
    });
  }

  /**
   * Refuses an organisation that is already a member (same country and name, or same website
   * host) or has another open application; the message names it and says how to be added.
   */
  private async guardDuplicates(manager: EntityManager, countryCode: string, keys: { nameKey: string; websiteHost: string | null }, exceptId: string | null): Promise<void> {
    const [member]: Array<{ name: string }> = await manager.query(
      `SELECT o.name FROM organisations o JOIN memberships m ON m.organisation_id = o.id
        WHERE (o.country_code = $1 AND o.name_key = $2) OR (o.website_host IS NOT NULL AND o.website_host = $3) LIMIT 1`,
      [countryCode, keys.nameKey, keys.websiteHost],
    );
    if (member) throw AppError.conflict('alliance:duplicateMember', { name: member.name });
    const [open]: Array<{ organisation_name: string }> = await manager.query(
      `SELECT organisation_name FROM membership_applications
        WHERE status IN (${OPEN_APPLICATION_STATUSES.map((s) => `'${s}'`).join(', ')})
          AND ($4::uuid IS NULL OR id <> $4::uuid)
          AND ((country_code = $1 AND name_key = $2) OR (website_host IS NOT NULL AND website_host = $3)) LIMIT 1`,
      [countryCode, keys.nameKey, keys.websiteHost, exceptId],
    );
    if (open) throw AppError.conflict('alliance:duplicateApplication', { name: open.organisation_name });
  }

  private async validate(input: ApplicationInput): Promise<ApplicationValues> {
    const values = parseInput(applicationSchema, input);
    const errors: Array<{ field: string; key: string }> = [];
    const country = await this.dataSource.getRepository(AllianceCountry).findOneBy({ code: values.countryCode });
    if (!country) errors.push({ field: 'countryCode', key: 'alliance:countryNotInAlliance' });
    const areas = await this.dataSource
      .getRepository(FocusArea)
      .createQueryBuilder('f')
      .where('f.id IN (:...ids) AND f.active', { ids: values.focusAreaIds })
      .getCount();
    if (areas !== values.focusAreaIds.length) errors.push({ field: 'focusAreaIds', key: 'alliance:focusAreasInvalid' });
    const [charter] = await this.dataSource.getRepository(Charter).find({ order: { version: 'DESC' }, take: 1 });
    if (!charter || charter.version !== values.charterVersion) errors.push({ field: 'charterVersion', key: 'alliance:charterOutdated' });
    if (errors.length) throw AppError.badInput(errors);
    return values;
  }

  private columns(values: ApplicationValues): Partial<MembershipApplication> {
    return {
      organisationName: values.organisationName,
      organisationType: values.organisationType,
      countryCode: values.countryCode,
      website: values.website,
      description: values.description,
      applicantRole: values.applicantRole,
      motivation: values.motivation,
      focusAreaIds: values.focusAreaIds,
      charterVersion: values.charterVersion,
    };
  }

  private async findForApplicant(actor: Actor, id: string): Promise<MembershipApplication> {
    const application = isUuid(id) ? await this.dataSource.getRepository(MembershipApplication).findOneBy({ id }) : null;
    if (!application || application.applicantId !== actor.id) throw AppError.notFound('alliance:applicationNotFound');
    return application;
  }

  private required(note: string): string {
    const parsed = requiredNoteSchema.safeParse(note);
    if (!parsed.success) throw AppError.badInput([{ field: 'note', key: 'alliance:noteRequired' }], 'alliance:noteRequired');
    return parsed.data;
  }

  private checkId(id: string): string {
    if (!isUuid(id)) throw AppError.notFound('alliance:applicationNotFound');
    return id;
  }

  private async isObserverCountry(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(AllianceCountry, { code, observer: true });
  }

  /** A unique slug: the name's, with -2, -3... when taken (retried under a savepoint-free check inside the lock). */
  private async createOrganisation(manager: EntityManager, application: MembershipApplication): Promise<Organisation> {
    const base = slugify(application.organisationName);
    const taken: Array<{ slug: string }> = await manager.query(`SELECT slug FROM organisations WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`]);
    const used = new Set(taken.map((r) => r.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('alliance.slug:' || $1))`, [base]);
    if (await manager.existsBy(Organisation, { slug })) slug = `${base}-${application.id.slice(0, 8)}`;
    return manager.save(
      manager.create(Organisation, {
        slug,
        name: application.organisationName,
        nameKey: application.nameKey,
        type: application.organisationType,
        countryCode: application.countryCode,
        website: application.website,
        websiteHost: application.websiteHost,
        description: application.description,
        focusAreaIds: application.focusAreaIds,
        applicationId: application.id,
      }),
    );
  }
}
