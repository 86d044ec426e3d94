// Typed operations against the certificates API (the "Certificates GraphQL" contract in apps/api/schema.gql).
// Written by hand like src/graphql/operations.ts: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Locale } from '@alliance/shared-core';

export type CertificateKind = 'COURSE_COMPLETION' | 'PROGRAMME_COMPLETION' | 'WORKSHOP_ATTENDANCE' | 'PARTICIPATION';
export type CertificateStatus = 'ISSUED' | 'REVOKED';
export type CertificateRenderStatus = 'PENDING' | 'RENDERED' | 'FAILED';

export const CERTIFICATE_KINDS: CertificateKind[] = ['COURSE_COMPLETION', 'PROGRAMME_COMPLETION', 'WORKSHOP_ATTENDANCE', 'PARTICIPATION'];
export const CERTIFICATE_STATUSES: CertificateStatus[] = ['ISSUED', 'REVOKED'];

export interface Signatory {
  __typename?: 'Signatory';
  name: string;
  title: string;
  organisation: string;
}

export interface CertificateFields {
  __typename?: 'Certificate';
  id: string;
  code: string;
  kind: CertificateKind;
  recipientName: string;
  recipientEmail: string;
  locale: Locale;
  title: string;
  hours: number | null;
  startDate: string | null;
  endDate: string | null;
  issuerName: string;
  coIssuers: string[];
  signatories: Signatory[];
  issuedAt: string;
  status: CertificateStatus;
  revokedAt: string | null;
  revocationReason: string | null;
  renderStatus: CertificateRenderStatus;
  pdfUrl: string | null;
  credentialUrl: string | null;
  verificationUrl: string;
}

const CERTIFICATE_FIELDS = gql`
  fragment CertificateFields on Certificate {
    id
    code
    kind
    recipientName
    recipientEmail
    locale
    title
    hours
    startDate
    endDate
    issuerName
    coIssuers
    signatories {
      name
      title
      organisation
    }
    issuedAt
    status
    revokedAt
    revocationReason
    renderStatus
    pdfUrl
    credentialUrl
    verificationUrl
  }
`;

export interface CertificateConnection {
  __typename?: 'CertificateConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ __typename?: 'CertificateEdge'; cursor: string; node: CertificateFields }>;
}

export interface MyCertificatesData {
  myCertificates: CertificateConnection;
}
export const MY_CERTIFICATES: TypedDocumentNode<MyCertificatesData, { first?: number; after?: string | null }> = gql`
  query MyCertificates($first: Int, $after: String) {
    myCertificates(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...CertificateFields
        }
      }
    }
  }
  ${CERTIFICATE_FIELDS}
`;

export interface CertificatesVariables {
  first?: number;
  after?: string | null;
  search?: string | null;
  status?: CertificateStatus | null;
}
export interface CertificatesData {
  certificates: CertificateConnection;
}
export const CERTIFICATES: TypedDocumentNode<CertificatesData, CertificatesVariables> = gql`
  query Certificates($first: Int, $after: String, $search: String, $status: CertificateStatus) {
    certificates(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...CertificateFields
        }
      }
    }
  }
  ${CERTIFICATE_FIELDS}
`;

export interface CertificateVerification {
  __typename?: 'CertificateVerification';
  code: string;
  kind: CertificateKind;
  recipientName: string;
  title: string;
  hours: number | null;
  startDate: string | null;
  endDate: string | null;
  issuerName: string;
  coIssuers: string[];
  signatories: Signatory[];
  issuedAt: string;
  status: CertificateStatus;
  revokedAt: string | null;
  revocationReason: string | null;
  locale: Locale;
}
export const VERIFY_CERTIFICATE: TypedDocumentNode<{ verifyCertificate: CertificateVerification | null }, { code: string }> = gql`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      code
      kind
      recipientName
      title
      hours
      startDate
      endDate
      issuerName
      coIssuers
      signatories {
        name
        title
        organisation
      }
      issuedAt
      status
      revokedAt
      revocationReason
      locale
    }
  }
`;

export interface CertificateBatch {
  __typename?: 'CertificateBatch';
  id: string;
  total: number;
  rendered: number;
  failed: number;
  done: boolean;
  createdAt: string;
}
const BATCH_FIELDS = gql`
  fragment CertificateBatchFields on CertificateBatch {
    id
    total
    rendered
    failed
    done
    createdAt
  }
`;
export const CERTIFICATE_BATCH: TypedDocumentNode<{ certificateBatch: CertificateBatch | null }, { id: string }> = gql`
  query CertificateBatch($id: ID!) {
    certificateBatch(id: $id) {
      ...CertificateBatchFields
    }
  }
  ${BATCH_FIELDS}
`;

export interface IssueParticipationInput {
  title: string;
  hours?: number | null;
  startDate: string;
  endDate: string;
  issuerName: string;
  coIssuers?: string[];
  signatories: Array<{ name: string; title: string; organisation: string }>;
  recipients?: Array<{ name: string; email: string; locale?: Locale | null }>;
  csv?: string | null;
}
export const ISSUE_PARTICIPATION_CERTIFICATES: TypedDocumentNode<
  { issueParticipationCertificates: CertificateBatch },
  { input: IssueParticipationInput }
> = gql`
  mutation IssueParticipationCertificates($input: IssueParticipationInput!) {
    issueParticipationCertificates(input: $input) {
      ...CertificateBatchFields
    }
  }
  ${BATCH_FIELDS}
`;

export const REVOKE_CERTIFICATE: TypedDocumentNode<{ revokeCertificate: CertificateFields }, { id: string; reason: string }> = gql`
  mutation RevokeCertificate($id: ID!, $reason: String!) {
    revokeCertificate(id: $id, reason: $reason) {
      ...CertificateFields
    }
  }
  ${CERTIFICATE_FIELDS}
`;

export const REISSUE_CERTIFICATE: TypedDocumentNode<
  { reissueCertificate: CertificateFields },
  { id: string; recipientName?: string | null }
> = gql`
  mutation ReissueCertificate($id: ID!, $recipientName: String) {
    reissueCertificate(id: $id, recipientName: $recipientName) {
      ...CertificateFields
    }
  }
  ${CERTIFICATE_FIELDS}
`;
