import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../../../app/ConnectionList';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { useConnectionList } from '../../../app/useConnectionList';
import { COMMITMENT_ACCOUNTABILITY, COMMITMENT_STATUSES, CREATE_COMMITMENT, SPACE_COMMITMENTS, type CommitmentStatus } from '../operations-commitments';
import type { SpaceTabProps } from '../shared/spaceTab';
import { AccountabilitySummary } from './AccountabilitySummary';
import { CarryOverPanel } from './CarryOverPanel';
import { CommitmentCard } from './CommitmentCard';
import { CommitmentForm } from './CommitmentForm';
import { readsContent } from './rules';

type Filter = '' | CommitmentStatus | 'OVERDUE';

/** The list query's variables for a filter: one status, or the overdue ones. */
export function filterVariables(filter: Filter): { status: CommitmentStatus | null; overdue: boolean | null } {
  if (filter === 'OVERDUE') return { status: null, overdue: true };
  return { status: filter || null, overdue: null };
}

/**
 * Commitments (tables), deliverables and mandates (groups) with their follow-up (Decidim's
 * accountability): the summary with a chart and the exports, the list with status and overdue
 * badges and a status filter, and for organisers the forms to record one by hand or carry them
 * over from a workshop's ranked priorities. Closed spaces show everything and offer no changes.
 */
export function CommitmentsTab(props: SpaceTabProps) {
  const { t } = useTranslation();
  if (!readsContent(props.level)) {
    return (
      <Text c="dark.6" data-testid="commitments-members-only">
        {t('collaborationRecords:commitmentsMembersOnly')}
      </Text>
    );
  }
  return <SpaceCommitments {...props} />;
}

function SpaceCommitments({ spaceId, kind, readOnly, parties }: SpaceTabProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [filter, setFilter] = useState<Filter>('');
  const [panel, setPanel] = useState<'new' | 'carry' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const summary = useQuery(COMMITMENT_ACCOUNTABILITY, { variables: { spaceId }, fetchPolicy: 'cache-and-network' });
  const list = useConnectionList(SPACE_COMMITMENTS, 'spaceCommitments', { variables: { spaceId, ...filterVariables(filter), first: 20 }, fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CREATE_COMMITMENT);
  const accountability = summary.data?.commitmentAccountability;
  const canOrganise = !readOnly && !!accountability?.canOrganise;
  const refresh = () => client.refetchQueries({ include: [SPACE_COMMITMENTS, COMMITMENT_ACCOUNTABILITY] });
  const done = async (text: string) => {
    setPanel(null);
    setMessage(text);
    await refresh();
  };

  return (
    <Stack gap="md" data-testid="commitments-tab">
      <Title order={2} size="h3">
        {t(`collaborationRecords:commitmentsHeading_${kind}`)}
      </Title>
      <Text size="sm">{t(`collaborationRecords:commitmentsIntro_${kind}`)}</Text>
      {readOnly && (
        <Alert color="gray" data-testid="commitments-read-only">
          {t('collaborationRecords:commitmentsReadOnly')}
        </Alert>
      )}
      {summary.error && (
        <Alert color="red" role="alert">
          {describeError(summary.error, t).message}
        </Alert>
      )}
      {accountability ? <AccountabilitySummary summary={accountability} spaceKind={kind} /> : summary.loading && <Loading label={t('nav:loading')} />}
      {canOrganise && (
        <Group gap="sm" wrap="wrap">
          <Button variant={panel === 'new' ? 'filled' : 'outline'} aria-expanded={panel === 'new'} onClick={() => setPanel((p) => (p === 'new' ? null : 'new'))} data-testid="open-new-commitment">
            {t(`collaborationRecords:recordCommitment_${kind}`)}
          </Button>
          <Button variant={panel === 'carry' ? 'filled' : 'outline'} aria-expanded={panel === 'carry'} onClick={() => setPanel((p) => (p === 'carry' ? null : 'carry'))} data-testid="open-carry-over">
            {t('collaborationRecords:fromPriorities')}
          </Button>
        </Group>
      )}
      {canOrganise && panel === 'new' && (
        <CommitmentForm
          spaceKind={kind}
          parties={parties}
          onCancel={() => setPanel(null)}
          onSubmit={async (input) => {
            const result = await create({ variables: { spaceId, input } });
            await done(t('collaborationRecords:commitmentRecorded', { title: result.data?.createCommitment.title ?? input.title }));
          }}
        />
      )}
      {canOrganise && panel === 'carry' && <CarryOverPanel spaceId={spaceId} spaceKind={kind} parties={parties} onDone={done} onClose={() => setPanel(null)} />}
      <div role="status">
        {message && (
          <Text fw={500} data-testid="commitments-message">
            {message}
          </Text>
        )}
      </div>
      <NativeSelect
        label={t('collaborationRecords:filterLabel')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value as Filter)}
        data={[
          { value: '', label: t('collaborationRecords:filterAll') },
          ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`collaborationRecords:status_${s}`) })),
          { value: 'OVERDUE', label: t('collaborationRecords:filterOverdue') },
        ]}
        w={{ base: '100%', sm: 260 }}
        data-testid="commitments-filter"
      />
      <ConnectionList
        list={list}
        label={t('collaborationRecords:loadMoreCommitments')}
        empty={
          <Text c="dark.6" data-testid="no-commitments">
            {filter ? t('collaborationRecords:noMatchingCommitments') : t(`collaborationRecords:noCommitments_${kind}`)}
          </Text>
        }
      >
        <Stack gap="sm">
          {list.nodes.map((c) => (
            <CommitmentCard key={c.id} commitment={c} spaceKind={kind} parties={parties} onChanged={refresh} />
          ))}
        </Stack>
      </ConnectionList>
    </Stack>
  );
}
