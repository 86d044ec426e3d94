import { useRef, useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LearningFileFields } from '../operations-catalogue';
import { formatBytes } from './format';
import { UploadError, uploadLearningFile } from './upload';

interface FileUploadFieldProps {
  id: string;
  label: string;
  description?: string;
  accept?: string;
  maxBytes: number;
  file: LearningFileFields | null;
  onChange: (file: LearningFileFields | null) => void;
  error?: string;
}

/** Choose a file, watch it upload (a progress bar), then see what is attached with a link and a remove button. */
export function FileUploadField({ id, label, description, accept, maxBytes, file, onChange, error }: FileUploadFieldProps) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const upload = async (chosen: File | null) => {
    setFailure(null);
    if (!chosen) return;
    if (chosen.size > maxBytes) {
      setFailure(t('learningUi:fileTooLarge', { size: formatBytes(maxBytes, i18n.language) }));
      return;
    }
    abort.current = new AbortController();
    setProgress(0);
    try {
      const uploaded = await uploadLearningFile(chosen, i18n.language, setProgress, abort.current.signal);
      onChange(uploaded);
    } catch (e) {
      const status = e instanceof UploadError ? e.status : 0;
      if (status === -1) setFailure(t('learningUi:uploadCancelled'));
      else if (e instanceof UploadError && e.message) setFailure(e.message);
      else if (status === 413) setFailure(t('learningUi:fileTooLarge', { size: formatBytes(maxBytes, i18n.language) }));
      else setFailure(t('learningUi:uploadFailed'));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <Stack gap="xs">
      <FileInput
        id={id}
        label={label}
        description={description}
        accept={accept}
        placeholder={t('learningUi:chooseFile')}
        onChange={(chosen) => void upload(chosen)}
        disabled={progress !== null}
        error={error}
        clearable={false}
        value={null}
      />
      {progress !== null && (
        <Group gap="sm" wrap="nowrap">
          <Progress value={Math.round(progress * 100)} size="lg" style={{ flex: 1 }} aria-label={t('learningUi:uploadProgress', { percent: Math.round(progress * 100) })} />
          <Text size="sm" aria-live="polite">
            {new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(progress)}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => abort.current?.abort()}>
            {t('learningUi:cancelUpload')}
          </Button>
        </Group>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {file && (
        <Group gap="sm" data-testid={`${id}-current`}>
          <Text size="sm">
            {t('learningUi:currentFile')}{' '}
            <Anchor href={file.url} target="_blank" rel="noopener">
              {file.filename}
            </Anchor>{' '}
            ({formatBytes(file.size, i18n.language)})
          </Text>
          <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
            {t('learningUi:removeFile', { name: file.filename })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
