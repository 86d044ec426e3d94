import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { MARK_ATTENDANCE, WORKSHOP_REGISTRATIONS, type ManageRegistration, type ManageSession, type RunWorkshop } from '../operations-manage';
import { CheckInCode } from './CheckInCode';
import { formatSessionTimes, nearSessionWindow } from './components';

/** The session nearest to now: the one running, else the next, else the last. */
export function currentSession(sessions: readonly ManageSession[], now: number): ManageSession | null {
  if (sessions.length === 0) return null;
  const running = sessions.find((s) => new Date(s.startsAt).getTime() <= now && now <= new Date(s.endsAt).getTime());
  if (running) return running;
  const next = sessions.find((s) => new Date(s.startsAt).getTime() > now);
  return next ?? sessions[sessions.length - 1];
}

function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function AttendanceBox({ row, session }: { row: ManageRegistration; session: ManageSession }) {
  const { t } = useTranslation();
  const [mark] = useMutation(MARK_ATTENDANCE);
  const [error, setError] = useState<string | null>(null);
  const checked = row.attendedSessionIds.includes(session.id);

  const toggle = async (attended: boolean) => {
    setError(null);
    const ids = attended ? [...row.attendedSessionIds.filter((id) => id !== session.id), session.id] : row.attendedSessionIds.filter((id) => id !== session.id);
    try {
      await mark({
        variables: { sessionId: session.id, registrationId: row.id, attended },
        optimisticResponse: { markAttendance: { ...row, __typename: 'Registration', attendedSessionIds: ids, attendedSessions: ids.length } },
      });
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };

  return (
    <Checkbox
      checked={checked}
      onChange={(e) => void toggle(e.currentTarget.checked)}
      label={t('workshopManage:attendedBox')}
      aria-label={t('workshopManage:attendedLabel', { name: row.person.name, session: session.title })}
      error={error}
      data-testid={`attendance-${row.id}-${session.id}`}
    />
  );
}

/** Attendance per session: tick people in the confirmed list; the check-in code and QR during the session. */
export function AttendancePanel({ workshop }: { workshop: RunWorkshop }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const now = useNow();
  const sessions = useMemo(() => [...workshop.sessions].sort((a, b) => a.position - b.position || a.startsAt.localeCompare(b.startsAt)), [workshop.sessions]);
  const [chosen, setChosen] = useState<string>(() => currentSession(sessions, Date.now())?.id ?? '');
  const session = sessions.find((s) => s.id === chosen) ?? sessions[0] ?? null;
  const [filter, setFilter] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const variables = { workshopId: workshop.id, status: 'CONFIRMED' as const, search: null, first: LIMITS.pageSizeMax };
  const { data, loading, error, fetchMore } = useQuery(WORKSHOP_REGISTRATIONS, { variables, fetchPolicy: 'cache-and-network' });
  const connection = data?.workshopRegistrations;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const number = new Intl.NumberFormat(locale);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const needle = filter.trim().toLocaleLowerCase(locale);
  const shown = rows
    .filter((r) => !needle || `${r.person.name} ${r.person.email} ${r.country?.name ?? ''} ${r.organisationName ?? ''}`.toLocaleLowerCase(locale).includes(needle))
    .sort((a, b) => collator.compare(a.person.name, b.person.name));

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({
        variables: { ...variables, after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          workshopRegistrations: { ...fetchMoreResult.workshopRegistrations, edges: [...previous.workshopRegistrations.edges, ...fetchMoreResult.workshopRegistrations.edges] },
        }),
      });
    } catch (err) {
      setMoreError(describeError(err, t).message);
    } finally {
      setLoadingMore(false);
    }
  };

  if (!session) return <Text>{t('workshopManage:noSessions')}</Text>;
  const attended = rows.filter((r) => r.attendedSessionIds.includes(session.id)).length;
  const times = formatSessionTimes(session.startsAt, session.endsAt, locale, workshop.timeZone);
  const showCode = Boolean(session.checkInCode) && nearSessionWindow(session, now);

  return (
    <Stack gap="md">
      {sessions.length > 1 && (
        <NativeSelect
          label={t('workshopManage:chooseSession')}
          value={session.id}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={sessions.map((s) => ({ value: s.id, label: s.title || t('workshopManage:sessionNumber', { n: s.position + 1 }) }))}
          w={{ base: '100%', sm: 420 }}
          data-testid="attendance-session"
        />
      )}
      <Paper withBorder p="md" radius="md">
        <Stack gap={4}>
          <Title order={3} size="h4" data-testid="attendance-session-title">
            {session.title || t('workshopManage:sessionNumber', { n: session.position + 1 })}
          </Title>
          <Text size="sm">{times.local}</Text>
          {times.workshop && <Text size="sm">{t('workshopManage:inWorkshopZone', { time: times.workshop, zone: workshop.timeZone })}</Text>}
          <Text fw={600} aria-live="polite" data-testid="attendance-count" data-attended={attended} data-total={connection?.totalCount ?? 0}>
            {t('workshopManage:attendanceCount', { attended: number.format(attended), total: number.format(connection?.totalCount ?? 0) })}
          </Text>
        </Stack>
      </Paper>
      {showCode && session.checkInCode ? (
        <CheckInCode slug={workshop.slug} code={session.checkInCode} sessionTitle={session.title} headingId={`check-in-${session.id}`} />
      ) : (
        <Text size="sm" c="dark.6" data-testid="check-in-code-hidden">
          {t('workshopManage:codeLater')}
        </Text>
      )}
      <TextInput
        type="search"
        label={t('workshopManage:filterPeople')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        w={{ base: '100%', sm: 360 }}
        data-testid="attendance-filter"
      />
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : rows.length === 0 ? (
        <Text data-testid="attendance-empty">{t('workshopManage:noConfirmed')}</Text>
      ) : (
        <ScrollTable label={t('workshopManage:attendanceListLabel', { session: session.title })} minWidth={560}>
          <Table striped verticalSpacing="sm" data-testid="attendance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workshopManage:colPerson')}</Table.Th>
                <Table.Th scope="col">{t('workshopManage:colCountry')}</Table.Th>
                <Table.Th scope="col">{t('workshopManage:colPresent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={row.id} data-testid={`attendance-row-${row.id}`}>
                  <Table.Th scope="row" fw={500}>
                    <Text inherit className="break-anywhere">
                      {row.person.name}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {row.country?.name ?? '—'}
                    {row.organisationName && (
                      <Text size="sm" c="dark.6">
                        {row.organisationName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <AttendanceBox row={row} session={session} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {moreError && (
        <Alert color="red" role="alert">
          {moreError}
        </Alert>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Group>
          <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore} data-testid="attendance-more">
            {t('workshopManage:loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
