import { useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VERIFY_EMAIL } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { returnPathFrom, withNext } from '../../app/navigation';
import { useSession } from '../../app/session';

// A token can be used once: remember each attempt so a re-render or Strict Mode's double
// effect never sends it twice (the second call would report an expired link).
const attempts = new Map<string, Promise<unknown>>();
function verifyOnce(client: ApolloClient, token: string): Promise<unknown> {
  let attempt = attempts.get(token);
  if (!attempt) {
    attempt = client.mutate({ mutation: VERIFY_EMAIL, variables: { token } });
    attempts.set(token, attempt);
  }
  return attempt;
}

type State = { status: 'pending' } | { status: 'done' } | { status: 'failed'; error: unknown };

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // Where the person was going before signing up (e.g. an invitation), carried by the e-mailed link.
  const returnTo = returnPathFrom(params);
  const { me } = useSession();
  const [state, setState] = useState<State>({ status: 'pending' });

  useEffect(() => {
    if (!token) return;
    let active = true;
    verifyOnce(client, token).then(
      () => active && setState({ status: 'done' }),
      (error: unknown) => active && setState({ status: 'failed', error }),
    );
    return () => {
      active = false;
    };
  }, [client, token]);

  return (
    <Page title={t('auth:verifyTitle')}>
      <div role="status" aria-live="polite">
        {!token ? (
          <Alert color="red">{t('auth:missingToken')}</Alert>
        ) : state.status === 'pending' ? (
          <Group>
            <Loader size="sm" aria-hidden="true" />
            <Text>{t('auth:verifying')}</Text>
          </Group>
        ) : state.status === 'done' ? (
          <Alert color="teal">{t(returnTo && !me ? 'auth:verifiedReturn' : 'auth:verified')}</Alert>
        ) : (
          <Alert color="red">{describeError(state.error, t).message}</Alert>
        )}
      </div>
      {state.status === 'done' &&
        (me && returnTo ? (
          <Button component={Link} to={returnTo} w="fit-content">
            {t('auth:continueWhereYouWere')}
          </Button>
        ) : (
          <Button component={Link} to={withNext('/sign-in', returnTo)} w="fit-content">
            {t('auth:goToSignIn')}
          </Button>
        ))}
      {(state.status === 'failed' || !token) && (
        <Button component={Link} to={withNext('/check-email', returnTo)} variant="outline" w="fit-content">
          {t('auth:requestNewLink')}
        </Button>
      )}
    </Page>
  );
}
