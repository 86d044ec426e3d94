import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, Ctx, RequireAuth, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import { renderMarkdown } from '@alliance/server-learning';
import { Role } from '@alliance/shared-core';
import { CollaborationAccessService, atLeast, type CollaborationViewer, type SpaceAccess } from './access';
import {
  CreateTechnicalGroupInput,
  TechnicalGroupConnection,
  TechnicalGroupCoordinationModel,
  TechnicalGroupEventModel,
  TechnicalGroupMemberInput,
  TechnicalGroupMemberModel,
  TechnicalGroupModel,
  TechnicalGroupParticipantModel,
  TechnicalGroupPersonModel,
  TechnicalGroupsArgs,
} from './dto/groups';
import { GroupsService, coordinationView, type CoordinationRecord, type CoordinationView, type GroupEventView, type GroupMember } from './groups.service';

function groupModel(access: SpaceAccess): TechnicalGroupModel {
  const s = access.space;
  return Object.assign(new TechnicalGroupModel(), {
    id: s.id,
    title: s.title,
    description: s.description,
    status: s.status,
    timeZone: s.timeZone,
    rotationMonths: s.rotationMonths ?? 0,
    rotationStartsOn: s.rotationStartsOn ?? '',
    createdAt: s.createdAt,
    closedAt: s.closedAt,
    myAccess: access.level,
    // Nothing can be organised in an archive, whoever coordinated when it closed.
    organiser: access.organiser && s.status === 'OPEN',
    canManage: s.status === 'OPEN' && atLeast(access.level, 'MODERATOR'),
    moderatorId: s.moderatorId,
    managedPartyIds: access.managedPartyIds,
  });
}

function coordinationModel(r: CoordinationRecord): TechnicalGroupCoordinationModel {
  return Object.assign(new TechnicalGroupCoordinationModel(), {
    id: r.id,
    partyId: r.partyId,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    countryCode: r.countryCode,
    stillMember: r.stillMember,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    lastDay: r.lastDay,
  });
}

/** Queries and mutations of technical groups. Anyone who does not see a group is told it does not exist. */
@Resolver(() => TechnicalGroupModel)
export class GroupsResolver {
  constructor(
    private readonly groups: GroupsService,
    private readonly access: CollaborationAccessService,
  ) {}

  private viewer(ctx: RequestContext): CollaborationViewer | undefined {
    return this.access.viewerForRequest(ctx);
  }

  /** The group after a change, as the caller now sees it. */
  private async reread(ctx: RequestContext, id: string): Promise<TechnicalGroupModel> {
    const access = await this.groups.findGroup(this.viewer(ctx), id);
    if (!access) throw AppError.notFound('collaboration:notFound');
    return groupModel(access);
  }

  @Query(() => TechnicalGroupModel, { nullable: true, description: 'Null when missing or not visible to the caller.' })
  async technicalGroup(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<TechnicalGroupModel | null> {
    const access = await this.groups.findGroup(this.viewer(ctx), id);
    return access ? groupModel(access) : null;
  }

  @Query(() => TechnicalGroupConnection, { description: 'Technical groups the caller takes part in or answers for (administrators: all); open ones first, by name.' })
  @RequireAuth()
  async myTechnicalGroups(@Ctx() ctx: RequestContext, @Args() args: TechnicalGroupsArgs): Promise<ConnectionShape<TechnicalGroupModel>> {
    const page = await this.groups.myGroups(this.viewer(ctx), args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: groupModel(e.node) })) };
  }

  @Mutation(() => TechnicalGroupModel, { description: 'Moderators and administrators: a new open technical group with rotating coordination.' })
  @RequireAuth(Role.Moderator, Role.Admin)
  async createTechnicalGroup(@Ctx() ctx: RequestContext, @Args('input') input: CreateTechnicalGroupInput): Promise<TechnicalGroupModel> {
    return this.reread(ctx, await this.groups.create(this.viewer(ctx), input));
  }

  @Mutation(() => TechnicalGroupModel, { description: 'Moderator and administrators: a member organisation joins at the end of the rotation.' })
  @RequireAuth()
  async addTechnicalGroupMember(
    @Ctx() ctx: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('member') member: TechnicalGroupMemberInput,
  ): Promise<TechnicalGroupModel> {
    await this.groups.addMember(this.viewer(ctx), groupId, member);
    return this.reread(ctx, groupId);
  }

  @Mutation(() => TechnicalGroupModel, { description: 'Moderator and administrators: a member organisation leaves (recorded coordination periods stay).' })
  @RequireAuth()
  async removeTechnicalGroupMember(
    @Ctx() ctx: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('partyId', { type: () => ID }) partyId: string,
  ): Promise<TechnicalGroupModel> {
    await this.groups.removeMember(this.viewer(ctx), groupId, partyId);
    return this.reread(ctx, groupId);
  }

  @Mutation(() => TechnicalGroupModel, { description: 'The member’s representatives and focal points, the moderator and administrators: add registered people to the member’s list.' })
  @RequireAuth()
  async addTechnicalGroupParticipants(
    @Ctx() ctx: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('partyId', { type: () => ID }) partyId: string,
    @Args('emails', { type: () => [String] }) emails: string[],
  ): Promise<TechnicalGroupModel> {
    await this.groups.addParticipants(this.viewer(ctx), groupId, partyId, { emails });
    return this.reread(ctx, groupId);
  }

  @Mutation(() => TechnicalGroupModel, { description: 'Same people as addTechnicalGroupParticipants: take someone off a member’s list.' })
  @RequireAuth()
  async removeTechnicalGroupParticipant(
    @Ctx() ctx: RequestContext,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('participantId', { type: () => ID }) participantId: string,
  ): Promise<TechnicalGroupModel> {
    await this.groups.removeParticipant(this.viewer(ctx), groupId, participantId);
    return this.reread(ctx, groupId);
  }

  @Mutation(() => TechnicalGroupModel, { description: 'Moderator and administrators: the current coordination ends today and the next member’s starts today.' })
  @RequireAuth()
  async handOverTechnicalGroupCoordination(@Ctx() ctx: RequestContext, @Args('groupId', { type: () => ID }) groupId: string): Promise<TechnicalGroupModel> {
    await this.groups.handOver(this.viewer(ctx), groupId);
    return this.reread(ctx, groupId);
  }

  @Mutation(() => TechnicalGroupModel, { description: 'Moderator and administrators: the group becomes a read-only archive.' })
  @RequireAuth()
  async closeTechnicalGroup(@Ctx() ctx: RequestContext, @Args('groupId', { type: () => ID }) groupId: string): Promise<TechnicalGroupModel> {
    await this.groups.close(this.viewer(ctx), groupId);
    return this.reread(ctx, groupId);
  }

  // ---------------------------------------------------------------- fields needing other rows
  // One batched query per kind of field for a whole list (per-request loaders, never shared between
  // requests or people).

  private loaders(ctx: RequestContext) {
    const groups = this.groups;
    return {
      members: ctx.loaders.get<string, GroupMember[]>('groups.members', async (keys) => {
        const members = await groups.membersOf(keys);
        return keys.map((k) => members.get(k) ?? []);
      }),
      coordinations: ctx.loaders.get<string, { today: string; records: CoordinationRecord[] }>('groups.coordinations', async (keys) => {
        const { today, bySpace } = await groups.coordinationsOf(keys);
        return keys.map((k) => ({ today, records: bySpace.get(k) ?? [] }));
      }),
      history: ctx.loaders.get<string, GroupEventView[]>('groups.history', async (keys) => {
        const history = await groups.historyOf(keys);
        return keys.map((k) => history.get(k) ?? []);
      }),
      userName: ctx.loaders.get<string, string | null>('groups.userName', async (keys) => {
        const names = await groups.userNames(keys);
        return keys.map((k) => names.get(k) ?? null);
      }),
    };
  }

  private async coordination(group: TechnicalGroupModel, ctx: RequestContext): Promise<CoordinationView> {
    const loaders = this.loaders(ctx);
    const [members, { today, records }] = await Promise.all([loaders.members.load(group.id), loaders.coordinations.load(group.id)]);
    return coordinationView(group, members, records, today);
  }

  @ResolveField(() => String, { description: 'The mandate as sanitised HTML (from its Markdown).' })
  descriptionHtml(@Parent() group: TechnicalGroupModel): string {
    return renderMarkdown(group.description);
  }

  @ResolveField(() => TechnicalGroupPersonModel, { nullable: true })
  async moderator(@Parent() group: TechnicalGroupModel, @Ctx() ctx: RequestContext): Promise<TechnicalGroupPersonModel | null> {
    if (!group.moderatorId) return null;
    const name = await this.loaders(ctx).userName.load(group.moderatorId);
    return name ? Object.assign(new TechnicalGroupPersonModel(), { id: group.moderatorId, name }) : null;
  }

  @ResolveField(() => [TechnicalGroupMemberModel], { description: 'In rotation order.' })
  async members(@Parent() group: TechnicalGroupModel, @Ctx() ctx: RequestContext): Promise<TechnicalGroupMemberModel[]> {
    const members = await this.loaders(ctx).members.load(group.id);
    const open = group.status === 'OPEN';
    return members.map((m) =>
      Object.assign(new TechnicalGroupMemberModel(), {
        partyId: m.partyId,
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        countryCode: m.countryCode,
        rotationOrder: m.rotationOrder,
        canManage: open && (atLeast(group.myAccess, 'MODERATOR') || group.managedPartyIds.includes(m.partyId)),
        participants: m.participants.map((p) => Object.assign(new TechnicalGroupParticipantModel(), { id: p.id, userId: p.userId, name: p.name })),
      }),
    );
  }

  @ResolveField(() => TechnicalGroupCoordinationModel, { nullable: true, description: 'The member coordinating today (null before the first period and once closed).' })
  async currentCoordination(@Parent() group: TechnicalGroupModel, @Ctx() ctx: RequestContext): Promise<TechnicalGroupCoordinationModel | null> {
    const { current } = await this.coordination(group, ctx);
    return current ? coordinationModel(current) : null;
  }

  @ResolveField(() => [TechnicalGroupCoordinationModel], { description: 'Finished periods, newest first (once closed: every period).' })
  async pastCoordinations(@Parent() group: TechnicalGroupModel, @Ctx() ctx: RequestContext): Promise<TechnicalGroupCoordinationModel[]> {
    return (await this.coordination(group, ctx)).past.map(coordinationModel);
  }

  @ResolveField(() => TechnicalGroupCoordinationModel, { nullable: true, description: 'Who takes over next, with the current members (the first period before the rotation starts).' })
  async nextCoordination(@Parent() group: TechnicalGroupModel, @Ctx() ctx: RequestContext): Promise<TechnicalGroupCoordinationModel | null> {
    const { next } = await this.coordination(group, ctx);
    return next ? coordinationModel(next) : null;
  }

  @ResolveField(() => [TechnicalGroupEventModel], { description: 'Newest first.' })
  async history(@Parent() group: TechnicalGroupModel, @Ctx() ctx: RequestContext): Promise<TechnicalGroupEventModel[]> {
    return (await this.loaders(ctx).history.load(group.id)).map((e) =>
      Object.assign(new TechnicalGroupEventModel(), {
        id: e.id,
        action: e.action,
        at: e.at,
        actorName: e.actorName,
        note: e.note,
        organisationName: e.organisationName,
        personName: e.personName,
        toOrganisationName: e.toOrganisationName,
      }),
    );
  }
}
