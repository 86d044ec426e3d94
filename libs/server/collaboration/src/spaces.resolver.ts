import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { renderMarkdown } from '@alliance/server-learning';
import { Ctx, RequireAuth, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import type { AccessLevel } from '@alliance/shared-core';
import { CollaborationAccessService, atLeast, type CollaborationViewer, type SpaceAccess } from './access';
import type { CollaborationSpace } from './entities';
import { AccessLevelEnum } from './dto/enums';
import {
  MyTablesArgs,
  RequestTableInput,
  ReviewTableInput,
  TableDetailsInput,
  TableEventModel,
  TableOrganisationModel,
  TableOrganisationSearchArgs,
  TableParticipantModel,
  TablePartyModel,
  TablePersonModel,
  TableReviewQueueArgs,
  WorkingTableConnection,
  WorkingTableModel,
} from './dto/spaces';
import {
  SpacesService,
  canAnswer,
  canCloseTable,
  canEditParticipants,
  canEditRequest,
  canResubmit,
  canReviewTable,
  managesAllLists,
  type EventRow,
  type ParticipantRow,
  type PartyRow,
} from './spaces.service';

function groupBy<R>(rows: readonly R[], keyOf: (row: R) => string): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/**
 * Per-request batched look-ups for WorkingTable's fields: a page of 20 tables costs one query per
 * kind of field (access, parties, participants, history, names), not one per table.
 */
function tableLoaders(ctx: RequestContext, spaces: SpacesService, viewer: CollaborationViewer | undefined) {
  return {
    access: ctx.loaders.get<string, SpaceAccess | null>('collab.tables.access', async (keys) => {
      const byId = await spaces.accessMany(viewer, keys);
      return keys.map((k) => byId.get(k) ?? null);
    }),
    parties: ctx.loaders.get<string, PartyRow[]>('collab.tables.parties', async (keys) => {
      const bySpace = groupBy(await spaces.partiesOf(keys), (r) => r.spaceId);
      return keys.map((k) => bySpace.get(k) ?? []);
    }),
    participants: ctx.loaders.get<string, ParticipantRow[]>('collab.tables.participants', async (keys) => {
      const bySpace = groupBy(await spaces.participantsOf(keys), (r) => r.spaceId);
      return keys.map((k) => bySpace.get(k) ?? []);
    }),
    history: ctx.loaders.get<string, EventRow[]>('collab.tables.history', async (keys) => {
      const bySpace = groupBy(await spaces.historyOf(keys), (r) => r.spaceId);
      return keys.map((k) => bySpace.get(k) ?? []);
    }),
    userName: ctx.loaders.get<string, string | null>('collab.tables.userName', async (keys) => {
      const names = await spaces.userNames(keys);
      return keys.map((k) => names.get(k) ?? null);
    }),
  };
}

const NO_ACCESS = (space: CollaborationSpace): SpaceAccess => ({ space, level: 'NONE', managedPartyIds: [], participantPartyId: null, organiser: false });

const connectionOf = (page: ConnectionShape<CollaborationSpace>): ConnectionShape<WorkingTableModel> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: WorkingTableModel.from(e.node) })),
});

/** Working tables: the request, the parties' answers and lists, review and closing (spaces.service.ts holds the rules). */
@Resolver(() => WorkingTableModel)
export class SpacesResolver {
  constructor(
    private readonly spaces: SpacesService,
    private readonly access: CollaborationAccessService,
  ) {}

  private viewer(ctx: RequestContext): CollaborationViewer | undefined {
    return this.access.viewerForRequest(ctx);
  }

  private loaders(ctx: RequestContext) {
    return tableLoaders(ctx, this.spaces, this.viewer(ctx));
  }

  /** The caller's access to the table, as of this request (after a mutation: as it is now). */
  private async accessOf(table: WorkingTableModel, ctx: RequestContext): Promise<SpaceAccess> {
    if (table.access) return table.access;
    return (await this.loaders(ctx).access.load(table.id)) ?? NO_ACCESS(table.entity);
  }

  private async requesterPartyId(table: WorkingTableModel, ctx: RequestContext): Promise<string | null> {
    return (await this.loaders(ctx).parties.load(table.id)).find((p) => p.role === 'REQUESTER')?.id ?? null;
  }

  // ---------------------------------------------------------------- queries

  @Query(() => WorkingTableModel, { nullable: true, description: 'Null when missing or not visible to the caller (never an error that would reveal it exists).' })
  async table(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkingTableModel | null> {
    const access = await this.spaces.findTable(this.viewer(ctx), id);
    if (!access) return null;
    this.loaders(ctx).access.prime(access.space.id, access);
    return WorkingTableModel.from(access.space, access);
  }

  @Query(() => WorkingTableConnection, { description: 'Tables the caller takes part in, answers for, moderates or reviews; most recent activity first.' })
  @RequireAuth()
  async myTables(@Ctx() ctx: RequestContext, @Args() args: MyTablesArgs): Promise<ConnectionShape<WorkingTableModel>> {
    return connectionOf(await this.spaces.myTables(this.viewer(ctx), args.status, args.first, args.after));
  }

  @Query(() => WorkingTableConnection, { description: 'Portal moderators and administrators: requests awaiting review or changes, oldest submission first.' })
  @RequireAuth()
  async tableReviewQueue(@Ctx() ctx: RequestContext, @Args() args: TableReviewQueueArgs): Promise<ConnectionShape<WorkingTableModel>> {
    return connectionOf(await this.spaces.reviewQueue(this.viewer(ctx), args.status, args.first, args.after));
  }

  @Query(() => [TablePersonModel], { description: 'Portal moderators and administrators: people with the moderator role, to assign to a table.' })
  @RequireAuth()
  async collaborationModerators(@Ctx() ctx: RequestContext): Promise<TablePersonModel[]> {
    return (await this.spaces.moderators(this.viewer(ctx))).map((p) => TablePersonModel.of(p));
  }

  @Query(() => [TableOrganisationModel], { description: 'The organisations the caller may request a table for (empty: the caller may not request).' })
  async tableRequestOrganisations(@Ctx() ctx: RequestContext): Promise<TableOrganisationModel[]> {
    return (await this.spaces.requestOrganisations(this.viewer(ctx))).map((o) => TableOrganisationModel.of(o));
  }

  @Query(() => [TableOrganisationModel], { description: 'Active member organisations to invite, by name and country (at most 20).' })
  @RequireAuth()
  async tableOrganisationSearch(@Ctx() ctx: RequestContext, @Args() args: TableOrganisationSearchArgs): Promise<TableOrganisationModel[]> {
    return (await this.spaces.searchOrganisations(this.viewer(ctx), args)).map((o) => TableOrganisationModel.of(o));
  }

  // ---------------------------------------------------------------- mutations

  @Mutation(() => WorkingTableModel)
  @RequireAuth()
  async requestTable(@Ctx() ctx: RequestContext, @Args('input') input: RequestTableInput): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.request(this.viewer(ctx), input));
  }

  @Mutation(() => WorkingTableModel, { description: 'The requesting side, while REQUESTED or CHANGES_REQUESTED.' })
  @RequireAuth()
  async updateTableRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: TableDetailsInput): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.updateRequest(this.viewer(ctx), id, input));
  }

  @Mutation(() => WorkingTableModel, { description: 'CHANGES_REQUESTED -> REQUESTED, applying the edits when given.' })
  @RequireAuth()
  async resubmitTableRequest(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => TableDetailsInput, nullable: true }) input?: TableDetailsInput | null,
  ): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.resubmit(this.viewer(ctx), id, input));
  }

  @Mutation(() => WorkingTableModel, { description: 'An invited party’s representative or focal point confirms, with the party’s participants.' })
  @RequireAuth()
  async confirmTableParty(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('partyId', { type: () => ID }) partyId: string,
    @Args('participantEmails', { type: () => [String] }) participantEmails: string[],
  ): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.confirmParty(this.viewer(ctx), id, partyId, participantEmails));
  }

  @Mutation(() => WorkingTableModel)
  @RequireAuth()
  async declineTableParty(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('partyId', { type: () => ID }) partyId: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.declineParty(this.viewer(ctx), id, partyId, note));
  }

  @Mutation(() => WorkingTableModel, { description: 'The party’s managers, the table’s moderator or administrators; people already listed are kept.' })
  @RequireAuth()
  async addTableParticipants(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('partyId', { type: () => ID }) partyId: string,
    @Args('participantEmails', { type: () => [String] }) participantEmails: string[],
  ): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.addParticipants(this.viewer(ctx), id, partyId, participantEmails));
  }

  @Mutation(() => WorkingTableModel)
  @RequireAuth()
  async removeTableParticipant(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('participantId', { type: () => ID }) participantId: string,
  ): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.removeParticipant(this.viewer(ctx), id, participantId));
  }

  @Mutation(() => WorkingTableModel, { description: 'Portal moderators and administrators, while REQUESTED.' })
  @RequireAuth()
  async reviewTable(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: ReviewTableInput): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.review(this.viewer(ctx), id, input));
  }

  @Mutation(() => WorkingTableModel, { description: 'The assigned moderator or an administrator closes an open table (read-only from then on).' })
  @RequireAuth()
  async closeTable(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<WorkingTableModel> {
    return WorkingTableModel.from(await this.spaces.close(this.viewer(ctx), id, note));
  }

  // ---------------------------------------------------------------- fields

  @ResolveField(() => String, { description: 'The purpose as sanitised HTML (from its Markdown).' })
  descriptionHtml(@Parent() table: WorkingTableModel): string {
    return renderMarkdown(table.description);
  }

  @ResolveField(() => String, { description: 'The proposed agenda as sanitised HTML (from its Markdown).' })
  agendaHtml(@Parent() table: WorkingTableModel): string {
    return renderMarkdown(table.agenda);
  }

  @ResolveField(() => String, { nullable: true })
  async requesterName(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return table.entity.requestedById ? this.loaders(ctx).userName.load(table.entity.requestedById) : null;
  }

  @ResolveField(() => TableOrganisationModel, { nullable: true })
  async requestingOrganisation(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<TableOrganisationModel | null> {
    const party = (await this.loaders(ctx).parties.load(table.id)).find((p) => p.role === 'REQUESTER');
    return party ? TableOrganisationModel.of({ id: party.organisationId, name: party.organisationName, countryCode: party.countryCode }) : null;
  }

  @ResolveField(() => TablePersonModel, { nullable: true, description: 'Assigned on approval.' })
  async moderator(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<TablePersonModel | null> {
    const id = table.entity.moderatorId;
    if (!id) return null;
    const name = await this.loaders(ctx).userName.load(id);
    return name ? TablePersonModel.of({ id, name }) : null;
  }

  @ResolveField(() => AccessLevelEnum, { description: 'OVERVIEW: the request and the lists; MEMBER and above: the table’s content too.' })
  async myAccess(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<AccessLevel> {
    return (await this.accessOf(table, ctx)).level;
  }

  @ResolveField(() => Boolean, { description: 'May organise the table’s work (sessions, commitments): moderator, administrators, the requesting party’s participants.' })
  async organiser(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.accessOf(table, ctx)).organiser;
  }

  @ResolveField(() => Boolean, { description: 'May edit topic, purpose, agenda and dates now (the requesting side, under review).' })
  async canEdit(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canEditRequest(this.viewer(ctx), await this.accessOf(table, ctx), await this.requesterPartyId(table, ctx));
  }

  @ResolveField(() => Boolean, { description: 'May resubmit the request after changes were asked for.' })
  async canResubmit(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canResubmit(this.viewer(ctx), await this.accessOf(table, ctx), await this.requesterPartyId(table, ctx));
  }

  @ResolveField(() => Boolean, { description: 'May approve, ask for changes or decline now.' })
  async canReview(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    const access = await this.accessOf(table, ctx);
    return atLeast(access.level, 'OVERVIEW') && canReviewTable(this.viewer(ctx), access.space);
  }

  @ResolveField(() => Boolean, { description: 'May close the table now (its moderator or an administrator, while open).' })
  async canClose(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canCloseTable(await this.accessOf(table, ctx));
  }

  @ResolveField(() => Boolean, { description: 'May change every party’s list (the moderator, administrators, reviewers while under review).' })
  async canManageParticipants(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    const access = await this.accessOf(table, ctx);
    return access.space.status !== 'CLOSED' && access.space.status !== 'DECLINED' && managesAllLists(this.viewer(ctx), access);
  }

  @ResolveField(() => [TablePartyModel], { description: 'The requester first, then by name.' })
  async parties(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<TablePartyModel[]> {
    const access = await this.accessOf(table, ctx);
    if (!atLeast(access.level, 'OVERVIEW')) return [];
    const viewer = this.viewer(ctx);
    const loaders = this.loaders(ctx);
    const [parties, participants] = await Promise.all([loaders.parties.load(table.id), loaders.participants.load(table.id)]);
    // Names in the reader's alphabetical order (the database's collation may put "Nacional" before "de").
    const collator = new Intl.Collator(ctx.locale, { sensitivity: 'base' });
    const byParty = groupBy([...participants].sort((a, b) => collator.compare(a.name, b.name)), (p) => p.partyId);
    const sorted = [...parties].sort((a, b) => Number(b.role === 'REQUESTER') - Number(a.role === 'REQUESTER') || collator.compare(a.organisationName, b.organisationName));
    return sorted.map((party) =>
      Object.assign(new TablePartyModel(), {
        id: party.id,
        organisationId: party.organisationId,
        organisationName: party.organisationName,
        countryCode: party.countryCode,
        role: party.role,
        status: party.status,
        respondedAt: party.respondedAt,
        canManage: access.managedPartyIds.includes(party.id),
        canAnswer: canAnswer(access, party),
        canEditParticipants: canEditParticipants(viewer, access, party),
        participants: (byParty.get(party.id) ?? []).map((p) =>
          Object.assign(new TableParticipantModel(), { id: p.id, userId: p.userId, name: p.name, organisationName: party.organisationName }),
        ),
      }),
    );
  }

  @ResolveField(() => [TableEventModel], { description: 'Newest first.' })
  async history(@Parent() table: WorkingTableModel, @Ctx() ctx: RequestContext): Promise<TableEventModel[]> {
    const access = await this.accessOf(table, ctx);
    if (!atLeast(access.level, 'OVERVIEW')) return [];
    const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return (await this.loaders(ctx).history.load(table.id)).map((e) =>
      Object.assign(new TableEventModel(), {
        id: e.id,
        action: e.action,
        note: e.note,
        actorName: e.actorName,
        organisationName: text(e.data.organisation),
        personName: text(e.data.person),
        count: typeof e.data.count === 'number' ? e.data.count : null,
        at: e.at,
      }),
    );
  }
}
