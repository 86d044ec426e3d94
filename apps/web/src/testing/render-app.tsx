import { render } from '@testing-library/react';
import { App } from '../app/App';
import { i18n } from '../app/i18n';
import { fakeApi, type Handler } from './fake-api';
import type { UserFields } from '../graphql/operations';
import { Role } from '@alliance/shared-core';

export function user(overrides: Partial<UserFields> = {}): UserFields {
  return {
    __typename: 'User',
    id: 'u-1',
    name: 'Ana Souza',
    email: 'ana@mec.gov.br',
    countryCode: 'BR',
    preferredLocale: 'es',
    roles: [],
    emailVerified: true,
    createdAt: '2026-03-01T12:00:00.000Z',
    ...overrides,
  };
}
export const admin = () => user({ id: 'u-admin', name: 'Admin Person', email: 'admin@alliance.org', roles: [Role.Admin] });

/** Renders the whole app (real router, real Apollo client) at `path`, against a fake API. */
export function renderApp(path: string, handlers: Record<string, Handler>, me: UserFields | null = null) {
  window.history.pushState({}, '', path);
  const api = fakeApi({ Me: () => ({ data: { me } }), ...handlers }, () => i18n.language);
  const utils = render(<App client={api.client} />);
  return { ...utils, ...api };
}
