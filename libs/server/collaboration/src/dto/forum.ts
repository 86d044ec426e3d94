import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { Connection, PageArgs } from '@alliance/server-graphql';
import { COLLABORATION_LIMITS as L } from '../collaboration.constants';
import { isUuid } from '../access';

// ---------------------------------------------------------------- validation (zod, shared keys)

/** At most this many people mentioned in one post. */
export const MENTIONS_MAX = 50;
/** The edit history shows at most this many earlier versions of a post (newest first). */
export const REVISIONS_MAX = 100;

const body = z
  .string({ error: 'collaborationMeetings:postInvalid' })
  .trim()
  .min(1, { error: 'collaborationMeetings:postInvalid' })
  .max(L.postMax, { error: 'collaborationMeetings:postTooLong' });

const mentionedUserIds = z
  .array(z.string({ error: 'collaborationMeetings:mentionsInvalid' }).refine(isUuid, { error: 'collaborationMeetings:mentionsInvalid' }), {
    error: 'collaborationMeetings:mentionsInvalid',
  })
  .max(MENTIONS_MAX, { error: 'collaborationMeetings:mentionsTooMany' })
  .nullish()
  .transform((ids) => [...new Set((ids ?? []).map((id) => id.toLowerCase()))]);

export const postSchema = z.object({ body, mentionedUserIds });
export type PostValues = z.output<typeof postSchema>;

export const threadSchema = z.object({
  title: z
    .string({ error: 'collaborationMeetings:threadTitleInvalid' })
    .trim()
    .min(1, { error: 'collaborationMeetings:threadTitleInvalid' })
    .max(L.titleMax, { error: 'collaborationMeetings:threadTitleInvalid' }),
  body,
  mentionedUserIds,
});
export type ThreadValues = z.output<typeof threadSchema>;

export const hideSchema = z.object({
  reason: z
    .string({ error: 'collaborationMeetings:reasonRequired' })
    .trim()
    .min(1, { error: 'collaborationMeetings:reasonRequired' })
    .max(L.reasonMax, { error: 'collaborationMeetings:reasonTooLong' }),
});

// ---------------------------------------------------------------- GraphQL

@InputType()
export class ForumThreadInput {
  @Field() title: string;
  @Field({ description: 'The first post, Markdown.' }) body: string;
  @Field(() => [ID], { nullable: true, description: 'People to notify; only members of the space are kept.' }) mentionedUserIds?: string[] | null;
}

@InputType()
export class ForumPostInput {
  @Field({ description: 'Markdown.' }) body: string;
  @Field(() => [ID], { nullable: true, description: 'People to notify; only members of the space are kept, and nobody is notified twice for one post.' })
  mentionedUserIds?: string[] | null;
}

@ArgsType()
export class ForumThreadsArgs extends PageArgs {
  @Field(() => ID) spaceId: string;
}

@ArgsType()
export class ForumPostsArgs extends PageArgs {
  @Field(() => ID) threadId: string;
}

@ObjectType('ForumThread', { description: 'A conversation in a space’s forum.' })
export class ForumThreadModel {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field() title: string;
  @Field(() => ID, { nullable: true }) authorId: string | null;
  @Field(() => String, { nullable: true, description: 'Null when the account no longer exists.' }) authorName?: string | null;
  @Field() createdAt: Date;
  @Field({ description: 'When the last post was written.' }) lastPostAt: Date;
  @Field(() => Int) postCount: number;
  @Field({ description: 'The caller may reply (member of an open space).' }) canReply: boolean;
}

@ObjectType('ForumPost')
export class ForumPostModel {
  @Field(() => ID) id: string;
  @Field(() => ID) threadId: string;
  @Field(() => ID, { nullable: true }) authorId: string | null;
  @Field(() => String, { nullable: true, description: 'Null when the account no longer exists.' }) authorName?: string | null;
  @Field(() => String, { nullable: true, description: 'The organisation whose list the author is on (null for the moderator or a former participant).' })
  authorOrganisation?: string | null;
  @Field(() => String, { nullable: true, description: 'Markdown source (for editing); null when hidden and the caller does not moderate.' }) body: string | null;
  @Field(() => String, { nullable: true, description: 'Sanitised HTML; null like body.' }) bodyHtml: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'Last edit; the earlier texts are in forumPostRevisions.' }) editedAt: Date | null;
  @Field() hidden: boolean;
  @Field(() => Date, { nullable: true }) hiddenAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the moderator hid it (shown to every member).' }) hiddenReason: string | null;
  @Field({ description: 'The caller wrote it and may edit it (not hidden, open space).' }) canEdit: boolean;
  @Field({ description: 'The caller moderates the space and may hide or unhide it.' }) canModerate: boolean;

  /** For the author's organisation (not exposed). */
  spaceId: string;
}

@ObjectType('ForumPostRevision', { description: 'A post’s text before one of its edits.' })
export class ForumPostRevisionModel {
  @Field(() => ID) id: string;
  @Field({ description: 'When this text was replaced.' }) replacedAt: Date;
  @Field() body: string;
  @Field() bodyHtml: string;
  @Field(() => ID, { nullable: true }) editorId: string | null;
}

@ObjectType('SpaceMember', { description: 'A person in a space (for the mention picker).' })
export class SpaceMemberModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'The organisation whose list they are on (null for a moderator who is not).' }) organisationName: string | null;
  @Field({ description: 'The space’s moderator.' }) moderator: boolean;
}

export const ForumThreadConnection = Connection(ForumThreadModel, 'ForumThread');
export const ForumPostConnection = Connection(ForumPostModel, 'ForumPost');
