import { useId, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ForbiddenPage } from '../../../app/ForbiddenPage';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/session';
import { formatCalendarDate, formatDate, formatMoment, todayIso } from '../apply/format';
import { ScrollTable } from '../../../app/ScrollTable';
import {
  DESIGNATE_FOCAL_POINT,
  END_FOCAL_POINT,
  FOCAL_POINT_ROLES,
  INVITATION_ROLES,
  INVITE_TO_ORGANISATION,
  MANAGED_ORGANISATION,
  ORGANISATION_INVITATIONS,
  REINSTATE_MEMBERSHIP,
  SUSPEND_MEMBERSHIP,
  type FocalPointFields,
  type FocalPointRole,
  type FocusAreaFields,
  type InvitationFields,
  type InvitationRole,
  type OrganisationFields,
} from '../apply/operations';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const id = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function PeopleSection({ organisation }: { organisation: OrganisationFields }) {
  const { t } = useTranslation();
  return (
    <Section title={t('allianceUi:peopleHeading')} testId="people-section">
      {organisation.people.length === 0 ? (
        <Text>{t('allianceUi:peopleEmpty')}</Text>
      ) : (
        <ScrollTable minWidth={480} label={t('allianceUi:peopleHeading')}>
          <Table verticalSpacing="sm" aria-label={t('allianceUi:peopleHeading')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('allianceUi:colName')}</Table.Th>
                <Table.Th scope="col">{t('allianceUi:colEmail')}</Table.Th>
                <Table.Th scope="col">{t('allianceUi:colRoles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisation.people.map((person) => (
                <Table.Tr key={person.user.id} data-testid="person-row">
                  <Table.Th scope="row" fw={500}>
                    {person.user.name}
                  </Table.Th>
                  <Table.Td className="break-anywhere">{person.user.email}</Table.Td>
                  <Table.Td>{person.roles.map((role) => t(`allianceUi:orgRole_${role}`)).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

function invitationState(invitation: InvitationFields): 'accepted' | 'expired' | 'pending' {
  if (invitation.acceptedAt) return 'accepted';
  return new Date(invitation.expiresAt).getTime() < Date.now() ? 'expired' : 'pending';
}

function InviteForm({ organisation, focusAreas, onDone }: { organisation: OrganisationFields; focusAreas: FocusAreaFields[]; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitationRole>('MEMBER');
  const [focusAreaId, setFocusAreaId] = useState('');
  const [focalRole, setFocalRole] = useState<FocalPointRole | ''>('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [invite, { loading }] = useMutation(INVITE_TO_ORGANISATION, {
    refetchQueries: [{ query: ORGANISATION_INVITATIONS, variables: { organisationId: organisation.id } }],
  });
  const focal = role === 'FOCAL_POINT';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems: Record<string, string> = {};
    const address = email.trim();
    if (!address) problems.email = t('validation:required');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) problems.email = t('validation:emailInvalid');
    if (focal && !focusAreaId) problems.focusAreaId = t('allianceUi:focusAreaRequired');
    if (focal && !focalRole) problems.focalRole = t('allianceUi:focalRoleRequired');
    setFields(problems);
    if (Object.keys(problems).length) return;
    try {
      await invite({
        variables: {
          organisationId: organisation.id,
          email: address,
          role,
          focusAreaId: focal ? focusAreaId : null,
          focalRole: focal && focalRole ? focalRole : null,
        },
      });
      setEmail('');
      onDone(t('allianceUi:invitedNotice', { email: address }));
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      if (!Object.keys(described.fields).length) setFailure(described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="invite-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('allianceUi:inviteEmail')}
            name="email"
            type="email"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setFields(({ email: _e, ...rest }) => rest);
            }}
            error={fields.email}
          />
          <NativeSelect
            label={t('allianceUi:inviteRole')}
            name="role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as InvitationRole)}
            data={INVITATION_ROLES.map((r) => ({ value: r, label: t(`allianceUi:invitationRole_${r}`) }))}
            error={fields.role}
          />
          {focal && (
            <>
              <NativeSelect
                label={t('allianceUi:focusArea')}
                name="focusAreaId"
                required
                value={focusAreaId}
                onChange={(e) => {
                  setFocusAreaId(e.currentTarget.value);
                  setFields(({ focusAreaId: _f, ...rest }) => rest);
                }}
                data={[{ value: '', label: t('allianceUi:chooseFocusArea'), disabled: true }, ...focusAreas.map((a) => ({ value: a.id, label: a.name }))]}
                error={fields.focusAreaId}
              />
              <NativeSelect
                label={t('allianceUi:focalRole')}
                name="focalRole"
                required
                value={focalRole}
                onChange={(e) => {
                  setFocalRole(e.currentTarget.value as FocalPointRole);
                  setFields(({ focalRole: _f, ...rest }) => rest);
                }}
                data={[{ value: '', label: t('allianceUi:chooseFocalRole'), disabled: true }, ...FOCAL_POINT_ROLES.map((r) => ({ value: r, label: t(`allianceUi:focalRole_${r}`) }))]}
                error={fields.focalRole}
              />
            </>
          )}
        </SimpleGrid>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={loading} w="fit-content" data-testid="send-invitation">
          {t('allianceUi:sendInvitation')}
        </Button>
      </Stack>
    </form>
  );
}

function InvitationsSection({ organisation, focusAreas, onNotice }: { organisation: OrganisationFields; focusAreas: FocusAreaFields[]; onNotice: (n: Notice) => void }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(ORGANISATION_INVITATIONS, { variables: { organisationId: organisation.id } });
  const invitations = data?.organisationInvitations ?? [];
  return (
    <Section title={t('allianceUi:invitationsHeading')} testId="invitations-section">
      <Text>{t('allianceUi:invitationsIntro')}</Text>
      <InviteForm organisation={organisation} focusAreas={focusAreas} onDone={(text) => onNotice({ kind: 'ok', text })} />
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : invitations.length === 0 ? (
        <Text>{t('allianceUi:invitationsEmpty')}</Text>
      ) : (
        <ScrollTable minWidth={560} label={t('allianceUi:invitationsHeading')}>
          <Table verticalSpacing="sm" aria-label={t('allianceUi:invitationsHeading')} data-testid="invitations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('allianceUi:colEmail')}</Table.Th>
                <Table.Th scope="col">{t('allianceUi:colRole')}</Table.Th>
                <Table.Th scope="col">{t('allianceUi:colSent')}</Table.Th>
                <Table.Th scope="col">{t('allianceUi:colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => {
                const state = invitationState(invitation);
                return (
                  <Table.Tr key={invitation.id} data-testid="invitation-row" data-state={state}>
                    <Table.Th scope="row" fw={500} className="break-anywhere">
                      {invitation.email}
                    </Table.Th>
                    <Table.Td>
                      {t(`allianceUi:invitationRole_${invitation.role}`)}
                      {invitation.focusArea && invitation.focalRole && (
                        <Text size="sm" c="dimmed">
                          {invitation.focusArea.name} · {t(`allianceUi:focalRole_${invitation.focalRole}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(invitation.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {state === 'accepted'
                        ? t('allianceUi:invitationAcceptedOn', { date: formatDate(invitation.acceptedAt, i18n.language) })
                        : state === 'expired'
                          ? t('allianceUi:invitationExpired')
                          : t('allianceUi:invitationPendingUntil', { date: formatDate(invitation.expiresAt, i18n.language) })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

type FocalAction = { kind: 'end'; point: FocalPointFields } | { kind: 'handover'; point: FocalPointFields } | { kind: 'designate' } | null;

function FocalPointDialog({
  action,
  organisation,
  focusAreas,
  onClose,
  onDone,
}: {
  action: Exclude<FocalAction, null>;
  organisation: OrganisationFields;
  focusAreas: FocusAreaFields[];
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const point = action.kind === 'designate' ? null : action.point;
  const [userId, setUserId] = useState('');
  const [focusAreaId, setFocusAreaId] = useState(point?.focusArea.id ?? '');
  const [role, setRole] = useState<FocalPointRole | ''>(point?.role ?? '');
  const [startDate, setStartDate] = useState(todayIso());
  const [endDate, setEndDate] = useState(action.kind === 'end' ? todayIso() : '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const refetchQueries = [{ query: MANAGED_ORGANISATION, variables: { slug: organisation.slug } }];
  const [designate, designateState] = useMutation(DESIGNATE_FOCAL_POINT, { refetchQueries });
  const [end, endState] = useMutation(END_FOCAL_POINT, { refetchQueries });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems: Record<string, string> = {};
    if (action.kind === 'end') {
      if (!endDate) problems.endDate = t('validation:required');
    } else {
      if (!userId) problems.userId = t('allianceUi:personRequired');
      if (!focusAreaId) problems.focusAreaId = t('allianceUi:focusAreaRequired');
      if (!role) problems.role = t('allianceUi:focalRoleRequired');
      if (!startDate) problems.startDate = t('validation:required');
      if (endDate && startDate && endDate < startDate) problems.endDate = t('allianceUi:endBeforeStart');
    }
    setFields(problems);
    if (Object.keys(problems).length) return;
    try {
      if (action.kind === 'end') {
        await end({ variables: { id: action.point.id, endDate } });
        onDone(t('allianceUi:focalEndedNotice'));
      } else {
        const result = await designate({
          variables: { organisationId: organisation.id, userId, focusAreaId, role: role as FocalPointRole, startDate, endDate: endDate || null },
        });
        onDone(t('allianceUi:focalDesignatedNotice', { name: result.data?.designateFocalPoint.name ?? '' }));
      }
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      if (!Object.keys(described.fields).length) setFailure(described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={`focal-dialog-${action.kind}`}>
      <Stack gap="md">
        {point && (
          <Text>
            {t('allianceUi:focalDialogCurrent', {
              name: point.name ?? t('allianceUi:nameHidden'),
              area: point.focusArea.name,
              role: t(`allianceUi:focalRole_${point.role}`),
            })}
          </Text>
        )}
        {action.kind === 'handover' && <Text>{t('allianceUi:handoverExplained')}</Text>}
        {action.kind === 'end' ? (
          <TextInput label={t('allianceUi:endDate')} type="date" name="endDate" required value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={fields.endDate} />
        ) : (
          <>
            <NativeSelect
              label={t('allianceUi:person')}
              description={t('allianceUi:personHint')}
              name="userId"
              required
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              data={[
                { value: '', label: t('allianceUi:choosePerson'), disabled: true },
                ...organisation.people.map((p) => ({ value: p.user.id, label: `${p.user.name} (${p.user.email})` })),
              ]}
              error={fields.userId}
            />
            {action.kind === 'designate' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('allianceUi:focusArea')}
                  name="focusAreaId"
                  required
                  value={focusAreaId}
                  onChange={(e) => setFocusAreaId(e.currentTarget.value)}
                  data={[{ value: '', label: t('allianceUi:chooseFocusArea'), disabled: true }, ...focusAreas.map((a) => ({ value: a.id, label: a.name }))]}
                  error={fields.focusAreaId}
                />
                <NativeSelect
                  label={t('allianceUi:focalRole')}
                  name="role"
                  required
                  value={role}
                  onChange={(e) => setRole(e.currentTarget.value as FocalPointRole)}
                  data={[{ value: '', label: t('allianceUi:chooseFocalRole'), disabled: true }, ...FOCAL_POINT_ROLES.map((r) => ({ value: r, label: t(`allianceUi:focalRole_${r}`) }))]}
                  error={fields.role}
                />
              </SimpleGrid>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('allianceUi:startDate')} type="date" name="startDate" required value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={fields.startDate} />
              <TextInput label={t('allianceUi:endDateOptional')} type="date" name="endDate" value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={fields.endDate} />
            </SimpleGrid>
          </>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('allianceUi:cancel')}
          </Button>
          <Button type="submit" loading={designateState.loading || endState.loading} color={action.kind === 'end' ? 'red.9' : undefined} data-testid="confirm-focal">
            {t(`allianceUi:focalConfirm_${action.kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FocalPointsSection({ organisation, focusAreas, onNotice }: { organisation: OrganisationFields; focusAreas: FocusAreaFields[]; onNotice: (n: Notice) => void }) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<FocalAction>(null);
  const current = organisation.focalPoints.filter((p) => p.current);
  const past = organisation.focalPoints.filter((p) => !p.current);
  const period = (p: FocalPointFields) =>
    p.endDate
      ? t('allianceUi:periodFromTo', { from: formatCalendarDate(p.startDate, i18n.language), to: formatCalendarDate(p.endDate, i18n.language) })
      : t('allianceUi:periodFrom', { from: formatCalendarDate(p.startDate, i18n.language) });
  const name = (p: FocalPointFields) => p.name ?? t('allianceUi:nameHidden');

  return (
    <Section title={t('allianceUi:focalPointsHeading')} testId="focal-points-section">
      <Text>{t('allianceUi:focalPointsIntro')}</Text>
      <Button variant="outline" w="fit-content" onClick={() => setAction({ kind: 'designate' })} data-testid="designate-focal">
        {t('allianceUi:designateFocalPoint')}
      </Button>
      <Title order={3} size="h4">
        {t('allianceUi:currentFocalPoints')}
      </Title>
      {current.length === 0 ? (
        <Text>{t('allianceUi:noCurrentFocalPoints')}</Text>
      ) : (
        <Stack gap="sm">
          {current.map((p) => (
            <Card key={p.id} withBorder padding="sm" data-testid="current-focal-point">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>{name(p)}</Text>
                  <Text size="sm">
                    {p.focusArea.name} · {t(`allianceUi:focalRole_${p.role}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {period(p)} · {p.consentToPublish ? t('allianceUi:namePublic') : t('allianceUi:nameNotPublic')}
                  </Text>
                </div>
                <Group gap="xs">
                  <Button size="compact-sm" variant="outline" onClick={() => setAction({ kind: 'handover', point: p })} aria-label={t('allianceUi:handoverFor', { name: name(p), area: p.focusArea.name })}>
                    {t('allianceUi:handover')}
                  </Button>
                  <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setAction({ kind: 'end', point: p })} aria-label={t('allianceUi:endFor', { name: name(p), area: p.focusArea.name })}>
                    {t('allianceUi:endFocalPoint')}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Title order={3} size="h4">
        {t('allianceUi:pastFocalPoints')}
      </Title>
      {past.length === 0 ? (
        <Text>{t('allianceUi:noPastFocalPoints')}</Text>
      ) : (
        <Stack gap={4} component="ul" m={0} pl="lg">
          {past.map((p) => (
            <li key={p.id} data-testid="past-focal-point">
              <Text size="sm">
                {name(p)} — {p.focusArea.name} · {t(`allianceUi:focalRole_${p.role}`)} · {period(p)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`allianceUi:focalDialogTitle_${action.kind}`) : ''}
        closeButtonProps={{ 'aria-label': t('allianceUi:cancel') }}
        size="lg"
      >
        {action && (
          <FocalPointDialog
            action={action}
            organisation={organisation}
            focusAreas={focusAreas}
            onClose={() => setAction(null)}
            onDone={(text) => {
              setAction(null);
              onNotice({ kind: 'ok', text });
            }}
          />
        )}
      </Modal>
    </Section>
  );
}

function MembershipSection({ organisation, onNotice }: { organisation: OrganisationFields; onNotice: (n: Notice) => void }) {
  const { t, i18n } = useTranslation();
  const { isAdmin } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [suspend, suspendState] = useMutation(SUSPEND_MEMBERSHIP);
  const [reinstate, reinstateState] = useMutation(REINSTATE_MEMBERSHIP);
  const membership = organisation.membership;
  if (!membership) return null;
  const suspended = membership.status === 'SUSPENDED';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('allianceUi:reasonRequired'));
      return;
    }
    try {
      const variables = { organisationId: organisation.id, reason: reason.trim() };
      if (suspended) await reinstate({ variables });
      else await suspend({ variables });
      setReason('');
      onNotice({ kind: 'ok', text: t(suspended ? 'allianceUi:reinstatedNotice' : 'allianceUi:suspendedNotice', { name: organisation.name }) });
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.reason ?? described.message);
    }
  };

  return (
    <Section title={t('allianceUi:membershipHeading')} testId="membership-section">
      <Group gap="sm">
        <Badge color={suspended ? 'red.9' : 'teal.9'} variant="filled" data-testid="membership-status">
          {t(`allianceUi:membershipStatus_${membership.status}`)}
        </Badge>
        <Text>
          {t(`allianceUi:category_${membership.category}`)} · {t('allianceUi:memberSince', { date: formatDate(membership.since, i18n.language) })}
        </Text>
      </Group>
      {membership.events.length > 0 && (
        <Stack gap={4} component="ul" m={0} pl="lg" aria-label={t('allianceUi:membershipHistory')}>
          {membership.events.map((event) => (
            <li key={event.id}>
              <Text size="sm">
                {t('allianceUi:membershipEvent', {
                  action: t(`allianceUi:membershipAction_${event.action}`, { defaultValue: event.action }),
                  name: event.actorName,
                  date: formatMoment(event.createdAt, i18n.language),
                })}
                {event.reason ? ` — ${event.reason}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {isAdmin && (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="membership-form">
          <Stack gap="sm">
            <Textarea
              label={t('allianceUi:reason')}
              name="reason"
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              error={error}
            />
            <Button type="submit" w="fit-content" color={suspended ? undefined : 'red.9'} loading={suspendState.loading || reinstateState.loading} data-testid="membership-action">
              {t(suspended ? 'allianceUi:reinstate' : 'allianceUi:suspend')}
            </Button>
          </Stack>
        </form>
      )}
    </Section>
  );
}

export default function ManageOrganisationPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { isAdmin } = useSession();
  const { data, loading, error } = useQuery(MANAGED_ORGANISATION, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<Notice>(null);
  const organisation = data?.organisation;

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (!organisation) {
    return (
      <Page title={t('allianceUi:manageTitle')}>
        <Alert color="red" role="alert">
          {error ? describeError(error, t).message : t('allianceUi:organisationNotFound')}
        </Alert>
      </Page>
    );
  }
  if (!isAdmin && !organisation.myRoles.includes('REPRESENTATIVE')) return <ForbiddenPage />;

  return (
    <Page title={t('allianceUi:manageTitle')} heading={t('allianceUi:manageHeading', { name: organisation.name })}>
      <Group gap="md" wrap="wrap">
        <Text>
          {t(`allianceUi:type_${organisation.type}`)} · {organisation.country.name}
        </Text>
        <Anchor component={Link} to={`/alliance/organisations/${organisation.slug}`}>
          {t('allianceUi:openOrganisationPage')}
        </Anchor>
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color={notice.kind === 'ok' ? 'teal.9' : 'red'} variant="outline" data-testid="manage-notice" withCloseButton closeButtonLabel={t('allianceUi:dismiss')} onClose={() => setNotice(null)}>
            <Text c="dark.9">{notice.text}</Text>
          </Alert>
        )}
      </div>
      <MembershipSection organisation={organisation} onNotice={setNotice} />
      <PeopleSection organisation={organisation} />
      <InvitationsSection organisation={organisation} focusAreas={data.focusAreas} onNotice={setNotice} />
      <FocalPointsSection organisation={organisation} focusAreas={data.focusAreas} onNotice={setNotice} />
    </Page>
  );
}
