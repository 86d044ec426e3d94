import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { LocalizedFields } from '../../learning/shared/LocalizedFields';
import { topLevelFieldMessages } from '../../learning/shared/format';
import { draftFrom, emptyDraft, hasAnyText, inputFrom, type LocalizedDraft } from '../../learning/shared/localized';
import {
  DELETE_AGENDA_ITEM,
  DELETE_SESSION,
  SAVE_AGENDA_ITEM,
  SAVE_SESSION,
  type AgendaItemEditing,
  type SessionEditing,
  type WorkshopEditing,
} from '../operations-workshops';
import { formatRangeInZone, formatTimeInZone, utcToZonedInput, zonedInputToUtc } from '../shared/time';

interface TimedValues {
  startsAt: string;
  endsAt: string;
}

/** Start and end typed in the workshop's zone: both needed, the end after the start. */
export function validateTimes(values: TimedValues, zone: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const start = zonedInputToUtc(values.startsAt, zone);
  const end = zonedInputToUtc(values.endsAt, zone);
  if (!start) errors.startsAt = 'workshopsUi:errorStart';
  if (!end) errors.endsAt = 'workshopsUi:errorEnd';
  if (start && end && end <= start) errors.endsAt = 'workshopsUi:errorEndBeforeStart';
  return errors;
}

function TimeFields({ values, onChange, errors, zone, idPrefix }: { values: TimedValues; onChange: (v: TimedValues) => void; errors: Record<string, string>; zone: string; idPrefix: string }) {
  const { t } = useTranslation();
  const note = t('workshopsUi:timesInZone', { zone });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        id={`${idPrefix}-starts`}
        type="datetime-local"
        label={t('workshopsUi:startsAt')}
        description={note}
        value={values.startsAt}
        onChange={(event) => onChange({ ...values, startsAt: event.currentTarget.value })}
        error={errors.startsAt}
        required
        data-testid={`${idPrefix}-starts`}
      />
      <TextInput
        id={`${idPrefix}-ends`}
        type="datetime-local"
        label={t('workshopsUi:endsAt')}
        description={note}
        value={values.endsAt}
        onChange={(event) => onChange({ ...values, endsAt: event.currentTarget.value })}
        error={errors.endsAt}
        required
        data-testid={`${idPrefix}-ends`}
      />
    </SimpleGrid>
  );
}

function SessionForm({ workshop, session, onDone }: { workshop: WorkshopEditing; session: SessionEditing | null; onDone: () => void }) {
  const { t } = useTranslation();
  const zone = workshop.timeZone;
  const [title, setTitle] = useState<LocalizedDraft>(() => (session ? draftFrom(session.titleTranslations) : emptyDraft()));
  const [times, setTimes] = useState<TimedValues>(() => ({ startsAt: utcToZonedInput(session?.startsAt, zone), endsAt: utcToZonedInput(session?.endsAt, zone) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saveSession, saving] = useMutation(SAVE_SESSION);
  const idPrefix = `session-form-${session?.id ?? 'new'}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = validateTimes(times, zone);
    if (!hasAnyText(title)) found.title = 'workshopsUi:errorTitle';
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
    if (Object.keys(found).length > 0) return;
    try {
      await saveSession({
        variables: {
          workshopId: workshop.id,
          id: session?.id ?? null,
          input: { title: inputFrom(title), startsAt: zonedInputToUtc(times.startsAt, zone)!, endsAt: zonedInputToUtc(times.endsAt, zone)! },
        },
      });
      onDone();
    } catch (e) {
      setErrors(topLevelFieldMessages(apiFieldMessages(e)));
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${idPrefix}-heading`} data-testid="session-form">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={`${idPrefix}-heading`}>
            {session ? t('workshopsUi:editSessionHeading', { title: session.title }) : t('workshopsUi:newSessionHeading')}
          </Title>
          <LocalizedFields
            idPrefix={idPrefix}
            label={t('workshopsUi:sessionTextByLanguage')}
            fields={[{ name: 'title', label: t('workshopsUi:sessionTitle'), maxLength: 200 }]}
            values={{ title }}
            onChange={(_f, locale, value) => setTitle({ ...title, [locale]: value })}
            errors={errors}
          />
          <TimeFields values={times} onChange={setTimes} errors={errors} zone={zone} idPrefix={idPrefix} />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={saving.loading} data-testid="save-session">
              {t('workshopsUi:saveSession')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('workshopsUi:cancelEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AgendaItemForm({ workshop, session, item, onDone }: { workshop: WorkshopEditing; session: SessionEditing; item: AgendaItemEditing | null; onDone: () => void }) {
  const { t } = useTranslation();
  const zone = workshop.timeZone;
  const [text, setText] = useState<{ title: LocalizedDraft; description: LocalizedDraft }>(() => ({
    title: item ? draftFrom(item.titleTranslations) : emptyDraft(),
    description: item ? draftFrom(item.descriptionTranslations) : emptyDraft(),
  }));
  const [speakers, setSpeakers] = useState(item?.speakers ?? '');
  const [times, setTimes] = useState<TimedValues>(() => ({
    startsAt: utcToZonedInput(item?.startsAt ?? session.startsAt, zone),
    endsAt: utcToZonedInput(item?.endsAt ?? session.endsAt, zone),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saveItem, saving] = useMutation(SAVE_AGENDA_ITEM);
  const idPrefix = `agenda-form-${item?.id ?? `new-${session.id}`}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = validateTimes(times, zone);
    if (!hasAnyText(text.title)) found.title = 'workshopsUi:errorTitle';
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
    if (Object.keys(found).length > 0) return;
    try {
      await saveItem({
        variables: {
          id: item?.id ?? null,
          input: {
            sessionId: session.id,
            title: inputFrom(text.title),
            description: inputFrom(text.description),
            speakers: speakers.trim() || null,
            startsAt: zonedInputToUtc(times.startsAt, zone)!,
            endsAt: zonedInputToUtc(times.endsAt, zone)!,
          },
        },
      });
      onDone();
    } catch (e) {
      setErrors(topLevelFieldMessages(apiFieldMessages(e)));
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${idPrefix}-heading`} data-testid="agenda-form">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={4} size="h5" id={`${idPrefix}-heading`}>
            {item ? t('workshopsUi:editItemHeading', { title: item.title }) : t('workshopsUi:newItemHeading', { session: session.title })}
          </Title>
          <LocalizedFields
            idPrefix={idPrefix}
            label={t('workshopsUi:itemTextByLanguage')}
            fields={[
              { name: 'title', label: t('workshopsUi:itemTitle'), maxLength: 200 },
              { name: 'description', label: t('workshopsUi:itemDescription'), multiline: true, maxLength: 2000 },
            ]}
            values={text}
            onChange={(field, locale, value) => setText({ ...text, [field]: { ...text[field as 'title' | 'description'], [locale]: value } })}
            errors={errors}
          />
          <TextInput
            id={`${idPrefix}-speakers`}
            label={t('workshopsUi:speakers')}
            description={t('workshopsUi:speakersHelp')}
            value={speakers}
            onChange={(event) => setSpeakers(event.currentTarget.value)}
            error={errors.speakers}
            maxLength={500}
          />
          <TimeFields values={times} onChange={setTimes} errors={errors} zone={zone} idPrefix={idPrefix} />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={saving.loading} data-testid="save-agenda-item">
              {t('workshopsUi:saveItem')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('workshopsUi:cancelEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Sessions (each with its start and end) and the timed agenda items of each session. */
export function ProgrammeEditor({ workshop }: { workshop: WorkshopEditing }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const zone = workshop.timeZone;
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deleteSession] = useMutation(DELETE_SESSION);
  const [deleteItem] = useMutation(DELETE_AGENDA_ITEM);
  const sessions = [...workshop.sessions].sort((a, b) => a.position - b.position);

  const remove = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="md" data-testid="programme-editor">
      <Text size="sm">{t('workshopsUi:programmeHelp', { zone })}</Text>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {sessions.length === 0 && <Text data-testid="no-sessions">{t('workshopsUi:noSessions')}</Text>}
      {sessions.map((session, index) =>
        editing === `session:${session.id}` ? (
          <SessionForm key={session.id} workshop={workshop} session={session} onDone={() => setEditing(null)} />
        ) : (
          <Paper key={session.id} withBorder p="md" component="section" aria-labelledby={`edit-session-${session.id}`} data-testid="session-card">
            <Stack gap="sm">
              <Title order={3} size="h4" id={`edit-session-${session.id}`}>
                {t('workshopsUi:sessionHeading', { number: index + 1, title: session.title })}
              </Title>
              <Text size="sm" data-testid="session-times">
                {t('workshopsUi:timeWithZone', { time: formatRangeInZone(session.startsAt, session.endsAt, locale, zone), zone })}
              </Text>
              {session.checkInCode && <Text size="sm">{t('workshopsUi:checkInCode', { code: session.checkInCode })}</Text>}
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => setEditing(`session:${session.id}`)}>
                  {t('workshopsUi:editSession', { number: index + 1 })}
                </Button>
                {/* The last session of a published workshop cannot go: no button rather than a faint disabled one. */}
                {!(sessions.length === 1 && workshop.status !== 'DRAFT') && (
                  <Button variant="subtle" color="red" size="xs" onClick={() => void remove(() => deleteSession({ variables: { id: session.id } }))}>
                    {t('workshopsUi:deleteSession', { number: index + 1 })}
                  </Button>
                )}
              </Group>
              <Stack gap="xs">
                {[...session.agenda]
                  .sort((a, b) => a.position - b.position)
                  .map((item) =>
                    editing === `item:${item.id}` ? (
                      <AgendaItemForm key={item.id} workshop={workshop} session={session} item={item} onDone={() => setEditing(null)} />
                    ) : (
                      <Group key={item.id} gap="sm" wrap="wrap" justify="space-between" data-testid="agenda-item-row">
                        <Text miw={0} style={{ overflowWrap: 'anywhere' }}>
                          <Text span fw={600}>
                            {formatTimeInZone(item.startsAt, locale, zone)}–{formatTimeInZone(item.endsAt, locale, zone)}
                          </Text>{' '}
                          {item.title}
                          {item.speakers ? ` · ${item.speakers}` : ''}
                        </Text>
                        <Group gap="xs">
                          <Button variant="default" size="xs" onClick={() => setEditing(`item:${item.id}`)}>
                            {t('workshopsUi:editItem', { title: item.title })}
                          </Button>
                          <Button variant="subtle" color="red" size="xs" onClick={() => void remove(() => deleteItem({ variables: { id: item.id } }))}>
                            {t('workshopsUi:deleteItem', { title: item.title })}
                          </Button>
                        </Group>
                      </Group>
                    ),
                  )}
                {editing === `new-item:${session.id}` ? (
                  <AgendaItemForm workshop={workshop} session={session} item={null} onDone={() => setEditing(null)} />
                ) : (
                  <Group>
                    <Button variant="default" size="xs" onClick={() => setEditing(`new-item:${session.id}`)} data-testid="add-agenda-item">
                      {t('workshopsUi:addItem', { number: index + 1 })}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Stack>
          </Paper>
        ),
      )}
      {editing === 'new-session' ? (
        <SessionForm workshop={workshop} session={null} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button onClick={() => setEditing('new-session')} data-testid="add-session">
            {t('workshopsUi:addSession')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
