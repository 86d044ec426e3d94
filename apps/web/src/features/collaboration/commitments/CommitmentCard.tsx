import { useId, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../learning/shared/format';
import { COMMITMENT_HISTORY, UPDATE_COMMITMENT, type CommitmentFields, type CommitmentUpdateFields } from '../operations-commitments';
import type { SpaceTabProps } from '../shared/spaceTab';
import { CommitmentForm } from './CommitmentForm';
import { ProgressForm } from './ProgressForm';
import { STATUS_COLORS, formatDay } from './rules';

function UpdateLine({ update }: { update: CommitmentUpdateFields }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} component="li" data-testid="commitment-update">
      <Text size="sm" c="dark.6">
        {t('collaborationRecords:updateMeta', {
          name: update.authorName ?? t('collaborationRecords:formerAccount'),
          date: formatDateTime(update.createdAt, i18n.language),
          status: t(`collaborationRecords:status_${update.status}`),
          progress: update.progress,
        })}
      </Text>
      {update.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
          {update.note}
        </Text>
      )}
    </Stack>
  );
}

function History({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(COMMITMENT_HISTORY, { variables: { id: commitmentId }, fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error)
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  const updates = data?.commitment.updates ?? [];
  if (!updates.length) return <Text c="dark.6">{t('collaborationRecords:noUpdates')}</Text>;
  return (
    <Stack gap="sm" component="ol" aria-label={t('collaborationRecords:historyHeading')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {updates.map((u) => (
        <UpdateLine key={u.id} update={u} />
      ))}
    </Stack>
  );
}

type Panel = 'progress' | 'edit' | 'history' | null;

/**
 * One commitment: title, kind (groups), status and overdue badges (words, not colour alone), the
 * responsible organisation, due date, progress, last note and origin; then progress notes for its
 * owners, editing for organisers and the history of notes.
 */
export function CommitmentCard({
  commitment: c,
  spaceKind,
  parties,
  onChanged,
}: {
  commitment: CommitmentFields;
  spaceKind: SpaceTabProps['kind'];
  parties: SpaceTabProps['parties'];
  onChanged: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const ids = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [update] = useMutation(UPDATE_COMMITMENT);
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`${ids}-title`} data-testid="commitment" data-status={c.status} data-overdue={c.overdue}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={`${ids}-title`} className="break-anywhere" style={{ flex: '1 1 200px' }}>
            {c.title}
          </Title>
          {spaceKind === 'GROUP' && (
            <Badge variant="outline" color="gray.8">
              {t(`collaborationRecords:kind_${c.kind}`)}
            </Badge>
          )}
          <Badge color={STATUS_COLORS[c.status]} data-testid="commitment-status">
            {t(`collaborationRecords:status_${c.status}`)}
          </Badge>
          {c.overdue && (
            <Badge color="red.9" variant="filled" data-testid="commitment-overdue">
              {t('collaborationRecords:overdueBadge')}
            </Badge>
          )}
        </Group>
        {c.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
            {c.description}
          </Text>
        )}
        <Text size="sm">
          {t('collaborationRecords:responsibleLine', { organisation: c.responsibleCountryCode ? `${c.responsibleOrganisationName} (${c.responsibleCountryCode})` : c.responsibleOrganisationName })}
        </Text>
        <Text size="sm" c={c.overdue ? 'red.9' : undefined} fw={c.overdue ? 600 : undefined}>
          {c.dueDate ? t('collaborationRecords:dueLine', { date: formatDay(c.dueDate, locale) }) : t('collaborationRecords:noDueDate')}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Progress value={c.progress} size="md" style={{ flex: 1 }} color={STATUS_COLORS[c.status]} aria-label={t('collaborationRecords:progressOf', { title: c.title })} />
          <Text size="sm" fw={600} data-testid="commitment-progress">
            {new Intl.NumberFormat(locale, { style: 'percent' }).format(c.progress / 100)}
          </Text>
        </Group>
        {c.lastUpdate && (
          <Text size="sm" c="dark.6" className="break-anywhere" data-testid="commitment-last-note">
            {t('collaborationRecords:lastNote', {
              note: c.lastUpdate.note || t(`collaborationRecords:status_${c.lastUpdate.status}`),
              name: c.lastUpdate.authorName ?? t('collaborationRecords:formerAccount'),
              date: formatDateTime(c.lastUpdate.createdAt, locale),
            })}
          </Text>
        )}
        {c.source === 'WORKSHOP_PRIORITY' && (
          <Text size="sm" c="dark.6" className="break-anywhere">
            {t('collaborationRecords:fromWorkshop')}{' '}
            {c.sourceWorkshopSlug ? <Anchor href={`/workshops/${c.sourceWorkshopSlug}`}>{c.sourceWorkshopTitle ?? c.sourceLabel}</Anchor> : c.sourceWorkshopTitle}
            {c.sourceLabel ? ` — ${c.sourceLabel}` : ''}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {c.canReport && (
            <Button size="compact-sm" variant={panel === 'progress' ? 'filled' : 'outline'} aria-expanded={panel === 'progress'} onClick={() => toggle('progress')} data-testid="open-progress">
              {t('collaborationRecords:addProgress')}
            </Button>
          )}
          {c.canEdit && (
            <Button size="compact-sm" variant={panel === 'edit' ? 'filled' : 'default'} aria-expanded={panel === 'edit'} onClick={() => toggle('edit')} data-testid="open-edit">
              {t('collaborationRecords:edit')}
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" aria-expanded={panel === 'history'} onClick={() => toggle('history')} data-testid="open-history">
            {t('collaborationRecords:historyHeading')}
          </Button>
        </Group>
        {panel === 'progress' && (
          <ProgressForm
            commitment={c}
            onCancel={() => setPanel(null)}
            onSaved={async () => {
              setPanel(null);
              await onChanged();
            }}
          />
        )}
        {panel === 'edit' && (
          <CommitmentForm
            spaceKind={spaceKind}
            parties={parties}
            initial={c}
            onCancel={() => setPanel(null)}
            onSubmit={async (input) => {
              await update({ variables: { id: c.id, input } });
              setPanel(null);
              await onChanged();
            }}
          />
        )}
        {panel === 'history' && <History commitmentId={c.id} />}
      </Stack>
    </Paper>
  );
}
