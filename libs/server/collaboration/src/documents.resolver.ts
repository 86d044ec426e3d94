import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, PageArgs, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import { CollaborationAccessService } from './access';
import { SpaceDocumentConnection, SpaceDocumentModel } from './dto/documents';
import { DocumentsService } from './documents.service';
import type { SpaceDocument } from './entities';

/**
 * Shared documents (reading only: files are uploaded over HTTP, see documents.controller.ts).
 * Members and above; anyone else, signed in or not, gets NOT_FOUND collaboration:notFound, as for a
 * missing space (so no operation here tells whether a space exists).
 */
@Resolver(() => SpaceDocumentModel)
export class DocumentsResolver {
  constructor(
    private readonly documents: DocumentsService,
    private readonly access: CollaborationAccessService,
  ) {}

  @Query(() => SpaceDocumentConnection, {
    description:
      'Members of the space: its documents, most recently updated first, each with every version. Upload: POST /api/collaboration/spaces/<id>/documents; new version: POST /api/collaboration/documents/<id>/versions.',
  })
  async spaceDocuments(@Ctx() ctx: RequestContext, @Args('spaceId', { type: () => ID }) spaceId: string, @Args() page: PageArgs): Promise<ConnectionShape<SpaceDocumentModel>> {
    const result = await this.documents.list(this.access.viewerForRequest(ctx), spaceId, page);
    const models = await this.models(result.edges.map((e) => e.node));
    return { ...result, edges: result.edges.map((e, i) => ({ cursor: e.cursor, node: models[i] })) };
  }

  @Query(() => SpaceDocumentModel, { description: 'Members of the space: one document with every version.' })
  async spaceDocument(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SpaceDocumentModel> {
    const document = await this.documents.document(this.access.viewerForRequest(ctx), id);
    return (await this.models([document]))[0];
  }

  /** Versions and names of a page of documents in two queries (no per-row lookups). */
  private async models(documents: SpaceDocument[]): Promise<SpaceDocumentModel[]> {
    const versions = await this.documents.versionsOf(documents.map((d) => d.id));
    const names = await this.documents.namesOf([...documents.map((d) => d.createdById), ...[...versions.values()].flat().map((v) => v.uploadedById)]);
    return documents.map((d) => SpaceDocumentModel.from(d, versions.get(d.id) ?? [], names));
  }
}
