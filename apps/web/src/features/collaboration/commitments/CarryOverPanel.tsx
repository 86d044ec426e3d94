import { useId, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../../../app/ConnectionList';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatDate } from '../../learning/shared/format';
import { CARRY_OVER_PRIORITIES, PRIORITY_WORKSHOPS, WORKSHOP_PRIORITIES, type CommitmentKind, type PriorityWorkshopFields, type WorkshopPriorityFields } from '../operations-commitments';
import type { SpaceTabProps } from '../shared/spaceTab';
import { partyOptions } from './CommitmentForm';
import { commitmentProblems, kindsFor } from './rules';

interface Choice {
  responsibleOrganisationId: string;
  dueDate: string;
  kind: CommitmentKind;
}

function Priorities({
  spaceId,
  spaceKind,
  parties,
  workshop,
  onDone,
}: {
  spaceId: string;
  spaceKind: SpaceTabProps['kind'];
  parties: SpaceTabProps['parties'];
  workshop: PriorityWorkshopFields;
  onDone: (message: string) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const number = new Intl.NumberFormat(i18n.language);
  const { data, loading, error } = useQuery(WORKSHOP_PRIORITIES, { variables: { spaceId, workshopId: workshop.id }, fetchPolicy: 'network-only' });
  const [carry, carryState] = useMutation(CARRY_OVER_PRIORITIES);
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const [problems, setProblems] = useState<Record<string, Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const kinds = kindsFor(spaceKind);
  const priorities: WorkshopPriorityFields[] = data?.workshopPriorities ?? [];

  const toggle = (actionId: string, on: boolean) =>
    setChosen(({ [actionId]: _gone, ...rest }) => (on ? { ...rest, [actionId]: { responsibleOrganisationId: '', dueDate: '', kind: 'COMMITMENT' } } : rest));
  const update = (actionId: string, patch: Partial<Choice>) => setChosen((c) => ({ ...c, [actionId]: { ...c[actionId], ...patch } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const entries = Object.entries(chosen);
    if (!entries.length) {
      setFailure(t('collaborationRecords:carryOverEmpty'));
      return;
    }
    const found: Record<string, Record<string, string>> = {};
    for (const [actionId, choice] of entries) {
      const p = commitmentProblems({ ...choice, title: 'x' }, parties.map((x) => x.organisationId));
      if (Object.keys(p).length) found[actionId] = Object.fromEntries(Object.entries(p).map(([k, key]) => [k, t(key)]));
    }
    setProblems(found);
    if (Object.keys(found).length) {
      setFailure(t('collaborationRecords:carryOverFix'));
      return;
    }
    try {
      const result = await carry({
        variables: {
          spaceId,
          workshopId: workshop.id,
          items: priorities.filter((p) => chosen[p.actionId]).map((p) => ({ actionId: p.actionId, ...chosen[p.actionId], dueDate: chosen[p.actionId].dueDate || null })),
        },
      });
      const outcome = result.data?.carryOverPriorities;
      setChosen({});
      await onDone(t('collaborationRecords:carriedOver', { created: outcome?.created.length ?? 0, skipped: outcome?.skippedActionIds.length ?? 0 }));
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error)
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  return (
    <form onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`} data-testid="carry-over-form">
      <Stack gap="sm">
        <Title order={4} size="h5" id={`${ids}-heading`} className="break-anywhere">
          {t('collaborationRecords:prioritiesOf', { workshop: workshop.title })}
        </Title>
        {!workshop.pollClosed && (
          <Alert color="yellow" data-testid="poll-provisional">
            {t('collaborationRecords:pollProvisional')}
          </Alert>
        )}
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {priorities.map((p) => {
            const choice = chosen[p.actionId];
            const errors = problems[p.actionId] ?? {};
            return (
              <Paper key={p.actionId} withBorder p="sm" radius="md" component="li" data-testid="workshop-priority">
                <Stack gap="xs">
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Checkbox
                      checked={!!choice}
                      disabled={p.carried}
                      onChange={(e) => toggle(p.actionId, e.currentTarget.checked)}
                      label={
                        <span className="break-anywhere">
                          {t('collaborationRecords:priorityLine', { rank: number.format(p.rank), title: p.title })}
                        </span>
                      }
                      description={t('collaborationRecords:priorityScore', { score: number.format(p.score), ballots: number.format(p.ballots) })}
                      data-testid={`choose-priority-${p.rank}`}
                    />
                    {p.carried && (
                      <Badge variant="light" color="teal.9" style={{ flexShrink: 0 }}>
                        {t('collaborationRecords:alreadyCarried')}
                      </Badge>
                    )}
                  </Group>
                  {choice && (
                    <Group grow wrap="wrap" align="flex-start">
                      {kinds.length > 1 && (
                        <NativeSelect
                          label={t('collaborationRecords:kindLabel')}
                          value={choice.kind}
                          onChange={(e) => update(p.actionId, { kind: e.currentTarget.value as CommitmentKind })}
                          data={kinds.map((k) => ({ value: k, label: t(`collaborationRecords:kind_${k}`) }))}
                          miw={160}
                        />
                      )}
                      <NativeSelect
                        label={t('collaborationRecords:responsibleLabel')}
                        value={choice.responsibleOrganisationId}
                        required
                        onChange={(e) => update(p.actionId, { responsibleOrganisationId: e.currentTarget.value })}
                        data={[{ value: '', label: t('collaborationRecords:chooseResponsible') }, ...partyOptions(parties)]}
                        error={errors.responsibleOrganisationId}
                        miw={200}
                        data-testid={`priority-responsible-${p.rank}`}
                      />
                      <TextInput
                        type="date"
                        label={t('collaborationRecords:dueDateLabel')}
                        required={choice.kind !== 'MANDATE'}
                        value={choice.dueDate}
                        onChange={(e) => update(p.actionId, { dueDate: e.currentTarget.value })}
                        error={errors.dueDate}
                        miw={160}
                        data-testid={`priority-due-${p.rank}`}
                      />
                    </Group>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
        <Group>
          <Button type="submit" loading={carryState.loading} data-testid="carry-over">
            {t('collaborationRecords:carryOverButton', { count: Object.keys(chosen).length })}
          </Button>
        </Group>
        {failure && (
          <Alert color="red" role="alert" data-testid="carry-over-failure">
            {failure}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/**
 * "From a workshop's priorities": the workshops whose ranked priorities the organiser may see, then
 * the chosen workshop's ranked actions to carry over, each with its responsible organisation and
 * due date. Actions already carried into this space are shown as such and cannot be chosen again.
 */
export function CarryOverPanel({
  spaceId,
  spaceKind,
  parties,
  onDone,
  onClose,
}: {
  spaceId: string;
  spaceKind: SpaceTabProps['kind'];
  parties: SpaceTabProps['parties'];
  onDone: (message: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState<string | null>(null);
  const [workshop, setWorkshop] = useState<PriorityWorkshopFields | null>(null);
  const list = useConnectionList(PRIORITY_WORKSHOPS, 'priorityWorkshops', { variables: { spaceId, search: applied, first: 10 }, fetchPolicy: 'network-only' });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-heading`} data-testid="carry-over-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id={`${ids}-heading`}>
            {t('collaborationRecords:carryOverHeading')}
          </Title>
          <Button variant="default" size="compact-sm" onClick={onClose}>
            {t('collaborationRecords:close')}
          </Button>
        </Group>
        <Text size="sm">{t('collaborationRecords:carryOverIntro')}</Text>
        <Group
          component="form"
          role="search"
          align="flex-end"
          wrap="wrap"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setApplied(search.trim() || null);
          }}
        >
          <TextInput label={t('collaborationRecords:searchWorkshops')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: 1 }} miw={200} data-testid="workshop-search" />
          <Button type="submit" variant="outline">
            {t('collaborationRecords:search')}
          </Button>
        </Group>
        <ConnectionList list={list} label={t('collaborationRecords:loadMoreWorkshops')} empty={<Text c="dark.6">{t('collaborationRecords:noPriorityWorkshops')}</Text>}>
          <Stack gap="xs" component="ul" aria-label={t('collaborationRecords:workshopsWithPriorities')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.nodes.map((w) => (
              <Group key={w.id} component="li" justify="space-between" wrap="wrap" gap="xs" data-testid="priority-workshop">
                <Stack gap={0}>
                  <Text fw={500} className="break-anywhere">
                    {w.title}
                  </Text>
                  <Text size="sm" c="dark.6">
                    {t('collaborationRecords:workshopMeta', { date: formatDate(w.startsAt, i18n.language), ballots: new Intl.NumberFormat(i18n.language).format(w.ballots) })}
                  </Text>
                </Stack>
                <Button
                  size="compact-sm"
                  variant={workshop?.id === w.id ? 'filled' : 'outline'}
                  aria-pressed={workshop?.id === w.id}
                  onClick={() => setWorkshop(w)}
                  data-testid={`pick-workshop-${w.id}`}
                >
                  {t('collaborationRecords:pickWorkshop')}
                  <VisuallyHidden>: {w.title}</VisuallyHidden>
                </Button>
              </Group>
            ))}
          </Stack>
        </ConnectionList>
        {workshop && <Priorities key={workshop.id} spaceId={spaceId} spaceKind={spaceKind} parties={parties} workshop={workshop} onDone={onDone} />}
      </Stack>
    </Paper>
  );
}
