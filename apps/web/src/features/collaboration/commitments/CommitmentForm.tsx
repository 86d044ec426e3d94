import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import type { CommitmentFields, CommitmentInputVariables } from '../operations-commitments';
import type { SpaceTabProps } from '../shared/spaceTab';
import { COMMITMENT_TEXT_MAX, COMMITMENT_TITLE_MAX, commitmentProblems, kindsFor, type CommitmentDraft } from './rules';

export function partyOptions(parties: SpaceTabProps['parties']) {
  return parties.map((p) => ({ value: p.organisationId, label: p.countryCode ? `${p.organisationName} (${p.countryCode})` : p.organisationName }));
}

interface CommitmentFormProps {
  spaceKind: SpaceTabProps['kind'];
  parties: SpaceTabProps['parties'];
  /** Editing this one; a new one otherwise. */
  initial?: CommitmentFields;
  onSubmit: (input: CommitmentInputVariables) => Promise<void>;
  onCancel: () => void;
}

/**
 * Records a commitment (or, in a technical group, a deliverable or mandate): kind, title,
 * description, the responsible organisation among the space's parties and the due date. The API's
 * rules are checked first, and its own field messages shown under the inputs.
 */
export function CommitmentForm({ spaceKind, parties, initial, onSubmit, onCancel }: CommitmentFormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const kinds = kindsFor(spaceKind);
  const [draft, setDraft] = useState<CommitmentDraft>({
    kind: initial?.kind ?? 'COMMITMENT',
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    responsibleOrganisationId: initial?.responsibleOrganisationId ?? '',
    dueDate: initial?.dueDate ?? '',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof CommitmentDraft>(key: K, value: CommitmentDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setFields((f) => {
      const { [key]: _gone, ...rest } = f;
      return rest;
    });
  };
  const focusFirstInvalid = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems = commitmentProblems(draft, parties.map((p) => p.organisationId));
    if (Object.keys(problems).length) {
      setFields(Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, t(key)])));
      focusFirstInvalid();
      return;
    }
    setSending(true);
    try {
      await onSubmit({
        kind: draft.kind,
        title: draft.title.trim(),
        description: draft.description.trim() || null,
        responsibleOrganisationId: draft.responsibleOrganisationId,
        dueDate: draft.dueDate || null,
      });
    } catch (error) {
      const described = describeError(error, t);
      setFields(described.fields);
      setFailure(described.message);
      focusFirstInvalid();
    } finally {
      setSending(false);
    }
  };

  const heading = initial ? t('collaborationRecords:editCommitmentHeading', { title: initial.title }) : t(`collaborationRecords:newCommitmentHeading_${spaceKind}`);
  return (
    <Paper withBorder p="md" radius="md" component="form" ref={formRef} onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`} data-testid="commitment-form">
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${ids}-heading`} className="break-anywhere">
          {heading}
        </Title>
        {kinds.length > 1 && (
          <NativeSelect
            label={t('collaborationRecords:kindLabel')}
            value={draft.kind}
            onChange={(e) => set('kind', e.currentTarget.value as CommitmentDraft['kind'])}
            data={kinds.map((k) => ({ value: k, label: t(`collaborationRecords:kind_${k}`) }))}
            error={fields.kind}
            data-testid="commitment-kind"
          />
        )}
        <TextInput
          label={t('collaborationRecords:commitmentTitle')}
          value={draft.title}
          maxLength={COMMITMENT_TITLE_MAX}
          required
          error={fields.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          data-testid="commitment-title"
        />
        <Textarea
          label={t('collaborationRecords:commitmentDescription')}
          value={draft.description}
          maxLength={COMMITMENT_TEXT_MAX}
          autosize
          minRows={2}
          error={fields.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          data-testid="commitment-description"
        />
        <Group grow wrap="wrap" align="flex-start">
          <NativeSelect
            label={t('collaborationRecords:responsibleLabel')}
            value={draft.responsibleOrganisationId}
            required
            onChange={(e) => set('responsibleOrganisationId', e.currentTarget.value)}
            data={[{ value: '', label: t('collaborationRecords:chooseResponsible') }, ...partyOptions(parties)]}
            error={fields.responsibleOrganisationId}
            miw={220}
            data-testid="commitment-responsible"
          />
          <TextInput
            type="date"
            label={t('collaborationRecords:dueDateLabel')}
            description={draft.kind === 'MANDATE' ? t('collaborationRecords:dueDateOptional') : undefined}
            required={draft.kind !== 'MANDATE'}
            value={draft.dueDate}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
            error={fields.dueDate}
            miw={180}
            data-testid="commitment-due"
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={sending} data-testid="save-commitment">
            {initial ? t('collaborationRecords:saveChanges') : t(`collaborationRecords:recordCommitment_${spaceKind}`)}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('collaborationRecords:cancel')}
          </Button>
        </Group>
        {failure && (
          <Alert color="red" role="alert" data-testid="commitment-form-failure">
            {failure}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
