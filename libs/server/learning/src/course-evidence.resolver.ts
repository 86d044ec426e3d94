import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentUser, RequireAuth, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { EvidenceAccessService, EvidenceItemModel } from '@alliance/server-evidence';
import { Role } from '@alliance/shared-core';
import { CourseEvidenceService } from './course-evidence.service';
import { CourseModel } from './dto/models';

/** A course's related evidence: the editors' mutation and the field every reader sees. */
@Resolver(() => CourseModel)
export class CourseEvidenceResolver {
  constructor(
    private readonly courseEvidence: CourseEvidenceService,
    private readonly access: EvidenceAccessService,
  ) {}

  @Mutation(() => CourseModel, { description: 'Replaces the course’s related evidence (published items, in this order, at most 20).' })
  @RequireAuth(Role.Organiser, Role.Admin)
  async setCourseEvidence(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('evidenceItemIds', { type: () => [ID] }) evidenceItemIds: string[],
  ): Promise<CourseModel> {
    const viewer = await this.access.viewerForRequest(ctx);
    const course = await this.courseEvidence.setEvidence({ id: user.id, name: user.name, roles: user.roles }, viewer, courseId, evidenceItemIds);
    return CourseModel.from(course, ctx.locale);
  }

  @ResolveField(() => [EvidenceItemModel], { description: 'Evidence bank items linked by the editors that the reader may see, in order.' })
  async relatedEvidence(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<EvidenceItemModel[]> {
    const viewer = await this.access.viewerForRequest(ctx);
    return (await this.courseEvidence.related(course.id, viewer)).map((item) => EvidenceItemModel.from(item));
  }
}
