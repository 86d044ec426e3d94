import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Drawer, Group, List, Modal, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../learning/shared/format';
import {
  DECIDE_REGISTRATION,
  REGISTRATION_STATUSES,
  WORKSHOP_REGISTRATIONS,
  participantsCsvUrl,
  type ManageRegistration,
  type RegistrationStatus,
  type RunWorkshop,
} from '../operations-manage';
import { RegistrationStatusBadge } from './components';

type Decision = { approve: boolean; registration: ManageRegistration };

function DecisionDialog({ decision, onClose, onDone }: { decision: Decision; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [decide, { loading }] = useMutation(DECIDE_REGISTRATION);
  const name = decision.registration.person.name;
  const kind = decision.approve ? 'approve' : 'reject';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await decide({ variables: { id: decision.registration.id, approve: decision.approve, note: note.trim() || null } });
      onDone(t(`workshopManage:${kind}Done`, { name }));
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.note ?? described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="decision-dialog">
      <Stack gap="md">
        <Text>{t(`workshopManage:${kind}Body`, { name })}</Text>
        <Textarea
          label={t('workshopManage:noteOptional')}
          name="note"
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          data-autofocus
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('workshopManage:cancel')}
          </Button>
          <Button type="submit" color={decision.approve ? 'blue.8' : 'red.9'} loading={loading} data-testid="confirm-decision">
            {t(`workshopManage:${kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RegistrationDetails({ registration, workshop }: { registration: ManageRegistration; workshop: RunWorkshop }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const events = [...registration.events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const questions = [...workshop.questions].sort((a, b) => a.position - b.position);
  const answerOf = (questionId: string) => registration.answers.find((a) => a.questionId === questionId)?.value ?? '';
  return (
    <Stack gap="md" data-testid="registration-details">
      <Text className="break-anywhere">{registration.person.email}</Text>
      <Group gap="xs">
        <RegistrationStatusBadge status={registration.status} />
        {registration.waitlistPosition != null && <Text size="sm">{t('workshopManage:waitlistPosition', { position: registration.waitlistPosition })}</Text>}
      </Group>
      {registration.country && <Text size="sm">{registration.country.name}</Text>}
      {registration.organisationName && <Text size="sm">{registration.organisationName}</Text>}
      <Text size="sm">{registration.consentToList ? t('workshopManage:consentYes') : t('workshopManage:consentNo')}</Text>
      <Title order={3} size="h5">
        {t('workshopManage:answersTitle')}
      </Title>
      {questions.length === 0 ? (
        <Text size="sm">{t('workshopManage:noQuestions')}</Text>
      ) : (
        <dl style={{ margin: 0 }} data-testid="registration-answers">
          {questions.map((question) => {
            const raw = answerOf(question.id);
            const value = question.type === 'CONSENT' ? (raw === 'true' ? t('workshopManage:yes') : t('workshopManage:no')) : raw || '—';
            return (
              <div key={question.id} style={{ marginBottom: 8 }}>
                <Text component="dt" size="sm" fw={600}>
                  {question.prompt}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                  {value}
                </Text>
              </div>
            );
          })}
        </dl>
      )}
      <Title order={3} size="h5">
        {t('workshopManage:history')}
      </Title>
      <List spacing="sm" data-testid="registration-events">
        {events.map((event, i) => (
          <List.Item key={`${event.createdAt}-${i}`}>
            <Text size="sm" fw={600}>
              {event.fromStatus
                ? t('workshopManage:eventTransition', { from: t(`workshopManage:status_${event.fromStatus}`), to: t(`workshopManage:status_${event.toStatus}`) })
                : t(`workshopManage:status_${event.toStatus}`)}
            </Text>
            <Text size="sm">
              {formatDateTime(event.createdAt, locale)}
              {event.actorName ? ` · ${event.actorName}` : ''}
            </Text>
            {event.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                {event.note}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Registrations: filter, search, decide, see answers and history, export CSV. */
export function RegistrationsPanel({ workshop }: { workshop: RunWorkshop }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [details, setDetails] = useState<ManageRegistration | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const variables = { workshopId: workshop.id, status: status || null, search: search || null, first: LIMITS.pageSizeDefault };
  const { data: current, previousData, loading, error, fetchMore, refetch } = useQuery(WORKSHOP_REGISTRATIONS, { variables, fetchPolicy: 'cache-and-network' });
  const data = current ?? previousData;
  const connection = data?.workshopRegistrations;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const sessions = workshop.sessions.length;
  const number = new Intl.NumberFormat(locale);

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

  return (
    <Stack gap="md">
      <Group gap="md" wrap="wrap">
        <Text data-testid="seats-summary">
          {workshop.capacity != null
            ? t('workshopManage:seatsSummary', { taken: number.format(workshop.seatsTaken), capacity: number.format(workshop.capacity), waitlist: number.format(workshop.waitlistCount) })
            : t('workshopManage:seatsSummaryUnlimited', { taken: number.format(workshop.seatsTaken), waitlist: number.format(workshop.waitlistCount) })}
        </Text>
        <Anchor href={participantsCsvUrl(workshop.id)} download data-testid="participants-csv">
          {t('workshopManage:downloadParticipants')}
        </Anchor>
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal.9" variant="outline" withCloseButton closeButtonLabel={t('workshopManage:close')} onClose={() => setNotice(null)} data-testid="registrations-notice">
            <Text c="dark.9">{notice}</Text>
          </Alert>
        )}
      </div>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('workshopManage:statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as RegistrationStatus | '')}
          data={[{ value: '', label: t('workshopManage:allStatuses') }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`workshopManage:status_${s}`) }))]}
          w={{ base: '100%', sm: 240 }}
          data-testid="registration-status-filter"
        />
        <form
          role="search"
          aria-label={t('workshopManage:searchLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(searchText.trim());
          }}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              type="search"
              label={t('workshopManage:searchLabel')}
              value={searchText}
              onChange={(e) => setSearchText(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="registration-search"
            />
            <Button type="submit" variant="outline">
              {t('workshopManage:search')}
            </Button>
          </Group>
        </form>
      </Group>
      {error && !current ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <Stack gap="md">
          <Text aria-live="polite" data-testid="registrations-count">
            {rows.length === 0 ? t('workshopManage:noRegistrations') : t('workshopManage:showingRegistrations', { shown: rows.length, total: connection?.totalCount ?? 0 })}
          </Text>
          {rows.length > 0 && (
            <ScrollTable label={t('workshopManage:registrationsTitle')} minWidth={900}>
              <Table striped verticalSpacing="sm" data-testid="registrations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('workshopManage:colPerson')}</Table.Th>
                    <Table.Th scope="col">{t('workshopManage:colCountry')}</Table.Th>
                    <Table.Th scope="col">{t('workshopManage:colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('workshopManage:colAttended')}</Table.Th>
                    <Table.Th scope="col">{t('workshopManage:colRegistered')}</Table.Th>
                    <Table.Th scope="col">{t('workshopManage:colActions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id} data-testid={`registration-${row.id}`} data-status={row.status}>
                      <Table.Th scope="row" fw={500}>
                        <Text inherit className="break-anywhere">
                          {row.person.name}
                        </Text>
                        {row.person.email !== row.person.name && (
                          <Text size="sm" c="dark.6" className="break-anywhere">
                            {row.person.email}
                          </Text>
                        )}
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
                        <RegistrationStatusBadge status={row.status} />
                        {row.status === 'WAITLISTED' && row.waitlistPosition != null && (
                          <Text size="sm" data-testid="waitlist-position">
                            {t('workshopManage:waitlistPosition', { position: number.format(row.waitlistPosition) })}
                          </Text>
                        )}
                        {row.status === 'OFFERED' && row.offerExpiresAt && (
                          <Text size="sm">{t('workshopManage:offerExpires', { date: formatDateTime(row.offerExpiresAt, locale) })}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>{t('workshopManage:sessionsAttended', { done: number.format(row.attendedSessions), total: number.format(sessions) })}</Table.Td>
                      <Table.Td>{formatDateTime(row.createdAt, locale)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="wrap">
                          <Button size="compact-sm" variant="default" onClick={() => setDetails(row)} data-testid={`registration-details-${row.id}`}>
                            {t('workshopManage:details')}
                            <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                          </Button>
                          {row.status === 'PENDING' && (
                            <>
                              <Button size="compact-sm" color="blue.8" onClick={() => setDecision({ approve: true, registration: row })} data-testid={`approve-${row.id}`}>
                                {t('workshopManage:approve')}
                                <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                              </Button>
                              <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setDecision({ approve: false, registration: row })} data-testid={`reject-${row.id}`}>
                                {t('workshopManage:reject')}
                                <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                              </Button>
                            </>
                          )}
                        </Group>
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
            <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore} w="fit-content" data-testid="registrations-more">
              {t('workshopManage:loadMore')}
            </Button>
          )}
        </Stack>
      )}
      <Modal
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={decision ? t(decision.approve ? 'workshopManage:approveTitle' : 'workshopManage:rejectTitle') : ''}
        closeButtonProps={{ 'aria-label': t('workshopManage:cancel') }}
      >
        {decision && (
          <DecisionDialog
            decision={decision}
            onClose={() => setDecision(null)}
            onDone={(message) => {
              setDecision(null);
              setNotice(message);
              void refetch();
            }}
          />
        )}
      </Modal>
      <Drawer.Root opened={details !== null} onClose={() => setDetails(null)} position="right" size="md">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title className="break-anywhere">{details?.person.name}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('workshopManage:close')} />
          </Drawer.Header>
          <Drawer.Body>{details && <RegistrationDetails registration={details} workshop={workshop} />}</Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </Stack>
  );
}
