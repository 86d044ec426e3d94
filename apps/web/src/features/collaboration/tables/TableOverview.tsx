import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, List, Modal, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title, Typography } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_LIMITS, countryName } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../learning/shared/format';
import { utcToZonedInput } from '../../workshops/shared/time';
import {
  ADD_TABLE_PARTICIPANTS,
  CLOSE_TABLE,
  COLLABORATION_MODERATORS,
  CONFIRM_TABLE_PARTY,
  DECLINE_TABLE_PARTY,
  REMOVE_TABLE_PARTICIPANT,
  RESUBMIT_TABLE_REQUEST,
  REVIEW_DECISIONS,
  REVIEW_TABLE,
  TABLE_REVIEW_QUEUE,
  UPDATE_TABLE_REQUEST,
  type TableEventFields,
  type TableFields,
  type TablePartyFields,
  type TableReviewDecision,
} from '../operations-tables';
import { EmailListField, PartyStatusBadge, TableDetailsFields, useTableMoment } from './components';
import { detailsInput, invalidEmail, parseEmailList, serverFieldMessages, validateTableDetails, type TableDetailsValues } from './validation';

/** A form's outcome: the API's per-field messages and the message a person can act on. */
interface Outcome {
  fields: Record<string, string>;
  failure: string | null;
}
const NO_OUTCOME: Outcome = { fields: {}, failure: null };

function useFocusFirstInvalid(outcome: Outcome) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (outcome.failure) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [outcome]);
  return ref;
}

function Failure({ outcome, testId }: { outcome: Outcome; testId: string }) {
  if (!outcome.failure) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {outcome.failure}
    </Alert>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm" data-testid={testId}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Everything about a table but its work: the request, the parties and their lists, the decisions, the history. */
export function TableOverview({ table }: { table: TableFields }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Stack gap="xl">
      <div role="status">
        {notice && (
          <Text c="dark.7" fw={500} data-testid="table-notice">
            {notice}
          </Text>
        )}
      </div>
      {table.reviewNote && table.status !== 'OPEN' && table.status !== 'CLOSED' && (
        <Alert color={table.status === 'DECLINED' ? 'red' : 'grape'} title={t('collaboration:reviewNoteTitle')} data-testid="review-note">
          <Text style={{ whiteSpace: 'pre-line' }}>{table.reviewNote}</Text>
        </Alert>
      )}
      <TableDetails table={table} />
      {table.canEdit && <RequestEditor table={table} onDone={setNotice} />}
      {table.canReview && <ReviewPanel table={table} onDone={setNotice} />}
      <Section title={t('collaboration:partiesTitle')} testId="parties">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {table.parties.map((party) => (
            <PartyCard key={party.id} table={table} party={party} onDone={setNotice} />
          ))}
        </SimpleGrid>
      </Section>
      {table.canClose && <CloseTable table={table} onDone={setNotice} />}
      <Section title={t('collaboration:historyTitle')} testId="history">
        <History events={table.history} />
      </Section>
    </Stack>
  );
}

function TableDetails({ table }: { table: TableFields }) {
  const { t, i18n } = useTranslation();
  const moment = useTableMoment();
  return (
    <Section title={t('collaboration:aboutTitle')} testId="table-details">
      <Stack gap={4}>
        <Text>
          <Text component="span" fw={700}>
            {t('collaboration:firstSession')}
          </Text>{' '}
          <span data-testid="first-session">{moment(table.firstSessionAt, table.timeZone)}</span>
        </Text>
        {table.requestingOrganisation && (
          <Text size="sm">
            {t('collaboration:requestedBy', {
              name: table.requesterName ?? '—',
              organisation: `${table.requestingOrganisation.name} (${countryName(table.requestingOrganisation.countryCode, i18n.language)})`,
              date: formatDate(table.requestedAt, i18n.language),
            })}
          </Text>
        )}
        <Text size="sm" data-testid="table-moderator">
          {table.moderator ? t('collaboration:moderatedBy', { name: table.moderator.name }) : t('collaboration:noModeratorYet')}
        </Text>
        {table.closedAt && <Text size="sm">{t('collaboration:closedOn', { date: formatDate(table.closedAt, i18n.language) })}</Text>}
      </Stack>
      <Title order={3} size="h4">
        {t('collaboration:purpose')}
      </Title>
      {/* Rendered from Markdown and sanitised by the server. */}
      <Typography>
        <div className="break-anywhere" data-testid="table-description" dangerouslySetInnerHTML={{ __html: table.descriptionHtml }} />
      </Typography>
      <Title order={3} size="h4">
        {t('collaboration:agenda')}
      </Title>
      <Typography>
        <div className="break-anywhere" data-testid="table-agenda" dangerouslySetInnerHTML={{ __html: table.agendaHtml }} />
      </Typography>
    </Section>
  );
}

function detailsOf(table: TableFields): TableDetailsValues {
  return { title: table.title, description: table.description, agenda: table.agenda, timeZone: table.timeZone, firstSessionAt: utcToZonedInput(table.firstSessionAt, table.timeZone) };
}

/** The requesting side edits the request while it is under review, and resubmits it after changes were asked for. */
function RequestEditor({ table, onDone }: { table: TableFields; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(table.canResubmit);
  const [values, setValues] = useState<TableDetailsValues>(() => detailsOf(table));
  const [outcome, setOutcome] = useState<Outcome>(NO_OUTCOME);
  const formRef = useFocusFirstInvalid(outcome);
  const [update, updating] = useMutation(UPDATE_TABLE_REQUEST);
  const [resubmit, resubmitting] = useMutation(RESUBMIT_TABLE_REQUEST);

  const send = async (mode: 'save' | 'resubmit') => {
    const problems = validateTableDetails(values);
    if (Object.keys(problems).length) {
      setOutcome({ fields: Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params ?? {})])), failure: t('collaboration:fixErrors') });
      return;
    }
    setOutcome(NO_OUTCOME);
    try {
      const input = detailsInput(values);
      if (mode === 'save') await update({ variables: { id: table.id, input } });
      else await resubmit({ variables: { id: table.id, input }, refetchQueries: [TABLE_REVIEW_QUEUE] });
      setOpen(false);
      onDone(t(mode === 'save' ? 'collaboration:savedNotice' : 'collaboration:resubmittedNotice'));
    } catch (error) {
      setOutcome({ fields: serverFieldMessages(error), failure: describeError(error, t).message });
    }
  };

  return (
    <Section title={t(table.canResubmit ? 'collaboration:resubmitTitle' : 'collaboration:editTitle')} testId="request-editor">
      {table.canResubmit && <Text>{t('collaboration:resubmitIntro')}</Text>}
      {!open ? (
        <Group>
          <Button variant="default" onClick={() => setOpen(true)} data-testid="edit-request">
            {t('collaboration:editRequest')}
          </Button>
        </Group>
      ) : (
        <form
          ref={formRef}
          noValidate
          data-testid="edit-request-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void send(table.canResubmit ? 'resubmit' : 'save');
          }}
        >
          <Stack gap="md">
            <TableDetailsFields idPrefix="edit" values={values} errors={outcome.fields} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} />
            <Failure outcome={outcome} testId="edit-failure" />
            <Group gap="sm" wrap="wrap">
              {table.canResubmit && (
                <Button type="submit" loading={resubmitting.loading} data-testid="resubmit-request">
                  {t('collaboration:saveAndResubmit')}
                </Button>
              )}
              <Button
                type={table.canResubmit ? 'button' : 'submit'}
                variant={table.canResubmit ? 'default' : 'filled'}
                loading={updating.loading}
                onClick={table.canResubmit ? () => void send('save') : undefined}
                data-testid="save-request"
              >
                {t('collaboration:saveChanges')}
              </Button>
              <Button
                variant="subtle"
                color="dark"
                onClick={() => {
                  setValues(detailsOf(table));
                  setOutcome(NO_OUTCOME);
                  setOpen(false);
                }}
              >
                {t('collaboration:cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}

/** A moderator's decision: approve with a moderator, ask for changes or decline (both with a note). */
function ReviewPanel({ table, onDone }: { table: TableFields; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [decision, setDecision] = useState<TableReviewDecision | null>(null);
  const [moderatorId, setModeratorId] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(NO_OUTCOME);
  const formRef = useFocusFirstInvalid(outcome);
  const moderators = useQuery(COLLABORATION_MODERATORS);
  const [review, { loading }] = useMutation(REVIEW_TABLE);
  const pending = table.parties.filter((p) => p.role === 'INVITED' && p.status === 'PENDING').length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!decision) fields.decision = t('collaboration:decisionRequired');
    if (decision === 'APPROVE' && !moderatorId) fields.moderatorId = t('collaboration:moderatorRequired');
    if (decision && decision !== 'APPROVE' && !note.trim()) fields.note = t('collaboration:noteRequired');
    if (Object.keys(fields).length) {
      setOutcome({ fields, failure: t('collaboration:fixErrors') });
      return;
    }
    setOutcome(NO_OUTCOME);
    try {
      await review({
        variables: { id: table.id, input: { decision: decision!, moderatorId: decision === 'APPROVE' ? moderatorId : null, note: note.trim() || null } },
        refetchQueries: [TABLE_REVIEW_QUEUE],
      });
      const text = t(`collaboration:decidedNotice_${decision!}`, { title: table.title });
      // An approved table belongs to its moderator: a reviewer who was not assigned no longer sees it.
      if (decision === 'APPROVE') navigate('/manage/tables', { state: { notice: text } });
      else onDone(text);
    } catch (error) {
      setOutcome({ fields: serverFieldMessages(error), failure: describeError(error, t).message });
    }
  };

  return (
    <Section title={t('collaboration:reviewTitle')} testId="review-panel">
      {pending > 0 && (
        <Alert color="orange" data-testid="review-pending">
          {t('collaboration:reviewPending', { number: pending })}
        </Alert>
      )}
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} data-testid="review-form">
        <Stack gap="md">
          <Radio.Group
            label={t('collaboration:decision')}
            value={decision ?? ''}
            onChange={(value) => setDecision(value as TableReviewDecision)}
            error={outcome.fields.decision}
            required
          >
            <Stack gap="xs" mt="xs">
              {REVIEW_DECISIONS.map((value) => (
                <Radio key={value} value={value} label={t(`collaboration:decision_${value}`)} data-testid={`decision-${value}`} />
              ))}
            </Stack>
          </Radio.Group>
          {decision === 'APPROVE' && (
            <NativeSelect
              label={t('collaboration:fieldModerator')}
              description={t('collaboration:fieldModeratorHelp')}
              value={moderatorId}
              onChange={(event) => setModeratorId(event.currentTarget.value)}
              data={[{ value: '', label: t('collaboration:chooseModerator'), disabled: true }, ...(moderators.data?.collaborationModerators ?? []).map((m) => ({ value: m.id, label: m.name }))]}
              error={outcome.fields.moderatorId}
              required
              data-testid="moderator-select"
            />
          )}
          <Textarea
            label={t('collaboration:fieldReviewNote')}
            description={t(decision === 'APPROVE' ? 'collaboration:fieldReviewNoteOptional' : 'collaboration:fieldReviewNoteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={outcome.fields.note}
            maxLength={COLLABORATION_LIMITS.reasonMax}
            autosize
            minRows={2}
            data-testid="review-note-input"
          />
          <Failure outcome={outcome} testId="review-failure" />
          <Group>
            <Button type="submit" loading={loading} data-testid="record-decision">
              {t('collaboration:recordDecision')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** One organisation of the table: its answer, its list, and what the reader may do with them. */
function PartyCard({ table, party, onDone }: { table: TableFields; party: TablePartyFields; onDone: (notice: string) => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const editable = party.canEditParticipants;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="party" data-party={party.organisationId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={0}>
            <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {party.organisationName}
            </Title>
            <Text size="sm" c="dark.6">
              {countryName(party.countryCode, i18n.language)} · {t(`collaboration:partyRole_${party.role}`)}
            </Text>
          </Stack>
          <PartyStatusBadge status={party.status} />
        </Group>
        {party.respondedAt && party.role === 'INVITED' && (
          <Text size="sm">{t('collaboration:respondedOn', { date: formatDate(party.respondedAt, i18n.language) })}</Text>
        )}
        {party.participants.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('collaboration:participantsOf', { organisation: party.organisationName })}
            </Text>
            <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} data-testid="participants">
              {party.participants.map((person) => (
                <Group component="li" key={person.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="participant">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {person.name}
                  </Text>
                  {editable && party.participants.length > 1 && <RemoveParticipant table={table} participantId={person.id} name={person.name} onDone={onDone} />}
                </Group>
              ))}
            </Stack>
          </Stack>
        ) : (
          party.status !== 'DECLINED' && (
            <Text size="sm" c="dark.6">
              {t('collaboration:noParticipantsYet')}
            </Text>
          )
        )}
        {party.canAnswer && <AnswerForms table={table} party={party} onDone={onDone} />}
        {editable && <AddParticipants table={table} party={party} onDone={onDone} />}
      </Stack>
    </Paper>
  );
}

function RemoveParticipant({ table, participantId, name, onDone }: { table: TableFields; participantId: string; name: string; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [remove, { loading }] = useMutation(REMOVE_TABLE_PARTICIPANT);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Stack gap={2} align="flex-end">
      <Button
        size="compact-sm"
        variant="subtle"
        // A shade on a subtle button is capped at 6 by Mantine (3.3:1 on white); the plain colour
        // takes the theme's primary shade 9.
        color="red"
        loading={loading}
        aria-label={t('collaboration:removeParticipant', { name })}
        data-testid="remove-participant"
        onClick={() =>
          void remove({ variables: { id: table.id, participantId } })
            .then(() => onDone(t('collaboration:removedNotice', { name })))
            .catch((error: unknown) => setFailure(describeError(error, t).message))
        }
      >
        {t('collaboration:remove')}
      </Button>
      {failure && (
        <Text size="xs" c="red.9" role="alert">
          {failure}
        </Text>
      )}
    </Stack>
  );
}

/** An invited party's representative or focal point confirms with its list, or declines. */
function AnswerForms({ table, party, onDone }: { table: TableFields; party: TablePartyFields; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [emails, setEmails] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(NO_OUTCOME);
  const formRef = useFocusFirstInvalid(outcome);
  const [confirm, confirming] = useMutation(CONFIRM_TABLE_PARTY);
  const [decline, declining] = useMutation(DECLINE_TABLE_PARTY);

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    const list = parseEmailList(emails);
    const bad = invalidEmail(list);
    if (!list.length || bad) {
      const message = bad ? t('collaboration:participantEmailInvalid', { email: bad }) : t('collaboration:participantsRequired');
      setOutcome({ fields: { participantEmails: message }, failure: t('collaboration:fixErrors') });
      return;
    }
    setOutcome(NO_OUTCOME);
    try {
      await confirm({ variables: { id: table.id, partyId: party.id, participantEmails: list } });
      onDone(t('collaboration:confirmedNotice', { organisation: party.organisationName }));
    } catch (error) {
      setOutcome({ fields: serverFieldMessages(error), failure: describeError(error, t).message });
    }
  };

  const onDecline = async () => {
    setOutcome(NO_OUTCOME);
    try {
      await decline({ variables: { id: table.id, partyId: party.id, note: note.trim() || null } });
      onDone(t('collaboration:declinedNotice', { organisation: party.organisationName }));
    } catch (error) {
      setOutcome({ fields: serverFieldMessages(error), failure: describeError(error, t).message });
    }
  };

  return (
    <Stack gap="sm" data-testid="answer-forms">
      <Text size="sm">{t('collaboration:answerIntro', { organisation: party.organisationName })}</Text>
      <form ref={formRef} noValidate onSubmit={(event) => void onConfirm(event)} data-testid="confirm-form">
        <Stack gap="sm">
          <EmailListField
            label={t('collaboration:fieldPartyParticipants')}
            description={t('collaboration:fieldPartyParticipantsHelp')}
            value={emails}
            onChange={setEmails}
            error={outcome.fields.participantEmails}
            testId="confirm-participants"
            required
          />
          <Group>
            <Button type="submit" loading={confirming.loading} data-testid="confirm-party">
              {t('collaboration:confirmParty')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="sm">
        <Textarea
          label={t('collaboration:fieldDeclineNote')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={outcome.fields.note}
          maxLength={COLLABORATION_LIMITS.reasonMax}
          autosize
          minRows={2}
          data-testid="decline-note"
        />
        <Group>
          <Button variant="outline" color="red.9" loading={declining.loading} onClick={() => void onDecline()} data-testid="decline-party">
            {t('collaboration:declineParty')}
          </Button>
        </Group>
      </Stack>
      <Failure outcome={outcome} testId="answer-failure" />
    </Stack>
  );
}

function AddParticipants({ table, party, onDone }: { table: TableFields; party: TablePartyFields; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [emails, setEmails] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(NO_OUTCOME);
  const formRef = useFocusFirstInvalid(outcome);
  const [add, { loading }] = useMutation(ADD_TABLE_PARTICIPANTS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = parseEmailList(emails);
    const bad = invalidEmail(list);
    if (!list.length || bad) {
      const message = bad ? t('collaboration:participantEmailInvalid', { email: bad }) : t('collaboration:participantsRequired');
      setOutcome({ fields: { participantEmails: message }, failure: t('collaboration:fixErrors') });
      return;
    }
    setOutcome(NO_OUTCOME);
    try {
      await add({ variables: { id: table.id, partyId: party.id, participantEmails: list } });
      setEmails('');
      onDone(t('collaboration:addedNotice', { organisation: party.organisationName }));
    } catch (error) {
      setOutcome({ fields: serverFieldMessages(error), failure: describeError(error, t).message });
    }
  };

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} data-testid="add-participants-form">
      <Stack gap="sm">
        <EmailListField
          label={t('collaboration:fieldAddParticipants', { organisation: party.organisationName })}
          description={t('collaboration:fieldAddParticipantsHelp')}
          value={emails}
          onChange={setEmails}
          error={outcome.fields.participantEmails}
          testId="add-participants"
        />
        <Failure outcome={outcome} testId="add-failure" />
        <Group>
          <Button type="submit" variant="default" loading={loading} data-testid="add-participants-submit">
            {t('collaboration:addParticipants')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The moderator or an administrator closes the table after confirming; it stays readable as an archive. */
function CloseTable({ table, onDone }: { table: TableFields; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [close, { loading }] = useMutation(CLOSE_TABLE);

  const confirmClose = async () => {
    setFailure(null);
    try {
      await close({ variables: { id: table.id, note: note.trim() || null } });
      setOpened(false);
      onDone(t('collaboration:closedNotice', { title: table.title }));
    } catch (error) {
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Section title={t('collaboration:closeTitle')} testId="close-section">
      <Text>{t('collaboration:closeIntro')}</Text>
      <Group>
        <Button variant="outline" color="red.9" onClick={() => setOpened(true)} data-testid="close-table">
          {t('collaboration:closeTable')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('collaboration:closeDialogTitle')} closeButtonProps={{ 'aria-label': t('collaboration:cancel') }}>
        <Stack gap="md">
          <Text>{t('collaboration:closeDialogBody', { title: table.title })}</Text>
          <Textarea
            label={t('collaboration:fieldCloseNote')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={COLLABORATION_LIMITS.reasonMax}
            autosize
            minRows={2}
            data-testid="close-note"
          />
          {failure && (
            <Alert color="red" role="alert" data-testid="close-failure">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('collaboration:cancel')}
            </Button>
            <Button color="red.9" loading={loading} onClick={() => void confirmClose()} data-testid="confirm-close">
              {t('collaboration:closeTable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}

const KNOWN_ACTIONS = ['REQUESTED', 'EDITED', 'RESUBMITTED', 'PARTY_CONFIRMED', 'PARTY_DECLINED', 'PARTICIPANTS_ADDED', 'PARTICIPANT_REMOVED', 'APPROVED', 'CHANGES_REQUESTED', 'DECLINED', 'CLOSED'];

function History({ events }: { events: TableEventFields[] }) {
  const { t, i18n } = useTranslation();
  if (!events.length) return <Text c="dark.6">{t('collaboration:historyEmpty')}</Text>;
  return (
    <List spacing="xs" listStyleType="none" p={0} data-testid="table-history">
      {events.map((event) => (
        <List.Item key={event.id} data-testid="history-event" data-action={event.action}>
          <Text size="sm">
            <Text component="span" c="dark.6">
              {formatDateTime(event.at, i18n.language)}
            </Text>
            {' · '}
            <Text component="span" fw={700}>
              {event.actorName}
            </Text>{' '}
            {KNOWN_ACTIONS.includes(event.action)
              ? t(`collaboration:event_${event.action}`, { organisation: event.organisationName ?? '', person: event.personName ?? '', number: event.count ?? 0 })
              : t('collaboration:event_other', { action: event.action })}
          </Text>
          {event.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} pl="md">
              {event.note}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
