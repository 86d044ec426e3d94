import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { ErrorCode, signUpSchema } from '@alliance/shared-core';
import { createI18n } from '@alliance/shared-i18n';
import { describeError } from './errors';
import { zodFieldMessages } from './forms';
import { fakeApi, graphQLError } from '../testing/fake-api';
import { SIGN_IN } from '../graphql/operations';

const t = createI18n('en').t;

describe('describeError', () => {
  it('maps BAD_USER_INPUT field errors to the inputs they belong to', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'Please check the highlighted fields.',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'input.email', key: 'validation:emailInvalid', message: 'Enter a valid e-mail address, e.g. name@ministry.gov.' },
              { field: 'input.email', key: 'validation:emailTooLong', message: 'second problem, shown later' },
              { field: 'password', key: 'validation:passwordTooShort', params: { count: 10 } },
            ],
          },
        },
      ],
    });
    const described = describeError(error, t);
    expect(described.code).toBe(ErrorCode.BadUserInput);
    expect(described.message).toBe('Please check the highlighted fields.');
    expect(described.fields).toEqual({
      email: 'Enter a valid e-mail address, e.g. name@ministry.gov.',
      // no message from the API: the key is translated here
      password: 'The password must be at least 10 characters long.',
    });
  });

  it('reads GraphQL errors out of a non-2xx response body', () => {
    const body = JSON.stringify(graphQLError('RATE_LIMITED', 'Too many attempts. Try again in 15 minutes.'));
    const error = new ServerError('bad status', { response: { status: 429 } as Response, bodyText: body });
    const described = describeError(error, t);
    expect(described.code).toBe(ErrorCode.RateLimited);
    expect(described.message).toBe('Too many attempts. Try again in 15 minutes.');
  });

  it('says the server could not be reached, in the reader’s language, when nothing answered', () => {
    const described = describeError(new TypeError('Failed to fetch'), createI18n('fr').t);
    expect(described.code).toBe('NETWORK');
    expect(described.message).toBe('Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.');
  });

  it('turns an unknown code into INTERNAL_SERVER_ERROR and hides GraphQL validation jargon', () => {
    const error = new CombinedGraphQLErrors(graphQLError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x" on type "Query".'));
    const described = describeError(error, t);
    expect(described.code).toBe(ErrorCode.InternalServerError);
    expect(described.message).toBe('Something went wrong on our side. Please try again in a few minutes.');
  });

  it('classifies what the real HTTP link throws for an unverified account', async () => {
    const { client } = fakeApi({
      SignIn: () => graphQLError('EMAIL_NOT_VERIFIED', 'Please confirm your e-mail address first.'),
    });
    const failure = await client
      .mutate({ mutation: SIGN_IN, variables: { input: { email: 'a@b.org', password: 'x' } } })
      .then(() => null, (error: unknown) => error);
    expect(describeError(failure, t)).toMatchObject({ code: ErrorCode.EmailNotVerified, message: 'Please confirm your e-mail address first.' });
  });
});

describe('zodFieldMessages', () => {
  it('gives the same per-field messages as the API, translated with their limits', () => {
    const result = signUpSchema.safeParse({ name: 'A', email: 'nope', password: 'short', countryCode: 'XX', preferredLocale: 'de' });
    expect(result.success).toBe(false);
    const fields = zodFieldMessages(result.error!, createI18n('pt').t);
    expect(fields).toEqual({
      name: 'O nome deve ter pelo menos 2 caracteres.',
      email: 'Digite um endereço de e-mail válido, p. ex. nome@ministerio.gov.',
      password: 'A senha deve ter pelo menos 10 caracteres.',
      countryCode: 'Escolha um país da lista.',
      preferredLocale: 'Escolha um dos idiomas disponíveis.',
    });
  });
});
