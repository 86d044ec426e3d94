import { useId, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import { Alert, Anchor, Badge, Button, Group, Input, Paper, Progress, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatBytes, formatDateTime } from '../../learning/shared/format';
import { SPACE_DOCUMENTS, type SpaceDocumentFields, type SpaceDocumentVersionFields } from '../operations-documents';
import type { SpaceTabProps } from '../shared/spaceTab';
import { readsContent } from '../commitments/rules';
import { DOCUMENT_ACCEPT, DOCUMENT_MAX_BYTES, UploadError, uploadNewDocument, uploadNewVersion } from './upload';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 10_000;
const NOTE_MAX = 1000;

/** "informe-final.v2.pdf" -> "informe-final.v2": a title to start from when none is typed. */
export const titleFromFilename = (name: string): string => name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[_]+/g, ' ').trim().slice(0, TITLE_MAX);

/** The refusal in words: the API's own message when it sent one, else one worded from the status. */
function uploadFailure(error: unknown, t: (key: string, values?: Record<string, unknown>) => string, limit: string): string {
  const status = error instanceof UploadError ? error.status : 0;
  if (status === -1) return t('collaborationRecords:uploadCancelled');
  if (error instanceof UploadError && error.message) return error.message;
  if (status === 413) return t('collaborationRecords:uploadTooLarge', { size: limit });
  if (status === 415) return t('collaborationRecords:uploadWrongType');
  return t('collaborationRecords:uploadFailed');
}

/** A native file input (keyboard and screen readers know it), the accepted types and the limit beside it. */
function FileField({ id, label, disabled, onChange, inputRef, error }: { id: string; label: string; disabled: boolean; onChange: (file: File | null) => void; inputRef: RefObject<HTMLInputElement | null>; error?: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Input.Wrapper id={id} label={label} description={t('collaborationRecords:documentFileHelp', { size: formatBytes(DOCUMENT_MAX_BYTES, i18n.language) })} error={error ?? undefined} withAsterisk>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={DOCUMENT_ACCEPT}
        disabled={disabled}
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.currentTarget.files?.[0] ?? null)}
        data-testid={`${id}-input`}
        style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
      />
    </Input.Wrapper>
  );
}

/** A progress bar while the bytes travel, with a way to stop. */
function UploadProgress({ progress, onCancel }: { progress: number; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const percent = Math.round(progress * 100);
  return (
    <Group gap="sm" wrap="nowrap" data-testid="document-upload-progress">
      <Progress value={percent} size="lg" style={{ flex: 1 }} aria-label={t('collaborationRecords:uploadProgress', { percent })} />
      <Text size="sm" aria-live="polite">
        {new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(progress)}
      </Text>
      <Button variant="subtle" size="xs" onClick={onCancel}>
        {t('collaborationRecords:cancelUpload')}
      </Button>
    </Group>
  );
}

/** Upload state shared by both forms: progress, the abort controller, the outcome. */
function useUpload() {
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  return { progress, setProgress, failure, setFailure, done, setDone, abort };
}

function NewDocumentForm({ spaceId, onUploaded }: { spaceId: string; onUploaded: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ title?: string; file?: string }>({});
  const upload = useUpload();
  const inputRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const limit = formatBytes(DOCUMENT_MAX_BYTES, i18n.language);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setErrors((e) => ({ ...e, file: undefined }));
    if (chosen && !title.trim()) setTitle(titleFromFilename(chosen.name));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    upload.setFailure(null);
    upload.setDone(null);
    const problems: { title?: string; file?: string } = {};
    if (!title.trim()) problems.title = t('collaborationRecords:documentTitleRequired');
    if (!file) problems.file = t('collaborationRecords:documentFileRequired');
    else if (file.size > DOCUMENT_MAX_BYTES) problems.file = t('collaborationRecords:uploadTooLarge', { size: limit });
    setErrors(problems);
    if (problems.title) titleRef.current?.focus();
    else if (problems.file) inputRef.current?.focus();
    if (problems.title || problems.file || !file) return;
    upload.abort.current = new AbortController();
    upload.setProgress(0);
    try {
      const stored = await uploadNewDocument(spaceId, { title: title.trim(), description: description.trim() }, file, {
        locale: i18n.language,
        onProgress: upload.setProgress,
        signal: upload.abort.current.signal,
      });
      await onUploaded();
      upload.setDone(t('collaborationRecords:documentUploaded', { title: stored.title }));
      setTitle('');
      setDescription('');
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (error) {
      upload.setFailure(uploadFailure(error, t, limit));
    } finally {
      upload.setProgress(null);
      upload.abort.current = null;
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`} data-testid="new-document-form">
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${ids}-heading`}>
          {t('collaborationRecords:newDocumentHeading')}
        </Title>
        <FileField id={`${ids}-file`} label={t('collaborationRecords:documentFile')} disabled={upload.progress !== null} onChange={choose} inputRef={inputRef} error={errors.file} />
        <TextInput
          ref={titleRef}
          label={t('collaborationRecords:documentTitle')}
          value={title}
          maxLength={TITLE_MAX}
          required
          error={errors.title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setErrors((x) => ({ ...x, title: undefined }));
          }}
          data-testid="document-title-input"
        />
        <Textarea
          label={t('collaborationRecords:documentDescription')}
          value={description}
          maxLength={DESCRIPTION_MAX}
          autosize
          minRows={2}
          onChange={(e) => setDescription(e.currentTarget.value)}
          data-testid="document-description-input"
        />
        {upload.progress !== null && <UploadProgress progress={upload.progress} onCancel={() => upload.abort.current?.abort()} />}
        <Group>
          <Button type="submit" loading={upload.progress !== null} data-testid="upload-document">
            {t('collaborationRecords:uploadDocument')}
          </Button>
        </Group>
        {upload.failure && (
          <Alert color="red" role="alert" data-testid="document-upload-failure">
            {upload.failure}
          </Alert>
        )}
        <div role="status">{upload.done && <Text fw={500}>{upload.done}</Text>}</div>
      </Stack>
    </Paper>
  );
}

function NewVersionForm({ document, onUploaded }: { document: SpaceDocumentFields; onUploaded: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useUpload();
  const inputRef = useRef<HTMLInputElement>(null);
  const limit = formatBytes(DOCUMENT_MAX_BYTES, i18n.language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    upload.setFailure(null);
    upload.setDone(null);
    const problem = !file ? t('collaborationRecords:documentFileRequired') : file.size > DOCUMENT_MAX_BYTES ? t('collaborationRecords:uploadTooLarge', { size: limit }) : null;
    setFileError(problem);
    if (problem || !file) {
      inputRef.current?.focus();
      return;
    }
    upload.abort.current = new AbortController();
    upload.setProgress(0);
    try {
      const stored = await uploadNewVersion(document.id, note.trim(), file, { locale: i18n.language, onProgress: upload.setProgress, signal: upload.abort.current.signal });
      await onUploaded();
      upload.setDone(t('collaborationRecords:versionUploaded', { version: stored.version }));
      setNote('');
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (error) {
      upload.setFailure(uploadFailure(error, t, limit));
    } finally {
      upload.setProgress(null);
      upload.abort.current = null;
    }
  };

  return (
    <form onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`} data-testid={`new-version-form-${document.id}`}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={`${ids}-heading`}>
          {t('collaborationRecords:newVersionHeading', { title: document.title })}
        </Title>
        <FileField
          id={`${ids}-file`}
          label={t('collaborationRecords:versionFile')}
          disabled={upload.progress !== null}
          onChange={(chosen) => {
            setFile(chosen);
            setFileError(null);
          }}
          inputRef={inputRef}
          error={fileError}
        />
        <TextInput label={t('collaborationRecords:versionNote')} value={note} maxLength={NOTE_MAX} onChange={(e) => setNote(e.currentTarget.value)} data-testid="version-note-input" />
        {upload.progress !== null && <UploadProgress progress={upload.progress} onCancel={() => upload.abort.current?.abort()} />}
        <Group>
          <Button type="submit" variant="outline" loading={upload.progress !== null} data-testid="upload-version">
            {t('collaborationRecords:uploadVersion')}
          </Button>
        </Group>
        {upload.failure && (
          <Alert color="red" role="alert">
            {upload.failure}
          </Alert>
        )}
        <div role="status">{upload.done && <Text fw={500}>{upload.done}</Text>}</div>
      </Stack>
    </form>
  );
}

function VersionLine({ version }: { version: SpaceDocumentVersionFields }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Stack gap={2} component="li" data-testid="document-version">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color="gray.8">
          {t('collaborationRecords:versionLabel', { version: version.version })}
        </Badge>
        <Anchor href={version.url} className="break-anywhere" data-testid="download-version">
          {t('collaborationRecords:downloadFile', { filename: version.filename })}
        </Anchor>
        <Text size="sm" c="dark.6">
          {formatBytes(version.size, locale)}
        </Text>
      </Group>
      <Text size="sm" c="dark.6">
        {t('collaborationRecords:uploadedBy', { name: version.uploadedByName ?? t('collaborationRecords:formerAccount'), date: formatDateTime(version.uploadedAt, locale) })}
      </Text>
      {version.note && (
        <Text size="sm" className="break-anywhere">
          {version.note}
        </Text>
      )}
    </Stack>
  );
}

function DocumentCard({ document, readOnly, onUploaded }: { document: SpaceDocumentFields; readOnly: boolean; onUploaded: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [open, setOpen] = useState(false);
  const ids = useId();
  const current = document.current;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`${ids}-title`} data-testid="space-document">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Title order={3} size="h4" id={`${ids}-title`} className="break-anywhere">
            {document.title}
          </Title>
          <Badge variant="outline" color="blue.9">
            {t('collaborationRecords:versionLabel', { version: document.currentVersion })}
          </Badge>
        </Group>
        {document.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
            {document.description}
          </Text>
        )}
        {current && (
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={current.url} variant="light" size="sm" data-testid="download-current">
              {t('collaborationRecords:downloadCurrent', { version: current.version })}
            </Button>
            <Text size="sm" c="dark.6" className="break-anywhere">
              {current.filename} · {formatBytes(current.size, locale)} ·{' '}
              {t('collaborationRecords:uploadedBy', { name: current.uploadedByName ?? t('collaborationRecords:formerAccount'), date: formatDateTime(current.uploadedAt, locale) })}
            </Text>
          </Group>
        )}
        <Group>
          <Button variant="subtle" size="compact-sm" aria-expanded={open} aria-controls={`${ids}-versions`} onClick={() => setOpen((v) => !v)} data-testid="toggle-versions">
            {open ? t('collaborationRecords:hideVersions') : t('collaborationRecords:showVersions', { count: document.versions.length })}
          </Button>
        </Group>
        <div id={`${ids}-versions`} hidden={!open}>
          {open && (
            <Stack gap="md">
              <Stack gap="sm" component="ol" aria-label={t('collaborationRecords:versionsOf', { title: document.title })} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {document.versions.map((v) => (
                  <VersionLine key={v.id} version={v} />
                ))}
              </Stack>
              {!readOnly && <NewVersionForm document={document} onUploaded={onUploaded} />}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

/**
 * The space's shared documents: the list (title, description, current version with its file, who
 * uploaded it and when), every version on demand, downloads, and, unless the space is closed, the
 * forms for a new document and a new version (any member may add one: documents are co-produced).
 */
export function DocumentsTab({ spaceId, level, readOnly }: SpaceTabProps) {
  const { t } = useTranslation();
  if (!readsContent(level)) {
    return (
      <Text c="dark.6" data-testid="documents-members-only">
        {t('collaborationRecords:documentsMembersOnly')}
      </Text>
    );
  }
  return <SpaceDocuments spaceId={spaceId} readOnly={readOnly} />;
}

function SpaceDocuments({ spaceId, readOnly }: { spaceId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const list = useConnectionList(SPACE_DOCUMENTS, 'spaceDocuments', { variables: { spaceId, first: 20 }, fetchPolicy: 'cache-and-network' });
  const refresh = () => client.refetchQueries({ include: [SPACE_DOCUMENTS] });
  return (
    <Stack gap="md" data-testid="documents-tab">
      <Title order={2} size="h3">
        {t('collaborationRecords:documentsHeading')}
      </Title>
      <Text size="sm">{t('collaborationRecords:documentsIntro')}</Text>
      {readOnly ? (
        <Alert color="gray" data-testid="documents-read-only">
          {t('collaborationRecords:documentsReadOnly')}
        </Alert>
      ) : (
        <NewDocumentForm spaceId={spaceId} onUploaded={refresh} />
      )}
      <ConnectionList
        list={list}
        label={t('collaborationRecords:loadMoreDocuments')}
        empty={
          <Text c="dark.6" data-testid="no-documents">
            {t('collaborationRecords:noDocuments')}
          </Text>
        }
      >
        <Stack gap="sm">
          {list.nodes.map((document) => (
            <DocumentCard key={document.id} document={document} readOnly={readOnly} onUploaded={refresh} />
          ))}
        </Stack>
      </ConnectionList>
    </Stack>
  );
}
