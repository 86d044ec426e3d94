// Typed operations of the audit log page (apps/api/schema.gql: auditLog, auditActions).
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfoFields } from '../../graphql/connection';

export interface AuditEntryFields {
  __typename?: 'AuditEntry';
  id: string;
  createdAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  params: string;
  ip: string | null;
  requestId: string | null;
  changes: Array<{ __typename?: 'AuditChange'; field: string; before: string | null; after: string | null }>;
}

export interface AuditFilterVariables {
  actorId?: string | null;
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface AuditLogData {
  auditLog: { __typename?: 'AuditEntryConnection'; totalCount: number; pageInfo: PageInfoFields; edges: Array<{ __typename?: 'AuditEntryEdge'; cursor: string; node: AuditEntryFields }> };
}

export const AUDIT_LOG_QUERY: TypedDocumentNode<AuditLogData, { first?: number; after?: string | null; filter?: AuditFilterVariables | null }> = gql`
  query AuditLog($first: Int, $after: String, $filter: AuditFilterInput) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          createdAt
          actorId
          actorName
          action
          targetType
          targetId
          targetLabel
          params
          ip
          requestId
          changes {
            field
            before
            after
          }
        }
      }
    }
  }
`;

export const AUDIT_ACTIONS_QUERY: TypedDocumentNode<{ auditActions: string[] }, Record<string, never>> = gql`
  query AuditActions {
    auditActions
  }
`;

/** People to pick as the actor filter: the administrators' user search, a few at a time. */
export const AUDIT_ACTOR_SEARCH: TypedDocumentNode<
  { users: { edges: Array<{ node: { __typename?: 'User'; id: string; name: string; email: string } }> } },
  { search: string }
> = gql`
  query AuditActorSearch($search: String) {
    users(first: 10, search: $search) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`;
