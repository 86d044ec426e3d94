import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, pickLocalized, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import { CollaborationAccessService } from './access';
import { accountabilityUrl } from './accountability.controller';
import { COMMITMENT_STATUSES } from './collaboration.constants';
import { CommitmentsService, type CommitmentView } from './commitments.service';
import {
  CarryOverItemInput,
  CarryOverResultModel,
  CommitmentAccountabilityModel,
  CommitmentConnection,
  CommitmentInput,
  CommitmentModel,
  CommitmentProgressInput,
  CommitmentUpdateModel,
  PriorityWorkshopConnection,
  PriorityWorkshopModel,
  PriorityWorkshopsArgs,
  SpaceCommitmentsArgs,
  WorkshopPriorityModel,
} from './dto/commitments';
import type { CommitmentUpdate } from './entities';

function updateModel(u: CommitmentUpdate & { authorName: string | null }): CommitmentUpdateModel {
  return Object.assign(new CommitmentUpdateModel(), { id: u.id, status: u.status, progress: u.progress, note: u.note, authorName: u.authorName, createdAt: u.createdAt });
}

export function commitmentModel(v: CommitmentView): CommitmentModel {
  const c = v.commitment;
  return Object.assign(new CommitmentModel(), {
    id: c.id,
    spaceId: c.spaceId,
    kind: c.kind,
    title: c.title,
    description: c.description,
    responsibleOrganisationId: c.responsibleOrganisationId,
    responsibleOrganisationName: v.organisationName,
    responsibleCountryCode: v.countryCode,
    dueDate: c.dueDate,
    status: c.status,
    progress: c.progress,
    source: c.source,
    sourceWorkshopId: c.sourceWorkshopId,
    sourceWorkshopTitle: v.workshop?.title ?? null,
    sourceWorkshopSlug: v.workshop?.slug ?? null,
    sourceLabel: c.sourceLabel,
    completedAt: c.completedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    overdue: v.overdue,
    lastUpdate: v.lastUpdate ? updateModel(v.lastUpdate) : null,
    canReport: v.canReport,
    canEdit: v.canEdit,
  });
}

/**
 * Commitments, deliverables and mandates of a space, their progress notes, the accountability
 * summary, and the carry-over of a workshop's ranked priorities. Members and above read; organisers
 * record; the responsible organisation's participants and organisers report progress. Anyone below
 * MEMBER, signed in or not, gets NOT_FOUND collaboration:notFound (as for a missing space).
 */
@Resolver(() => CommitmentModel)
export class CommitmentsResolver {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly access: CollaborationAccessService,
  ) {}

  @Query(() => CommitmentConnection, { description: 'Members of the space: its commitments, soonest due first (no due date last).' })
  async spaceCommitments(@Ctx() ctx: RequestContext, @Args() args: SpaceCommitmentsArgs): Promise<ConnectionShape<CommitmentModel>> {
    const page = await this.commitments.list(this.access.viewerForRequest(ctx), args.spaceId, { status: args.status, overdue: args.overdue }, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: commitmentModel(e.node) })) };
  }

  @Query(() => CommitmentModel, { description: 'Members of the space: one commitment.' })
  async commitment(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CommitmentModel> {
    return commitmentModel(await this.commitments.view(this.access.viewerForRequest(ctx), id));
  }

  @ResolveField(() => [CommitmentUpdateModel], { description: 'Every progress note, newest first.' })
  async updates(@Parent() commitment: CommitmentModel): Promise<CommitmentUpdateModel[]> {
    // The parent was only returned after the access check of the query that produced it.
    return (await this.commitments.history(commitment.id)).map(updateModel);
  }

  @Query(() => CommitmentAccountabilityModel, { description: 'Members of the space: counts by status, overall progress and the export addresses.' })
  async commitmentAccountability(@Ctx() ctx: RequestContext, @Args('spaceId', { type: () => ID }) spaceId: string): Promise<CommitmentAccountabilityModel> {
    const { access, summary } = await this.commitments.accountability(this.access.viewerForRequest(ctx), spaceId);
    return Object.assign(new CommitmentAccountabilityModel(), {
      spaceId: access.space.id,
      timeZone: access.space.timeZone,
      canOrganise: access.organiser && access.space.status !== 'CLOSED',
      total: summary.total,
      overdue: summary.overdue,
      counts: COMMITMENT_STATUSES.map((status) => ({ status, count: summary.counts[status] })),
      doneShare: summary.doneShare,
      averageProgress: summary.averageProgress,
      csvUrl: accountabilityUrl(access.space.id, 'csv'),
      pdfUrl: accountabilityUrl(access.space.id, 'pdf'),
    });
  }

  @Query(() => PriorityWorkshopConnection, {
    description: 'Organisers of the space: workshops whose priority poll has results the caller may see (managers of the workshop always; others once the poll is closed).',
  })
  async priorityWorkshops(@Ctx() ctx: RequestContext, @Args() args: PriorityWorkshopsArgs): Promise<ConnectionShape<PriorityWorkshopModel>> {
    const page = await this.commitments.priorityWorkshops(this.access.viewerForRequest(ctx), args.spaceId, args.search, args);
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: Object.assign(new PriorityWorkshopModel(), {
          id: e.node.id,
          slug: e.node.slug,
          title: pickLocalized(e.node.title, ctx.locale),
          startsAt: e.node.startsAt,
          pollClosed: !!e.node.pollClosedAt,
          ballots: e.node.ballots,
        }),
      })),
    };
  }

  @Query(() => [WorkshopPriorityModel], { description: 'Organisers of the space: a workshop’s ranked actions, best first.' })
  async workshopPriorities(
    @Ctx() ctx: RequestContext,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('workshopId', { type: () => ID }) workshopId: string,
  ): Promise<WorkshopPriorityModel[]> {
    const { priorities } = await this.commitments.workshopPriorities(this.access.viewerForRequest(ctx), spaceId, workshopId);
    return priorities.map((p) =>
      Object.assign(new WorkshopPriorityModel(), { actionId: p.actionId, rank: p.rank, score: p.score, ballots: p.ballots, title: p.title, description: p.description, carried: p.carried }),
    );
  }

  @Mutation(() => CommitmentModel, { description: 'Organisers of the space.' })
  async createCommitment(
    @Ctx() ctx: RequestContext,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('input') input: CommitmentInput,
  ): Promise<CommitmentModel> {
    return commitmentModel(await this.commitments.create(this.access.viewerForRequest(ctx), spaceId, input));
  }

  @Mutation(() => CommitmentModel, { description: 'Organisers of the space: what was agreed (the overdue reminder follows the due date).' })
  async updateCommitment(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: CommitmentInput): Promise<CommitmentModel> {
    return commitmentModel(await this.commitments.update(this.access.viewerForRequest(ctx), id, input));
  }

  @Mutation(() => CommitmentModel, { description: 'The responsible organisation’s participants and the organisers: a progress note with its status and percentage.' })
  async addCommitmentProgress(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CommitmentProgressInput,
  ): Promise<CommitmentModel> {
    return commitmentModel(await this.commitments.report(this.access.viewerForRequest(ctx), id, input));
  }

  @Mutation(() => CarryOverResultModel, { description: 'Organisers of the space: chosen ranked actions of a workshop become commitments; already carried ones are skipped.' })
  async carryOverPriorities(
    @Ctx() ctx: RequestContext,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('workshopId', { type: () => ID }) workshopId: string,
    @Args('items', { type: () => [CarryOverItemInput] }) items: CarryOverItemInput[],
  ): Promise<CarryOverResultModel> {
    const result = await this.commitments.carryOver(this.access.viewerForRequest(ctx), spaceId, workshopId, items);
    return Object.assign(new CarryOverResultModel(), { created: result.created.map(commitmentModel), skippedActionIds: result.skippedActionIds });
  }
}
