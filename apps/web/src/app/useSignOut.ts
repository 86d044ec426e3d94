import { useCallback } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { SIGN_OUT } from '../graphql/operations';

/** Ends the session, forgets every cached answer (they belonged to that person) and goes home. */
export function useSignOut(): { signOut: () => Promise<void>; loading: boolean } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(SIGN_OUT);
  const signOut = useCallback(async () => {
    await mutate();
    // resetStore drops every cached answer and refetches the active queries, so `me` becomes null
    // everywhere at once (clearStore alone leaves mounted queries showing the old person).
    await client.resetStore();
    await navigate('/');
  }, [client, mutate, navigate]);
  return { signOut, loading };
}
