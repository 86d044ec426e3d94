import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Chip,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ALL_ROLES, countryName, LIMITS, Role } from '@alliance/shared-core';
import { GRANT_ROLE, ME_QUERY, REVOKE_ROLE, USERS_QUERY, type UserFields } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session';
import { Loading } from '../../app/Loading';
import { ScrollTable } from '../../app/ScrollTable';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function RoleChips({ user, onNotice }: { user: UserFields; onNotice: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  // Changing one's own roles changes what the shell may show, so `me` is refreshed then.
  const refetchQueries = user.id === me?.id ? [{ query: ME_QUERY }] : [];
  const [grant, grantState] = useMutation(GRANT_ROLE, { refetchQueries });
  const [revoke, revokeState] = useMutation(REVOKE_ROLE, { refetchQueries });
  const busy = grantState.loading || revokeState.loading;

  const toggle = async (role: Role, on: boolean) => {
    onNotice(null);
    const roleName = t(`admin:role_${role}`);
    try {
      if (on) await grant({ variables: { userId: user.id, role } });
      else await revoke({ variables: { userId: user.id, role } });
      onNotice({ kind: 'ok', text: t(on ? 'admin:granted' : 'admin:revoked', { name: user.name, role: roleName }) });
    } catch (error) {
      onNotice({ kind: 'error', text: describeError(error, t).message });
    }
  };

  return (
    <Group gap={6} wrap="wrap">
      {ALL_ROLES.map((role) => (
        <Chip
          key={role}
          size="xs"
          variant="outline"
          checked={user.roles.includes(role)}
          disabled={busy}
          onChange={(checked) => void toggle(role, checked)}
        >
          {t(`admin:role_${role}`)}
          <VisuallyHidden>{` — ${user.name}`}</VisuallyHidden>
        </Chip>
      ))}
    </Group>
  );
}

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [notice, setNotice] = useState<Notice>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const variables = { first: LIMITS.pageSizeDefault, search: debouncedSearch || null, role: role || null };
  const { data, loading, error, fetchMore } = useQuery(USERS_QUERY, { variables, notifyOnNetworkStatusChange: false });
  const connection = data?.users;
  const users = connection?.edges.map((edge) => edge.node) ?? [];

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { ...variables, after: connection.pageInfo.endCursor } });
    } catch (err) {
      setNotice({ kind: 'error', text: describeError(err, t).message });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('admin:usersTitle')}>
      <Text maw={760}>{t('admin:usersIntro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('admin:search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('admin:roleFilter')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role | '')}
          data={[{ value: '', label: t('admin:allRoles') }, ...ALL_ROLES.map((r) => ({ value: r, label: t(`admin:role_${r}`) }))]}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>

      <div role="status" aria-live="polite">
        {notice && (
          <Alert color={notice.kind === 'ok' ? 'teal' : 'red'} withCloseButton={false}>
            {notice.text}
          </Alert>
        )}
      </div>

      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <Stack>
          <Text aria-live="polite">
            {users.length === 0 ? t('admin:noResults') : t('admin:showing', { shown: users.length, total: connection?.totalCount ?? 0 })}
          </Text>
          {users.length > 0 && (
            <ScrollTable minWidth={640} label={t('admin:usersTitle')}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby="page-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin:colName')}</Table.Th>
                    <Table.Th scope="col">{t('admin:colEmail')}</Table.Th>
                    <Table.Th scope="col">{t('admin:colCountry')}</Table.Th>
                    <Table.Th scope="col">{t('admin:colRoles')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Th scope="row" fw={500}>
                        {user.name}
                        {!user.emailVerified && (
                          <Badge ml="xs" size="xs" variant="outline" color="gray.8">
                            {t('admin:notVerified')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td className="break-anywhere">{user.email}</Table.Td>
                      <Table.Td>{countryName(user.countryCode, i18n.language)}</Table.Td>
                      <Table.Td>
                        <RoleChips user={user} onNotice={setNotice} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {connection?.pageInfo.hasNextPage && (
            <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore} w="fit-content">
              {t('admin:loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Page>
  );
}
