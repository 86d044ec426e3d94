import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Drawer, Group, List, Modal, NativeSelect, Paper, Progress, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import {
  COURSE_ENROLMENTS,
  DECIDE_ENROLMENT,
  ENROLMENT_STATUSES,
  INVITE_LEARNERS,
  MANAGED_COURSE,
  REMOVE_ENROLMENT,
  WITHDRAWABLE,
  type EnrolmentDecision,
  type EnrolmentRow,
  type EnrolmentStatus,
  type NominationResult,
} from '../operations-learner';
import { EnrolmentStatusBadge, formatCalendarDate, formatDate, formatDateTime } from '../learner/components';
import { EmailListForm, NominationResultView } from '../team/EmailListForm';

type Action = { kind: 'APPROVE' | 'REJECT' | 'REMOVE'; enrolment: EnrolmentRow };

function parseStatus(value: string | null): EnrolmentStatus | '' {
  return ENROLMENT_STATUSES.includes(value as EnrolmentStatus) ? (value as EnrolmentStatus) : '';
}

function ActionDialog({ action, onClose, onDone }: { action: Action; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [decide, decideState] = useMutation(DECIDE_ENROLMENT);
  const [remove, removeState] = useMutation(REMOVE_ENROLMENT);
  const removing = action.kind === 'REMOVE';
  const name = action.enrolment.person.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (removing && !note.trim()) {
      setError(t('learnerUi:noteRequired'));
      return;
    }
    try {
      if (removing) await remove({ variables: { id: action.enrolment.id, note: note.trim() } });
      else await decide({ variables: { id: action.enrolment.id, decision: action.kind as EnrolmentDecision, note: note.trim() || null } });
      onDone(t(`learnerUi:actionDone_${action.kind}`, { name }));
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.note ?? described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="enrolment-action-dialog">
      <Stack gap="md">
        <Text>{t(`learnerUi:actionBody_${action.kind}`, { name })}</Text>
        <Textarea
          label={removing ? t('learnerUi:noteRequiredLabel') : t('learnerUi:noteOptional')}
          name="note"
          required={removing}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('learnerUi:cancel')}
          </Button>
          <Button type="submit" color={action.kind === 'APPROVE' ? undefined : 'red.9'} loading={decideState.loading || removeState.loading} data-testid="confirm-action">
            {t(`learnerUi:action_${action.kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EnrolmentDetails({ enrolment }: { enrolment: EnrolmentRow }) {
  const { t, i18n } = useTranslation();
  const events = [...enrolment.events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <Stack gap="md" data-testid="enrolment-details">
      <Text className="break-anywhere">{enrolment.person.email}</Text>
      <Group gap="xs">
        <EnrolmentStatusBadge status={enrolment.status} />
        <Text size="sm">
          {t('learnerUi:lessonsDone', { done: enrolment.completedLessons, total: enrolment.requiredLessons })}
        </Text>
      </Group>
      {enrolment.country && <Text size="sm">{enrolment.country.name}</Text>}
      {enrolment.organisationName && <Text size="sm">{enrolment.organisationName}</Text>}
      <Title order={3} size="h5">
        {t('learnerUi:history')}
      </Title>
      <List spacing="sm" data-testid="enrolment-events">
        {events.map((event, i) => (
          <List.Item key={`${event.createdAt}-${i}`}>
            <Text size="sm" fw={600}>
              {event.fromStatus
                ? t('learnerUi:eventTransition', { from: t(`learnerUi:status_${event.fromStatus}`), to: t(`learnerUi:status_${event.toStatus}`) })
                : t(`learnerUi:status_${event.toStatus}`)}
            </Text>
            <Text size="sm">
              {formatDateTime(event.createdAt, i18n.language)}
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

/** Organisers: the enrolments of a course, decisions, removals, invitations and the audit trail. */
export default function CourseEnrolmentsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const search = params.get('q') ?? '';
  const [searchText, setSearchText] = useState(search);
  const [action, setAction] = useState<Action | null>(null);
  const [details, setDetails] = useState<EnrolmentRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [inviteResult, setInviteResult] = useState<NominationResult | null>(null);
  const [inviteOffering, setInviteOffering] = useState<string>('');
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const courseQuery = useQuery(MANAGED_COURSE, { variables: { id } });
  const variables = { courseId: id, status: status || null, search: search || null, first: LIMITS.pageSizeDefault };
  const { data: current, previousData, loading, error, fetchMore, refetch } = useQuery(COURSE_ENROLMENTS, { variables, fetchPolicy: 'cache-and-network' });
  const [invite] = useMutation(INVITE_LEARNERS);
  const data = current ?? previousData;
  const connection = data?.courseEnrolments;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const course = courseQuery.data?.courseForEditing;
  const offerings = course?.offerings ?? [];
  const chosenOffering = offerings.find((o) => o.id === inviteOffering) ?? offerings.find((o) => o.openForEnrolment) ?? offerings[0] ?? null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });

  const setFilter = (next: { status?: string; q?: string }) => {
    const merged = { status, q: search, ...next };
    const out: Record<string, string> = {};
    if (merged.status) out.status = merged.status;
    if (merged.q) out.q = merged.q;
    setParams(out, { replace: true });
  };

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({
        variables: { ...variables, after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          courseEnrolments: { ...fetchMoreResult.courseEnrolments, edges: [...previous.courseEnrolments.edges, ...fetchMoreResult.courseEnrolments.edges] },
        }),
      });
    } catch (err) {
      setMoreError(describeError(err, t).message);
    } finally {
      setLoadingMore(false);
    }
  };

  if (courseQuery.loading && !courseQuery.data) return <Loading label={t('nav:loading')} />;
  if (!course) {
    return (
      <Page title={t('learnerUi:enrolmentsTitle')}>
        <Alert color="red" role="alert">
          {courseQuery.error ? describeError(courseQuery.error, t).message : t('learnerUi:courseNotFound')}
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={t('learnerUi:enrolmentsTitle')} heading={t('learnerUi:enrolmentsHeading', { title: course.title })}>
      <Group gap="md">
        <Anchor component={Link} to={`/manage/courses/${encodeURIComponent(id)}/report`} data-testid="report-link">
          {t('learnerUi:reportTitle')}
        </Anchor>
        <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`}>
          {t('learnerUi:viewCoursePage')}
        </Anchor>
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal.9" variant="outline" withCloseButton closeButtonLabel={t('learnerUi:close')} onClose={() => setNotice(null)} data-testid="enrolments-notice">
            <Text c="dark.9">{notice}</Text>
          </Alert>
        )}
      </div>

      <section aria-labelledby="enrolment-list-title">
        <Title order={2} id="enrolment-list-title" mb="sm">
          {t('learnerUi:enrolmentListTitle')}
        </Title>
        <Group align="flex-end" gap="md" mb="md" wrap="wrap">
          <NativeSelect
            label={t('learnerUi:statusFilter')}
            value={status}
            onChange={(e) => setFilter({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('learnerUi:allStatuses') }, ...ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`learnerUi:status_${s}`) }))]}
            w={{ base: '100%', sm: 240 }}
            data-testid="status-filter"
          />
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              setFilter({ q: searchText.trim() });
            }}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput type="search" label={t('learnerUi:searchLabel')} value={searchText} onChange={(e) => setSearchText(e.currentTarget.value)} style={{ flex: 1, minWidth: 0 }} />
              <Button type="submit" variant="outline">
                {t('learnerUi:search')}
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
            <Text aria-live="polite" data-testid="enrolments-count">
              {rows.length === 0 ? t('learnerUi:noEnrolments') : t('learnerUi:showingEnrolments', { shown: rows.length, total: connection?.totalCount ?? 0 })}
            </Text>
            {rows.length > 0 && (
              <ScrollTable label={t('learnerUi:enrolmentListTitle')} minWidth={900}>
                <Table striped verticalSpacing="sm" data-testid="enrolments-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('learnerUi:colPerson')}</Table.Th>
                      <Table.Th scope="col">{t('learnerUi:colCountry')}</Table.Th>
                      <Table.Th scope="col">{t('learnerUi:colStatus')}</Table.Th>
                      <Table.Th scope="col">{t('learnerUi:colProgress')}</Table.Th>
                      <Table.Th scope="col">{t('learnerUi:colEnrolled')}</Table.Th>
                      <Table.Th scope="col">{t('learnerUi:colActions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.id} data-testid="enrolment-row" data-status={row.status}>
                        <Table.Th scope="row" fw={500}>
                          <Text inherit className="break-anywhere">{row.person.name}</Text>
                          {row.person.email !== row.person.name && (
                            <Text size="sm" c="dimmed" className="break-anywhere">
                              {row.person.email}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td>
                          {row.country?.name ?? '—'}
                          {row.organisationName && (
                            <Text size="sm" c="dimmed">
                              {row.organisationName}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <EnrolmentStatusBadge status={row.status} />
                        </Table.Td>
                        <Table.Td miw={120}>
                          <Progress value={row.progressPercent} aria-label={t('learnerUi:progressOf', { name: row.person.name })} color="blue.8" />
                          <Text size="sm">{percent.format(row.progressPercent / 100)}</Text>
                        </Table.Td>
                        <Table.Td>{formatDate(row.createdAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="wrap">
                            <Button size="compact-sm" variant="default" onClick={() => setDetails(row)} data-testid="open-details">
                              {t('learnerUi:details')}
                              <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                            </Button>
                            {(row.status === 'REQUESTED' || row.status === 'NOMINATED') && (
                              <>
                                <Button size="compact-sm" onClick={() => setAction({ kind: 'APPROVE', enrolment: row })} data-testid="approve">
                                  {t('learnerUi:action_APPROVE')}
                                  <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                                </Button>
                                <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setAction({ kind: 'REJECT', enrolment: row })} data-testid="reject">
                                  {t('learnerUi:action_REJECT')}
                                  <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                                </Button>
                              </>
                            )}
                            {WITHDRAWABLE.includes(row.status) && (
                              <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setAction({ kind: 'REMOVE', enrolment: row })} data-testid="remove">
                                {t('learnerUi:action_REMOVE')}
                                <VisuallyHidden>{` — ${row.person.name}`}</VisuallyHidden>
                              </Button>
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
              <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore} w="fit-content">
                {t('learnerUi:loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </section>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invite-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="invite-title">
            {t('learnerUi:inviteTitle')}
          </Title>
          <Text size="sm">{t('learnerUi:inviteIntro')}</Text>
          {offerings.length === 0 ? (
            <Text>{t('learnerUi:noOpenOffering')}</Text>
          ) : (
            <>
              {offerings.length > 1 && (
                <NativeSelect
                  label={t('learnerUi:chooseOffering')}
                  value={chosenOffering?.id ?? ''}
                  onChange={(e) => setInviteOffering(e.currentTarget.value)}
                  data={offerings.map((o) => ({
                    value: o.id,
                    label: o.name || (o.startsOn ? `${formatCalendarDate(o.startsOn, i18n.language)} – ${formatCalendarDate(o.endsOn, i18n.language)}` : t('learnerUi:selfPaced')),
                  }))}
                  w={{ base: '100%', sm: 360 }}
                />
              )}
              <EmailListForm
                submitLabel={t('learnerUi:inviteSubmit')}
                onSubmit={async (emails) => {
                  setInviteResult(null);
                  const response = await invite({ variables: { offeringId: chosenOffering!.id, emails } });
                  if (response.data) setInviteResult(response.data.inviteLearners);
                  void refetch();
                }}
              />
              <div role="status" aria-live="polite">
                {inviteResult && <NominationResultView result={inviteResult} />}
              </div>
            </>
          )}
        </Stack>
      </Paper>

      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? t(`learnerUi:actionTitle_${action.kind}`) : ''} closeButtonProps={{ 'aria-label': t('learnerUi:cancel') }}>
        {action && (
          <ActionDialog
            action={action}
            onClose={() => setAction(null)}
            onDone={(message) => {
              setAction(null);
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
            <Drawer.CloseButton aria-label={t('learnerUi:close')} />
          </Drawer.Header>
          <Drawer.Body>{details && <EnrolmentDetails enrolment={details} />}</Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </Page>
  );
}
