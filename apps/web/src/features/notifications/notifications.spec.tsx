import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderApp, user } from '../../testing/render-app';
import { graphQLError } from '../../testing/fake-api';
import { i18n } from '../../app/i18n';
import { applyChange } from './PreferencesPage';
import type { PreferenceFields } from './operations';

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const preferences: PreferenceFields[] = [
  { __typename: 'NotificationPreference', type: 'account.security', transactional: true, inApp: true, email: 'IMMEDIATELY' },
  { __typename: 'NotificationPreference', type: 'certificate.issued', transactional: false, inApp: true, email: 'IMMEDIATELY' },
];

const notification = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Notification',
  id: 'n-1',
  type: 'certificate.issued',
  title: 'Nuevo certificado: Gestión',
  body: 'Su certificado «Gestión» ya está disponible.',
  link: '/certificates',
  createdAt: '2026-11-20T10:00:00.000Z',
  readAt: null,
  ...overrides,
});

describe('notification bell', () => {
  it('says the unread count in its accessible name and links to the list', async () => {
    renderApp('/', { UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 3 } }) }, user());
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('aria-label', 'Avisos: 3 sin leer'));
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveAttribute('data-count', '3');
  });

  it('is not shown to anonymous visitors', async () => {
    renderApp('/', {}, null);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('notification-bell')).toBeNull();
  });

  it('follows the language', async () => {
    await i18n.changeLanguage('fr');
    renderApp('/', { UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }) }, user({ preferredLocale: 'fr' }));
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('aria-label', 'Notifications : 0 non lues'));
  });
});

describe('notifications page', () => {
  it('lists notifications, marks one read, and refreshes the count', async () => {
    let unread = 1;
    const { container, requests } = renderApp(
      '/notifications',
      {
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: unread } }),
        Notifications: () => ({ data: { notifications: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ cursor: 'c1', node: notification() }] } } }),
        MarkNotificationRead: () => {
          unread = 0;
          return { data: { markNotificationRead: notification({ readAt: '2026-11-21T10:00:00.000Z' }) } };
        },
      },
      user(),
    );
    const item = await screen.findByTestId('notification-item');
    expect(within(item).getByRole('link', { name: 'Nuevo certificado: Gestión' })).toHaveAttribute('href', '/certificates');
    await expectNoAxeViolations(container);
    fireEvent.click(within(item).getByRole('button', { name: 'Marcar como leído: Nuevo certificado: Gestión' }));
    await waitFor(() => expect(screen.getByTestId('notification-item')).toHaveAttribute('data-read', 'true'));
    expect(requests.find((r) => r.operationName === 'MarkNotificationRead')!.variables).toEqual({ id: 'n-1' });
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('data-count', '0'));
  });
});

describe('preferences form', () => {
  it('applyChange: changes editable rows, ignores no-ops, never touches transactional rows', () => {
    expect(applyChange(preferences[1], { email: 'DAILY' })).toEqual({ ...preferences[1], email: 'DAILY' });
    expect(applyChange(preferences[1], { inApp: false })).toEqual({ ...preferences[1], inApp: false });
    expect(applyChange(preferences[1], { email: 'IMMEDIATELY' })).toBeNull();
    expect(applyChange(preferences[0], { email: 'OFF' })).toBeNull();
    expect(applyChange(preferences[0], { inApp: false })).toBeNull();
  });

  it('disables transactional rows with an explanation, saves a change, and shows a translated refusal', async () => {
    let fail = false;
    const { container, requests } = renderApp(
      '/settings/notifications',
      {
        NotificationPreferences: () => ({ data: { notificationPreferences: preferences } }),
        UpdateNotificationPreference: (r) =>
          fail
            ? graphQLError('BAD_USER_INPUT', 'Los avisos de seguridad de la cuenta son necesarios y no se pueden desactivar.')
            : { data: { updateNotificationPreference: { __typename: 'NotificationPreference', transactional: false, ...(r.variables as object) } } },
      },
      user(),
    );
    const account = await screen.findByTestId('preference-account.security');
    expect(within(account).getByRole('combobox')).toBeDisabled();
    expect(within(account).getByRole('switch')).toBeDisabled();
    expect(within(account).getByText('Necesario para su cuenta: no se puede desactivar.')).toBeInTheDocument();
    await expectNoAxeViolations(container);

    const certificate = screen.getByTestId('preference-certificate.issued');
    fireEvent.change(within(certificate).getByRole('combobox', { name: 'Correo: Certificado emitido' }), { target: { value: 'WEEKLY' } });
    expect(await screen.findByText('Preferencia guardada: Certificado emitido.')).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'UpdateNotificationPreference')!.variables).toEqual({ type: 'certificate.issued', inApp: true, email: 'WEEKLY' });

    fail = true;
    fireEvent.click(within(certificate).getByRole('switch', { name: 'Ver en el portal: Certificado emitido' }));
    expect(await screen.findByText('Los avisos de seguridad de la cuenta son necesarios y no se pueden desactivar.')).toBeInTheDocument();
  });
});
