import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, NumberInput, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../../app/charts/ChartFigure';
import { describeError } from '../../../app/errors';
import { LocalizedFields } from '../../learning/shared/LocalizedFields';
import { draftFrom, emptyDraft, hasAnyText, inputFrom, type LocalizedDraft } from '../../learning/shared/localized';
import {
  CARRY_TOP_ACTIONS,
  CLOSE_POLL,
  FOLLOW_UPS,
  OPEN_POLL,
  SAVE_FOLLOW_UP,
  SAVE_POLL,
  pollCsvUrl,
  type FollowUpFields,
  type FollowUpStatus,
  type ManagePoll,
  type ManagePollResult,
  type PollMode,
  type RunWorkshop,
} from '../operations-manage';

interface ActionDraft {
  key: number;
  title: LocalizedDraft;
  description: LocalizedDraft;
}

let nextKey = 1;
const newAction = (): ActionDraft => ({ key: nextKey++, title: emptyDraft(), description: emptyDraft() });

/** Results best first (rank, then points, then title). */
export function sortedResults(results: readonly ManagePollResult[], locale: string): ManagePollResult[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...results].sort((a, b) => a.rank - b.rank || b.points - a.points || collator.compare(a.action.title, b.action.title));
}

function PollSetup({ workshop, poll, onSaved }: { workshop: RunWorkshop; poll: ManagePoll | null; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<PollMode>(poll?.mode ?? 'RANK');
  const [maxVotes, setMaxVotes] = useState<number | string>(poll?.maxVotes ?? 3);
  const [actions, setActions] = useState<ActionDraft[]>(() =>
    poll && poll.actions.length > 0
      ? [...poll.actions]
          .sort((a, b) => a.position - b.position)
          .map((a) => ({ key: nextKey++, title: draftFrom(a.titleTranslations), description: draftFrom(a.descriptionTranslations) }))
      : [newAction(), newAction()],
  );
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SAVE_POLL);

  const update = (key: number, field: 'title' | 'description', locale: keyof LocalizedDraft, value: string) =>
    setActions((list) => list.map((a) => (a.key === key ? { ...a, [field]: { ...a[field], [locale]: value } } : a)));
  const move = (index: number, delta: number) =>
    setActions((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const missing: Record<number, string> = {};
    actions.forEach((a) => {
      if (!hasAnyText(a.title)) missing[a.key] = t('workshopManage:actionTitleRequired');
    });
    setErrors(missing);
    if (actions.length < 2) {
      setFormError(t('workshopManage:atLeastTwoActions'));
      return;
    }
    if (Object.keys(missing).length > 0) {
      setFormError(t('workshopManage:fixActions'));
      return;
    }
    const votes = typeof maxVotes === 'number' ? maxVotes : Number.parseInt(maxVotes, 10);
    if (mode === 'VOTE' && (!Number.isFinite(votes) || votes < 1 || votes > actions.length)) {
      setFormError(t('workshopManage:maxVotesRange', { max: actions.length }));
      return;
    }
    try {
      await save({
        variables: {
          workshopId: workshop.id,
          mode,
          maxVotes: mode === 'VOTE' ? votes : null,
          actions: actions.map((a) => ({ title: inputFrom(a.title), description: inputFrom(a.description) })),
        },
      });
      onSaved(t('workshopManage:pollSaved'));
    } catch (err) {
      setFormError(describeError(err, t).message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="poll-setup" aria-labelledby="poll-setup-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="poll-setup-title">
          {t('workshopManage:pollSetupTitle')}
        </Title>
        <Radio.Group label={t('workshopManage:pollMode')} value={mode} onChange={(value) => setMode(value as PollMode)}>
          <Stack gap="xs" mt="xs">
            <Radio value="RANK" label={t('workshopManage:mode_RANK')} description={t('workshopManage:modeHelp_RANK')} data-testid="poll-mode-RANK" />
            <Radio value="VOTE" label={t('workshopManage:mode_VOTE')} description={t('workshopManage:modeHelp_VOTE')} data-testid="poll-mode-VOTE" />
          </Stack>
        </Radio.Group>
        {mode === 'VOTE' && (
          <NumberInput
            label={t('workshopManage:maxVotes')}
            value={maxVotes}
            onChange={setMaxVotes}
            min={1}
            max={Math.max(1, actions.length)}
            allowDecimal={false}
            w={{ base: '100%', sm: 200 }}
            data-testid="poll-max-votes"
          />
        )}
        <Title order={4} size="h5">
          {t('workshopManage:actionsTitle')}
        </Title>
        {actions.map((action, index) => (
          <Paper key={action.key} withBorder p="sm" radius="md" component="fieldset" m={0} data-testid={`poll-action-${index}`}>
            <Text component="legend" fw={600} px={4}>
              {t('workshopManage:actionNumber', { n: index + 1 })}
            </Text>
            <Stack gap="xs">
              <LocalizedFields
                idPrefix={`poll-action-${index}`}
                label={t('workshopManage:actionLanguages', { n: index + 1 })}
                fields={[
                  { name: 'title', label: t('workshopManage:actionTitle'), maxLength: 300 },
                  { name: 'description', label: t('workshopManage:actionDescription'), multiline: true, maxLength: 2000 },
                ]}
                values={{ title: action.title, description: action.description }}
                onChange={(field, locale, value) => update(action.key, field as 'title' | 'description', locale, value)}
                errors={{ title: errors[action.key] }}
              />
              <Group gap="xs">
                <Button size="compact-sm" variant="default" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('workshopManage:moveUp', { n: index + 1 })}
                </Button>
                <Button size="compact-sm" variant="default" disabled={index === actions.length - 1} onClick={() => move(index, 1)}>
                  {t('workshopManage:moveDown', { n: index + 1 })}
                </Button>
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="red.9"
                  onClick={() => setActions((list) => list.filter((a) => a.key !== action.key))}
                  data-testid={`remove-poll-action-${index}`}
                >
                  {t('workshopManage:removeAction', { n: index + 1 })}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group gap="sm">
          <Button variant="outline" onClick={() => setActions((list) => [...list, newAction()])} data-testid="add-poll-action">
            {t('workshopManage:addAction')}
          </Button>
          <Button type="submit" loading={loading} data-testid="save-poll">
            {t('workshopManage:savePoll')}
          </Button>
        </Group>
        <div role="alert">{formError && <Alert color="red" data-testid="poll-error">{formError}</Alert>}</div>
      </Stack>
    </form>
  );
}

function PollResults({ workshop, poll }: { workshop: RunWorkshop; poll: ManagePoll }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const number = new Intl.NumberFormat(locale);
  const format = (value: number) => number.format(value);
  const results = sortedResults(poll.results, locale);
  const chart = (
    <BarChart
      h={Math.max(140, results.length * 44 + 60)}
      data={results.map((r) => ({ label: r.action.title, points: r.points }))}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'points', label: t('workshopManage:colPoints'), color: 'blue.8' }]}
      valueFormatter={format}
      yAxisProps={{ width: 160 }}
      gridAxis="x"
      withTooltip={false}
      withBarValueLabel
      accessibilityLayer={false}
    />
  );
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="wrap">
        <Text data-testid="poll-ballots">{t('workshopManage:ballotsCount', { count: poll.ballots, n: format(poll.ballots) })}</Text>
        <Anchor href={pollCsvUrl(workshop.id)} download data-testid="poll-csv">
          {t('workshopManage:downloadPoll')}
        </Anchor>
      </Group>
      <Text size="sm">{t(`workshopManage:method_${poll.mode}`, { max: poll.maxVotes ?? 1 })}</Text>
      <ChartFigure
        id="poll-results"
        testId="poll-results"
        title={t('workshopManage:resultsTitle')}
        chartLabel={t('workshopManage:chartLabel', { title: t('workshopManage:resultsTitle') })}
        chart={chart}
        columns={[t('workshopManage:colAction'), t('workshopManage:colRank'), t('workshopManage:colPoints'), t('workshopManage:colBallots')]}
        rows={results.map((r) => ({ key: r.action.id, cells: [r.action.title, format(r.rank), format(r.points), format(r.ballots)] }))}
        empty={<Text c="dark.6">{t('workshopManage:noResults')}</Text>}
      />
    </Stack>
  );
}

function FollowUpRow({ workshopId, followUp }: { workshopId: string; followUp: FollowUpFields }) {
  const { t } = useTranslation();
  const [owner, setOwner] = useState(followUp.owner ?? '');
  const [dueOn, setDueOn] = useState(followUp.dueOn ?? '');
  const [status, setStatus] = useState<FollowUpStatus>(followUp.status);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [save, { loading }] = useMutation(SAVE_FOLLOW_UP);
  const id = followUp.id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      await save({
        variables: { workshopId, id, input: { title: followUp.title, owner: owner.trim() || null, dueOn: dueOn || null, status, actionId: followUp.actionId } },
      });
      setMessage({ ok: true, text: t('workshopManage:followUpSaved') });
    } catch (err) {
      setMessage({ ok: false, text: describeError(err, t).message });
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate data-testid={`follow-up-${id}`} aria-labelledby={`follow-up-title-${id}`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} id={`follow-up-title-${id}`} className="break-anywhere">
            {followUp.title}
          </Text>
          <Badge variant="outline" color={followUp.status === 'DONE' ? 'teal.9' : 'gray.9'}>
            {t(`workshopManage:followUpStatus_${followUp.status}`)}
          </Badge>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('workshopManage:owner')}
            value={owner}
            maxLength={200}
            onChange={(e) => setOwner(e.currentTarget.value)}
            w={{ base: '100%', sm: 240 }}
            data-testid={`follow-up-owner-${id}`}
          />
          <TextInput
            type="date"
            label={t('workshopManage:dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            w={{ base: '100%', sm: 180 }}
            data-testid={`follow-up-due-${id}`}
          />
          <NativeSelect
            label={t('workshopManage:followUpStatus')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as FollowUpStatus)}
            data={(['OPEN', 'DONE'] as const).map((s) => ({ value: s, label: t(`workshopManage:followUpStatus_${s}`) }))}
            w={{ base: '100%', sm: 160 }}
            data-testid={`follow-up-status-${id}`}
          />
          <Button type="submit" variant="outline" loading={loading} data-testid={`save-follow-up-${id}`}>
            {t('workshopManage:save')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {message && (
            <Text size="sm" c={message.ok ? 'teal.9' : 'red.9'}>
              {message.text}
            </Text>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

function FollowUps({ workshop, poll }: { workshop: RunWorkshop; poll: ManagePoll | null }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(FOLLOW_UPS, { variables: { workshopId: workshop.id }, fetchPolicy: 'cache-and-network' });
  const [carry, carryState] = useMutation(CARRY_TOP_ACTIONS);
  const [add, addState] = useMutation(SAVE_FOLLOW_UP);
  const [count, setCount] = useState<number | string>(Math.min(3, poll?.actions.length ?? 3) || 1);
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const followUps = data?.followUps ?? [];
  const canCarry = Boolean(poll && poll.results.length > 0);

  const carryTop = async () => {
    setMessage(null);
    const n = typeof count === 'number' ? count : Number.parseInt(count, 10);
    if (!Number.isFinite(n) || n < 1) {
      setMessage({ ok: false, text: t('workshopManage:carryCountInvalid') });
      return;
    }
    try {
      const result = await carry({ variables: { workshopId: workshop.id, count: n } });
      await refetch();
      setMessage({ ok: true, text: t('workshopManage:carried', { count: result.data?.carryTopActions.length ?? 0 }) });
    } catch (err) {
      setMessage({ ok: false, text: describeError(err, t).message });
    }
  };

  const addOne = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!title.trim()) {
      setMessage({ ok: false, text: t('workshopManage:followUpTitleRequired') });
      return;
    }
    try {
      await add({ variables: { workshopId: workshop.id, id: null, input: { title: title.trim(), status: 'OPEN' } } });
      setTitle('');
      await refetch();
      setMessage({ ok: true, text: t('workshopManage:followUpAdded') });
    } catch (err) {
      setMessage({ ok: false, text: describeError(err, t).message });
    }
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="follow-ups-title">
      <Title order={3} size="h4" id="follow-ups-title">
        {t('workshopManage:followUpsTitle')}
      </Title>
      <Text size="sm">{t('workshopManage:followUpsIntro')}</Text>
      {canCarry && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('workshopManage:carryCount')}
            value={count}
            onChange={setCount}
            min={1}
            max={Math.max(1, poll?.actions.length ?? 1)}
            allowDecimal={false}
            w={{ base: '100%', sm: 200 }}
            data-testid="carry-count"
          />
          <Button onClick={() => void carryTop()} loading={carryState.loading} data-testid="carry-top-actions">
            {t('workshopManage:carryTop')}
          </Button>
        </Group>
      )}
      <div role="status" aria-live="polite">
        {message && (
          <Alert color={message.ok ? 'teal.9' : 'red'} variant="outline" data-testid="follow-ups-notice">
            <Text c="dark.9">{message.text}</Text>
          </Alert>
        )}
      </div>
      {error && !data && (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      )}
      {followUps.length === 0 ? (
        <Text c="dark.6" data-testid="follow-ups-empty">
          {t('workshopManage:noFollowUps')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="follow-ups-list">
          {followUps.map((f) => (
            <FollowUpRow key={`${f.id}-${f.owner ?? ''}-${f.dueOn ?? ''}-${f.status}`} workshopId={workshop.id} followUp={f} />
          ))}
        </Stack>
      )}
      <form onSubmit={(e) => void addOne(e)} noValidate aria-label={t('workshopManage:addFollowUp')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('workshopManage:newFollowUp')}
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
            data-testid="new-follow-up-title"
          />
          <Button type="submit" variant="outline" loading={addState.loading} data-testid="add-follow-up">
            {t('workshopManage:addFollowUp')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/** Priorities: the poll's set-up, opening and closing, its results (chart, table, CSV) and the follow-up list. */
export function PrioritiesPanel({ workshop }: { workshop: RunWorkshop }) {
  const { t } = useTranslation();
  const poll = workshop.poll;
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openPoll, openState] = useMutation(OPEN_POLL);
  const [closePoll, closeState] = useMutation(CLOSE_POLL);
  const editable = !poll || (!poll.open && poll.ballots === 0);
  const state = !poll ? 'NONE' : poll.open ? 'OPEN' : poll.ballots > 0 ? 'CLOSED' : 'READY';

  const run = async (action: 'open' | 'close') => {
    setError(null);
    setNotice(null);
    try {
      if (action === 'open') await openPoll({ variables: { workshopId: workshop.id } });
      else await closePoll({ variables: { workshopId: workshop.id } });
      setNotice(t(action === 'open' ? 'workshopManage:pollOpened' : 'workshopManage:pollClosed'));
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };

  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="wrap" align="center">
        <Text fw={600} data-testid="poll-state" data-state={state}>
          {t(`workshopManage:pollState_${state}`)}
        </Text>
        {poll && !poll.open && (
          <Button onClick={() => void run('open')} loading={openState.loading} data-testid="open-poll">
            {t('workshopManage:openPoll')}
          </Button>
        )}
        {poll?.open && (
          <Button variant="outline" color="red.9" onClick={() => void run('close')} loading={closeState.loading} data-testid="close-poll">
            {t('workshopManage:closePoll')}
          </Button>
        )}
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal.9" variant="outline" data-testid="poll-notice">
            <Text c="dark.9">{notice}</Text>
          </Alert>
        )}
      </div>
      {error && (
        <Alert color="red" role="alert" data-testid="poll-run-error">
          {error}
        </Alert>
      )}
      {editable ? (
        <PollSetup key={poll ? `${poll.mode}-${poll.actions.map((a) => a.id).join()}` : 'new'} workshop={workshop} poll={poll} onSaved={setNotice} />
      ) : (
        poll && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('workshopManage:actionsTitle')}
            </Title>
            <Text size="sm">{t(`workshopManage:mode_${poll.mode}`)}</Text>
            <ol style={{ margin: 0 }} data-testid="poll-actions">
              {[...poll.actions]
                .sort((a, b) => a.position - b.position)
                .map((a) => (
                  <li key={a.id}>
                    <Text inherit>{a.title}</Text>
                  </li>
                ))}
            </ol>
          </Stack>
        )
      )}
      {poll && <PollResults workshop={workshop} poll={poll} />}
      <FollowUps workshop={workshop} poll={poll} />
    </Stack>
  );
}
