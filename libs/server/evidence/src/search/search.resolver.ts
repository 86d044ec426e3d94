import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@alliance/server-graphql';
import { EvidenceAccessService } from '../access';
import { EvidenceItemModel } from '../dto/models';
import { CitationRenderer } from './citation';
import { EvidenceCitationModel, EvidenceSearchArgs, EvidenceSearchResultModel, EvidenceUsageModel } from './dto/search.models';
import { EvidenceSearchService } from './search.service';
import { EvidenceUsageRegistry } from './usage-registry';

/** Query.evidenceSearch and the EvidenceItem fields that look beyond the item: citation, related, usedIn. */
@Resolver(() => EvidenceItemModel)
export class EvidenceSearchResolver {
  constructor(
    private readonly searchService: EvidenceSearchService,
    private readonly access: EvidenceAccessService,
    private readonly usages: EvidenceUsageRegistry,
    private readonly citations: CitationRenderer,
  ) {}

  @Query(() => EvidenceSearchResultModel, { description: 'Public: published evidence the reader may see, searched in es/en/pt/fr with facets.' })
  async evidenceSearch(@Ctx() ctx: RequestContext, @Args() args: EvidenceSearchArgs): Promise<EvidenceSearchResultModel> {
    const viewer = await this.access.viewerForRequest(ctx);
    const page = await this.searchService.search(args, viewer, ctx.locale);
    return {
      ...page,
      hits: page.hits.map((h) => ({ ...h, item: EvidenceItemModel.from(h.item) })),
    };
  }

  @ResolveField(() => EvidenceCitationModel, { description: 'APA 7 and BibTeX references (original title, DOI link or external URL).' })
  async citation(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceCitationModel> {
    const loader = ctx.loaders.get<string, { title: string; organisationName: string | null } | null>('evidence.citationDetails', async (ids) => {
      const details = await this.searchService.citationDetails(ids);
      return ids.map((id) => details.get(id) ?? null);
    });
    const details = await loader.load(item.id);
    return this.citations.render({
      id: item.id,
      type: item.type,
      title: details?.title ?? '',
      language: item.language,
      year: item.year,
      authors: item.authors,
      publisher: item.publisher ?? details?.organisationName ?? null,
      doi: item.doi,
      externalUrl: item.externalUrl,
    });
  }

  @ResolveField(() => [EvidenceItemModel], { description: 'Up to 4 published items the reader may see that share focus areas, type or countries.' })
  async related(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceItemModel[]> {
    const viewer = await this.access.viewerForRequest(ctx);
    return (await this.searchService.related(item.id, viewer)).map((r) => EvidenceItemModel.from(r));
  }

  @ResolveField(() => [EvidenceUsageModel], { description: 'Courses and workshops the reader may see that link this item.' })
  async usedIn(@Parent() item: EvidenceItemModel, @Ctx() ctx: RequestContext): Promise<EvidenceUsageModel[]> {
    const viewer = await this.access.viewerForRequest(ctx);
    return this.usages.usagesOf(item.id, viewer, ctx.locale);
  }
}
