import { useId, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { ApplicationForm } from './ApplicationForm';
import { ApplicationHistory, ApplicationStatusBadge } from './components';
import { formatDate } from './format';
import { MY_APPLICATIONS, UPDATE_APPLICATION, WITHDRAW_APPLICATION, WITHDRAWABLE, type ApplicationFields } from './operations';

/** The note of the most recent request for changes: what the reviewer wants the applicant to fix. */
export function reviewerNote(application: ApplicationFields): string | null {
  const requests = application.events
    .filter((event) => event.toStatus === 'CHANGES_REQUESTED')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return requests[0]?.note ?? null;
}

function WithdrawDialog({ application, onClose, onDone }: { application: ApplicationFields; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [withdraw, { loading }] = useMutation(WITHDRAW_APPLICATION);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await withdraw({ variables: { id: application.id, note: note.trim() || null } });
      onDone();
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.note ?? described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="withdraw-dialog">
      <Stack gap="md">
        <Text>{t('allianceUi:withdrawBody', { name: application.organisationName })}</Text>
        <Textarea
          label={t('allianceUi:withdrawNote')}
          name="note"
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
            {t('allianceUi:cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={loading} data-testid="confirm-withdraw">
            {t('allianceUi:confirmWithdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ApplicationCard({
  application,
  onWithdraw,
  onResubmitted,
}: {
  application: ApplicationFields;
  onWithdraw: () => void;
  onResubmitted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const historyId = useId();
  const [editing, setEditing] = useState(false);
  const [update] = useMutation(UPDATE_APPLICATION);
  const note = application.status === 'CHANGES_REQUESTED' ? reviewerNote(application) : null;

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} data-testid="my-application" data-status={application.status}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id={headingId} className="break-anywhere">
            {application.organisationName}
          </Title>
          <ApplicationStatusBadge status={application.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('allianceUi:applicationSummary', {
            type: t(`allianceUi:type_${application.organisationType}`),
            country: application.country.name,
            date: formatDate(application.submittedAt, i18n.language),
          })}
        </Text>

        {application.status === 'CHANGES_REQUESTED' && (
          <Alert color="orange.9" variant="outline" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} title={t('allianceUi:changesRequestedTitle')} data-testid="reviewer-note">
            <Text c="dark.9" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
              {note ?? t('allianceUi:changesRequestedNoNote')}
            </Text>
          </Alert>
        )}
        {application.status === 'APPROVED' && application.organisation && (
          <Alert color="teal.9" variant="outline" title={t('allianceUi:approvedTitle')}>
            <Group gap="md">
              <Anchor component={Link} to={`/alliance/organisations/${application.organisation.slug}`}>
                {t('allianceUi:openOrganisationPage')}
              </Anchor>
              <Anchor component={Link} to={`/alliance/organisations/${application.organisation.slug}/manage`} data-testid="manage-link">
                {t('allianceUi:manageOrganisation')}
              </Anchor>
            </Group>
          </Alert>
        )}

        {editing ? (
          <ApplicationForm
            initial={application}
            submitLabel={t('allianceUi:resubmit')}
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              await update({ variables: { id: application.id, input } });
              setEditing(false);
              onResubmitted();
            }}
          />
        ) : (
          <Group gap="sm">
            {application.status === 'CHANGES_REQUESTED' && (
              <Button onClick={() => setEditing(true)} data-testid="edit-application">
                {t('allianceUi:editAndResubmit')}
              </Button>
            )}
            {WITHDRAWABLE.includes(application.status) && (
              <Button variant="outline" color="red.9" onClick={onWithdraw} data-testid="withdraw-application">
                {t('allianceUi:withdraw')}
              </Button>
            )}
          </Group>
        )}

        <section aria-labelledby={historyId}>
          <Title order={3} size="h4" id={historyId} mb="sm">
            {t('allianceUi:history')}
          </Title>
          <ApplicationHistory events={application.events} />
        </section>
      </Stack>
    </Card>
  );
}

export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const submitted = (location.state as { submitted?: string } | null)?.submitted;
  const { data, loading, error, refetch } = useQuery(MY_APPLICATIONS, { fetchPolicy: 'cache-and-network' });
  const [withdrawing, setWithdrawing] = useState<ApplicationFields | null>(null);
  const [notice, setNotice] = useState<string | null>(submitted ? t('allianceUi:submittedNotice', { name: submitted }) : null);
  const applications = data?.myApplications ?? [];

  return (
    <Page title={t('allianceUi:myApplicationsTitle')}>
      <Group justify="space-between" wrap="wrap">
        <Text maw={700}>{t('allianceUi:myApplicationsIntro')}</Text>
        <Button component={Link} to="/alliance/apply" variant="outline">
          {t('allianceUi:newApplication')}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal.9" variant="outline" data-testid="applications-notice" withCloseButton closeButtonLabel={t('allianceUi:dismiss')} onClose={() => setNotice(null)}>
            <Text c="dark.9">{notice}</Text>
          </Alert>
        )}
      </div>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : applications.length === 0 ? (
        <Text>{t('allianceUi:myApplicationsEmpty')}</Text>
      ) : (
        <Stack gap="lg">
          {applications.map((application) => (
            <ApplicationCard
              key={application.id}
              application={application}
              onWithdraw={() => setWithdrawing(application)}
              onResubmitted={() => {
                setNotice(t('allianceUi:resubmittedNotice', { name: application.organisationName }));
                void refetch();
              }}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('allianceUi:withdrawTitle')}
        closeButtonProps={{ 'aria-label': t('allianceUi:cancel') }}
      >
        {withdrawing && (
          <WithdrawDialog
            application={withdrawing}
            onClose={() => setWithdrawing(null)}
            onDone={() => {
              setNotice(t('allianceUi:withdrawnNotice', { name: withdrawing.organisationName }));
              setWithdrawing(null);
              void refetch();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
