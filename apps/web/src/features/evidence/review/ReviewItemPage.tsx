import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Modal, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { formatBytes } from '../../learning/shared/format';
import { EVIDENCE_REVIEW_QUEUE, REVIEW_DECISIONS, REVIEW_EVIDENCE_ITEM, type EvidenceEditingFields, type EvidenceReviewDecision } from '../operations-submit';
import { EvidenceBackLink, EvidenceDetails, EvidenceHistory, EvidenceItemMissing, EvidenceStatusBadge, FileVersions, useItemForEditing } from '../submit/components';
import { REVIEW_NOTE_MAX, reviewNoteProblem } from './decision';

/** /manage/evidence/:id: read the item and its history, then publish, ask for changes or reject. */
export default function ReviewItemPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useItemForEditing('cache-and-network');

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  const item = data?.evidenceItem;
  if (error || !item) return <EvidenceItemMissing error={error} back="/manage/evidence" />;
  return <ReviewItem item={item} />;
}

function ReviewItem({ item }: { item: EvidenceEditingFields }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const file = item.currentFile;
  return (
    <Page title={t('evidenceSubmit:reviewTitle', { title: item.title })} heading={item.title}>
      <EvidenceBackLink to="/manage/evidence" />
      <Group gap="sm" wrap="wrap">
        <EvidenceStatusBadge status={item.status} size="lg" />
        <Text size="sm">{t('evidenceSubmit:submittedBy', { name: item.submitterName })}</Text>
        {item.status === 'PUBLISHED' && (
          <Anchor component={Link} to={`/evidence/${item.id}`}>
            {t('evidenceSubmit:viewPublicPage')}
          </Anchor>
        )}
      </Group>
      {item.lastReviewNote && item.status !== 'SUBMITTED' && (
        <Alert color="gray" variant="outline" title={t('evidenceSubmit:lastReviewNote')} data-testid="review-note">
          <Text style={{ whiteSpace: 'pre-line' }}>{item.lastReviewNote}</Text>
        </Alert>
      )}

      <Stack gap="sm" component="section" aria-labelledby="review-file-heading">
        <Title order={2} size="h3" id="review-file-heading">
          {t('evidenceSubmit:fileHeading')}
        </Title>
        {file ? (
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={file.url} variant="outline" color="blue.9" data-testid="download-current">
              {t('evidenceSubmit:downloadCurrent', { filename: file.filename })}
            </Button>
            <Text size="sm">{t('evidenceSubmit:fileFacts', { version: file.version, size: formatBytes(file.size, locale) })}</Text>
          </Group>
        ) : (
          <Text size="sm">{t('evidenceSubmit:noFiles')}</Text>
        )}
        {item.externalUrl && (
          <Text size="sm">
            {t('evidenceSubmit:fieldExternalUrl')}:{' '}
            <Anchor href={item.externalUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {item.externalUrl}
            </Anchor>
          </Text>
        )}
        {item.files.length > 1 && <FileVersions files={item.files} label={t('evidenceSubmit:versionsHeading')} />}
      </Stack>

      {item.canReview && item.status === 'SUBMITTED' && <DecisionForm item={item} />}

      <Stack gap="sm" component="section" aria-labelledby="review-details-heading">
        <Title order={2} size="h3" id="review-details-heading">
          {t('evidenceSubmit:descriptionHeading')}
        </Title>
        <EvidenceDetails item={item} />
      </Stack>

      <EvidenceHistory events={item.history} headingId="review-history-heading" />
    </Page>
  );
}

function DecisionForm({ item }: { item: EvidenceEditingFields }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [decision, setDecision] = useState<EvidenceReviewDecision | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; note?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [review, reviewing] = useMutation(REVIEW_EVIDENCE_ITEM);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problem = reviewNoteProblem(decision, note);
    if (problem) {
      setErrors(problem === 'evidenceSubmit:errorDecisionRequired' ? { decision: t(problem) } : { note: t(problem, { max: REVIEW_NOTE_MAX }) });
      setTimeout(() => document.querySelector<HTMLElement>('[data-testid="decision-form"] [aria-invalid="true"], [data-testid="decision-form"] input[type="radio"]')?.focus(), 0);
      return;
    }
    setErrors({});
    setConfirmOpen(true);
  };

  const confirm = async () => {
    if (!decision) return;
    try {
      await review({ variables: { id: item.id, decision, note: note.trim() || null }, refetchQueries: [EVIDENCE_REVIEW_QUEUE] });
      setConfirmOpen(false);
      navigate('/manage/evidence', { state: { notice: t(`evidenceSubmit:decidedNotice_${decision}`, { title: item.title }) } });
    } catch (error) {
      setConfirmOpen(false);
      const fields = apiFieldMessages(error);
      setErrors({ decision: fields.decision, note: fields.note });
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decision-heading">
      <form onSubmit={ask} noValidate data-testid="decision-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="decision-heading">
            {t('evidenceSubmit:decisionHeading')}
          </Title>
          <Radio.Group
            label={t('evidenceSubmit:decisionLabel')}
            value={decision ?? ''}
            onChange={(value) => {
              setDecision(value as EvidenceReviewDecision);
              setErrors((current) => ({ ...current, decision: undefined }));
            }}
            error={errors.decision}
            required
          >
            <Stack gap="xs" mt="xs">
              {REVIEW_DECISIONS.map((value) => (
                <Radio key={value} value={value} label={t(`evidence:decision_${value}`)} description={t(`evidenceSubmit:decisionHelp_${value}`)} data-testid={`decision-${value}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('evidenceSubmit:reviewNote')}
            description={t('evidenceSubmit:reviewNoteHelp')}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setErrors((current) => ({ ...current, note: undefined }));
            }}
            error={errors.note}
            required={decision !== null && decision !== 'PUBLISH'}
            autosize
            minRows={3}
            maxLength={REVIEW_NOTE_MAX}
            data-testid="review-note-input"
          />
          {failure && (
            <Alert color="red" role="alert" data-testid="decision-failure">
              {failure}
            </Alert>
          )}
          <Group>
            <Button type="submit" data-testid="record-decision">
              {t('evidenceSubmit:recordDecision')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirmOpen} onClose={() => setConfirmOpen(false)} title={t('evidenceSubmit:confirmDecisionTitle')} centered closeButtonProps={{ 'aria-label': t('evidenceSubmit:closeDialog') }}>
        <Stack gap="sm">
          <Text size="sm">{decision ? t(`evidenceSubmit:confirmDecision_${decision}`, { title: item.title }) : ''}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmOpen(false)} data-autofocus>
              {t('evidenceSubmit:back')}
            </Button>
            <Button color={decision === 'REJECT' ? 'red.9' : 'blue.9'} onClick={() => void confirm()} loading={reviewing.loading} data-testid="confirm-decision">
              {decision ? t(`evidence:decision_${decision}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
