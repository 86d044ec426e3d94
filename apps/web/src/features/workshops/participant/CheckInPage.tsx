import { useId, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { CHECK_IN, CHECK_IN_WORKSHOP, type CheckInSession } from '../operations-participant';
import { formatRange, viewerTimeZone, workshopPath } from './components';

const CODE_PATTERN = /^[A-Z0-9]{6}$/;
const fieldsetStyle = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;
const legendStyle = { fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)', padding: 0, marginBottom: 8 } as const;

/** A typed code as the API compares it: letters and digits only, upper case. */
export function normaliseCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6);
}

/** The session to pre-select: the one whose check-in is open, else the next one to start, else the first. */
export function defaultSession(sessions: CheckInSession[], now = Date.now()): CheckInSession | null {
  const sorted = [...sessions].sort((a, b) => a.position - b.position);
  return sorted.find((s) => s.checkInOpen) ?? sorted.find((s) => new Date(s.endsAt).getTime() > now) ?? sorted[0] ?? null;
}

export default function CheckInPage() {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(CHECK_IN_WORKSHOP, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const [checkIn, { loading: sending }] = useMutation(CHECK_IN);
  const [chosen, setChosen] = useState<string | null>(null);
  const [code, setCode] = useState(() => normaliseCode(params.get('code') ?? ''));
  const [codeError, setCodeError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const workshop = data?.workshop;
  const zone = viewerTimeZone();

  const sessions = [...(workshop?.sessions ?? [])].sort((a, b) => a.position - b.position);
  const sessionId = chosen ?? defaultSession(sessions)?.id ?? null;
  const session = sessions.find((s) => s.id === sessionId) ?? null;
  const title = t('workshopParticipant:checkInTitle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    if (!CODE_PATTERN.test(code)) {
      setCodeError(t('workshopParticipant:codeInvalid'));
      document.getElementById(`${baseId}-code`)?.focus();
      return;
    }
    if (!session) return;
    try {
      await checkIn({ variables: { sessionId: session.id, code } });
      setDone(t('workshopParticipant:checkedIn', { session: session.title }));
      void refetch();
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  const body = () => {
    if (loading && !data) return <Loading label={t('nav:loading')} />;
    if (error && !data) {
      return (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      );
    }
    if (!workshop) return <Text data-testid="workshop-not-found">{t('workshopParticipant:workshopNotFound')}</Text>;
    const back = (
      <Anchor component={Link} to={workshopPath(workshop.slug)}>
        {t('workshopParticipant:backToWorkshop', { title: workshop.title })}
      </Anchor>
    );
    if (workshop.myRegistration?.status !== 'CONFIRMED') {
      return (
        <Stack gap="sm">
          <Text data-testid="check-in-not-confirmed">{t('workshopParticipant:checkInConfirmedOnly')}</Text>
          {back}
        </Stack>
      );
    }
    if (sessions.length === 0) return <Text>{t('workshopParticipant:noSessions')}</Text>;
    return (
      <Stack gap="md" maw={560}>
        <Text>{t('workshopParticipant:checkInIntro')}</Text>
        <div role="status" aria-live="polite">
          {done && (
            <Alert color="teal.9" variant="outline" data-testid="check-in-success">
              <Text c="dark.9">{done}</Text>
            </Alert>
          )}
        </div>
        {failure && (
          <Alert color="red" role="alert" data-testid="check-in-error">
            {failure}
          </Alert>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={title} data-testid="check-in-form">
          <Stack gap="md">
            <fieldset style={fieldsetStyle}>
              <legend style={legendStyle}>{t('workshopParticipant:chooseSession')}</legend>
              <Stack gap="sm">
                {sessions.map((s) => (
                  <Radio
                    key={s.id}
                    name={`${baseId}-session`}
                    value={s.id}
                    checked={s.id === sessionId}
                    onChange={() => {
                      setChosen(s.id);
                      setFailure(null);
                    }}
                    data-testid="check-in-session"
                    label={
                      <span>
                        <Text span fw={600} display="block">
                          {s.title}
                        </Text>
                        <Text span size="sm" display="block">
                          {formatRange(s.startsAt, s.endsAt, i18n.language, zone)}
                        </Text>
                        <Text span size="sm" display="block" c={s.checkInOpen ? 'teal.9' : 'gray.8'}>
                          {s.attendedByMe
                            ? t('workshopParticipant:alreadyCheckedIn')
                            : s.checkInOpen
                              ? t('workshopParticipant:checkInOpenNow')
                              : t('workshopParticipant:checkInClosedNow')}
                        </Text>
                      </span>
                    }
                  />
                ))}
              </Stack>
            </fieldset>
            <TextInput
              id={`${baseId}-code`}
              label={t('workshopParticipant:codeLabel')}
              description={t('workshopParticipant:codeHint')}
              value={code}
              onChange={(e) => {
                setCode(normaliseCode(e.currentTarget.value));
                setCodeError(null);
              }}
              error={codeError}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={6}
              styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.2em', textTransform: 'uppercase' } }}
              w={220}
              data-testid="check-in-code"
            />
            <Button type="submit" loading={sending} w="fit-content" data-testid="check-in-submit">
              {t('workshopParticipant:checkInSubmit')}
            </Button>
          </Stack>
        </form>
        {back}
      </Stack>
    );
  };

  return (
    <Page title={title} heading={workshop ? t('workshopParticipant:checkInHeading', { title: workshop.title }) : title}>
      {body()}
    </Page>
  );
}
