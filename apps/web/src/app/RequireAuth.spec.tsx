import { screen, waitFor, cleanup } from '@testing-library/react';
import { renderApp, user, admin } from '../testing/render-app';
import { i18n } from './i18n';

// jsdom's navigator says en-US; these tests read the Spanish default.
beforeEach(async () => {
  await i18n.changeLanguage('es');
});

afterEach(async () => {
  cleanup();
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});

describe('route guard', () => {
  it('sends signed-out visitors of /profile to sign-in, remembering where they were going', async () => {
    renderApp('/profile', {});
    expect(await screen.findByRole('heading', { level: 1, name: 'Iniciar sesión' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/profile');
  });

  it('does the same for the admin pages', async () => {
    renderApp('/admin/users?q=ana', {});
    await screen.findByRole('heading', { level: 1, name: 'Iniciar sesión' });
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/admin/users?q=ana');
  });

  it('tells signed-in people without the administrator role that they are not allowed', async () => {
    renderApp('/admin/users', {}, user());
    expect(await screen.findByRole('heading', { level: 1, name: 'Acceso no permitido' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/admin/users');
  });

  it('lets administrators in', async () => {
    renderApp(
      '/admin/users',
      { Users: () => ({ data: { users: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }) },
      admin(),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Usuarios y roles' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Ningún usuario coincide con la búsqueda.')).toBeInTheDocument());
  });

  it('returns to the page asked for after signing in', async () => {
    const { requests } = renderApp('/sign-in?next=%2Fprofile', {
      SignIn: () => ({ data: { signIn: user() } }),
    });
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.change(await screen.findByLabelText(/Correo electrónico/), { target: { value: 'Ana@MEC.gov.br ' } });
    fireEvent.change(screen.getByLabelText(/Contraseña/), { target: { value: 'a long enough secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mi perfil' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/profile');
    // the shared schema normalised the address before it was sent
    expect(requests.find((r) => r.operationName === 'SignIn')?.variables).toEqual({
      input: { email: 'ana@mec.gov.br', password: 'a long enough secret' },
    });
  });
});
