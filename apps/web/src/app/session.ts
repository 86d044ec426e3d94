import { useQuery } from '@apollo/client/react';
import { Role } from '@alliance/shared-core';
import { ME_QUERY, type UserFields } from '../graphql/operations';

export interface Session {
  me: UserFields | null;
  loading: boolean;
  error: unknown;
  isAdmin: boolean;
  refetch: () => void;
}

/** Who is signed in (null when nobody), read from the `me` query shared through the cache. */
export function useSession(): Session {
  const { data, loading, error, refetch } = useQuery(ME_QUERY);
  const me = data?.me ?? null;
  return {
    me,
    loading: loading && !data,
    error,
    isAdmin: Boolean(me?.roles.includes(Role.Admin)),
    refetch: () => void refetch(),
  };
}
