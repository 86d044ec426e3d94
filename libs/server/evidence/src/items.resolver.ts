import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CountryModel, FocusAreaModel } from '@alliance/server-alliance';
import { Ctx, PageArgs, RequireAuth, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import { EvidenceAccessService, type EvidenceViewer } from './access';
import type { EvidenceItem } from './entities';
import type { EvidenceReviewDecision, EvidenceStatus } from './evidence.constants';
import { EvidenceReviewDecisionEnum, EvidenceStatusEnum } from './dto/enums';
import { EvidenceItemInput } from './dto/inputs';
import {
  EvidenceEventModel,
  EvidenceFileModel,
  EvidenceItemConnection,
  EvidenceItemModel,
  EvidenceOrganisationOptionModel,
  EvidenceTextModel,
} from './dto/models';
import { EvidenceItemsService, canDeleteItem, canEditItem, canReviewItem, canSubmitItem, isInsider } from './items.service';
import { evidenceLoaders, textFor } from './loaders';

@ArgsType()
export class EvidenceReviewQueueArgs extends PageArgs {
  @Field(() => EvidenceStatusEnum, { nullable: true, defaultValue: 'SUBMITTED' })
  status?: EvidenceStatus | null;
}

const nodes = (page: ConnectionShape<EvidenceItem>): ConnectionShape<EvidenceItemModel> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: EvidenceItemModel.from(e.node) })),
});

/** Queries and mutations of the evidence items (search is in search/search.resolver.ts). */
@Resolver(() => EvidenceItemModel)
export class EvidenceItemsResolver {
  constructor(
    private readonly items: EvidenceItemsService,
    private readonly access: EvidenceAccessService,
  ) {}

  private viewer(ctx: RequestContext): Promise<EvidenceViewer | undefined> {
    return this.access.viewerForRequest(ctx);
  }

  @Query(() => EvidenceItemModel, { nullable: true, description: 'Null when missing or not visible to the caller.' })
  async evidenceItem(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<EvidenceItemModel | null> {
    const item = await this.items.findVisible(id, await this.viewer(ctx));
    return item ? EvidenceItemModel.from(item) : null;
  }

  @Query(() => EvidenceItemConnection, { description: 'The caller’s own items, most recently changed first.' })
  @RequireAuth()
  async myEvidence(@Ctx() ctx: RequestContext, @Args() args: PageArgs): Promise<ConnectionShape<EvidenceItemModel>> {
    return nodes(await this.items.myEvidence(await this.viewer(ctx), args.first, args.after));
  }

  @Query(() => EvidenceItemConnection, { description: 'Organisers and administrators: items in a status (submissions oldest first).' })
  @RequireAuth()
  async evidenceReviewQueue(@Ctx() ctx: RequestContext, @Args() args: EvidenceReviewQueueArgs): Promise<ConnectionShape<EvidenceItemModel>> {
    return nodes(await this.items.reviewQueue(await this.viewer(ctx), args.status, args.first, args.after));
  }

  @Query(() => [EvidenceOrganisationOptionModel], { description: 'The caller’s active member organisations (empty when signed out).' })
  async evidenceOrganisationOptions(@Ctx() ctx: RequestContext): Promise<EvidenceOrganisationOptionModel[]> {
    const options = await this.items.organisationOptions(await this.viewer(ctx));
    return options.map((o) => Object.assign(new EvidenceOrganisationOptionModel(), o));
  }

  @Query(() => Boolean, { description: 'Whether the caller may share evidence (member organisation role or staff).' })
  async canSubmitEvidence(@Ctx() ctx: RequestContext): Promise<boolean> {
    return !!(await this.viewer(ctx))?.member;
  }

  @Mutation(() => EvidenceItemModel)
  @RequireAuth()
  async createEvidenceItem(@Ctx() ctx: RequestContext, @Args('input') input: EvidenceItemInput): Promise<EvidenceItemModel> {
    return EvidenceItemModel.from(await this.items.create(await this.viewer(ctx), input));
  }

  @Mutation(() => EvidenceItemModel)
  @RequireAuth()
  async updateEvidenceItem(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: EvidenceItemInput): Promise<EvidenceItemModel> {
    return EvidenceItemModel.from(await this.items.update(await this.viewer(ctx), id, input));
  }

  @Mutation(() => EvidenceItemModel)
  @RequireAuth()
  async submitEvidenceItem(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<EvidenceItemModel> {
    return EvidenceItemModel.from(await this.items.submit(await this.viewer(ctx), id));
  }

  @Mutation(() => EvidenceItemModel)
  @RequireAuth()
  async reviewEvidenceItem(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => EvidenceReviewDecisionEnum }) decision: EvidenceReviewDecision,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<EvidenceItemModel> {
    return EvidenceItemModel.from(await this.items.review(await this.viewer(ctx), id, decision, note));
  }

  @Mutation(() => Boolean)
  @RequireAuth()
  async deleteEvidenceDraft(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.items.deleteDraft(await this.viewer(ctx), id);
  }
}

/** EvidenceItem's fields that depend on the reader (language, permissions) or on other rows. */
@Resolver(() => EvidenceItemModel)
export class EvidenceItemFieldsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: EvidenceItemsService,
    private readonly access: EvidenceAccessService,
  ) {}

  private loaders(ctx: RequestContext) {
    return evidenceLoaders(ctx, this.items, this.dataSource);
  }

  private async shown(item: EvidenceItemModel, ctx: RequestContext) {
    return textFor(await this.loaders(ctx).texts.load(item.id), ctx.locale);
  }

  @ResolveField(() => String, { description: 'In the reader’s language when translated, else the original.' })
  async title(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.shown(item, ctx))?.title ?? '';
  }

  @ResolveField(() => String, { description: 'Same rule as title.' })
  async abstract(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.shown(item, ctx))?.abstract ?? '';
  }

  @ResolveField(() => String, { description: 'The language of title and abstract.' })
  async displayLocale(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.shown(item, ctx))?.locale ?? item.language;
  }

  @ResolveField(() => [EvidenceTextModel], { description: 'Every language, the original first.' })
  async texts(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceTextModel[]> {
    return (await this.loaders(ctx).texts.load(item.id)).map((t) => EvidenceTextModel.from(t));
  }

  @ResolveField(() => [CountryModel])
  async countries(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<CountryModel[]> {
    const rows = await this.loaders(ctx).countries.load(item.id);
    const collator = new Intl.Collator(ctx.locale);
    return rows.map((c) => CountryModel.from(c, ctx.locale)).sort((a, b) => collator.compare(a.name, b.name));
  }

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel[]> {
    return (await this.loaders(ctx).focusAreas.load(item.id)).map((f) => FocusAreaModel.from(f, ctx.locale));
  }

  @ResolveField(() => String, { nullable: true })
  async organisationName(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return item.organisationId ? this.loaders(ctx).organisationName.load(item.organisationId) : null;
  }

  @ResolveField(() => String)
  async submitterName(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<string> {
    return (await this.loaders(ctx).userName.load(item.entity.submitterId)) ?? '—';
  }

  @ResolveField(() => [EvidenceFileModel], { description: 'Every version, newest first.' })
  async files(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceFileModel[]> {
    return (await this.loaders(ctx).files.load(item.id)).map((f) => EvidenceFileModel.from(f));
  }

  @ResolveField(() => EvidenceFileModel, { nullable: true, description: 'The highest version.' })
  async currentFile(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceFileModel | null> {
    const [latest] = await this.loaders(ctx).files.load(item.id);
    return latest ? EvidenceFileModel.from(latest) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for the submitter and reviewers.' })
  async lastReviewNote(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return isInsider(item.entity, await this.access.viewerForRequest(ctx)) ? item.entity.lastReviewNote : null;
  }

  @ResolveField(() => Boolean)
  async canEdit(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canEditItem(item.entity, await this.access.viewerForRequest(ctx));
  }

  @ResolveField(() => Boolean)
  async canSubmit(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canSubmitItem(item.entity, await this.access.viewerForRequest(ctx));
  }

  @ResolveField(() => Boolean)
  async canReview(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canReviewItem(item.entity, await this.access.viewerForRequest(ctx));
  }

  @ResolveField(() => Boolean)
  async canDelete(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canDeleteItem(item.entity, await this.access.viewerForRequest(ctx));
  }

  @ResolveField(() => [EvidenceEventModel], { description: 'Only for the submitter and reviewers, else empty; oldest first.' })
  async history(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceEventModel[]> {
    if (!isInsider(item.entity, await this.access.viewerForRequest(ctx))) return [];
    return (await this.items.historyOf(item.id)).map((h) => EvidenceEventModel.from(h.event, h.actorName));
  }
}
