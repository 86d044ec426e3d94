// Typed operations of a space's shared documents (issue 8). Written by hand like the other features:
// the types mirror the selections exactly. Files never travel through GraphQL: see documents/upload.ts.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export interface SpaceDocumentVersionFields {
  __typename?: 'SpaceDocumentVersion';
  id: string;
  documentId: string;
  version: number;
  filename: string;
  contentType: string;
  size: number;
  note: string;
  uploadedAt: string;
  uploadedByName: string | null;
  url: string;
}

export interface SpaceDocumentFields {
  __typename?: 'SpaceDocument';
  id: string;
  title: string;
  description: string;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  current: SpaceDocumentVersionFields | null;
  versions: SpaceDocumentVersionFields[];
}

const VERSION_FIELDS = `
  id
  documentId
  version
  filename
  contentType
  size
  note
  uploadedAt
  uploadedByName
  url
`;

export const SPACE_DOCUMENTS: TypedDocumentNode<
  {
    spaceDocuments: {
      __typename?: 'SpaceDocumentConnection';
      totalCount: number;
      pageInfo: PageInfoFields;
      edges: Array<{ __typename?: 'SpaceDocumentEdge'; cursor: string; node: SpaceDocumentFields }>;
    };
  },
  { spaceId: string; first?: number; after?: string | null }
> = gql`
  query SpaceDocuments($spaceId: ID!, $first: Int, $after: String) {
    spaceDocuments(spaceId: $spaceId, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          id
          title
          description
          currentVersion
          createdAt
          updatedAt
          createdByName
          current {
            ${VERSION_FIELDS}
          }
          versions {
            ${VERSION_FIELDS}
          }
        }
      }
    }
  }
`;

/** POST address of a new document in a space (multipart: title, description, file). */
export const newDocumentUrl = (spaceId: string): string => `/api/collaboration/spaces/${encodeURIComponent(spaceId)}/documents`;

/** POST address of a document's next version (multipart: note, file). */
export const newVersionUrl = (documentId: string): string => `/api/collaboration/documents/${encodeURIComponent(documentId)}/versions`;
