import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { DELETE_EVIDENCE_DRAFT, EVIDENCE_SUBMITTER, MY_EVIDENCE, SUBMIT_EVIDENCE_ITEM, type EvidenceEditingFields, type EvidenceOrganisationOption } from '../operations-submit';
import { EvidenceBackLink, EvidenceDetails, EvidenceHistory, EvidenceItemMissing, EvidenceStatusBadge, FileVersions, useItemForEditing } from './components';
import { EvidenceForm } from './EvidenceForm';
import { FileSection } from './FileSection';

/** /evidence/new and /evidence/:id/edit: describe, attach, submit; read-only once under review or decided. */
export default function EvidenceEditorPage() {
  const { t } = useTranslation();
  const submitter = useQuery(EVIDENCE_SUBMITTER);
  const { id, data, loading, error, refetch } = useItemForEditing();
  const organisations = submitter.data?.evidenceOrganisationOptions ?? [];

  if (!id) {
    if (submitter.loading && !submitter.data) return <Loading label={t('nav:loading')} />;
    if (submitter.data && !submitter.data.canSubmitEvidence) {
      return (
        <Page title={t('evidenceSubmit:newTitle')}>
          <Alert color="blue" data-testid="cannot-submit">
            {t('evidenceSubmit:cannotSubmit')}
          </Alert>
          <EvidenceBackLink to="/my/evidence" />
        </Page>
      );
    }
    return (
      <Page title={t('evidenceSubmit:newTitle')}>
        <EvidenceBackLink to="/my/evidence" />
        <Text>{t('evidenceSubmit:newIntro')}</Text>
        <Title order={2} size="h3" id="evidence-form-heading">
          {t('evidenceSubmit:descriptionHeading')}
        </Title>
        <EvidenceForm item={null} organisations={organisations} />
      </Page>
    );
  }
  if ((loading && !data) || (submitter.loading && !submitter.data)) return <Loading label={t('nav:loading')} />;
  const item = data?.evidenceItem;
  if (error || !item) return <EvidenceItemMissing error={error} back="/my/evidence" />;
  return <ExistingItem item={item} organisations={organisations} refetch={refetch} />;
}

function ExistingItem({ item, organisations, refetch }: { item: EvidenceEditingFields; organisations: EvidenceOrganisationOption[]; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | null>(created ? t('evidenceSubmit:createdNotice') : null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [submitItem, submitting] = useMutation(SUBMIT_EVIDENCE_ITEM);
  const [deleteDraft, deleting] = useMutation(DELETE_EVIDENCE_DRAFT);
  const editable = item.canEdit && item.status !== 'SUBMITTED' && item.status !== 'REJECTED';
  const submittable = item.status === 'DRAFT' || item.status === 'CHANGES_REQUESTED';
  const hasContent = Boolean(item.currentFile || item.externalUrl);
  const blocker = !hasContent ? t('evidenceSubmit:submitNeedsFile') : dirty ? t('evidenceSubmit:submitNeedsSave') : null;

  const submit = async () => {
    setFailure(null);
    setNotice(null);
    try {
      await submitItem({ variables: { id: item.id }, refetchQueries: [MY_EVIDENCE] });
      setNotice(t('evidenceSubmit:submittedNotice'));
    } catch (error) {
      setFailure(describeError(error, t).message);
    }
  };
  const confirmDelete = async () => {
    setFailure(null);
    try {
      await deleteDraft({ variables: { id: item.id }, refetchQueries: [MY_EVIDENCE] });
      setDeleteOpen(false);
      navigate('/my/evidence', { state: { notice: t('evidenceSubmit:deletedNotice', { title: item.title }) } });
    } catch (error) {
      setDeleteOpen(false);
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Page title={editable ? t('evidenceSubmit:editTitle', { title: item.title }) : item.title} heading={item.title}>
      <EvidenceBackLink to="/my/evidence" />
      <Group gap="sm" wrap="wrap">
        <EvidenceStatusBadge status={item.status} size="lg" />
        <Text size="sm">{t(`evidenceSubmit:statusNote_${item.status}`)}</Text>
        {item.status === 'PUBLISHED' && (
          <Anchor component={Link} to={`/evidence/${item.id}`} data-testid="public-page-link">
            {t('evidenceSubmit:viewPublicPage')}
          </Anchor>
        )}
      </Group>
      {(item.status === 'CHANGES_REQUESTED' || item.status === 'REJECTED') && item.lastReviewNote && (
        <Alert
          color={item.status === 'REJECTED' ? 'red' : 'grape'}
          variant="outline"
          title={item.status === 'REJECTED' ? t('evidenceSubmit:rejectedNoteTitle') : t('evidenceSubmit:changesNoteTitle')}
          data-testid="review-note"
        >
          <Text style={{ whiteSpace: 'pre-line' }}>{item.lastReviewNote}</Text>
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" data-testid="editor-failure">
          {failure}
        </Alert>
      )}
      <div role="status">
        {notice && (
          <Text c="dark.7" fw={500} data-testid="editor-notice">
            {notice}
          </Text>
        )}
      </div>

      {editable ? (
        <>
          <Title order={2} size="h3" id="evidence-form-heading">
            {t('evidenceSubmit:descriptionHeading')}
          </Title>
          <EvidenceForm key={item.id} item={item} organisations={organisations} onDirtyChange={setDirty} />
          <FileSection item={item} onUploaded={refetch} />
          {submittable && (
            <Stack gap="xs" component="section" aria-labelledby="evidence-submit-heading" data-testid="submit-section">
              <Title order={2} size="h3" id="evidence-submit-heading">
                {t('evidenceSubmit:submitHeading')}
              </Title>
              <Text size="sm">{t('evidenceSubmit:submitIntro')}</Text>
              {blocker && (
                <Text size="sm" fw={500} id="submit-blocker" data-testid="submit-blocker">
                  {blocker}
                </Text>
              )}
              <Group>
                <Button
                  onClick={() => void submit()}
                  disabled={Boolean(blocker)}
                  loading={submitting.loading}
                  aria-describedby={blocker ? 'submit-blocker' : undefined}
                  data-testid="submit-evidence"
                >
                  {item.status === 'CHANGES_REQUESTED' ? t('evidenceSubmit:resubmit') : t('evidenceSubmit:submitForReview')}
                </Button>
              </Group>
            </Stack>
          )}
          {item.canDelete && item.status === 'DRAFT' && (
            <Stack gap="xs" component="section" aria-labelledby="evidence-delete-heading">
              <Title order={2} size="h3" id="evidence-delete-heading">
                {t('evidenceSubmit:deleteHeading')}
              </Title>
              <Group>
                <Button variant="outline" color="red.9" onClick={() => setDeleteOpen(true)} data-testid="delete-draft">
                  {t('evidenceSubmit:deleteDraft')}
                </Button>
              </Group>
            </Stack>
          )}
        </>
      ) : (
        <>
          <Title order={2} size="h3">
            {t('evidenceSubmit:descriptionHeading')}
          </Title>
          <EvidenceDetails item={item} />
          <Title order={2} size="h3">
            {t('evidenceSubmit:versionsHeading')}
          </Title>
          <FileVersions files={item.files} label={t('evidenceSubmit:versionsHeading')} />
        </>
      )}
      <EvidenceHistory events={item.history} headingId="evidence-history-heading" />

      <Modal opened={deleteOpen} onClose={() => setDeleteOpen(false)} title={t('evidenceSubmit:deleteConfirmTitle')} centered closeButtonProps={{ 'aria-label': t('evidenceSubmit:closeDialog') }}>
        <Stack gap="sm">
          <Text size="sm">{t('evidenceSubmit:deleteConfirmBody', { title: item.title })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleteOpen(false)} data-autofocus>
              {t('evidenceSubmit:keepDraft')}
            </Button>
            <Button color="red.9" onClick={() => void confirmDelete()} loading={deleting.loading} data-testid="confirm-delete">
              {t('evidenceSubmit:confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}
