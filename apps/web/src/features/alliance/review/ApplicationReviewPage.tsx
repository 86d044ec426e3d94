import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Box, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { ApplicationHistory, ApplicationStatusBadge } from '../apply/components';
import { formatDate } from '../apply/format';
import {
  APPLICATION,
  APPLICATIONS,
  APPROVE_APPLICATION,
  MEMBERSHIP_CATEGORIES,
  REJECT_APPLICATION,
  REQUEST_CHANGES,
  START_REVIEW,
  type ApplicationFields,
  type ApplicationStatus,
  type MembershipCategory,
} from '../apply/operations';

export type ReviewAction = 'start' | 'changes' | 'approve' | 'reject';

/** The reviewer's actions the current status allows (the server's transition table has the last word). */
export function actionsFor(status: ApplicationStatus): ReviewAction[] {
  if (status === 'SUBMITTED') return ['start', 'changes', 'approve', 'reject'];
  if (status === 'UNDER_REVIEW') return ['changes', 'approve', 'reject'];
  return [];
}

/** The category an approval proposes: member state for ministries of education, partner for the rest. */
export function defaultCategory(application: Pick<ApplicationFields, 'organisationType'>): MembershipCategory {
  return application.organisationType === 'MINISTRY_OF_EDUCATION' ? 'MEMBER_STATE' : 'PARTNER';
}

const NOTE_REQUIRED: Record<ReviewAction, boolean> = { start: false, changes: true, approve: false, reject: true };

function ActionDialog({
  action,
  application,
  onClose,
  onDone,
}: {
  action: ReviewAction;
  application: ApplicationFields;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [category, setCategory] = useState<MembershipCategory>(defaultCategory(application));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refetchQueries = [APPLICATIONS];
  const [start, startState] = useMutation(START_REVIEW, { refetchQueries });
  const [changes, changesState] = useMutation(REQUEST_CHANGES, { refetchQueries });
  const [approve, approveState] = useMutation(APPROVE_APPLICATION, { refetchQueries });
  const [reject, rejectState] = useMutation(REJECT_APPLICATION, { refetchQueries });
  const loading = startState.loading || changesState.loading || approveState.loading || rejectState.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const trimmed = note.trim();
    if (NOTE_REQUIRED[action] && !trimmed) {
      setError(t('allianceUi:noteRequired'));
      return;
    }
    const id = application.id;
    try {
      if (action === 'start') await start({ variables: { id, note: trimmed || null } });
      if (action === 'changes') await changes({ variables: { id, note: trimmed } });
      if (action === 'approve') await approve({ variables: { id, category, note: trimmed || null } });
      if (action === 'reject') await reject({ variables: { id, note: trimmed } });
      onDone(t(`allianceUi:done_${action}`, { name: application.organisationName }));
    } catch (err) {
      const described = describeError(err, t);
      if (described.fields.note) setError(described.fields.note);
      else setFailure(described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={`dialog-${action}`}>
      <Stack gap="md">
        <Text>{t(`allianceUi:dialogBody_${action}`, { name: application.organisationName })}</Text>
        {action === 'approve' && (
          <NativeSelect
            label={t('allianceUi:fieldCategory')}
            name="category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as MembershipCategory)}
            data={MEMBERSHIP_CATEGORIES.map((c) => ({ value: c, label: t(`allianceUi:category_${c}`) }))}
            data-testid="approve-category"
          />
        )}
        <Textarea
          label={NOTE_REQUIRED[action] ? t('allianceUi:noteForApplicant') : t('allianceUi:noteOptional')}
          description={t('allianceUi:noteHint')}
          name="note"
          required={NOTE_REQUIRED[action]}
          data-autofocus
          autosize
          minRows={3}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('allianceUi:cancel')}
          </Button>
          <Button type="submit" color={action === 'reject' ? 'red.9' : undefined} loading={loading} data-testid={`confirm-${action}`}>
            {t(`allianceUi:action_${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box>
      <Text size="sm" fw={600} c="dark.7">
        {label}
      </Text>
      <Box data-testid={testId} className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Box>
    </Box>
  );
}

export default function ApplicationReviewPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const historyId = useId();
  const detailsId = useId();
  const { data, loading, error } = useQuery(APPLICATION, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [action, setAction] = useState<ReviewAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const application = data?.membershipApplication;

  if (loading && !data) {
    return (
      <Page title={t('allianceUi:reviewDetailTitle')}>
        <Loading label={t('nav:loading')} />
      </Page>
    );
  }
  if (!application) {
    return (
      <Page title={t('allianceUi:reviewDetailTitle')}>
        <Alert color="red" role="alert">
          {error ? describeError(error, t).message : t('allianceUi:applicationNotFound')}
        </Alert>
        <Anchor component={Link} to="/admin/applications">
          {t('allianceUi:backToApplications')}
        </Anchor>
      </Page>
    );
  }

  const actions = actionsFor(application.status);
  return (
    <Page title={t('allianceUi:reviewDetailTitle')} heading={application.organisationName}>
      <Anchor component={Link} to="/admin/applications" w="fit-content">
        {t('allianceUi:backToApplications')}
      </Anchor>
      <Group gap="sm" wrap="wrap">
        <ApplicationStatusBadge status={application.status} />
        <Badge variant="outline" color="dark">
          {t('allianceUi:ageDays', { count: application.ageDays, days: new Intl.NumberFormat(i18n.language).format(application.ageDays) })}
        </Badge>
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal.9" variant="outline" data-testid="review-notice">
            <Text c="dark.9">{notice}</Text>
          </Alert>
        )}
      </div>
      {actions.length > 0 ? (
        <Group gap="sm" wrap="wrap" data-testid="review-actions">
          {actions.map((a) => (
            <Button
              key={a}
              variant={a === 'approve' ? 'filled' : 'outline'}
              color={a === 'reject' ? 'red.9' : undefined}
              onClick={() => setAction(a)}
              data-testid={`action-${a}`}
            >
              {t(`allianceUi:action_${a}`)}
            </Button>
          ))}
        </Group>
      ) : (
        <Text>{t('allianceUi:noActions')}</Text>
      )}
      {application.organisation && (
        <Anchor component={Link} to={`/alliance/organisations/${application.organisation.slug}`} w="fit-content">
          {t('allianceUi:openOrganisationPage')}
        </Anchor>
      )}

      <Card withBorder padding="lg" component="section" aria-labelledby={detailsId}>
        <Stack gap="md">
          <Title order={2} size="h3" id={detailsId}>
            {t('allianceUi:applicationDetails')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('allianceUi:fieldOrganisationType')}>{t(`allianceUi:type_${application.organisationType}`)}</Field>
            <Field label={t('allianceUi:fieldCountry')}>{application.country.name}</Field>
            <Field label={t('allianceUi:fieldWebsite')}>
              {application.website ? (
                <Anchor href={application.website} target="_blank" rel="noopener noreferrer">
                  {application.website}
                </Anchor>
              ) : (
                t('allianceUi:notGiven')
              )}
            </Field>
            <Field label={t('allianceUi:colSubmitted')}>{formatDate(application.submittedAt, i18n.language)}</Field>
            <Field label={t('allianceUi:colApplicant')}>
              {application.applicant.name} ({application.applicant.email})
            </Field>
            <Field label={t('allianceUi:fieldApplicantRole')}>{application.applicantRole}</Field>
          </SimpleGrid>
          <Field label={t('allianceUi:fieldDescription')} testId="detail-description">
            {application.description}
          </Field>
          <Field label={t('allianceUi:fieldMotivation')}>{application.motivation}</Field>
          <Field label={t('allianceUi:fieldFocusAreas')}>
            {application.focusAreas.length ? application.focusAreas.map((area) => area.name).join(', ') : t('allianceUi:notGiven')}
          </Field>
          <Field label={t('allianceUi:sectionCharter')}>{t('allianceUi:charterAccepted', { version: application.charterVersion })}</Field>
        </Stack>
      </Card>

      <section aria-labelledby={historyId}>
        <Title order={2} size="h3" id={historyId} mb="sm">
          {t('allianceUi:history')}
        </Title>
        <ApplicationHistory events={application.events} />
      </section>

      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`allianceUi:dialogTitle_${action}`) : ''}
        closeButtonProps={{ 'aria-label': t('allianceUi:cancel') }}
        size="lg"
      >
        {action && (
          <ActionDialog
            action={action}
            application={application}
            onClose={() => setAction(null)}
            onDone={(text) => {
              setAction(null);
              setNotice(text);
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
