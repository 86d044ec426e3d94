import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Int } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CountryModel, FocusAreaModel, type FocusArea } from '@alliance/server-alliance';
import { Ctx, CurrentUser, RequireAuth, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { EvidenceAccessService, type EvidenceItem } from '@alliance/server-evidence';
import { Role } from '@alliance/shared-core';
import type { Workshop } from './entities';
import { AgendaItemInput, ManagedWorkshopsArgs, MaterialInput, SessionInput, WorkshopInput, WorkshopsArgs } from './dto/inputs';
import {
  AgendaItemModel,
  InviteResultModel,
  RegistrationQuestionModel,
  WorkshopConnection,
  WorkshopCountrySeatsModel,
  WorkshopMaterialModel,
  WorkshopModel,
  WorkshopOrganiserModel,
  WorkshopSessionModel,
} from './dto/models';
import { WorkshopCatalogueService } from './catalogue.service';
import { workshopLoaders } from './loaders';
import { WorkshopEvidenceService } from './material-evidence.service';
import { materialEvidenceLoader } from './material-evidence.resolver';
import { SessionsService } from './sessions.service';
import { actorOf } from './util';
import { WorkshopsService } from './workshops.service';

const nodes = (page: ConnectionShape<Workshop>, locale: RequestContext['locale']): ConnectionShape<WorkshopModel> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: WorkshopModel.from(e.node, locale) })),
});

/** Whether the request's viewer manages the workshop (admin, or an organiser listed on it). */
async function viewerManages(ctx: RequestContext, dataSource: DataSource, workshopId: string): Promise<boolean> {
  const user = ctx.user;
  if (!user) return false;
  if (user.roles.includes(Role.Admin)) return true;
  if (!user.roles.includes(Role.Organiser)) return false;
  return workshopLoaders(ctx, dataSource).organisedByViewer.load(workshopId);
}

/** Catalogue queries and the organising side's Workshop fields. */
@Resolver(() => WorkshopModel)
export class WorkshopsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: WorkshopCatalogueService,
    private readonly workshopEvidence: WorkshopEvidenceService,
    private readonly access: EvidenceAccessService,
  ) {}

  @Query(() => WorkshopConnection, { description: 'Open, closed and held workshops; upcoming ones soonest first, otherwise newest first.' })
  async workshops(@Ctx() ctx: RequestContext, @Args() args: WorkshopsArgs): Promise<ConnectionShape<WorkshopModel>> {
    return nodes(await this.catalogue.list({ upcoming: args.upcoming, search: args.search, mode: args.mode }, args), ctx.locale);
  }

  @Query(() => WorkshopModel, { nullable: true, description: 'Drafts only for the workshop’s managers.' })
  async workshop(@Ctx() ctx: RequestContext, @Args('slug') slug: string): Promise<WorkshopModel | null> {
    const workshop = await this.catalogue.bySlug(ctx.user ? actorOf(ctx.user) : null, slug);
    return workshop ? WorkshopModel.from(workshop, ctx.locale) : null;
  }

  @Query(() => WorkshopModel, { nullable: true, description: 'Managers of the workshop only (drafts included); null for anyone else.' })
  @RequireAuth()
  async workshopById(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel | null> {
    const workshop = await this.catalogue.forManager(ctx.user ? actorOf(ctx.user) : null, id);
    return workshop ? WorkshopModel.from(workshop, ctx.locale) : null;
  }

  @Query(() => WorkshopConnection, { description: 'Workshops the viewer organises (administrators: all), most recently changed first.' })
  @RequireAuth(Role.Organiser, Role.Admin)
  async managedWorkshops(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args() args: ManagedWorkshopsArgs): Promise<ConnectionShape<WorkshopModel>> {
    return nodes(await this.catalogue.managed(actorOf(user), args.status, args), ctx.locale);
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for CONFIRMED registrants and the workshop’s managers.' })
  async meetingUrl(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!w.entity.meetingUrl || !ctx.user) return null;
    if (await viewerManages(ctx, this.dataSource, w.id)) return w.entity.meetingUrl;
    const status = await workshopLoaders(ctx, this.dataSource).viewerStatus.load(w.id);
    return status === 'CONFIRMED' ? w.entity.meetingUrl : null;
  }

  @ResolveField(() => Int)
  async waitlistCount(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<number> {
    return workshopLoaders(ctx, this.dataSource).waitlistCount.load(w.id);
  }

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel[]> {
    const areas = await workshopLoaders(ctx, this.dataSource).focusArea.loadMany(w.entity.focusAreaIds ?? []);
    return areas.filter((a): a is FocusArea => !!a && !(a instanceof Error)).map((a) => FocusAreaModel.from(a, ctx.locale));
  }

  @ResolveField(() => [RegistrationQuestionModel])
  async questions(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<RegistrationQuestionModel[]> {
    return (await workshopLoaders(ctx, this.dataSource).questions.load(w.id)).map((q) => RegistrationQuestionModel.from(q, ctx.locale));
  }

  @ResolveField(() => [WorkshopSessionModel], { description: 'In time order.' })
  async sessions(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<WorkshopSessionModel[]> {
    return (await workshopLoaders(ctx, this.dataSource).sessions.load(w.id)).map((s) => WorkshopSessionModel.from(s, ctx.locale));
  }

  @ResolveField(() => [WorkshopMaterialModel], { description: 'BEFORE first, then AFTER. Evidence items the reader may not see are left out (managers see them all).' })
  async materials(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<WorkshopMaterialModel[]> {
    const rows = await workshopLoaders(ctx, this.dataSource).materials.load(w.id);
    // A members-only item's title must not reach readers who cannot open the item.
    const linked = rows.filter((m) => m.evidenceItemId);
    let shown = rows;
    if (linked.length && !(await viewerManages(ctx, this.dataSource, w.id))) {
      const items = await materialEvidenceLoader(ctx, this.workshopEvidence, this.access).loadMany(linked.map((m) => m.evidenceItemId as string));
      const visible = new Set(items.filter((i): i is EvidenceItem => !!i && !(i instanceof Error)).map((i) => i.id));
      shown = rows.filter((m) => !m.evidenceItemId || visible.has(m.evidenceItemId));
    }
    return shown.map((m) => WorkshopMaterialModel.from(m));
  }

  @ResolveField(() => [WorkshopCountrySeatsModel])
  async countrySeats(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<WorkshopCountrySeatsModel[]> {
    const loaders = workshopLoaders(ctx, this.dataSource);
    const rows = await loaders.countrySeats.load(w.id);
    const out: WorkshopCountrySeatsModel[] = [];
    for (const row of rows) {
      const country = await loaders.country.load(row.countryCode);
      if (country) out.push(Object.assign(new WorkshopCountrySeatsModel(), { country: CountryModel.from(country, ctx.locale), seats: row.seats, taken: row.taken }));
    }
    return out;
  }

  @ResolveField(() => [WorkshopOrganiserModel])
  async organisers(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<WorkshopOrganiserModel[]> {
    return (await workshopLoaders(ctx, this.dataSource).organisers.load(w.id)).map((o) => Object.assign(new WorkshopOrganiserModel(), o));
  }

  @ResolveField(() => Boolean, { description: 'An administrator, or an organiser listed on the workshop.' })
  async canManage(@Parent() w: WorkshopModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return viewerManages(ctx, this.dataSource, w.id);
  }

  @ResolveField(() => String, { description: '/api/workshops/<slug>.ics' })
  calendarUrl(@Parent() w: WorkshopModel): string {
    return `/api/workshops/${w.slug}.ics`;
  }
}

/** The organising side's WorkshopSession fields. */
@Resolver(() => WorkshopSessionModel)
export class WorkshopSessionResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => String, { nullable: true, description: 'Self check-in code; managers only.' })
  async checkInCode(@Parent() s: WorkshopSessionModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await viewerManages(ctx, this.dataSource, s.workshopId)) ? s.entity.checkInCode : null;
  }

  @ResolveField(() => [AgendaItemModel], { description: 'In time order.' })
  async agenda(@Parent() s: WorkshopSessionModel, @Ctx() ctx: RequestContext): Promise<AgendaItemModel[]> {
    return (await workshopLoaders(ctx, this.dataSource).agenda.load(s.id)).map((a) => AgendaItemModel.from(a, ctx.locale));
  }
}

/** Organising mutations; each returns the changed workshop. Managers of the workshop only (creation: organisers). */
@Resolver()
@RequireAuth(Role.Organiser, Role.Admin)
export class OrganisingResolver {
  constructor(
    private readonly workshopsService: WorkshopsService,
    private readonly sessionsService: SessionsService,
  ) {}

  @Mutation(() => WorkshopModel, { description: 'A draft without sessions; the creator becomes its organiser.' })
  async createWorkshop(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('input') input: WorkshopInput): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.create(actorOf(user), input), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async updateWorkshop(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: WorkshopInput): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.update(actorOf(user), id, input), ctx.locale);
  }

  @Mutation(() => WorkshopModel, { description: 'Needs at least one session.' })
  async openWorkshop(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.open(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async closeWorkshop(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.close(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => WorkshopModel, { description: 'Notifies registrants and removes the reminders.' })
  async cancelWorkshop(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('note') note: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.cancel(actorOf(user), id, note), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async archiveWorkshop(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.archive(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => WorkshopModel, { description: 'The person must hold the organiser or administrator role.' })
  async addWorkshopOrganiser(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('workshopId', { type: () => ID }) workshopId: string, @Args('email') email: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.addOrganiser(actorOf(user), workshopId, email), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async removeWorkshopOrganiser(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('workshopId', { type: () => ID }) workshopId: string, @Args('userId', { type: () => ID }) userId: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.workshopsService.removeOrganiser(actorOf(user), workshopId, userId), ctx.locale);
  }

  @Mutation(() => WorkshopModel, { description: 'Creates (no id) or changes a session; a time change notifies registrants and moves reminders.' })
  async saveSession(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
    @Args('input') input: SessionInput,
  ): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.sessionsService.saveSession(actorOf(user), workshopId, id, input), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async deleteSession(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.sessionsService.deleteSession(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => WorkshopModel, { description: 'Inside its session’s time span.' })
  async saveAgendaItem(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID, nullable: true }) id: string | null, @Args('input') input: AgendaItemInput): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.sessionsService.saveAgendaItem(actorOf(user), id, input), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async deleteAgendaItem(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.sessionsService.deleteAgendaItem(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async addMaterial(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('workshopId', { type: () => ID }) workshopId: string, @Args('input') input: MaterialInput): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.sessionsService.addMaterial(actorOf(user), workshopId, input), ctx.locale);
  }

  @Mutation(() => WorkshopModel)
  async removeMaterial(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkshopModel> {
    return WorkshopModel.from(await this.sessionsService.removeMaterial(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => InviteResultModel, { description: 'E-mails as a list or CSV; newly invited addresses get an e-mail.' })
  async inviteToWorkshop(@CurrentUser() user: SessionUser, @Args('workshopId', { type: () => ID }) workshopId: string, @Args('emails') emails: string): Promise<InviteResultModel> {
    return Object.assign(new InviteResultModel(), await this.workshopsService.invite(actorOf(user), workshopId, emails));
  }
}
