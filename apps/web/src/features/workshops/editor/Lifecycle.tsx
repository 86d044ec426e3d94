import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ARCHIVE_WORKSHOP, CANCEL_WORKSHOP, CLOSE_WORKSHOP, OPEN_WORKSHOP, type WorkshopEditing } from '../operations-workshops';
import { StatusBadge } from '../shared/components';

type Action = 'open' | 'close' | 'archive';

/** Status and the moves allowed from it (the API refuses the others with a translated message). */
export function Lifecycle({ workshop }: { workshop: WorkshopEditing }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [openWorkshop, opening] = useMutation(OPEN_WORKSHOP);
  const [closeWorkshop, closing] = useMutation(CLOSE_WORKSHOP);
  const [archiveWorkshop, archiving] = useMutation(ARCHIVE_WORKSHOP);
  const [cancelWorkshop, cancelling] = useMutation(CANCEL_WORKSHOP);
  const status = workshop.status;

  const run = async (action: Action) => {
    setFailure(null);
    setDone(null);
    try {
      const variables = { id: workshop.id };
      if (action === 'open') await openWorkshop({ variables });
      else if (action === 'close') await closeWorkshop({ variables });
      else await archiveWorkshop({ variables });
      setDone(t(`workshopsUi:done_${action}`));
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };
  const confirmCancel = async () => {
    if (!note.trim()) {
      setNoteError(t('workshopsUi:errorCancelNote'));
      return;
    }
    setNoteError(null);
    setFailure(null);
    setDone(null);
    try {
      await cancelWorkshop({ variables: { id: workshop.id, note: note.trim() } });
      setCancelOpen(false);
      setNote('');
      setDone(t('workshopsUi:done_cancel'));
    } catch (e) {
      setCancelOpen(false);
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="xs" data-testid="workshop-lifecycle">
      <Group gap="sm" wrap="wrap">
        <StatusBadge status={status} size="lg" />
        {(status === 'DRAFT' || status === 'CLOSED') && (
          <Button onClick={() => void run('open')} loading={opening.loading} data-testid="open-workshop">
            {status === 'DRAFT' ? t('workshopsUi:actionOpen') : t('workshopsUi:actionReopen')}
          </Button>
        )}
        {status === 'OPEN' && (
          <Button variant="default" onClick={() => void run('close')} loading={closing.loading} data-testid="close-workshop">
            {t('workshopsUi:actionClose')}
          </Button>
        )}
        {(status === 'HELD' || status === 'CANCELLED') && (
          <Button variant="default" onClick={() => void run('archive')} loading={archiving.loading} data-testid="archive-workshop">
            {t('workshopsUi:actionArchive')}
          </Button>
        )}
        {(status === 'DRAFT' || status === 'OPEN' || status === 'CLOSED') && (
          <Button variant="outline" color="red.9" onClick={() => setCancelOpen(true)} data-testid="cancel-workshop">
            {t('workshopsUi:actionCancel')}
          </Button>
        )}
        <Anchor component={Link} to={`/workshops/${encodeURIComponent(workshop.slug)}`}>
          {t('workshopsUi:viewPublicPage')}
        </Anchor>
        <Anchor component={Link} to={`/manage/workshops/${workshop.id}/run`} data-testid="run-link">
          {t('workshopsUi:runWorkshop')}
        </Anchor>
      </Group>
      {failure && (
        <Alert color="red" role="alert" data-testid="lifecycle-failure">
          {failure}
        </Alert>
      )}
      <div role="status">{done && <Text c="dark.7" fw={500}>{done}</Text>}</div>
      <Modal opened={cancelOpen} onClose={() => setCancelOpen(false)} title={t('workshopsUi:cancelTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('workshopsUi:cancelBody')}</Text>
          <Textarea
            label={t('workshopsUi:cancelNote')}
            description={t('workshopsUi:cancelNoteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={noteError}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-testid="cancel-note"
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setCancelOpen(false)}>
              {t('workshopsUi:keepWorkshop')}
            </Button>
            <Button color="red.9" onClick={() => void confirmCancel()} loading={cancelling.loading} data-testid="confirm-cancel">
              {t('workshopsUi:confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
