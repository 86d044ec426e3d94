import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@alliance/server-graphql';
import { EvidenceAccessService, EvidenceItemModel, type EvidenceItem } from '@alliance/server-evidence';
import { WorkshopMaterialModel } from './dto/models';
import { WorkshopEvidenceService } from './material-evidence.service';

/** Evidence items of the request's materials that its reader may see, one query per request. */
export function materialEvidenceLoader(ctx: RequestContext, workshopEvidence: WorkshopEvidenceService, access: EvidenceAccessService) {
  return ctx.loaders.get<string, EvidenceItem | null>('workshops.materialEvidence', async (ids) => {
    const visible = await workshopEvidence.visibleMap(ids, await access.viewerForRequest(ctx));
    return ids.map((id) => visible.get(id) ?? null);
  });
}

/** The evidence bank item of a material, checked against the reader. */
@Resolver(() => WorkshopMaterialModel)
export class WorkshopMaterialEvidenceResolver {
  constructor(
    private readonly workshopEvidence: WorkshopEvidenceService,
    private readonly access: EvidenceAccessService,
  ) {}

  @ResolveField(() => EvidenceItemModel, { nullable: true, description: 'The evidence bank item this material links; null when none or not visible to the reader.' })
  async evidenceItem(@Parent() material: WorkshopMaterialModel, @Ctx() ctx: RequestContext): Promise<EvidenceItemModel | null> {
    if (!material.evidenceItemId) return null;
    const item = await materialEvidenceLoader(ctx, this.workshopEvidence, this.access).load(material.evidenceItemId);
    return item ? EvidenceItemModel.from(item) : null;
  }
}
