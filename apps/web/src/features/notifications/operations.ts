// Typed operations against the notifications API (apps/api/schema.gql), written by hand like
// src/graphql/operations.ts: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';

export type EmailFrequencyValue = 'IMMEDIATELY' | 'DAILY' | 'WEEKLY' | 'OFF';
export const EMAIL_FREQUENCY_VALUES: EmailFrequencyValue[] = ['IMMEDIATELY', 'DAILY', 'WEEKLY', 'OFF'];

export interface NotificationFields {
  __typename?: 'Notification';
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification {
    id
    type
    title
    body
    link
    createdAt
    readAt
  }
`;

export const UNREAD_COUNT_QUERY: TypedDocumentNode<{ unreadNotificationCount: number }, Record<string, never>> = gql`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;

export interface NotificationsData {
  notifications: {
    __typename?: 'NotificationConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ __typename?: 'NotificationEdge'; cursor: string; node: NotificationFields }>;
  };
}
export const NOTIFICATIONS_QUERY: TypedDocumentNode<NotificationsData, { first?: number; after?: string | null; unreadOnly?: boolean }> = gql`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
    }
  }
  ${NOTIFICATION_FIELDS}
`;

export const MARK_READ: TypedDocumentNode<{ markNotificationRead: NotificationFields }, { id: string }> = gql`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      ...NotificationFields
    }
  }
  ${NOTIFICATION_FIELDS}
`;

export const MARK_ALL_READ: TypedDocumentNode<{ markAllNotificationsRead: number }, Record<string, never>> = gql`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`;

export interface PreferenceFields {
  __typename?: 'NotificationPreference';
  type: string;
  transactional: boolean;
  inApp: boolean;
  email: EmailFrequencyValue;
}

export const PREFERENCES_QUERY: TypedDocumentNode<{ notificationPreferences: PreferenceFields[] }, Record<string, never>> = gql`
  query NotificationPreferences {
    notificationPreferences {
      type
      transactional
      inApp
      email
    }
  }
`;

export const UPDATE_PREFERENCE: TypedDocumentNode<
  { updateNotificationPreference: PreferenceFields },
  { type: string; inApp: boolean; email: EmailFrequencyValue }
> = gql`
  mutation UpdateNotificationPreference($type: String!, $inApp: Boolean!, $email: EmailFrequency!) {
    updateNotificationPreference(type: $type, inApp: $inApp, email: $email) {
      type
      transactional
      inApp
      email
    }
  }
`;

export interface QueueStatsFields {
  __typename?: 'QueueStats';
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}
export interface DeadLetterFields {
  __typename?: 'DeadLetter';
  id: string;
  queue: string;
  jobName: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
}
export interface QueuesData {
  queueOverview: QueueStatsFields[];
  deadLetters: {
    __typename?: 'DeadLetterConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ __typename?: 'DeadLetterEdge'; cursor: string; node: DeadLetterFields }>;
  };
}
export const QUEUES_QUERY: TypedDocumentNode<QueuesData, { first?: number; after?: string | null }> = gql`
  query Queues($first: Int, $after: String) {
    queueOverview {
      name
      waiting
      active
      delayed
      failed
      completed
    }
    deadLetters(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          queue
          jobName
          attempts
          lastError
          failedAt
        }
      }
    }
  }
`;

export const RETRY_DEAD_LETTER: TypedDocumentNode<{ retryDeadLetter: boolean }, { id: string }> = gql`
  mutation RetryDeadLetter($id: ID!) {
    retryDeadLetter(id: $id)
  }
`;

/** The catalogue key prefix of a type (same rule as the server's notificationTypeKey). */
export function typeLabelKey(type: string): string {
  return `notifications:${type.replace(/[._-](\w)/g, (_, c: string) => c.toUpperCase())}Label`;
}

/** Whether the e-mail select of a preference row may change (transactional rows are fixed). */
export function preferenceEditable(preference: Pick<PreferenceFields, 'transactional'>): boolean {
  return !preference.transactional;
}

export const BELL_POLL_MS = 60_000;
