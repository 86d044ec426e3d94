import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@alliance/shared-core';
import { useSession } from './session';
import { signInPathFor } from './sign-in-path';
import { describeError } from './errors';
import { ForbiddenPage } from './ForbiddenPage';
import { Loading } from './Loading';

interface RequireAuthProps {
  /** A role, or several of which any one admits (e.g. organisers and administrators). */
  role?: Role | readonly Role[];
  children: ReactNode;
}

/** Signed-out visitors go to sign-in and come back afterwards; people without the role are told so. */
export function RequireAuth({ role, children }: RequireAuthProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, loading, error, refetch } = useSession();

  if (loading) {
    return (
      <Loading label={t('nav:loading')} />
    );
  }
  if (error && !me) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
        <Button onClick={refetch} w="fit-content">
          {t('nav:reload')}
        </Button>
      </Stack>
    );
  }
  if (!me) return <Navigate to={signInPathFor(location)} replace />;
  const admitted = role === undefined ? [] : Array.isArray(role) ? role : [role];
  if (admitted.length && !admitted.some((r) => me.roles.includes(r))) return <ForbiddenPage />;
  return <>{children}</>;
}
