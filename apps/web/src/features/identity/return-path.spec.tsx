import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, user } from '../../testing/render-app';
import { i18n } from '../../app/i18n';

// An invited person without an account: sign-up -> check e-mail -> verify -> sign in -> back to the invitation.
const NEXT = '/invitations/abc_DEF-123';
const ENCODED = encodeURIComponent(NEXT);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function fillSignUp() {
  fireEvent.change(await screen.findByLabelText(/Nombre completo/), { target: { value: 'Lucía Pérez' } });
  fireEvent.change(screen.getByLabelText(/Correo electrónico/), { target: { value: 'lucia@mineduc.cl' } });
  fireEvent.change(screen.getByLabelText(/^Contraseña/), { target: { value: 'una frase bastante larga' } });
  fireEvent.change(screen.getByLabelText(/^País/), { target: { value: 'CL' } });
  fireEvent.click(screen.getByRole('button', { name: 'Crear la cuenta' }));
}

describe('sign-up keeps where the person was going', () => {
  it('sends ?next= as returnTo, says so, and carries it to "check your e-mail" and its resend', async () => {
    const { requests } = renderApp(`/sign-up?next=${ENCODED}`, {
      SignUp: () => ({ data: { signUp: true } }),
      ResendVerification: () => ({ data: { resendVerification: true } }),
    });
    expect(await screen.findByText(/volverá a la página desde la que llegó/)).toBeInTheDocument();
    const signInLinks = screen.getAllByRole('link', { name: 'Iniciar sesión' }).map((a) => a.getAttribute('href'));
    expect(signInLinks).toContain(`/sign-in?next=${ENCODED}`);

    await fillSignUp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Revise su correo' })).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'SignUp')?.variables).toEqual({
      input: { name: 'Lucía Pérez', email: 'lucia@mineduc.cl', password: 'una frase bastante larga', countryCode: 'CL', preferredLocale: 'es', returnTo: NEXT },
    });
    expect(window.location.pathname + window.location.search).toBe(`/check-email?email=lucia%40mineduc.cl&next=${ENCODED}`);

    fireEvent.click(screen.getByRole('button', { name: 'Enviar un enlace nuevo' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'ResendVerification')).toBe(true));
    expect(requests.find((r) => r.operationName === 'ResendVerification')?.variables).toEqual({ email: 'lucia@mineduc.cl', returnTo: NEXT });
  });

  it.each([['https://evil.example/x'], ['//evil.example'], ['/sign-in?next=/x']])('ignores an unsafe ?next=%s', async (next) => {
    const { requests } = renderApp(`/sign-up?next=${encodeURIComponent(next)}`, { SignUp: () => ({ data: { signUp: true } }) });
    await fillSignUp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Revise su correo' })).toBeInTheDocument();
    expect((requests.find((r) => r.operationName === 'SignUp')?.variables.input as { returnTo: unknown }).returnTo).toBeNull();
    expect(window.location.search).toBe('?email=lucia%40mineduc.cl');
    expect(screen.queryByText(/volverá a la página/)).toBeNull();
  });
});

describe('verifying the e-mail leads on to where the person was going', () => {
  it('signed out: offers sign-in with ?next=, and signing in ends on that page', async () => {
    renderApp(`/verify-email?token=t0k3n&next=${ENCODED}`, {
      VerifyEmail: () => ({ data: { verifyEmail: true } }),
      SignIn: () => ({ data: { signIn: user({ email: 'lucia@mineduc.cl' }) } }),
      InvitationPreview: () => ({ data: { invitation: null } }),
    });
    expect(await screen.findByText('Su dirección de correo quedó confirmada. Inicie sesión para seguir donde iba.')).toBeInTheDocument();
    const goToSignIn = screen.getByRole('link', { name: 'Ir a iniciar sesión' });
    expect(goToSignIn).toHaveAttribute('href', `/sign-in?next=${ENCODED}`);
    fireEvent.click(goToSignIn);
    fireEvent.change(await screen.findByLabelText(/Correo electrónico/), { target: { value: 'lucia@mineduc.cl' } });
    fireEvent.change(screen.getByLabelText(/^Contraseña/), { target: { value: 'una frase bastante larga' } });
    fireEvent.click(screen.getByRole('button', { name: 'Entrar' }));
    await waitFor(() => expect(window.location.pathname).toBe(NEXT));
  });

  it('already signed in: offers to carry on to that page', async () => {
    renderApp(`/verify-email?token=t0k3n-2&next=${ENCODED}`, { VerifyEmail: () => ({ data: { verifyEmail: true } }) }, user());
    expect(await screen.findByRole('link', { name: 'Seguir donde iba' })).toHaveAttribute('href', NEXT);
    expect(screen.queryByRole('link', { name: 'Ir a iniciar sesión' })).toBeNull();
  });

  it('without a return path, or with an unsafe one, sign-in leads home as before', async () => {
    renderApp(`/verify-email?token=t0k3n-3&next=${encodeURIComponent('https://evil.example')}`, { VerifyEmail: () => ({ data: { verifyEmail: true } }) });
    expect(await screen.findByText('Su dirección de correo quedó confirmada. Ya puede iniciar sesión.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ir a iniciar sesión' })).toHaveAttribute('href', '/sign-in');
  });

  it('a failed link offers a new one that still carries the return path', async () => {
    renderApp(`/verify-email?token=used&next=${ENCODED}`, {
      VerifyEmail: () => ({ data: null, errors: [{ message: 'El enlace venció.', extensions: { code: 'BAD_USER_INPUT' } }] }),
    });
    expect(await screen.findByRole('link', { name: 'Pedir un enlace nuevo' })).toHaveAttribute('href', `/check-email?next=${ENCODED}`);
  });
});

describe('sign-in page', () => {
  it('links to sign-up with the same ?next=', async () => {
    renderApp(`/sign-in?next=${ENCODED}`, {});
    await screen.findByRole('heading', { level: 1, name: 'Iniciar sesión' });
    const hrefs = screen.getAllByRole('link', { name: 'Crear cuenta' }).map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(`/sign-up?next=${ENCODED}`);
  });
});
