import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError, Ctx, CurrentUser, PageArgs, RequireAuth, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { QueueAdmin } from '@alliance/server-queue';
import { LIMITS, Role, type EmailFrequency } from '@alliance/shared-core';
import {
  DeadLetterConnection,
  DeadLetterModel,
  EmailFrequencyEnum,
  NotificationConnection,
  NotificationModel,
  NotificationPreferenceModel,
  NotificationsArgs,
  QueueStatsModel,
} from './dto/notification.model';
import { NotificationsService } from './notifications.service';

/** The notification centre, preferences, and the administrators' queue view. */
@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly queues: QueueAdmin,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  @RequireAuth()
  notifications(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<ConnectionShape<NotificationModel>> {
    return this.service.list(user.id, ctx.locale, args);
  }

  @Query(() => Int)
  @RequireAuth()
  unreadNotificationCount(@CurrentUser() user: SessionUser): Promise<number> {
    return this.service.unreadCount(user.id);
  }

  @Mutation(() => NotificationModel, { description: 'Only your own; others are NOT_FOUND.' })
  @RequireAuth()
  markNotificationRead(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<NotificationModel> {
    return this.service.markRead(user.id, id, ctx.locale);
  }

  @Mutation(() => Int, { description: 'How many were unread.' })
  @RequireAuth()
  markAllNotificationsRead(@CurrentUser() user: SessionUser): Promise<number> {
    return this.service.markAllRead(user.id);
  }

  @Query(() => [NotificationPreferenceModel])
  @RequireAuth()
  notificationPreferences(@CurrentUser() user: SessionUser): Promise<NotificationPreferenceModel[]> {
    return this.service.preferences(user.id);
  }

  @Mutation(() => NotificationPreferenceModel, { description: 'Transactional types cannot be switched off (BAD_USER_INPUT).' })
  @RequireAuth()
  updateNotificationPreference(
    @CurrentUser() user: SessionUser,
    @Args('type') type: string,
    @Args('inApp') inApp: boolean,
    @Args('email', { type: () => EmailFrequencyEnum }) email: EmailFrequency,
  ): Promise<NotificationPreferenceModel> {
    return this.service.updatePreference(user.id, type, inApp, email);
  }

  @Query(() => [QueueStatsModel], { description: 'Administrators only.' })
  @RequireAuth(Role.Admin)
  queueOverview(): Promise<QueueStatsModel[]> {
    return this.queues.overview();
  }

  @Query(() => DeadLetterConnection, { description: 'Administrators only. Jobs that ran out of retries, newest first.' })
  @RequireAuth(Role.Admin)
  async deadLetters(@Args() args: PageArgs): Promise<ConnectionShape<DeadLetterModel>> {
    const first = args.first ?? LIMITS.pageSizeDefault;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    const page = await this.queues.deadLetters(first, args.after);
    const edges = page.rows.map((node) => ({ cursor: node.id, node }));
    return { edges, totalCount: page.total, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Mutation(() => Boolean, { description: 'Administrators only. Puts a dead letter back in its queue.' })
  @RequireAuth(Role.Admin)
  async retryDeadLetter(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    if (!(await this.queues.retry(id))) throw AppError.notFound();
    return true;
  }
}
