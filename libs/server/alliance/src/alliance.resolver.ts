import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, Ctx, CurrentUser, PageArgs, RequireAuth, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { countryName, Role } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import type { ApplicationStatus, AllianceSubRegion, FocalPointRole, InvitationRole, MembershipCategory, OrganisationType } from './alliance.constants';
import { ApplicationsService } from './applications.service';
import { DashboardService } from './dashboard.service';
import type { FocalPoint, MembershipApplication } from './entities';
import { FocalPointsService, isCurrent } from './focal-points.service';
import { InvitationsService } from './invitations.service';
import { allianceLoaders } from './loaders';
import { OrganisationRolesService } from './organisation-roles.service';
import { OrganisationsService } from './organisations.service';
import { ReferenceService } from './reference.service';
import {
  AllianceDashboardModel,
  ApplicationEventModel,
  ApplicationInputModel,
  CharterModel,
  CountryModel,
  FocalPointModel,
  FocusAreaModel,
  InvitationModel,
  InvitationPreviewModel,
  MembershipApplicationConnection,
  MembershipApplicationModel,
  MembershipEventModel,
  MembershipModel,
  OrganisationConnection,
  OrganisationModel,
  OrganisationPersonModel,
  PersonSummary,
} from './dto/models';
import {
  ApplicationStatusEnum,
  FocalPointRoleEnum,
  InvitationRoleEnum,
  MembershipCategoryEnum,
  OrganisationRoleEnum,
  OrganisationTypeEnum,
  SubRegionEnum,
} from './dto/enums';

@ArgsType()
class ApplicationsArgs extends PageArgs {
  @Field(() => ApplicationStatusEnum, { nullable: true }) status?: ApplicationStatus | null;
}

@ArgsType()
class DirectoryArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name; accents and case do not matter.' }) search?: string | null;
  @Field(() => String, { nullable: true }) countryCode?: string | null;
  @Field(() => SubRegionEnum, { nullable: true }) subRegion?: AllianceSubRegion | null;
  @Field(() => OrganisationTypeEnum, { nullable: true }) type?: OrganisationType | null;
  @Field(() => ID, { nullable: true }) focusAreaId?: string | null;
}

const actorOf = (user: SessionUser) => ({ id: user.id, name: user.name, roles: user.roles, locale: user.locale });

/** Builds FocalPoint views: organisation name and country, and the name only where the consent rule allows. */
async function focalModels(rows: FocalPoint[], ctx: RequestContext, dataSource: DataSource, focalPoints: FocalPointsService): Promise<FocalPointModel[]> {
  const loaders = allianceLoaders(ctx, dataSource);
  return Promise.all(
    rows.map(async (f) => {
      const [organisation, user, showName] = await Promise.all([
        loaders.organisation.load(f.organisationId),
        loaders.user.load(f.userId),
        focalPoints.mayShowName(f, ctx.user),
      ]);
      return Object.assign(new FocalPointModel(), {
        id: f.id,
        name: showName ? (user?.name ?? null) : null,
        role: f.role,
        startDate: f.startDate,
        endDate: f.endDate,
        current: isCurrent(f),
        organisationName: organisation?.name ?? '',
        countryCode: organisation?.countryCode ?? '',
        consentToPublish: f.consentToPublish,
        mine: !!ctx.user && ctx.user.id === f.userId,
        focusAreaId: f.focusAreaId,
      });
    }),
  );
}

/** Reference data, charter and the secretariat's dashboard. */
@Resolver()
export class AllianceReferenceResolver {
  constructor(
    private readonly reference: ReferenceService,
    private readonly dashboards: DashboardService,
  ) {}

  @Query(() => [CountryModel], { description: 'The region’s countries and (by default) observer countries, sorted by name in the reader’s language.' })
  async countries(@Args('includeObservers', { type: () => Boolean, nullable: true, defaultValue: true }) includeObservers: boolean | null, @Ctx() ctx: RequestContext): Promise<CountryModel[]> {
    return (await this.reference.countries(includeObservers !== false, ctx.locale)).map((c) => CountryModel.from(c, ctx.locale));
  }

  @Query(() => [FocusAreaModel])
  async focusAreas(@Args('includeInactive', { type: () => Boolean, nullable: true, defaultValue: false }) includeInactive: boolean | null, @Ctx() ctx: RequestContext): Promise<FocusAreaModel[]> {
    return (await this.reference.focusAreas(includeInactive === true)).map((f) => FocusAreaModel.from(f, ctx.locale));
  }

  @Query(() => CharterModel)
  async currentCharter(@Ctx() ctx: RequestContext): Promise<CharterModel> {
    return CharterModel.from(await this.reference.currentCharter(), ctx.locale);
  }

  @Mutation(() => CharterModel, { description: 'Administrators: publishes a new version of the charter.' })
  @RequireAuth(Role.Admin)
  async publishCharter(
    @CurrentUser() user: SessionUser,
    @Args('es') es: string,
    @Args('en') en: string,
    @Args('pt') pt: string,
    @Args('fr') fr: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CharterModel> {
    return CharterModel.from(await this.reference.publishCharter(user.id, { es, en, pt, fr }), ctx.locale);
  }

  @Mutation(() => FocusAreaModel, { description: 'Administrators: creates (no id) or updates a focus area.' })
  @RequireAuth(Role.Admin)
  async saveFocusArea(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
    @Args('key') key: string,
    @Args('es') es: string,
    @Args('en') en: string,
    @Args('pt') pt: string,
    @Args('fr') fr: string,
    @Args('active') active: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<FocusAreaModel> {
    return FocusAreaModel.from(await this.reference.saveFocusArea({ id, key, es, en, pt, fr, active }, user.id), ctx.locale);
  }

  @Mutation(() => CountryModel, { description: 'Administrators: an observer country from outside the region (ISO 3166-1 alpha-2).' })
  @RequireAuth(Role.Admin)
  async addObserverCountry(@CurrentUser() user: SessionUser, @Args('code') code: string, @Ctx() ctx: RequestContext): Promise<CountryModel> {
    return CountryModel.from(await this.reference.addObserverCountry(code, user.id), ctx.locale);
  }

  @Query(() => AllianceDashboardModel, { description: 'Administrators.' })
  @RequireAuth(Role.Admin)
  async allianceDashboard(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext): Promise<AllianceDashboardModel> {
    const data = await this.dashboards.dashboard(actorOf(user));
    const t = translator(ctx.locale);
    const countries = new Map((await this.reference.countries(true, ctx.locale)).map((c) => [c.code, CountryModel.from(c, ctx.locale).name]));
    return {
      waiting: data.waiting,
      membersByCountry: data.byCountry.map((r) => ({ ...r, label: countries.get(r.key) ?? countryName(r.key, ctx.locale) })),
      membersBySubRegion: data.bySubRegion.map((r) => ({ ...r, label: String(t(`alliance:subRegion_${r.key}`)) })),
      membersByType: data.byType.map((r) => ({ ...r, label: String(t(`alliance:type_${r.key}`)) })),
      growth: data.growth,
      totalMembers: data.totalMembers,
    };
  }
}

/** Applications and their review. */
@Resolver(() => MembershipApplicationModel)
export class MembershipApplicationResolver {
  constructor(
    private readonly applications: ApplicationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => [MembershipApplicationModel], { description: 'The signed-in person’s applications, most recently changed first.' })
  @RequireAuth()
  async myApplications(@CurrentUser() user: SessionUser): Promise<MembershipApplicationModel[]> {
    return (await this.applications.listMine(actorOf(user))).map(MembershipApplicationModel.from);
  }

  @Query(() => MembershipApplicationModel, { nullable: true, description: 'Its applicant or an administrator; else NOT_FOUND.' })
  @RequireAuth()
  async membershipApplication(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<MembershipApplicationModel> {
    const application = await this.applications.findVisible(actorOf(user), id);
    if (!application) throw AppError.notFound('alliance:applicationNotFound');
    return MembershipApplicationModel.from(application);
  }

  @Query(() => MembershipApplicationConnection, { description: 'Administrators: oldest first.' })
  @RequireAuth(Role.Admin)
  async membershipApplications(@CurrentUser() user: SessionUser, @Args() args: ApplicationsArgs): Promise<ConnectionShape<MembershipApplicationModel>> {
    const page = await this.applications.list(actorOf(user), args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: MembershipApplicationModel.from(e.node) })) };
  }

  @Mutation(() => MembershipApplicationModel, {
    description: 'Applies on behalf of an organisation. CONFLICT alliance:duplicateMember / alliance:duplicateApplication names the existing one.',
  })
  @RequireAuth()
  submitMembershipApplication(@CurrentUser() user: SessionUser, @Args('input', { type: () => ApplicationInputModel }) input: ApplicationInputModel) {
    return this.model(this.applications.submit(actorOf(user), input));
  }

  @Mutation(() => MembershipApplicationModel, { description: 'The applicant, only while CHANGES_REQUESTED; sends it back to SUBMITTED.' })
  @RequireAuth()
  updateMembershipApplication(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => ApplicationInputModel }) input: ApplicationInputModel) {
    return this.model(this.applications.update(actorOf(user), id, input));
  }

  @Mutation(() => MembershipApplicationModel, { description: 'The applicant.' })
  @RequireAuth()
  withdrawMembershipApplication(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('note', { type: () => String, nullable: true }) note: string | null) {
    return this.model(this.applications.withdraw(actorOf(user), id, note));
  }

  @Mutation(() => MembershipApplicationModel, { description: 'Administrators: SUBMITTED -> UNDER_REVIEW.' })
  @RequireAuth(Role.Admin)
  startApplicationReview(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('note', { type: () => String, nullable: true }) note: string | null) {
    return this.model(this.applications.startReview(actorOf(user), id, note));
  }

  @Mutation(() => MembershipApplicationModel, { description: 'Administrators: SUBMITTED | UNDER_REVIEW -> CHANGES_REQUESTED.' })
  @RequireAuth(Role.Admin)
  requestApplicationChanges(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('note') note: string) {
    return this.model(this.applications.requestChanges(actorOf(user), id, note));
  }

  @Mutation(() => MembershipApplicationModel, {
    description: 'Administrators: SUBMITTED | UNDER_REVIEW -> APPROVED; creates the organisation and membership (default category MEMBER_STATE for ministries, else PARTNER).',
  })
  @RequireAuth(Role.Admin)
  approveMembershipApplication(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('category', { type: () => MembershipCategoryEnum, nullable: true }) category: MembershipCategory | null,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ) {
    return this.model(this.applications.approve(actorOf(user), id, category, note));
  }

  @Mutation(() => MembershipApplicationModel, { description: 'Administrators: SUBMITTED | UNDER_REVIEW -> REJECTED.' })
  @RequireAuth(Role.Admin)
  rejectMembershipApplication(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('note') note: string) {
    return this.model(this.applications.reject(actorOf(user), id, note));
  }

  @ResolveField(() => CountryModel)
  async country(@Parent() a: MembershipApplicationModel, @Ctx() ctx: RequestContext): Promise<CountryModel> {
    const country = await allianceLoaders(ctx, this.dataSource).country.load(a.countryCode);
    return country ? CountryModel.from(country, ctx.locale) : { code: a.countryCode, name: countryName(a.countryCode, ctx.locale), subRegion: 'OBSERVER', observer: true };
  }

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(@Parent() a: MembershipApplicationModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel[]> {
    const areas = await allianceLoaders(ctx, this.dataSource).focusArea.loadMany(a.focusAreaIds);
    return areas.filter((f): f is NonNullable<typeof f> & object => !!f && !(f instanceof Error)).map((f) => FocusAreaModel.from(f as never, ctx.locale));
  }

  @ResolveField(() => PersonSummary)
  async applicant(@Parent() a: MembershipApplicationModel, @Ctx() ctx: RequestContext): Promise<PersonSummary> {
    const user = await allianceLoaders(ctx, this.dataSource).user.load(a.applicantId);
    return { id: a.applicantId, name: user?.name ?? '', email: user?.email ?? '' };
  }

  @ResolveField(() => [ApplicationEventModel])
  async events(@Parent() a: MembershipApplicationModel, @Ctx() ctx: RequestContext): Promise<ApplicationEventModel[]> {
    const loader = ctx.loaders.get<string, ApplicationEventModel[]>('alliance.applicationEvents', async (ids) => {
      const rows = await this.applications.eventsOf(ids);
      return ids.map((id) => rows.filter((r) => r.applicationId === id));
    });
    return loader.load(a.id);
  }

  @ResolveField(() => OrganisationModel, { nullable: true })
  async organisation(@Parent() a: MembershipApplicationModel, @Ctx() ctx: RequestContext): Promise<OrganisationModel | null> {
    if (!a.organisationId) return null;
    const organisation = await allianceLoaders(ctx, this.dataSource).organisation.load(a.organisationId);
    return organisation ? OrganisationModel.from(organisation) : null;
  }

  private async model(promise: Promise<MembershipApplication>): Promise<MembershipApplicationModel> {
    return MembershipApplicationModel.from(await promise);
  }
}

/** Organisations, the directory, memberships. */
@Resolver(() => OrganisationModel)
export class OrganisationResolver {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly roles: OrganisationRolesService,
    private readonly focal: FocalPointsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => OrganisationConnection, { description: 'Public: active members, by name.' })
  async directory(@Args() args: DirectoryArgs): Promise<ConnectionShape<OrganisationModel>> {
    const page = await this.organisations.directory(args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: OrganisationModel.from(e.node) })) };
  }

  @Query(() => OrganisationModel, { nullable: true, description: 'Public for active members; a suspended one only for administrators and its own people.' })
  async organisation(@Args('slug') slug: string, @CurrentUser() user: SessionUser | undefined): Promise<OrganisationModel | null> {
    const organisation = await this.organisations.findBySlug(slug, user && actorOf(user));
    return organisation ? OrganisationModel.from(organisation) : null;
  }

  @Query(() => [OrganisationModel], { description: 'Organisations where the signed-in person has a role.' })
  @RequireAuth()
  async myOrganisations(@CurrentUser() user: SessionUser): Promise<OrganisationModel[]> {
    return (await this.organisations.mine(actorOf(user))).map(OrganisationModel.from);
  }

  @Mutation(() => OrganisationModel, { description: 'Administrators.' })
  @RequireAuth(Role.Admin)
  async suspendMembership(@CurrentUser() user: SessionUser, @Args('organisationId', { type: () => ID }) organisationId: string, @Args('reason') reason: string) {
    return OrganisationModel.from(await this.organisations.suspend(actorOf(user), organisationId, reason));
  }

  @Mutation(() => OrganisationModel, { description: 'Administrators.' })
  @RequireAuth(Role.Admin)
  async reinstateMembership(@CurrentUser() user: SessionUser, @Args('organisationId', { type: () => ID }) organisationId: string, @Args('reason') reason: string) {
    return OrganisationModel.from(await this.organisations.reinstate(actorOf(user), organisationId, reason));
  }

  @ResolveField(() => CountryModel)
  async country(@Parent() o: OrganisationModel, @Ctx() ctx: RequestContext): Promise<CountryModel> {
    const country = await allianceLoaders(ctx, this.dataSource).country.load(o.countryCode);
    return country ? CountryModel.from(country, ctx.locale) : { code: o.countryCode, name: countryName(o.countryCode, ctx.locale), subRegion: 'OBSERVER', observer: true };
  }

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(@Parent() o: OrganisationModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel[]> {
    const areas = await allianceLoaders(ctx, this.dataSource).focusArea.loadMany(o.focusAreaIds);
    return areas.filter((f) => !!f && !(f instanceof Error)).map((f) => FocusAreaModel.from(f as never, ctx.locale));
  }

  @ResolveField(() => MembershipModel, { nullable: true })
  async membership(@Parent() o: OrganisationModel, @Ctx() ctx: RequestContext): Promise<MembershipModel | null> {
    const membership = await allianceLoaders(ctx, this.dataSource).membership.load(o.id);
    return membership ? MembershipModel.from(membership) : null;
  }

  @ResolveField(() => [FocalPointModel])
  async focalPoints(
    @Parent() o: OrganisationModel,
    @Args('includePast', { type: () => Boolean, nullable: true, defaultValue: false }) includePast: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FocalPointModel[]> {
    return focalModels(await this.focal.ofOrganisation(o.id, includePast === true), ctx, this.dataSource, this.focal);
  }

  @ResolveField(() => [OrganisationRoleEnum], { description: 'The caller’s roles in it ([] when anonymous).' })
  myRoles(@Parent() o: OrganisationModel, @CurrentUser() user: SessionUser | undefined) {
    return this.roles.rolesIn(user?.id, o.id);
  }

  @ResolveField(() => [OrganisationPersonModel], { description: 'Representatives and members: for its representatives and administrators, else [].' })
  people(@Parent() o: OrganisationModel, @CurrentUser() user: SessionUser | undefined) {
    return this.organisations.people(o.id, user && actorOf(user));
  }
}

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly roles: OrganisationRolesService,
  ) {}

  @ResolveField(() => [MembershipEventModel], { description: 'For administrators and the organisation’s representatives; else [].' })
  async events(@Parent() m: MembershipModel, @CurrentUser() user: SessionUser | undefined): Promise<MembershipEventModel[]> {
    if (!user) return [];
    if (!user.roles.includes(Role.Admin) && !(await this.roles.rolesIn(user.id, m.organisationId)).includes('REPRESENTATIVE')) return [];
    return this.organisations.membershipEvents(m.id);
  }
}

/** Focal points and invitations. */
@Resolver(() => FocalPointModel)
export class FocalPointResolver {
  constructor(
    private readonly focalPoints: FocalPointsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => [FocalPointModel], { description: 'Public: the current focal points of a country’s member organisations.' })
  async countryFocalPoints(@Args('countryCode') countryCode: string, @Ctx() ctx: RequestContext): Promise<FocalPointModel[]> {
    return focalModels(await this.focalPoints.ofCountry(countryCode), ctx, this.dataSource, this.focalPoints);
  }

  @Mutation(() => FocalPointModel, { description: 'The organisation’s representative: designates (and hands over from the current one the day before).' })
  @RequireAuth()
  async designateFocalPoint(
    @CurrentUser() user: SessionUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('focusAreaId', { type: () => ID }) focusAreaId: string,
    @Args('role', { type: () => FocalPointRoleEnum }) role: FocalPointRole,
    @Args('startDate') startDate: string,
    @Args('endDate', { type: () => String, nullable: true }) endDate: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FocalPointModel> {
    const focal = await this.focalPoints.designate(actorOf(user), organisationId, { userId, focusAreaId, role, startDate, endDate });
    return (await focalModels([focal], ctx, this.dataSource, this.focalPoints))[0];
  }

  @Mutation(() => FocalPointModel, { description: 'The organisation’s representative or an administrator.' })
  @RequireAuth()
  async endFocalPoint(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('endDate') endDate: string, @Ctx() ctx: RequestContext) {
    return (await focalModels([await this.focalPoints.end(actorOf(user), id, endDate)], ctx, this.dataSource, this.focalPoints))[0];
  }

  @Mutation(() => FocalPointModel, { description: 'The focal point themselves: whether their name is shown publicly.' })
  @RequireAuth()
  async setFocalPointConsent(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('consentToPublish') consentToPublish: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return (await focalModels([await this.focalPoints.setConsent(actorOf(user), id, consentToPublish)], ctx, this.dataSource, this.focalPoints))[0];
  }

  @ResolveField(() => FocusAreaModel)
  async focusArea(@Parent() f: FocalPointModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel> {
    const area = await allianceLoaders(ctx, this.dataSource).focusArea.load(f.focusAreaId);
    if (!area) throw AppError.notFound();
    return FocusAreaModel.from(area, ctx.locale);
  }
}

@Resolver(() => InvitationModel)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => InvitationPreviewModel, { nullable: true, description: 'Public: what an invitation link offers (null when unknown).' })
  invitation(@Args('token') token: string): Promise<InvitationPreviewModel | null> {
    return this.invitations.preview(token);
  }

  @Query(() => [InvitationModel], { description: 'The organisation’s representatives and administrators.' })
  @RequireAuth()
  async organisationInvitations(@CurrentUser() user: SessionUser, @Args('organisationId', { type: () => ID }) organisationId: string) {
    return (await this.invitations.list(actorOf(user), organisationId)).map(InvitationModel.from);
  }

  @Mutation(() => InvitationModel, { description: 'The organisation’s representatives. FOCAL_POINT needs focusAreaId and focalRole. E-mails a link.' })
  @RequireAuth()
  async inviteToOrganisation(
    @CurrentUser() user: SessionUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('email') email: string,
    @Args('role', { type: () => InvitationRoleEnum }) role: InvitationRole,
    @Args('focusAreaId', { type: () => ID, nullable: true }) focusAreaId: string | null,
    @Args('focalRole', { type: () => FocalPointRoleEnum, nullable: true }) focalRole: FocalPointRole | null,
  ): Promise<InvitationModel> {
    return InvitationModel.from(await this.invitations.invite(actorOf(user), organisationId, { email, role, focusAreaId, focalRole }));
  }

  @Mutation(() => OrganisationModel, { description: 'Signed in with the invited e-mail address.' })
  @RequireAuth()
  async acceptInvitation(@CurrentUser() user: SessionUser, @Args('token') token: string): Promise<OrganisationModel> {
    return OrganisationModel.from(await this.invitations.accept(actorOf(user), token));
  }

  @ResolveField(() => FocusAreaModel, { nullable: true })
  async focusArea(@Parent() i: InvitationModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel | null> {
    if (!i.focusAreaId) return null;
    const area = await allianceLoaders(ctx, this.dataSource).focusArea.load(i.focusAreaId);
    return area ? FocusAreaModel.from(area, ctx.locale) : null;
  }
}

