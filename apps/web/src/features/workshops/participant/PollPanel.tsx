import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ChartFigure } from '../../../app/charts/ChartFigure';
import { SortableList } from '../../learning/shared/SortableList';
import { POLL_PANEL_WORKSHOP, SUBMIT_BALLOT, type PollActionFields, type PollFields } from '../operations-participant';

const fieldsetStyle = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;
const legendStyle = { fontWeight: 600, padding: 0, marginBottom: 8 } as const;

/** The actions in the order of the person's saved ballot (RANK), the organisers' order otherwise. */
export function initialOrder(poll: Pick<PollFields, 'actions' | 'myBallot' | 'mode'>): string[] {
  const byPosition = [...poll.actions].sort((a, b) => a.position - b.position).map((a) => a.id);
  if (poll.mode !== 'RANK' || !poll.myBallot?.length) return byPosition;
  const saved = poll.myBallot.filter((id) => byPosition.includes(id));
  return [...saved, ...byPosition.filter((id) => !saved.includes(id))];
}

function PollResults({ poll }: { poll: PollFields }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const rows = [...poll.results].sort((a, b) => a.rank - b.rank || b.points - a.points);
  const pointsLabel = t('workshopParticipant:colPoints');
  const title = t('workshopParticipant:resultsTitle');
  return (
    <Stack gap="xs" data-testid="poll-results">
      <Text size="sm">
        {t(poll.mode === 'RANK' ? 'workshopParticipant:methodBorda' : 'workshopParticipant:methodVotes')}{' '}
        {t('workshopParticipant:ballotsCount', { count: poll.ballots, ballots: number.format(poll.ballots) })}
      </Text>
      <ChartFigure
        id="poll-results"
        testId="poll-results-figure"
        title={title}
        chartLabel={t('workshopParticipant:chartLabel', { title })}
        chart={
          <BarChart
            h={Math.max(140, rows.length * 40 + 40)}
            data={rows.map((r) => ({ label: r.action.title, points: r.points }))}
            dataKey="label"
            orientation="vertical"
            series={[{ name: 'points', label: pointsLabel, color: 'blue.8' }]}
            valueFormatter={(v: number) => number.format(v)}
            yAxisProps={{ width: 140 }}
            gridAxis="x"
            withTooltip={false}
            withBarValueLabel
            accessibilityLayer={false}
          />
        }
        columns={[t('workshopParticipant:colRank'), t('workshopParticipant:colAction'), pointsLabel, t('workshopParticipant:colBallots')]}
        rows={rows.map((r) => ({ key: r.action.id, cells: [number.format(r.rank), r.action.title, number.format(r.points), number.format(r.ballots)] }))}
        empty={<Text c="dimmed">{t('workshopParticipant:noBallots')}</Text>}
      />
    </Stack>
  );
}

function ActionText({ action }: { action: PollActionFields }) {
  return (
    <Stack gap={2}>
      <Text fw={600} className="break-anywhere">
        {action.title}
      </Text>
      {action.description && (
        <Text size="sm" className="break-anywhere">
          {action.description}
        </Text>
      )}
    </Stack>
  );
}

function Ballot({ workshopId, poll, onSaved }: { workshopId: string; poll: PollFields; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  const number = new Intl.NumberFormat(i18n.language);
  const [order, setOrder] = useState<string[]>(() => initialOrder(poll));
  const [votes, setVotes] = useState<string[]>(() => (poll.mode === 'VOTE' ? (poll.myBallot ?? []) : []));
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [submit, { loading }] = useMutation(SUBMIT_BALLOT);
  const byId = useMemo(() => new Map(poll.actions.map((a) => [a.id, a])), [poll.actions]);
  const ordered = useMemo(() => order.map((id) => byId.get(id)).filter((a): a is PollActionFields => !!a), [order, byId]);
  const maxVotes = poll.maxVotes ?? poll.actions.length;
  useEffect(() => setOrder(initialOrder(poll)), [poll]);

  const getId = useCallback((a: PollActionFields) => a.id, []);
  const getName = useCallback((a: PollActionFields) => a.title, []);
  const move = (action: PollActionFields, position: number) => {
    setSaved(false);
    setOrder((current) => {
      const next = current.filter((id) => id !== action.id);
      next.splice(position, 0, action.id);
      return next;
    });
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    if (poll.mode === 'VOTE' && votes.length === 0) {
      setFailure(t('workshopParticipant:chooseAtLeastOne'));
      return;
    }
    try {
      await submit({ variables: { workshopId, actionIds: poll.mode === 'RANK' ? order : votes } });
      setSaved(true);
      onSaved();
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby={`${baseId}-legend`} data-testid="ballot-form" data-mode={poll.mode}>
      <Stack gap="md">
        {poll.mode === 'RANK' ? (
          <Box>
            <Text fw={600} id={`${baseId}-legend`}>
              {t('workshopParticipant:rankLegend')}
            </Text>
            <Text size="sm" mb="xs">
              {t('workshopParticipant:rankHelp')}
            </Text>
            <SortableList
              items={ordered}
              getId={getId}
              getName={getName}
              onMove={move}
              busy={loading}
              testId="rank-list"
              renderItem={(action, index) => (
                <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="rank-item" data-action-id={action.id}>
                  <Text fw={700} miw={24} aria-hidden="true">
                    {number.format(index + 1)}.
                  </Text>
                  <ActionText action={action} />
                </Group>
              )}
            />
          </Box>
        ) : (
          <fieldset style={fieldsetStyle} data-testid="vote-list">
            <legend style={legendStyle} id={`${baseId}-legend`}>
              {t('workshopParticipant:voteLegend', { count: maxVotes, max: number.format(maxVotes) })}
            </legend>
            <Stack gap="xs">
              {[...poll.actions]
                .sort((a, b) => a.position - b.position)
                .map((action) => {
                  const checked = votes.includes(action.id);
                  return (
                    <Checkbox
                      key={action.id}
                      label={action.title}
                      description={action.description || undefined}
                      checked={checked}
                      disabled={!checked && votes.length >= maxVotes}
                      onChange={(e) => {
                        setSaved(false);
                        const on = e.currentTarget.checked;
                        setVotes((current) => (on ? [...current, action.id] : current.filter((id) => id !== action.id)));
                      }}
                    />
                  );
                })}
            </Stack>
            <Text size="sm" mt="xs" aria-live="polite" data-testid="votes-used">
              {t('workshopParticipant:votesUsed', { used: number.format(votes.length), max: number.format(maxVotes) })}
            </Text>
          </fieldset>
        )}
        <div role="status" aria-live="polite">
          {saved && (
            <Alert color="teal.9" variant="outline" data-testid="ballot-saved">
              <Text c="dark.9">{t('workshopParticipant:ballotSaved')}</Text>
            </Alert>
          )}
        </div>
        {failure && (
          <Alert color="red" role="alert" data-testid="ballot-error">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={loading} w="fit-content" data-testid="submit-ballot">
          {poll.myBallot?.length ? t('workshopParticipant:updateBallot') : t('workshopParticipant:submitBallot')}
        </Button>
      </Stack>
    </form>
  );
}

/** The priority poll of a workshop: the ballot for confirmed participants while open, and the results once visible. */
export function PollPanel({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, error, refetch } = useQuery(POLL_PANEL_WORKSHOP, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const workshop = data?.workshop;
  const poll = workshop?.poll;
  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  }
  if (!workshop || !poll || poll.actions.length === 0) return null;
  const confirmed = workshop.myRegistration?.status === 'CONFIRMED';
  const canVote = confirmed && poll.open;
  const showResults = poll.results.length > 0 && (!poll.open || workshop.canManage);
  if (!canVote && !showResults && !poll.open) return null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="poll-panel">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t('workshopParticipant:pollTitle')}
        </Title>
        {poll.open ? (
          <Text size="sm" data-testid="poll-state">
            {t('workshopParticipant:pollOpen')}
          </Text>
        ) : (
          <Text size="sm" data-testid="poll-state">
            {t('workshopParticipant:pollClosed')}
          </Text>
        )}
        {canVote ? (
          <Ballot workshopId={workshop.id} poll={poll} onSaved={() => void refetch()} />
        ) : (
          poll.open && !workshop.canManage && <Text data-testid="poll-confirmed-only">{t('workshopParticipant:pollConfirmedOnly')}</Text>
        )}
        {showResults && <PollResults poll={poll} />}
      </Stack>
    </Card>
  );
}

export default PollPanel;
