import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type ConnectionShape, type RequestContext } from '@alliance/server-graphql';
import { CollaborationAccessService } from './access';
import { ForumService } from './forum.service';
import {
  ForumPostConnection,
  ForumPostInput,
  ForumPostModel,
  ForumPostRevisionModel,
  ForumPostsArgs,
  ForumThreadConnection,
  ForumThreadInput,
  ForumThreadModel,
  ForumThreadsArgs,
  SpaceMemberModel,
} from './dto/forum';

/**
 * Per-request batched look-ups of authors: a page of posts costs one query for the names and one
 * for the organisations, not one per post. Never shared between requests.
 */
function forumLoaders(ctx: Pick<RequestContext, 'loaders'>, forum: ForumService) {
  return {
    userName: ctx.loaders.get<string, string | null>('collaboration.userName', async (ids) => {
      const names = await forum.userNames(ids);
      return ids.map((id) => names.get(id) ?? null);
    }),
    organisation: ctx.loaders.get<string, string | null>('collaboration.participantOrganisation', async (keys) => {
      const pairs = keys.map((key) => {
        const [spaceId, userId] = key.split(':');
        return { spaceId, userId };
      });
      const names = await forum.participantOrganisations(pairs);
      return keys.map((key) => names.get(key) ?? null);
    }),
  };
}

/** Fills in the authors' names of threads through the request's loader. */
async function withThreadAuthors(ctx: RequestContext, forum: ForumService, threads: ForumThreadModel[]): Promise<ForumThreadModel[]> {
  const loaders = forumLoaders(ctx, forum);
  await Promise.all(threads.map(async (t) => (t.authorName = t.authorId ? await loaders.userName.load(t.authorId) : null)));
  return threads;
}

/** Fills in the authors' names and organisations of posts through the request's loaders. */
async function withPostAuthors(ctx: RequestContext, forum: ForumService, posts: ForumPostModel[]): Promise<ForumPostModel[]> {
  const loaders = forumLoaders(ctx, forum);
  await Promise.all(
    posts.map(async (p) => {
      [p.authorName, p.authorOrganisation] = p.authorId
        ? await Promise.all([loaders.userName.load(p.authorId), loaders.organisation.load(`${p.spaceId}:${p.authorId}`)])
        : [null, null];
    }),
  );
  return posts;
}

/**
 * The forum of a space. No @RequireAuth: a signed-out caller gets the same NOT_FOUND as an
 * outsider, from the access service.
 */
@Resolver()
export class ForumResolver {
  constructor(
    private readonly forum: ForumService,
    private readonly access: CollaborationAccessService,
  ) {}

  @Query(() => ForumThreadConnection, { description: 'Members: a space’s threads, the most recent activity first.' })
  async forumThreads(@Ctx() ctx: RequestContext, @Args() args: ForumThreadsArgs): Promise<ConnectionShape<ForumThreadModel>> {
    const page = await this.forum.threads(this.access.viewerForRequest(ctx), args.spaceId, args);
    await withThreadAuthors(ctx, this.forum, page.edges.map((e) => e.node));
    return page;
  }

  @Query(() => ForumThreadModel, { description: 'Members: one thread.' })
  async forumThread(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ForumThreadModel> {
    return (await withThreadAuthors(ctx, this.forum, [await this.forum.thread(this.access.viewerForRequest(ctx), id)]))[0];
  }

  @Query(() => ForumPostConnection, { description: 'Members: a thread’s posts, the oldest first.' })
  async forumPosts(@Ctx() ctx: RequestContext, @Args() args: ForumPostsArgs): Promise<ConnectionShape<ForumPostModel>> {
    const page = await this.forum.posts(this.access.viewerForRequest(ctx), args.threadId, args);
    await withPostAuthors(ctx, this.forum, page.edges.map((e) => e.node));
    return page;
  }

  @Query(() => [ForumPostRevisionModel], { description: 'Members: a post’s earlier texts, the most recent first (at most 100; moderators only for hidden posts).' })
  async forumPostRevisions(@Ctx() ctx: RequestContext, @Args('postId', { type: () => ID }) postId: string): Promise<ForumPostRevisionModel[]> {
    return this.forum.revisions(this.access.viewerForRequest(ctx), postId);
  }

  @Query(() => [SpaceMemberModel], { description: 'Members: the people of a space (participants and moderator), by name; for mentions.' })
  async spaceMembers(@Ctx() ctx: RequestContext, @Args('spaceId', { type: () => ID }) spaceId: string): Promise<SpaceMemberModel[]> {
    return this.forum.members(this.access.viewerForRequest(ctx), spaceId);
  }

  @Mutation(() => ForumThreadModel, { description: 'Members of an open space: a new thread with its first post.' })
  async createForumThread(@Ctx() ctx: RequestContext, @Args('spaceId', { type: () => ID }) spaceId: string, @Args('input') input: ForumThreadInput): Promise<ForumThreadModel> {
    return (await withThreadAuthors(ctx, this.forum, [await this.forum.createThread(this.access.viewerForRequest(ctx), spaceId, input)]))[0];
  }

  @Mutation(() => ForumPostModel, { description: 'Members of an open space: a reply.' })
  async replyToForumThread(@Ctx() ctx: RequestContext, @Args('threadId', { type: () => ID }) threadId: string, @Args('input') input: ForumPostInput): Promise<ForumPostModel> {
    return (await withPostAuthors(ctx, this.forum, [await this.forum.reply(this.access.viewerForRequest(ctx), threadId, input)]))[0];
  }

  @Mutation(() => ForumPostModel, { description: 'The author: changes a post (the earlier text is kept).' })
  async editForumPost(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: ForumPostInput): Promise<ForumPostModel> {
    return (await withPostAuthors(ctx, this.forum, [await this.forum.edit(this.access.viewerForRequest(ctx), id, input)]))[0];
  }

  @Mutation(() => ForumPostModel, { description: 'The space’s moderator or an administrator: hides a post; members see the reason instead.' })
  async hideForumPost(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<ForumPostModel> {
    return (await withPostAuthors(ctx, this.forum, [await this.forum.hide(this.access.viewerForRequest(ctx), id, reason)]))[0];
  }

  @Mutation(() => ForumPostModel, { description: 'The space’s moderator or an administrator: shows a hidden post again.' })
  async unhideForumPost(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ForumPostModel> {
    return (await withPostAuthors(ctx, this.forum, [await this.forum.unhide(this.access.viewerForRequest(ctx), id)]))[0];
  }
}

