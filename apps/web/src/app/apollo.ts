import { ApolloClient, HttpLink, InMemoryCache, ApolloLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { UsersData } from '../graphql/operations';

type UsersConnection = UsersData['users'];

/**
 * Pages of `users` with the same search and role filter are one list: a page asked for with
 * `after` is appended, a first page replaces what was there.
 */
export function mergeUserPages(
  existing: UsersConnection | undefined,
  incoming: UsersConnection,
  args: Record<string, unknown> | null,
): UsersConnection {
  if (!existing || !args?.after) return incoming;
  return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          users: {
            keyArgs: ['search', 'role'],
            merge: (existing: UsersConnection | undefined, incoming: UsersConnection, { args }) =>
              mergeUserPages(existing, incoming, args),
          },
        },
      },
    },
  });
}

/** The API client: same-origin cookie session, the reader's language on every request. */
export function createApolloClient(getLocale: () => string, fetchImpl?: typeof fetch): ApolloClient {
  const headers = new SetContextLink((previous) => ({
    headers: {
      ...(previous.headers as Record<string, string> | undefined),
      'Accept-Language': getLocale(),
      // Apollo's CSRF prevention accepts requests that a browser would have preflighted.
      'apollo-require-preflight': 'true',
    },
  }));
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin', fetch: fetchImpl });
  return new ApolloClient({
    link: ApolloLink.from([headers, http]),
    cache: createCache(),
  });
}
