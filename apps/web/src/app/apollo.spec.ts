import { mergeUserPages } from './apollo';
import { fakeApi } from '../testing/fake-api';
import { ME_QUERY, type UsersData } from '../graphql/operations';

const page = (ids: string[], endCursor: string | null, hasNextPage: boolean): UsersData['users'] => ({
  totalCount: 5,
  pageInfo: { hasNextPage, endCursor },
  edges: ids.map((id) => ({
    cursor: `c-${id}`,
    node: { id, name: id, email: `${id}@x.org`, countryCode: 'BR', preferredLocale: 'pt', roles: [], emailVerified: true, createdAt: '' },
  })),
});

describe('users pagination', () => {
  it('appends pages fetched with a cursor and replaces the list for a new first page', () => {
    const first = page(['a', 'b'], 'c-b', true);
    const second = page(['c', 'd'], 'c-d', false);
    const merged = mergeUserPages(first, second, { after: 'c-b' });
    expect(merged.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.pageInfo).toEqual({ hasNextPage: false, endCursor: 'c-d' });
    expect(mergeUserPages(merged, first, { after: null }).edges.map((e) => e.node.id)).toEqual(['a', 'b']);
  });
});

describe('API client', () => {
  it('sends the current language and the CSRF-prevention header on every request', async () => {
    let locale = 'pt';
    const { client, requests } = fakeApi({ Me: () => ({ data: { me: null } }) }, () => locale);
    await client.query({ query: ME_QUERY });
    locale = 'fr';
    await client.query({ query: ME_QUERY, fetchPolicy: 'network-only' });
    expect(requests.map((r) => r.headers['accept-language'])).toEqual(['pt', 'fr']);
    expect(requests.every((r) => r.headers['apollo-require-preflight'] === 'true')).toBe(true);
  });
});
