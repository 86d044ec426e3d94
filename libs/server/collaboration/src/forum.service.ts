import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { renderMarkdown } from '@alliance/server-learning';
import { NotificationsService } from '@alliance/server-notifications';
import { AuditService, changedFields } from '@alliance/server-identity';
import { CollaborationAccessService, atLeast, isUuid, type CollaborationViewer, type SpaceAccess } from './access';
import { spacePath } from './collaboration.constants';
import { CollaborationSpace, ForumPost, ForumPostRevision, ForumThread } from './entities';
import { requireOpen, spaceAudience } from './meetings.service';
import {
  REVISIONS_MAX,
  hideSchema,
  postSchema,
  threadSchema,
  type ForumPostModel,
  type ForumPostRevisionModel,
  type ForumThreadModel,
  type SpaceMemberModel,
} from './dto/forum';

/** The forum tab of a space, or one thread of it (mention notifications link here). */
export const forumLink = (space: Pick<CollaborationSpace, 'kind' | 'id'>, threadId?: string): string =>
  `${spacePath(space.kind, space.id)}?tab=forum${threadId ? `&thread=${threadId}` : ''}`;

/** Rows of an UPDATE ... RETURNING run through manager.query (TypeORM's pg driver returns [rows, affected]). */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const moderates = (access: SpaceAccess): boolean => atLeast(access.level, 'MODERATOR');

/**
 * The forum of a working table or technical group: members start threads and reply in Markdown
 * (rendered and sanitised here), authors edit their posts (earlier texts are kept), the space's
 * moderator and administrators hide posts with a reason. Mentions notify members of the space only,
 * once per post. Everything goes through CollaborationAccessService: below MEMBER a space, thread or
 * post does not exist.
 */
@Injectable()
export class ForumService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollaborationAccessService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------- reads

  /** Threads, the most recent activity first. */
  async threads(viewer: CollaborationViewer | undefined, spaceId: string, page: PageArgs): Promise<ConnectionShape<ForumThreadModel>> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const qb = this.dataSource.getRepository(ForumThread).createQueryBuilder('t').where('t.space_id = :spaceId', { spaceId: access.space.id });
    const result = await paginate(qb, page, {
      column: 't.last_post_at',
      direction: 'DESC',
      valueOf: (t) => t.lastPostAt.toISOString(),
      idColumn: 't.id',
      idOf: (t) => t.id,
    });
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: this.threadView(e.node, access) })) };
  }

  async thread(viewer: CollaborationViewer | undefined, threadId: string): Promise<ForumThreadModel> {
    const { thread, access } = await this.readableThread(viewer, threadId);
    return this.threadView(thread, access);
  }

  /** A thread's posts, the oldest first. */
  async posts(viewer: CollaborationViewer | undefined, threadId: string, page: PageArgs): Promise<ConnectionShape<ForumPostModel>> {
    const { thread, access } = await this.readableThread(viewer, threadId);
    const qb = this.dataSource.getRepository(ForumPost).createQueryBuilder('p').where('p.thread_id = :threadId', { threadId: thread.id });
    const result = await paginate(qb, page, {
      column: 'p.created_at',
      direction: 'ASC',
      valueOf: (p) => p.createdAt.toISOString(),
      idColumn: 'p.id',
      idOf: (p) => p.id,
    });
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: this.postView(e.node, access, viewer!) })) };
  }

  /**
   * A post's earlier texts, the most recent first (at most REVISIONS_MAX). The history of a hidden
   * post is the moderators' only, like its body.
   */
  async revisions(viewer: CollaborationViewer | undefined, postId: string): Promise<ForumPostRevisionModel[]> {
    if (!viewer || !isUuid(postId)) throw AppError.notFound('collaboration:notFound');
    const post = await this.dataSource.getRepository(ForumPost).findOneBy({ id: postId });
    if (!post) throw AppError.notFound('collaboration:notFound');
    const access = await this.access.require(viewer, post.spaceId, 'MEMBER');
    if (post.hiddenAt && !moderates(access)) return [];
    const rows = await this.dataSource.getRepository(ForumPostRevision).find({ where: { postId }, order: { createdAt: 'DESC', id: 'DESC' }, take: REVISIONS_MAX });
    return rows.map((r) => ({ id: r.id, replacedAt: r.createdAt, body: r.body, bodyHtml: renderMarkdown(r.body), editorId: r.editorId }));
  }

  /** The people of a space (participants of parties that have not declined, and the moderator), by name. */
  async members(viewer: CollaborationViewer | undefined, spaceId: string): Promise<SpaceMemberModel[]> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const rows: Array<{ id: string; name: string; organisation_name: string | null; moderator: boolean }> = await this.dataSource.query(
      `SELECT u.id, u.name,
              (SELECT o.name FROM collab_space_participants sp
                 JOIN collab_space_parties p ON p.id = sp.party_id AND p.status <> 'DECLINED'
                 JOIN organisations o ON o.id = p.organisation_id
                WHERE sp.space_id = $1 AND sp.user_id = u.id) AS organisation_name,
              coalesce(u.id = s.moderator_id, false) AS moderator
         FROM collab_spaces s
         JOIN users u ON u.id = s.moderator_id
                      OR u.id IN (SELECT sp.user_id FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
                                   WHERE sp.space_id = s.id AND p.status <> 'DECLINED')
        WHERE s.id = $1
        ORDER BY u.name, u.id`,
      [access.space.id],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, organisationName: r.organisation_name, moderator: r.moderator }));
  }

  // ---------------------------------------------------------------- writes

  /** A new thread with its first post. */
  async createThread(viewer: CollaborationViewer | undefined, spaceId: string, input: unknown): Promise<ForumThreadModel> {
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writable(viewer, spaceId, 'MEMBER', manager);
      const values = parseInput(threadSchema, input);
      const now = new Date();
      const thread = await manager.save(
        manager.create(ForumThread, { spaceId: access.space.id, title: values.title, authorId: viewer!.id, lastPostAt: now, postCount: 1 }),
      );
      const post = await this.insertPost(manager, thread, viewer!.id, values.body, now);
      await this.notifyMentions(manager, access, thread, post, viewer!, values.mentionedUserIds);
      return this.threadView(thread, access);
    });
  }

  /**
   * A reply. The thread's count and last activity change in one UPDATE (post_count + 1), so
   * concurrent replies never lose a count.
   */
  async reply(viewer: CollaborationViewer | undefined, threadId: string, input: unknown): Promise<ForumPostModel> {
    return this.dataSource.transaction(async (manager) => {
      const { thread, access } = await this.writableThread(viewer, threadId, manager);
      const values = parseInput(postSchema, input);
      const post = await this.insertPost(manager, thread, viewer!.id, values.body, new Date());
      const [updated] = returnedRows<{ post_count: number }>(
        await manager.query(
          `UPDATE collab_threads SET post_count = post_count + 1, last_post_at = GREATEST(last_post_at, $2), updated_at = now() WHERE id = $1 RETURNING post_count`,
          [thread.id, post.createdAt],
        ),
      );
      thread.postCount = updated.post_count;
      await this.notifyMentions(manager, access, thread, post, viewer!, values.mentionedUserIds);
      return this.postView(post, access, viewer!);
    });
  }

  /**
   * The author changes their post: the text it replaces is kept as a revision. Mentions are sent
   * again with the same dedupe key, so only people not mentioned before are notified.
   */
  async edit(viewer: CollaborationViewer | undefined, postId: string, input: unknown): Promise<ForumPostModel> {
    return this.dataSource.transaction(async (manager) => {
      const { post, thread, access } = await this.writablePost(viewer, postId, 'MEMBER', manager);
      // Members see who wrote a post, so "forbidden" reveals nothing.
      if (post.authorId !== viewer!.id) throw AppError.forbidden('collaborationMeetings:ownPostsOnly');
      if (post.hiddenAt) throw AppError.conflict('collaborationMeetings:postHidden');
      const values = parseInput(postSchema, input);
      if (values.body !== post.body) {
        await manager.save(manager.create(ForumPostRevision, { postId: post.id, body: post.body, editorId: viewer!.id }));
        post.body = values.body;
        post.editedAt = new Date();
        await manager.save(post);
      }
      await this.notifyMentions(manager, access, thread, post, viewer!, values.mentionedUserIds);
      return this.postView(post, access, viewer!);
    });
  }

  /** The moderator (or an administrator) hides a post; members then see the reason, not the text. */
  async hide(viewer: CollaborationViewer | undefined, postId: string, reason: unknown): Promise<ForumPostModel> {
    return this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.writablePost(viewer, postId, 'MODERATOR', manager);
      const values = parseInput(hideSchema, { reason });
      const before = { hidden: post.hiddenAt != null, hiddenReason: post.hiddenReason };
      post.hiddenAt = new Date();
      post.hiddenById = viewer!.id;
      post.hiddenReason = values.reason;
      await manager.save(post);
      await this.recordModeration(manager, viewer!.id, 'forum.post.hide', post, access.space.title, before, { hidden: true, hiddenReason: values.reason });
      return this.postView(post, access, viewer!);
    });
  }

  async unhide(viewer: CollaborationViewer | undefined, postId: string): Promise<ForumPostModel> {
    return this.dataSource.transaction(async (manager) => {
      const { post, access } = await this.writablePost(viewer, postId, 'MODERATOR', manager);
      const before = { hidden: post.hiddenAt != null, hiddenReason: post.hiddenReason };
      post.hiddenAt = null;
      post.hiddenById = null;
      post.hiddenReason = null;
      await manager.save(post);
      await this.recordModeration(manager, viewer!.id, 'forum.post.unhide', post, access.space.title, before, { hidden: false, hiddenReason: null });
      return this.postView(post, access, viewer!);
    });
  }

  /** Hiding and showing posts are moderation: the audit log keeps who, when and why (never the post's text). */
  private async recordModeration(
    manager: EntityManager,
    actorId: string,
    action: 'forum.post.hide' | 'forum.post.unhide',
    post: { id: string; spaceId: string; authorId: string | null },
    spaceTitle: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    const diff = changedFields(before, after);
    await this.audit.record(manager, {
      actorId,
      action,
      targetType: 'forumPost',
      targetId: post.id,
      targetLabel: spaceTitle,
      params: { spaceId: post.spaceId, authorId: post.authorId },
      before: diff?.before ?? null,
      after: diff?.after ?? null,
    });
  }

  // ---------------------------------------------------------------- look-ups for the resolvers' loaders

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = ids.length ? await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids]) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The organisation each (space, person) pair is listed for, keyed "spaceId:userId". */
  async participantOrganisations(pairs: ReadonlyArray<{ spaceId: string; userId: string }>): Promise<Map<string, string>> {
    if (!pairs.length) return new Map();
    const rows: Array<{ space_id: string; user_id: string; name: string }> = await this.dataSource.query(
      `SELECT sp.space_id, sp.user_id, o.name
         FROM unnest($1::uuid[], $2::uuid[]) AS k(space_id, user_id)
         JOIN collab_space_participants sp ON sp.space_id = k.space_id AND sp.user_id = k.user_id
         JOIN collab_space_parties p ON p.id = sp.party_id
         JOIN organisations o ON o.id = p.organisation_id`,
      [pairs.map((p) => p.spaceId), pairs.map((p) => p.userId)],
    );
    return new Map(rows.map((r) => [`${r.space_id}:${r.user_id}`, r.name]));
  }

  // ---------------------------------------------------------------- helpers

  private async readableThread(viewer: CollaborationViewer | undefined, threadId: string): Promise<{ thread: ForumThread; access: SpaceAccess }> {
    if (!viewer || !isUuid(threadId)) throw AppError.notFound('collaboration:notFound');
    const thread = await this.dataSource.getRepository(ForumThread).findOneBy({ id: threadId });
    if (!thread) throw AppError.notFound('collaboration:notFound');
    return { thread, access: await this.access.require(viewer, thread.spaceId, 'MEMBER') };
  }

  /** The space locked for writing, open, and the viewer at least at `min`. */
  private async writable(viewer: CollaborationViewer | undefined, spaceId: unknown, min: 'MEMBER' | 'MODERATOR', manager: EntityManager): Promise<SpaceAccess> {
    const access = await this.access.requireWritable(viewer, spaceId, min, manager);
    requireOpen(access);
    return access;
  }

  private async writableThread(viewer: CollaborationViewer | undefined, threadId: string, manager: EntityManager): Promise<{ thread: ForumThread; access: SpaceAccess }> {
    if (!viewer || !isUuid(threadId)) throw AppError.notFound('collaboration:notFound');
    const found = await manager.findOneBy(ForumThread, { id: threadId });
    if (!found) throw AppError.notFound('collaboration:notFound');
    const access = await this.writable(viewer, found.spaceId, 'MEMBER', manager);
    return { thread: found, access };
  }

  private async writablePost(
    viewer: CollaborationViewer | undefined,
    postId: string,
    min: 'MEMBER' | 'MODERATOR',
    manager: EntityManager,
  ): Promise<{ post: ForumPost; thread: ForumThread; access: SpaceAccess }> {
    if (!viewer || !isUuid(postId)) throw AppError.notFound('collaboration:notFound');
    const found = await manager.findOneBy(ForumPost, { id: postId });
    if (!found) throw AppError.notFound('collaboration:notFound');
    const access = await this.writable(viewer, found.spaceId, min, manager);
    // Read again under the space lock, so concurrent edits of one post apply one after the other.
    const post = await manager.findOne(ForumPost, { where: { id: postId }, lock: { mode: 'pessimistic_write' } });
    const thread = post && (await manager.findOneBy(ForumThread, { id: post.threadId }));
    if (!post || !thread) throw AppError.notFound('collaboration:notFound');
    return { post, thread, access };
  }

  private async insertPost(manager: EntityManager, thread: ForumThread, authorId: string, body: string, at: Date): Promise<ForumPost> {
    // created_at is given here (millisecond precision, like the page cursors that carry it) rather
    // than left to now()'s microseconds, which a cursor could not reproduce.
    return manager.save(
      manager.create(ForumPost, {
        threadId: thread.id,
        spaceId: thread.spaceId,
        authorId,
        body,
        createdAt: at,
        editedAt: null,
        hiddenAt: null,
        hiddenById: null,
        hiddenReason: null,
      }),
    );
  }

  /**
   * Notifies the mentioned people who are members of the space (anyone else is dropped silently:
   * outsiders must not learn that the space exists, and a list can change while someone types),
   * never the author. The dedupe key is the post's, so a person is notified once per post however
   * often it is edited.
   */
  private async notifyMentions(manager: EntityManager, access: SpaceAccess, thread: ForumThread, post: ForumPost, author: CollaborationViewer, mentioned: string[]): Promise<void> {
    if (!mentioned.length || post.hiddenAt) return;
    const members = new Set(await spaceAudience(manager, access.space.id));
    const userIds = mentioned.filter((id) => members.has(id) && id !== author.id);
    if (!userIds.length) return;
    await this.notifications.notify(manager, {
      userIds,
      type: 'collaboration.mention',
      data: { space: access.space.title, thread: thread.title, author: author.name },
      link: forumLink(access.space, thread.id),
      dedupeKey: `collab-post:${post.id}`,
    });
  }

  private threadView(t: ForumThread, access: SpaceAccess): ForumThreadModel {
    return {
      id: t.id,
      spaceId: t.spaceId,
      title: t.title,
      authorId: t.authorId,
      createdAt: t.createdAt,
      lastPostAt: t.lastPostAt,
      postCount: t.postCount,
      canReply: access.space.status === 'OPEN',
    };
  }

  private postView(p: ForumPost, access: SpaceAccess, viewer: CollaborationViewer): ForumPostModel {
    const open = access.space.status === 'OPEN';
    const showBody = !p.hiddenAt || moderates(access);
    return {
      id: p.id,
      threadId: p.threadId,
      spaceId: p.spaceId,
      authorId: p.authorId,
      body: showBody ? p.body : null,
      bodyHtml: showBody ? renderMarkdown(p.body) : null,
      createdAt: p.createdAt,
      editedAt: p.editedAt,
      hidden: !!p.hiddenAt,
      hiddenAt: p.hiddenAt,
      hiddenReason: p.hiddenReason,
      canEdit: open && !p.hiddenAt && p.authorId === viewer.id,
      canModerate: open && moderates(access),
    };
  }
}
