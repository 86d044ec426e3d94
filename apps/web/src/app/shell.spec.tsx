import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { renderApp, user, admin } from '../testing/render-app';
import { graphQLError } from '../testing/fake-api';
import { i18n } from './i18n';
import { LOCALE_STORAGE_KEY } from './locale';

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  // Colour contrast needs a real layout engine; the browser journeys check it.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const emptyUsers = { data: { users: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } };

describe('shell', () => {
  const pages: Array<[string, string, ReturnType<typeof user> | null]> = [
    ['/', 'Transformar la educación, juntos', null],
    ['/sign-up', 'Crear una cuenta', null],
    ['/sign-in', 'Iniciar sesión', null],
    ['/check-email?email=a%40b.org', 'Revise su correo', null],
    ['/forgot-password', 'Recuperar la contraseña', null],
    ['/reset-password?token=abc', 'Elegir una contraseña nueva', null],
    ['/profile', 'Mi perfil', user()],
    ['/admin/users', 'Usuarios y roles', admin()],
    ['/verify-email', 'Confirmación del correo', null],
    ['/no-such-page', 'Página no encontrada', null],
  ];
  it.each(pages)('%s has a titled page, one h1 and no axe violations', async (path, heading, me) => {
    const { container } = renderApp(path, { Users: () => emptyUsers }, me);
    await screen.findByRole('heading', { level: 1, name: heading });
    await waitFor(() => expect(document.title).toMatch(/ · Alianza ALC$/));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Saltar al contenido principal' })).toHaveAttribute('href', '#main');
    await expectNoAxeViolations(container);
  });

  it('switches language, remembers it, follows it in <html lang> and saves it for the signed-in person', async () => {
    const me = user({ preferredLocale: 'es' });
    const { requests } = renderApp('/', { UpdateProfile: (r) => ({ data: { updateProfile: { ...me, ...(r.variables.input as object) } } }) }, me);
    await screen.findByRole('heading', { level: 2, name: 'Hola, Ana Souza' });
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'pt' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Transformar a educação, juntos' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('pt');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('pt');
    await waitFor(() => expect(requests.some((r) => r.operationName === 'UpdateProfile')).toBe(true));
    const update = requests.find((r) => r.operationName === 'UpdateProfile')!;
    expect(update.variables).toEqual({ input: { name: 'Ana Souza', countryCode: 'BR', preferredLocale: 'pt' } });
    expect(update.headers['accept-language']).toBe('pt');
  });

  it('adopts the signed-in person’s preferred language when none was chosen here', async () => {
    renderApp('/', {}, user({ preferredLocale: 'fr' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Transformer l’éducation, ensemble' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();
  });

  it('offers the four languages by their native names', async () => {
    renderApp('/', {});
    const switcher = await screen.findByTestId('language-switcher');
    expect([...(switcher as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Español', 'English', 'Português', 'Français']);
  });
});

describe('sign-up form', () => {
  it('shows the shared validation messages under each input and focuses the first one', async () => {
    const { requests } = renderApp('/sign-up', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Crear la cuenta' }));
    const name = await screen.findByLabelText(/Nombre completo/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/El nombre debe tener al menos 2 caracteres\./);
    expect(screen.getByLabelText(/^Contraseña/)).toHaveAccessibleDescription(/La contraseña debe tener al menos 10 caracteres\./);
    expect(screen.getByLabelText(/^País/)).toHaveAccessibleDescription('Elija un país de la lista.');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(requests.some((r) => r.operationName === 'SignUp')).toBe(false);
  });

  it('puts the API’s per-field messages under the inputs, then goes to "check your e-mail"', async () => {
    let attempt = 0;
    renderApp('/sign-up', {
      SignUp: () =>
        ++attempt === 1
          ? graphQLError('BAD_USER_INPUT', 'Revise los datos marcados.', {
              fields: [{ field: 'email', key: 'errors:emailTaken', message: 'Ya existe una cuenta con este correo.' }],
            })
          : { data: { signUp: true } },
    });
    fireEvent.change(await screen.findByLabelText(/Nombre completo/), { target: { value: 'Lucía Pérez' } });
    fireEvent.change(screen.getByLabelText(/Correo electrónico/), { target: { value: 'lucia@mineduc.cl' } });
    fireEvent.change(screen.getByLabelText(/^Contraseña/), { target: { value: 'una frase bastante larga' } });
    fireEvent.change(screen.getByLabelText(/^País/), { target: { value: 'CL' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crear la cuenta' }));
    await waitFor(() => expect(screen.getByLabelText(/Correo electrónico/)).toHaveAccessibleDescription('Ya existe una cuenta con este correo.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Revise los datos marcados.');
    fireEvent.click(screen.getByRole('button', { name: 'Crear la cuenta' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Revise su correo' })).toBeInTheDocument();
    expect(screen.getByText(/lucia@mineduc\.cl/)).toBeInTheDocument();
  });
});
