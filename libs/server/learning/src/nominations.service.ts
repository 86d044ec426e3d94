import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError } from '@alliance/server-graphql';
import { AccountLifecycle, User } from '@alliance/server-identity';
import { MailOutbox } from '@alliance/server-mail';
import { DEFAULT_LOCALE } from '@alliance/shared-core';
import { isUuid, parseEmailList, textIn } from './enrolment-input';
import { EnrolmentService, isUniqueViolation, offeringOpen, requireOrganiser, type LearningActor, type PersonSnapshot } from './enrolment.service';
import { Course, Enrolment, type Offering } from './entities';
import type { EnrolmentStatus } from './learning.constants';

/** The ministry a focal point nominates for, and its country's seats in one offering. */
export interface TeamView {
  organisationId: string;
  organisationName: string;
  countryCode: string;
  /** The country's quota in the offering; null when the offering has none. */
  seats: number | null;
  seatsTaken: number;
}

export interface NominationSkipView {
  email: string;
  /** i18n key of the reason, translated by the resolver. */
  reasonKey: string;
}

export interface NominationOutcome {
  enrolled: Enrolment[];
  invited: Enrolment[];
  pending: Enrolment[];
  skipped: NominationSkipView[];
}

type Team = Omit<TeamView, 'seats' | 'seatsTaken'>;

/** Thrown inside one e-mail's transaction so everything it did (seats included) rolls back. */
class Skip extends Error {
  constructor(readonly reasonKey: string) {
    super(reasonKey);
  }
}

const REUSABLE: readonly EnrolmentStatus[] = ['WITHDRAWN', 'REJECTED'];

/**
 * Team nomination by ministry focal points and invitations by organisers, from an e-mail list or a
 * CSV. Each address is its own transaction (seat, country quota, row, e-mail), so one refusal never
 * undoes the others and every refusal is reported. Unknown addresses get a sign-up link; the row is
 * claimed when that address is verified (AccountLifecycle), inside the verification transaction.
 */
@Injectable()
export class NominationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailOutbox,
    private readonly lifecycle: AccountLifecycle,
    private readonly enrolments: EnrolmentService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onEmailVerified((manager, account) => this.claim(manager, account));
  }

  /** The viewer's ministry (current focal point of an ACTIVE member ministry), or null. */
  async team(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Team | null> {
    const [row] = (await manager.query(
      `SELECT o.id, o.name, o.country_code FROM focal_points f
         JOIN organisations o ON o.id = f.organisation_id
         JOIN memberships m ON m.organisation_id = o.id AND m.status = 'ACTIVE'
        WHERE f.user_id = $1 AND o.type = 'MINISTRY_OF_EDUCATION'
          AND f.start_date <= current_date AND (f.end_date IS NULL OR f.end_date >= current_date)
        ORDER BY o.name, o.id LIMIT 1`,
      [userId],
    )) as Array<{ id: string; name: string; country_code: string }>;
    return row ? { organisationId: row.id, organisationName: row.name, countryCode: row.country_code.trim() } : null;
  }

  async teamContext(actor: LearningActor, offeringId: string): Promise<TeamView | null> {
    const team = await this.team(actor.id);
    if (!team || !isUuid(offeringId)) return null;
    const [quota] = (await this.dataSource.query(`SELECT seats, taken FROM offering_country_seats WHERE offering_id = $1 AND country_code = $2`, [
      offeringId,
      team.countryCode,
    ])) as Array<{ seats: number; taken: number }>;
    if (quota) return { ...team, seats: quota.seats, seatsTaken: quota.taken };
    const [count] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM enrolments WHERE offering_id = $1 AND country_code = $2 AND holds_seat`,
      [offeringId, team.countryCode],
    )) as Array<{ n: number }>;
    return { ...team, seats: null, seatsTaken: count?.n ?? 0 };
  }

  async nominateTeam(actor: LearningActor, offeringId: string, emails: string): Promise<NominationOutcome> {
    const team = await this.team(actor.id);
    if (!team) throw AppError.forbidden('enrolment:notFocalPoint');
    return this.run(actor, offeringId, emails, team);
  }

  async inviteLearners(actor: LearningActor, offeringId: string, emails: string): Promise<NominationOutcome> {
    requireOrganiser(actor);
    return this.run(actor, offeringId, emails, null);
  }

  private async run(actor: LearningActor, offeringId: string, text: string, team: Team | null): Promise<NominationOutcome> {
    const entries = parseEmailList(text);
    const { offering, course } = await this.enrolments.offeringWithCourse(this.dataSource.manager, offeringId);
    if (!offeringOpen(course, offering)) throw AppError.conflict('enrolment:closed');
    const outcome: NominationOutcome = { enrolled: [], invited: [], pending: [], skipped: [] };
    for (const entry of entries) {
      if (entry.skip || !entry.email) {
        outcome.skipped.push({ email: entry.raw, reasonKey: entry.skip ?? 'enrolment:skipInvalidEmail' });
        continue;
      }
      const email = entry.email;
      try {
        const { kind, enrolment } = await this.dataSource.transaction((manager) => this.nominateOne(manager, actor, course, offering, email, team));
        outcome[kind].push(enrolment);
      } catch (error) {
        if (error instanceof Skip) outcome.skipped.push({ email, reasonKey: error.reasonKey });
        else if (isUniqueViolation(error)) outcome.skipped.push({ email, reasonKey: 'enrolment:skipAlreadyEnrolled' });
        else throw error;
      }
    }
    return outcome;
  }

  private async nominateOne(
    manager: EntityManager,
    actor: LearningActor,
    course: Course,
    offering: Offering,
    email: string,
    team: Team | null,
  ): Promise<{ kind: 'enrolled' | 'invited' | 'pending'; enrolment: Enrolment }> {
    const account = await manager.findOneBy(User, { email });
    // Only a verified address is a known person; otherwise the invitation waits for verification.
    const person = account?.emailVerifiedAt ? account : null;
    const existing = person
      ? await manager.findOne(Enrolment, { where: { courseId: course.id, userId: person.id }, lock: { mode: 'pessimistic_write' } })
      : await manager.findOne(Enrolment, { where: { courseId: course.id, invitedEmail: email, userId: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (existing && !REUSABLE.includes(existing.status)) throw new Skip('enrolment:skipAlreadyEnrolled');
    if (person && (await this.enrolments.missingPrerequisites(manager, course.id, person.id)).length) throw new Skip('enrolment:skipPrerequisites');
    if (!(await this.enrolments.takeSeat(manager, offering.id))) throw new Skip('enrolment:skipFull');
    let seatCountryCode: string | null = null;
    if (team) {
      const quota = await this.enrolments.takeCountrySeat(manager, offering.id, team.countryCode);
      if (quota === 'exhausted') throw new Skip('enrolment:countrySeatsExhausted');
      if (quota === 'taken') seatCountryCode = team.countryCode;
    }
    const status: EnrolmentStatus = person && course.enrolmentPolicy !== 'APPROVAL' ? 'ENROLLED' : 'NOMINATED';
    const snapshot: PersonSnapshot = team
      ? { countryCode: team.countryCode, organisationId: team.organisationId, organisationName: team.organisationName }
      : person
        ? await this.enrolments.personSnapshot(manager, person.id)
        : { countryCode: null, organisationId: null, organisationName: null };
    const values = { offeringId: offering.id, holdsSeat: true, seatCountryCode, nominatedById: actor.id, completedAt: null, ...snapshot };
    let enrolment: Enrolment;
    if (existing) {
      enrolment = await this.enrolments.transition(manager, existing, status, actor, null, values);
    } else {
      const created = await this.enrolments.insertRow(manager, {
        courseId: course.id,
        userId: person?.id ?? null,
        invitedEmail: person ? null : email,
        status,
        ...values,
      });
      if (!created) throw new Skip('enrolment:skipAlreadyEnrolled');
      await this.enrolments.recordEvent(manager, created.id, null, status, actor, null);
      enrolment = created;
    }
    if (person) {
      await this.enrolments.notifyLearner(manager, enrolment, course, status, null);
      return { kind: status === 'ENROLLED' ? 'enrolled' : 'pending', enrolment };
    }
    const locale = account?.preferredLocale ?? actor.locale ?? DEFAULT_LOCALE;
    const next = `/courses/${course.slug}`;
    await this.mail.queueEmail(manager, {
      to: email,
      toName: account?.name ?? email,
      locale,
      template: 'learningInvitation',
      params: {
        email,
        inviter: team ? `${actor.name} (${team.organisationName})` : actor.name,
        course: textIn(course.title, locale),
        link: `${this.config.publicUrl}/sign-up?next=${encodeURIComponent(next)}`,
      },
    });
    return { kind: 'invited', enrolment };
  }

  /**
   * Runs inside the verification transaction: invitations to this address get the account. A
   * nomination under OPEN or INVITATION becomes ENROLLED; under APPROVAL it keeps waiting for the
   * organiser. If the person meanwhile enrolled on their own, the invitation's seat is given back.
   */
  async claim(manager: EntityManager, account: { id: string; email: string }): Promise<void> {
    const rows = await manager.find(Enrolment, {
      where: { invitedEmail: account.email.trim().toLowerCase(), userId: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!rows.length) return;
    const user = await manager.findOneByOrFail(User, { id: account.id });
    for (const row of rows) {
      const own = await manager.findOneBy(Enrolment, { courseId: row.courseId, userId: account.id });
      if (own) {
        if (row.holdsSeat) await this.enrolments.leave(manager, row, 'WITHDRAWN', null, null);
        continue;
      }
      const course = await manager.findOneByOrFail(Course, { id: row.courseId });
      const patch = { userId: account.id, countryCode: row.countryCode ?? (user.countryCode?.trim() || null) };
      if (row.status === 'NOMINATED' && course.enrolmentPolicy !== 'APPROVAL') {
        const enrolled = await this.enrolments.transition(manager, row, 'ENROLLED', null, null, patch);
        await this.enrolments.notifyLearner(manager, enrolled, course, 'ENROLLED', null);
      } else {
        await manager.update(Enrolment, { id: row.id }, patch);
      }
    }
  }
}
