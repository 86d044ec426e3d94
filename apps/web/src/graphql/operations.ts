// Typed operations against the API contract (apps/api/schema.gql). Written by hand because the
// schema is small; the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Locale, Role } from '@alliance/shared-core';

export interface UserFields {
  __typename?: 'User';
  id: string;
  name: string;
  email: string;
  countryCode: string;
  preferredLocale: Locale;
  roles: Role[];
  emailVerified: boolean;
  createdAt: string;
}

const USER_FIELDS = gql`
  fragment UserFields on User {
    id
    name
    email
    countryCode
    preferredLocale
    roles
    emailVerified
    createdAt
  }
`;

export const ME_QUERY: TypedDocumentNode<{ me: UserFields | null }, Record<string, never>> = gql`
  query Me {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export interface UsersVariables {
  first?: number;
  after?: string | null;
  search?: string | null;
  role?: Role | null;
}
export interface UsersData {
  users: {
    __typename?: 'UserConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ __typename?: 'UserEdge'; cursor: string; node: UserFields }>;
  };
}
export const USERS_QUERY: TypedDocumentNode<UsersData, UsersVariables> = gql`
  query Users($first: Int, $after: String, $search: String, $role: Role) {
    users(first: $first, after: $after, search: $search, role: $role) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...UserFields
        }
      }
    }
  }
  ${USER_FIELDS}
`;

export const SIGN_UP: TypedDocumentNode<
  { signUp: boolean },
  { input: { name: string; email: string; password: string; countryCode: string; preferredLocale: Locale; returnTo?: string | null } }
> = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input)
  }
`;

export const RESEND_VERIFICATION: TypedDocumentNode<{ resendVerification: boolean }, { email: string; returnTo?: string | null }> = gql`
  mutation ResendVerification($email: String!, $returnTo: String) {
    resendVerification(email: $email, returnTo: $returnTo)
  }
`;

export const VERIFY_EMAIL: TypedDocumentNode<{ verifyEmail: boolean }, { token: string }> = gql`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`;

export const SIGN_IN: TypedDocumentNode<{ signIn: UserFields }, { input: { email: string; password: string } }> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const SIGN_OUT: TypedDocumentNode<{ signOut: boolean }, Record<string, never>> = gql`
  mutation SignOut {
    signOut
  }
`;

export const SIGN_OUT_EVERYWHERE: TypedDocumentNode<{ signOutEverywhere: boolean }, Record<string, never>> = gql`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`;

export const REQUEST_PASSWORD_RESET: TypedDocumentNode<{ requestPasswordReset: boolean }, { email: string }> = gql`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const RESET_PASSWORD: TypedDocumentNode<{ resetPassword: boolean }, { input: { token: string; newPassword: string } }> = gql`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`;

export const CHANGE_PASSWORD: TypedDocumentNode<
  { changePassword: boolean },
  { input: { currentPassword: string; newPassword: string } }
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

export const UPDATE_PROFILE: TypedDocumentNode<
  { updateProfile: UserFields },
  { input: { name: string; countryCode: string; preferredLocale: Locale } }
> = gql`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const GRANT_ROLE: TypedDocumentNode<{ grantRole: UserFields }, { userId: string; role: Role }> = gql`
  mutation GrantRole($userId: ID!, $role: Role!) {
    grantRole(userId: $userId, role: $role) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const REVOKE_ROLE: TypedDocumentNode<{ revokeRole: UserFields }, { userId: string; role: Role }> = gql`
  mutation RevokeRole($userId: ID!, $role: Role!) {
    revokeRole(userId: $userId, role: $role) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;
