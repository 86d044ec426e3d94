import { Args, ArgsType, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AllianceCountry, CountryModel } from '@alliance/server-alliance';
import { Certificate, CertificateBatchModel, CertificateModel, CertificatesService } from '@alliance/server-certificates';
import { AppError, Ctx, CurrentUser, PageArgs, RequireAuth, byKeys, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { countryName } from '@alliance/shared-core';
import { PollModeEnum, RegistrationStatusEnum } from './dto/enums';
import { FollowUpInput, PollActionInput, RegistrationAnswerInput } from './dto/inputs';
import {
  FollowUpModel,
  ParticipantModel,
  PollActionModel,
  PollModel,
  PollResultModel,
  RegistrationConnection,
  RegistrationEventModel,
  RegistrationModel,
  RegistrationPersonModel,
  WorkshopFiguresModel,
  WorkshopModel,
  WorkshopSessionModel,
} from './dto/models';
import { Workshop, WorkshopAttendance, WorkshopRegistration, WorkshopRegistrationEvent } from './entities';
import { AttendanceService } from './attendance.service';
import { FiguresService } from './figures.service';
import { HeldService, workshopAchievementKey } from './held.service';
import { PollService } from './poll.service';
import { canManageWorkshop, isUuid, type WorkshopActor } from './util';
import { RegistrationsService } from './registrations.service';
import type { PollMode, RegistrationStatus } from './workshops.constants';

const actorOf = (user: SessionUser): WorkshopActor => ({ id: user.id, name: user.name, roles: user.roles, locale: user.locale });

@ArgsType()
export class WorkshopRegistrationsArgs extends PageArgs {
  @Field(() => ID) workshopId: string;
  @Field(() => RegistrationStatusEnum, { nullable: true }) status?: RegistrationStatus | null;
  @Field(() => String, { nullable: true }) search?: string | null;
}

const group = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] => {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
};

/** Per-request batched look-ups of the registration side (one query per kind and request). */
function registrationLoaders(ctx: RequestContext, dataSource: DataSource) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  return {
    workshop: ctx.loaders.get<string, Workshop | null>('workshopReg.workshop', async (keys) =>
      byKeys(keys, await dataSource.getRepository(Workshop).findBy({ id: In(ids(keys)) }), (w) => w.id),
    ),
    user: ctx.loaders.get<string, User | null>('workshopReg.user', async (keys) => byKeys(keys, await dataSource.getRepository(User).findBy({ id: In(ids(keys)) }), (u) => u.id)),
    country: ctx.loaders.get<string, AllianceCountry | null>('workshopReg.country', async (codes) =>
      byKeys(codes, await dataSource.getRepository(AllianceCountry).findBy({ code: In([...codes]) }), (c) => c.code.trim()),
    ),
    events: ctx.loaders.get<string, WorkshopRegistrationEvent[]>('workshopReg.events', async (keys) =>
      group(
        keys,
        await dataSource.getRepository(WorkshopRegistrationEvent).find({ where: { registrationId: In(ids(keys)) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (e) => e.registrationId,
      ),
    ),
    attendance: ctx.loaders.get<string, string[]>('workshopReg.attendance', async (keys) =>
      group(keys, await dataSource.getRepository(WorkshopAttendance).find({ where: { registrationId: In(ids(keys)) }, order: { createdAt: 'ASC' } }), (a) => a.registrationId).map(
        (list) => list.map((a) => a.sessionId),
      ),
    ),
    waitlistPosition: ctx.loaders.get<string, number | null>('workshopReg.waitlistPosition', async (keys) => {
      const rows = (await dataSource.query(
        `SELECT id, position FROM (
           SELECT r.id, row_number() OVER (PARTITION BY r.workshop_id ORDER BY r.waitlisted_at, r.created_at, r.id)::int AS position
             FROM workshop_registrations r
            WHERE r.status = 'WAITLISTED' AND r.workshop_id IN (SELECT workshop_id FROM workshop_registrations WHERE id = ANY($1))
         ) w WHERE id = ANY($1)`,
        [ids(keys)],
      )) as Array<{ id: string; position: number }>;
      const map = new Map(rows.map((r) => [r.id, r.position]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    certificate: ctx.loaders.get<string, Certificate | null>('workshopReg.certificate', async (keys) => {
      // key: `${workshopId}|${userId}`
      const pairs = keys.map((k) => k.split('|'));
      const rows = await dataSource.getRepository(Certificate).find({
        where: { achievementKey: In(pairs.map((p) => workshopAchievementKey(p[0]))), recipientUserId: In(ids(pairs.map((p) => p[1]))), status: 'issued' },
      });
      return byKeys(keys, rows, (c) => `${c.achievementKey.slice('workshop:'.length)}|${c.recipientUserId}`);
    }),
    /** The viewer's registration per workshop. */
    mine: ctx.loaders.get<string, WorkshopRegistration | null>('workshopReg.mine', async (keys) => {
      if (!ctx.user) return keys.map(() => null);
      return byKeys(keys, await dataSource.getRepository(WorkshopRegistration).findBy({ userId: ctx.user.id, workshopId: In(ids(keys)) }), (r) => r.workshopId);
    }),
    /** Whether the viewer manages the workshop. */
    canManage: ctx.loaders.get<string, boolean>('workshopReg.canManage', async (keys) => {
      const viewer = ctx.user;
      if (!viewer) return keys.map(() => false);
      const workshops = await dataSource.getRepository(Workshop).findBy({ id: In(ids(keys)) });
      const byId = new Map(workshops.map((w) => [w.id, w]));
      return Promise.all(keys.map(async (k) => (byId.has(k) ? canManageWorkshop(dataSource.manager, viewer, byId.get(k)!) : false)));
    }),
  };
}

/** Registration, attendance, poll, follow-up, figures and held queries and mutations, and the Registration fields. */
@Resolver(() => RegistrationModel)
export class RegistrationsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly attendance: AttendanceService,
    private readonly polls: PollService,
    private readonly held: HeldService,
    private readonly figuresService: FiguresService,
    private readonly certificates: CertificatesService,
  ) {}

  // ------------------------------------------------------------ queries

  @Query(() => [RegistrationModel], { description: 'The viewer’s workshop registrations, newest first.' })
  @RequireAuth()
  async myRegistrations(@CurrentUser() user: SessionUser): Promise<RegistrationModel[]> {
    return (await this.registrations.ofUser(user.id)).map((r) => RegistrationModel.from(r));
  }

  @Query(() => RegistrationConnection, { description: 'Managers of the workshop. CSV: GET /api/workshops/<id>/participants.csv' })
  @RequireAuth()
  async workshopRegistrations(@CurrentUser() user: SessionUser, @Args() args: WorkshopRegistrationsArgs): Promise<ConnectionShape<RegistrationModel>> {
    const page = await this.registrations.ofWorkshop(actorOf(user), args.workshopId, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: RegistrationModel.from(e.node) })) };
  }

  @Query(() => WorkshopFiguresModel, { description: 'Managers: registered (confirmed), attended, by country, organisation type and sub-region.' })
  @RequireAuth()
  async workshopFigures(@CurrentUser() user: SessionUser, @Args('workshopId', { type: () => ID }) workshopId: string, @Ctx() ctx: RequestContext): Promise<WorkshopFiguresModel> {
    return Object.assign(new WorkshopFiguresModel(), await this.figuresService.figures(actorOf(user), workshopId, ctx.locale));
  }

  @Query(() => [FollowUpModel], { description: 'Managers and confirmed participants.' })
  @RequireAuth()
  async followUps(@CurrentUser() user: SessionUser, @Args('workshopId', { type: () => ID }) workshopId: string): Promise<FollowUpModel[]> {
    return (await this.polls.followUps(actorOf(user), workshopId)).map((f) => FollowUpModel.from(f));
  }

  // ------------------------------------------------------------ registration mutations

  @Mutation(() => RegistrationModel)
  @RequireAuth()
  async registerForWorkshop(
    @CurrentUser() user: SessionUser,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('answers', { type: () => [RegistrationAnswerInput] }) answers: RegistrationAnswerInput[],
    @Args('consentToList') consentToList: boolean,
  ): Promise<RegistrationModel> {
    const given = (answers ?? []).map((a) => ({ questionId: a.questionId, value: a.value }));
    return RegistrationModel.from(await this.registrations.register(actorOf(user), workshopId, given, consentToList));
  }

  @Mutation(() => RegistrationModel)
  @RequireAuth()
  async cancelRegistration(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.cancel(actorOf(user), id));
  }

  @Mutation(() => RegistrationModel)
  @RequireAuth()
  async acceptSeatOffer(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.acceptOffer(actorOf(user), id));
  }

  @Mutation(() => RegistrationModel, { description: 'Managers.' })
  @RequireAuth()
  async decideRegistration(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.decide(actorOf(user), id, approve, note));
  }

  // ------------------------------------------------------------ attendance

  @Mutation(() => RegistrationModel, { description: 'Managers.' })
  @RequireAuth()
  async markAttendance(
    @CurrentUser() user: SessionUser,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('attended') attended: boolean,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.attendance.mark(actorOf(user), sessionId, registrationId, attended));
  }

  @Mutation(() => RegistrationModel, { description: 'The participant, with the session’s code, from 15 minutes before it starts until it ends.' })
  @RequireAuth()
  async checkIn(@CurrentUser() user: SessionUser, @Args('sessionId', { type: () => ID }) sessionId: string, @Args('code') code: string): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.attendance.checkIn(actorOf(user), sessionId, code));
  }

  // ------------------------------------------------------------ poll and follow-ups

  @Mutation(() => WorkshopModel, { description: 'Managers, before the poll opens.' })
  @RequireAuth()
  async savePoll(
    @CurrentUser() user: SessionUser,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('mode', { type: () => PollModeEnum }) mode: PollMode,
    @Args('actions', { type: () => [PollActionInput] }) actions: PollActionInput[],
    @Ctx() ctx: RequestContext,
    @Args('maxVotes', { type: () => Int, nullable: true }) maxVotes?: number | null,
  ): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.polls.savePoll(actorOf(user), workshopId, mode, maxVotes, actions), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  @RequireAuth()
  async openPoll(@CurrentUser() user: SessionUser, @Args('workshopId', { type: () => ID }) workshopId: string, @Ctx() ctx: RequestContext): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.polls.openPoll(actorOf(user), workshopId), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  @RequireAuth()
  async closePoll(@CurrentUser() user: SessionUser, @Args('workshopId', { type: () => ID }) workshopId: string, @Ctx() ctx: RequestContext): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.polls.closePoll(actorOf(user), workshopId), ctx.locale);
  }

  @Mutation(() => PollModel, { description: 'Confirmed registrants while the poll is open. RANK: every action id in order; VOTE: up to maxVotes ids.' })
  @RequireAuth()
  async submitBallot(
    @CurrentUser() user: SessionUser,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('actionIds', { type: () => [ID] }) actionIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<PollModel> {
    const view = await this.polls.submitBallot(actorOf(user), workshopId, actionIds);
    return pollModel(this.polls, view.workshop, ctx, await registrationLoaders(ctx, this.dataSource).canManage.load(workshopId));
  }

  @Mutation(() => FollowUpModel, { description: 'Managers.' })
  @RequireAuth()
  async saveFollowUp(
    @CurrentUser() user: SessionUser,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('input', { type: () => FollowUpInput }) input: FollowUpInput,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
  ): Promise<FollowUpModel> {
    return FollowUpModel.from(await this.polls.saveFollowUp(actorOf(user), workshopId, id, input));
  }

  @Mutation(() => [FollowUpModel], { description: 'Managers: the `count` best-ranked actions become follow-ups (once each).' })
  @RequireAuth()
  async carryTopActions(
    @CurrentUser() user: SessionUser,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('count', { type: () => Int }) count: number,
  ): Promise<FollowUpModel[]> {
    return (await this.polls.carryTopActions(actorOf(user), workshopId, count)).map((f) => FollowUpModel.from(f));
  }

  @Mutation(() => WorkshopModel, { description: 'Managers: CLOSED/OPEN -> HELD, issuing the attendance certificate batch (once).' })
  @RequireAuth()
  async markWorkshopHeld(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.held.markHeld(actorOf(user), id), ctx.locale);
  }

  // ------------------------------------------------------------ Registration fields

  @ResolveField(() => WorkshopModel)
  async workshop(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<WorkshopModel> {
    const workshop = await registrationLoaders(ctx, this.dataSource).workshop.load(r.entity.workshopId);
    if (!workshop) throw AppError.notFound('workshopRegistration:workshopNotFound');
    return WorkshopModel.from(workshop, ctx.locale);
  }

  @ResolveField(() => RegistrationPersonModel, { description: 'E-mail only for managers and the person.' })
  async person(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<RegistrationPersonModel> {
    const loaders = registrationLoaders(ctx, this.dataSource);
    const user = await loaders.user.load(r.entity.userId);
    const maySee = !!ctx.user && (ctx.user.id === r.entity.userId || (await loaders.canManage.load(r.entity.workshopId)));
    return Object.assign(new RegistrationPersonModel(), { id: user?.id ?? null, name: user?.name ?? '', email: maySee ? (user?.email ?? '') : '' });
  }

  @ResolveField(() => CountryModel, { nullable: true })
  async country(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<CountryModel | null> {
    const code = r.entity.countryCode?.trim();
    if (!code) return null;
    return countryModel(code, await registrationLoaders(ctx, this.dataSource).country.load(code), ctx);
  }

  @ResolveField(() => Int, { nullable: true, description: '1-based, among the WAITLISTED of the workshop (order of joining the waitlist).' })
  async waitlistPosition(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (r.entity.status !== 'WAITLISTED') return null;
    return registrationLoaders(ctx, this.dataSource).waitlistPosition.load(r.entity.id);
  }

  @ResolveField(() => Int)
  async attendedSessions(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<number> {
    return (await registrationLoaders(ctx, this.dataSource).attendance.load(r.entity.id)).length;
  }

  @ResolveField(() => [ID], { description: 'The sessions this registration attended.' })
  async attendedSessionIds(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<string[]> {
    return registrationLoaders(ctx, this.dataSource).attendance.load(r.entity.id);
  }

  @ResolveField(() => [RegistrationEventModel])
  async events(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<RegistrationEventModel[]> {
    return (await registrationLoaders(ctx, this.dataSource).events.load(r.entity.id)).map((e) => RegistrationEventModel.from(e));
  }

  @ResolveField(() => CertificateModel, { nullable: true, description: 'The attendance certificate, once the workshop is held.' })
  async certificate(@Parent() r: RegistrationModel, @Ctx() ctx: RequestContext): Promise<CertificateModel | null> {
    const certificate = await registrationLoaders(ctx, this.dataSource).certificate.load(`${r.entity.workshopId}|${r.entity.userId}`);
    return certificate ? CertificateModel.fromCertificate(certificate, ctx.locale, this.certificates.verificationUrl(certificate.code)) : null;
  }
}

function countryModel(code: string, row: AllianceCountry | null, ctx: RequestContext): CountryModel {
  if (row) return CountryModel.from(row, ctx.locale);
  return Object.assign(new CountryModel(), { code, name: countryName(code, ctx.locale), subRegion: 'OBSERVER', observer: true });
}

async function pollModel(polls: PollService, workshop: Workshop, ctx: RequestContext, manages: boolean): Promise<PollModel> {
  const view = await polls.viewOf(workshop);
  const closed = !!workshop.pollClosedAt;
  const results = manages || closed ? await polls.results(workshop) : [];
  return Object.assign(new PollModel(), {
    mode: view.mode,
    maxVotes: view.maxVotes,
    open: view.open,
    actions: view.actions.map((a) => PollActionModel.from(a, ctx.locale)),
    myBallot: ctx.user ? await polls.myBallot(workshop.id, ctx.user.id) : null,
    ballots: view.ballots,
    results: results.map((r) =>
      Object.assign(new PollResultModel(), { action: PollActionModel.from(r.action, ctx.locale), points: r.points, ballots: r.ballots, rank: r.rank }),
    ),
    workshopId: workshop.id,
  });
}

/** Workshop fields of the registration side. */
@Resolver(() => WorkshopModel)
export class WorkshopRegistrationFieldsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly polls: PollService,
    private readonly held: HeldService,
  ) {}

  @ResolveField(() => RegistrationModel, { nullable: true, description: 'The viewer’s registration (null signed out or none).' })
  async myRegistration(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<RegistrationModel | null> {
    const mine = await registrationLoaders(ctx, this.dataSource).mine.load(w.id);
    return mine ? RegistrationModel.from(mine) : null;
  }

  @ResolveField(() => PollModel, { nullable: true, description: 'Results: managers always, participants once closed.' })
  async poll(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<PollModel | null> {
    if (!w.entity.pollMode) return null;
    return pollModel(this.polls, w.entity, ctx, await registrationLoaders(ctx, this.dataSource).canManage.load(w.id));
  }

  @ResolveField(() => [ParticipantModel], { description: 'Confirmed participants who consented; only for confirmed registrants and managers.' })
  async participants(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<ParticipantModel[]> {
    if (!ctx.user) return [];
    const loaders = registrationLoaders(ctx, this.dataSource);
    const mine = await loaders.mine.load(w.id);
    if (mine?.status !== 'CONFIRMED' && !(await loaders.canManage.load(w.id))) return [];
    const rows = (await this.dataSource.query(
      `SELECT u.name, trim(r.country_code) AS country_code, r.organisation_name
         FROM workshop_registrations r JOIN users u ON u.id = r.user_id
        WHERE r.workshop_id = $1 AND r.status = 'CONFIRMED' AND r.consent_to_list
        ORDER BY u.name, r.id`,
      [w.id],
    )) as Array<{ name: string; country_code: string | null; organisation_name: string | null }>;
    const countries = await loaders.country.loadMany([...new Set(rows.flatMap((r) => (r.country_code ? [r.country_code] : [])))]);
    const byCode = new Map(countries.filter((c): c is AllianceCountry => !!c && !(c instanceof Error)).map((c) => [c.code.trim(), c]));
    return rows.map((r) =>
      Object.assign(new ParticipantModel(), {
        name: r.name,
        country: r.country_code ? countryModel(r.country_code, byCode.get(r.country_code) ?? null, ctx) : null,
        organisationName: r.organisation_name,
      }),
    );
  }

  @ResolveField(() => CertificateBatchModel, { nullable: true, description: 'Managers, once the workshop is held: progress of its attendance certificates.' })
  async certificateBatch(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<CertificateBatchModel | null> {
    if (!w.entity.certificateBatchId || !(await registrationLoaders(ctx, this.dataSource).canManage.load(w.id))) return null;
    const progress = await this.held.batchProgress(w.entity);
    return progress ? Object.assign(new CertificateBatchModel(), progress) : null;
  }
}

/** WorkshopSession.attendedByMe. */
@Resolver(() => WorkshopSessionModel)
export class SessionAttendanceResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Boolean, { description: 'The viewer checked in or was marked present.' })
  async attendedByMe(@Parent() s: WorkshopSessionModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.user) return false;
    const loaders = registrationLoaders(ctx, this.dataSource);
    const mine = await loaders.mine.load(s.workshopId);
    return mine ? (await loaders.attendance.load(mine.id)).includes(s.id) : false;
  }
}
