import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import { CollaborationAccessService } from './access';
import { MeetingsService } from './meetings.service';
import { SpaceMeetingConnection, SpaceMeetingInput, SpaceMeetingModel, SpaceMeetingOutcomeInput, SpaceMeetingSchedulingModel, SpaceMeetingsArgs } from './dto/meetings';

/**
 * Sessions of working tables and meetings of technical groups. No @RequireAuth: a signed-out caller
 * gets the same NOT_FOUND as an outsider, from the access service (nothing tells them the space exists).
 */
@Resolver(() => SpaceMeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly access: CollaborationAccessService,
  ) {}

  @Query(() => SpaceMeetingConnection, { description: 'Members: a space’s sessions, UPCOMING (soonest first) or PAST (most recent first).' })
  async spaceMeetings(@Ctx() ctx: RequestContext, @Args() args: SpaceMeetingsArgs): Promise<ConnectionShape<SpaceMeetingModel>> {
    return this.meetings.list(this.access.viewerForRequest(ctx), args.spaceId, args.period, args);
  }

  @Query(() => SpaceMeetingSchedulingModel, { description: 'Members: whether the caller may schedule sessions, and the space’s time zone.' })
  async spaceMeetingScheduling(@Ctx() ctx: RequestContext, @Args('spaceId', { type: () => ID }) spaceId: string): Promise<SpaceMeetingSchedulingModel> {
    return this.meetings.scheduling(this.access.viewerForRequest(ctx), spaceId);
  }

  @Mutation(() => SpaceMeetingModel, { description: 'Organisers: schedules a session (in the future); notifies the space and sets reminders 24 h and 1 h before.' })
  async scheduleSpaceMeeting(
    @Ctx() ctx: RequestContext,
    @Args('spaceId', { type: () => ID }) spaceId: string,
    @Args('input') input: SpaceMeetingInput,
  ): Promise<SpaceMeetingModel> {
    return this.meetings.schedule(this.access.viewerForRequest(ctx), spaceId, input);
  }

  @Mutation(() => SpaceMeetingModel, { description: 'Organisers: changes a session; moving it notifies the space and moves its reminders.' })
  async updateSpaceMeeting(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: SpaceMeetingInput): Promise<SpaceMeetingModel> {
    return this.meetings.update(this.access.viewerForRequest(ctx), id, input);
  }

  @Mutation(() => SpaceMeetingModel, { description: 'Organisers: cancels a session that has not started; notifies the space and removes its reminders.' })
  async cancelSpaceMeeting(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SpaceMeetingModel> {
    return this.meetings.cancel(this.access.viewerForRequest(ctx), id);
  }

  @Mutation(() => SpaceMeetingModel, { description: 'Organisers: the recording link and the notes (minutes) of a session that has started.' })
  async recordSpaceMeetingOutcome(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SpaceMeetingOutcomeInput,
  ): Promise<SpaceMeetingModel> {
    return this.meetings.recordOutcome(this.access.viewerForRequest(ctx), id, input);
  }
}
