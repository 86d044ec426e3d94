// GraphQL operations of the collaboration feature (forum): threads, posts, edit history,
// moderation and the members a post may mention. Written by hand like the other features: the
// types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export interface ForumThreadFields {
  __typename?: 'ForumThread';
  id: string;
  spaceId: string;
  title: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  lastPostAt: string;
  postCount: number;
  canReply: boolean;
}

export const FORUM_THREAD_FIELDS = gql`
  fragment ForumThreadFields on ForumThread {
    id
    spaceId
    title
    authorId
    authorName
    createdAt
    lastPostAt
    postCount
    canReply
  }
`;

export interface ForumPostFields {
  __typename?: 'ForumPost';
  id: string;
  threadId: string;
  authorId: string | null;
  authorName: string | null;
  authorOrganisation: string | null;
  /** Null when hidden and the reader does not moderate. */
  body: string | null;
  bodyHtml: string | null;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  hiddenAt: string | null;
  hiddenReason: string | null;
  canEdit: boolean;
  canModerate: boolean;
}

export const FORUM_POST_FIELDS = gql`
  fragment ForumPostFields on ForumPost {
    id
    threadId
    authorId
    authorName
    authorOrganisation
    body
    bodyHtml
    createdAt
    editedAt
    hidden
    hiddenAt
    hiddenReason
    canEdit
    canModerate
  }
`;

export interface ForumThreadsData {
  forumThreads: {
    __typename?: 'ForumThreadConnection';
    totalCount: number;
    pageInfo: PageInfoFields;
    edges: Array<{ __typename?: 'ForumThreadEdge'; cursor: string; node: ForumThreadFields }>;
  };
}
export const FORUM_THREADS: TypedDocumentNode<ForumThreadsData, { spaceId: string; first?: number; after?: string | null }> = gql`
  query ForumThreads($spaceId: ID!, $first: Int, $after: String) {
    forumThreads(spaceId: $spaceId, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          ...ForumThreadFields
        }
      }
    }
  }
  ${FORUM_THREAD_FIELDS}
`;

export const FORUM_THREAD: TypedDocumentNode<{ forumThread: ForumThreadFields }, { id: string }> = gql`
  query ForumThread($id: ID!) {
    forumThread(id: $id) {
      ...ForumThreadFields
    }
  }
  ${FORUM_THREAD_FIELDS}
`;

export interface ForumPostsData {
  forumPosts: {
    __typename?: 'ForumPostConnection';
    totalCount: number;
    pageInfo: PageInfoFields;
    edges: Array<{ __typename?: 'ForumPostEdge'; cursor: string; node: ForumPostFields }>;
  };
}
export const FORUM_POSTS: TypedDocumentNode<ForumPostsData, { threadId: string; first?: number; after?: string | null }> = gql`
  query ForumPosts($threadId: ID!, $first: Int, $after: String) {
    forumPosts(threadId: $threadId, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          ...ForumPostFields
        }
      }
    }
  }
  ${FORUM_POST_FIELDS}
`;

export interface ForumPostRevisionFields {
  __typename?: 'ForumPostRevision';
  id: string;
  replacedAt: string;
  body: string;
  bodyHtml: string;
}
export const FORUM_POST_REVISIONS: TypedDocumentNode<{ forumPostRevisions: ForumPostRevisionFields[] }, { postId: string }> = gql`
  query ForumPostRevisions($postId: ID!) {
    forumPostRevisions(postId: $postId) {
      id
      replacedAt
      body
      bodyHtml
    }
  }
`;

export interface SpaceMemberFields {
  __typename?: 'SpaceMember';
  id: string;
  name: string;
  organisationName: string | null;
  moderator: boolean;
}
export const SPACE_MEMBERS: TypedDocumentNode<{ spaceMembers: SpaceMemberFields[] }, { spaceId: string }> = gql`
  query SpaceMembers($spaceId: ID!) {
    spaceMembers(spaceId: $spaceId) {
      id
      name
      organisationName
      moderator
    }
  }
`;

export interface ForumPostInput {
  body: string;
  mentionedUserIds: string[];
}
export interface ForumThreadInput extends ForumPostInput {
  title: string;
}

export const CREATE_FORUM_THREAD: TypedDocumentNode<{ createForumThread: ForumThreadFields }, { spaceId: string; input: ForumThreadInput }> = gql`
  mutation CreateForumThread($spaceId: ID!, $input: ForumThreadInput!) {
    createForumThread(spaceId: $spaceId, input: $input) {
      ...ForumThreadFields
    }
  }
  ${FORUM_THREAD_FIELDS}
`;

export const REPLY_TO_FORUM_THREAD: TypedDocumentNode<{ replyToForumThread: ForumPostFields }, { threadId: string; input: ForumPostInput }> = gql`
  mutation ReplyToForumThread($threadId: ID!, $input: ForumPostInput!) {
    replyToForumThread(threadId: $threadId, input: $input) {
      ...ForumPostFields
    }
  }
  ${FORUM_POST_FIELDS}
`;

export const EDIT_FORUM_POST: TypedDocumentNode<{ editForumPost: ForumPostFields }, { id: string; input: ForumPostInput }> = gql`
  mutation EditForumPost($id: ID!, $input: ForumPostInput!) {
    editForumPost(id: $id, input: $input) {
      ...ForumPostFields
    }
  }
  ${FORUM_POST_FIELDS}
`;

export const HIDE_FORUM_POST: TypedDocumentNode<{ hideForumPost: ForumPostFields }, { id: string; reason: string }> = gql`
  mutation HideForumPost($id: ID!, $reason: String!) {
    hideForumPost(id: $id, reason: $reason) {
      ...ForumPostFields
    }
  }
  ${FORUM_POST_FIELDS}
`;

export const UNHIDE_FORUM_POST: TypedDocumentNode<{ unhideForumPost: ForumPostFields }, { id: string }> = gql`
  mutation UnhideForumPost($id: ID!) {
    unhideForumPost(id: $id) {
      ...ForumPostFields
    }
  }
  ${FORUM_POST_FIELDS}
`;
