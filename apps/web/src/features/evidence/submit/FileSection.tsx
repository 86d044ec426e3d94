import { useRef, useState, type ChangeEvent } from 'react';
import { Alert, Button, Group, Input, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../learning/shared/format';
import type { EvidenceEditingFields } from '../operations-submit';
import { FileVersions } from './components';
import { UploadError } from '../../../app/upload';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, uploadEvidenceFile } from './upload';

interface FileSectionProps {
  item: EvidenceEditingFields;
  /** After a version is stored: reload the item (its versions, and whether it can be submitted). */
  onUploaded: () => Promise<unknown>;
}

/**
 * The item's file: a native file input (keyboard and screen readers know it), the accepted types and
 * the limit beside it, a progress bar while sending, the API's refusal in words, then the versions.
 */
export function FileSection({ item, onUploaded }: FileSectionProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const limit = formatBytes(EVIDENCE_MAX_BYTES, locale);
  const percent = progress === null ? 0 : Math.round(progress * 100);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFailure(null);
    setDone(null);
    if (!chosen) return;
    // Refused here too, so nobody waits for 50 MB to travel before hearing "too large".
    if (chosen.size > EVIDENCE_MAX_BYTES) {
      setFailure(t('evidenceSubmit:uploadTooLarge', { size: limit }));
      if (inputRef.current) inputRef.current.value = '';
      return;
    }
    abort.current = new AbortController();
    setProgress(0);
    try {
      const stored = await uploadEvidenceFile(item.id, chosen, locale, setProgress, abort.current.signal);
      await onUploaded();
      setDone(t('evidenceSubmit:uploadDone', { filename: stored.filename, version: stored.version }));
    } catch (error) {
      const status = error instanceof UploadError ? error.status : 0;
      if (status === -1) setFailure(t('evidenceSubmit:uploadCancelled'));
      else if (error instanceof UploadError && error.message) setFailure(error.message);
      else if (status === 413) setFailure(t('evidenceSubmit:uploadTooLarge', { size: limit }));
      else if (status === 415) setFailure(t('evidenceSubmit:uploadWrongType'));
      else setFailure(t('evidenceSubmit:uploadFailed'));
    } finally {
      setProgress(null);
      abort.current = null;
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="evidence-file-heading" data-testid="evidence-file-section">
      <Title order={2} size="h3" id="evidence-file-heading">
        {t('evidenceSubmit:fileHeading')}
      </Title>
      <Text size="sm">{t('evidenceSubmit:fileIntro')}</Text>
      <Input.Wrapper
        id="evidence-file"
        label={item.currentFile ? t('evidenceSubmit:fileInputNewVersion') : t('evidenceSubmit:fileInput')}
        description={t('evidenceSubmit:fileHelp', { size: limit })}
      >
        <input
          ref={inputRef}
          id="evidence-file"
          type="file"
          accept={EVIDENCE_ACCEPT}
          onChange={(event) => void upload(event)}
          disabled={progress !== null}
          aria-describedby="evidence-file-description"
          data-testid="evidence-file-input"
          style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
        />
      </Input.Wrapper>
      {progress !== null && (
        <Group gap="sm" wrap="nowrap" data-testid="upload-progress">
          <Progress value={percent} size="lg" style={{ flex: 1 }} aria-label={t('evidenceSubmit:uploadProgress', { percent })} />
          <Text size="sm" aria-live="polite" data-testid="upload-percent">
            {new Intl.NumberFormat(locale, { style: 'percent' }).format(progress)}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => abort.current?.abort()}>
            {t('evidenceSubmit:cancelUpload')}
          </Button>
        </Group>
      )}
      {failure && (
        <Alert color="red" role="alert" data-testid="upload-failure">
          {failure}
        </Alert>
      )}
      <div role="status">
        {done && (
          <Text c="dark.7" fw={500} data-testid="upload-done">
            {done}
          </Text>
        )}
      </div>
      <Title order={3} size="h4">
        {t('evidenceSubmit:versionsHeading')}
      </Title>
      <FileVersions files={item.files} label={t('evidenceSubmit:versionsHeading')} />
    </Stack>
  );
}
