// The personal data operations (the "deleteMyAccount" mutation in apps/api/schema.gql); the export
// itself is a plain download, GET /api/me/export.
import { gql, type TypedDocumentNode } from '@apollo/client';

export const PERSONAL_DATA_EXPORT_URL = '/api/me/export';

export const DELETE_MY_ACCOUNT: TypedDocumentNode<{ deleteMyAccount: boolean }, { password: string }> = gql`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`;
