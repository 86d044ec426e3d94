import { useId, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Checkbox, Group, Modal, Radio, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { signInPathFor } from '../../../app/sign-in-path';
import { describeError } from '../../../app/errors';
import { Loading } from '../../../app/Loading';
import {
  ACCEPT_SEAT_OFFER,
  CANCELLABLE,
  CANCEL_REGISTRATION,
  REGISTER_FOR_WORKSHOP,
  REGISTRATION_PANEL_WORKSHOP,
  type MyRegistrationFields,
  type RegistrationAnswerInput,
  type RegistrationPanelWorkshop,
  type RegistrationQuestionFields,
} from '../operations-participant';
import { CalendarLinks, RegistrationStatusBadge, WorkshopCertificateLinks, formatMoment } from './components';

const legendStyle = { fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)', padding: 0, marginBottom: 8 } as const;
const fieldsetStyle = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;

export type Answers = Record<string, string>;

/** The questions a registrant left unanswered (required text and choice, consent that must be given). */
export function missingAnswers(questions: RegistrationQuestionFields[], answers: Answers): string[] {
  return questions
    .filter((q) => q.required)
    .filter((q) => (q.type === 'CONSENT' ? answers[q.id] !== 'true' : !(answers[q.id] ?? '').trim()))
    .map((q) => q.id);
}

/** Answers as the API takes them: consent always as "true"/"false", empty optional answers left out. */
export function answersInput(questions: RegistrationQuestionFields[], answers: Answers): RegistrationAnswerInput[] {
  return questions.flatMap((q) => {
    if (q.type === 'CONSENT') return [{ questionId: q.id, value: answers[q.id] === 'true' ? 'true' : 'false' }];
    const value = (answers[q.id] ?? '').trim();
    return value ? [{ questionId: q.id, value }] : [];
  });
}

function RequiredMark() {
  const { t } = useTranslation();
  return (
    <>
      <Text span c="red.9" aria-hidden="true" ml={4}>
        *
      </Text>
      <VisuallyHidden>{` (${t('workshopParticipant:required')})`}</VisuallyHidden>
    </>
  );
}

function RegistrationForm({ workshop, onRegistered }: { workshop: RegistrationPanelWorkshop; onRegistered: (registration: MyRegistrationFields) => void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const formTitleId = `${baseId}-title`;
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries((workshop.myRegistration?.answers ?? []).map((a) => [a.questionId, a.value])));
  const [consentToList, setConsentToList] = useState(workshop.myRegistration?.consentToList ?? false);
  const [missing, setMissing] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [register, { loading }] = useMutation(REGISTER_FOR_WORKSHOP);
  const questions = [...workshop.questions].sort((a, b) => a.position - b.position);
  const full = workshop.seatsLeft !== null && workshop.seatsLeft <= 0;
  const fieldId = (id: string) => `${baseId}-q-${id}`;
  const errorId = (id: string) => `${baseId}-err-${id}`;

  const answer = (id: string, value: string) => {
    setMissing((m) => m.filter((q) => q !== id));
    setAnswers((current) => ({ ...current, [id]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const unanswered = missingAnswers(questions, answers);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      const target = document.getElementById(fieldId(unanswered[0]));
      (target instanceof HTMLInputElement ? target : target?.querySelector<HTMLInputElement>('input'))?.focus();
      return;
    }
    try {
      const result = await register({ variables: { workshopId: workshop.id, answers: answersInput(questions, answers), consentToList } });
      if (result.data) onRegistered(result.data.registerForWorkshop);
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  const requiredError = (q: RegistrationQuestionFields) =>
    missing.includes(q.id) ? (q.type === 'CONSENT' ? t('workshopParticipant:consentRequired') : t('workshopParticipant:answerRequired')) : null;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={formTitleId} data-testid="registration-form">
      <Stack gap="md">
        <Title order={3} size="h4" id={formTitleId}>
          {t('workshopParticipant:formTitle')}
        </Title>
        {questions.some((q) => q.required) && (
          <Text size="sm">
            {t('workshopParticipant:requiredNote')}
          </Text>
        )}
        {questions.map((q) => {
          const error = requiredError(q);
          if (q.type === 'TEXT') {
            return (
              <TextInput
                key={q.id}
                id={fieldId(q.id)}
                label={q.prompt}
                required={q.required}
                value={answers[q.id] ?? ''}
                onChange={(e) => answer(q.id, e.currentTarget.value)}
                error={error}
                maxLength={500}
                data-testid={`question-${q.position}`}
              />
            );
          }
          if (q.type === 'CHOICE') {
            return (
              <fieldset
                key={q.id}
                id={fieldId(q.id)}
                style={fieldsetStyle}
                role="radiogroup"
                aria-required={q.required || undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId(q.id) : undefined}
                data-testid={`question-${q.position}`}
              >
                <legend style={legendStyle}>
                  {q.prompt}
                  {q.required && <RequiredMark />}
                </legend>
                <Stack gap="xs">
                  {q.options.map((option) => (
                    <Radio
                      key={option}
                      name={fieldId(q.id)}
                      value={option}
                      label={option}
                      checked={answers[q.id] === option}
                      onChange={() => answer(q.id, option)}
                    />
                  ))}
                </Stack>
                {error && (
                  <Text c="red.9" size="sm" mt={4} id={errorId(q.id)}>
                    {error}
                  </Text>
                )}
              </fieldset>
            );
          }
          return (
            <Checkbox
              key={q.id}
              id={fieldId(q.id)}
              label={
                <>
                  {q.prompt}
                  {q.required && <RequiredMark />}
                </>
              }
              aria-required={q.required || undefined}
              checked={answers[q.id] === 'true'}
              onChange={(e) => answer(q.id, e.currentTarget.checked ? 'true' : 'false')}
              error={error}
              data-testid={`question-${q.position}`}
            />
          );
        })}
        <Checkbox
          label={t('workshopParticipant:consentToList')}
          description={t('workshopParticipant:consentToListHint')}
          checked={consentToList}
          onChange={(e) => setConsentToList(e.currentTarget.checked)}
          data-testid="consent-to-list"
        />
        {failure && (
          <Alert color="red" role="alert" data-testid="registration-error">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={loading} w="fit-content" data-testid="register-button">
          {workshop.approvalRequired ? t('workshopParticipant:requestSeat') : full ? t('workshopParticipant:joinWaitlist') : t('workshopParticipant:register')}
        </Button>
      </Stack>
    </form>
  );
}

function CancelDialog({ registration, onClose, onDone }: { registration: MyRegistrationFields; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [cancel, { loading }] = useMutation(CANCEL_REGISTRATION);
  const confirm = async () => {
    try {
      await cancel({ variables: { id: registration.id } });
      onDone();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  return (
    <Stack gap="md" data-testid="cancel-dialog">
      <Text>{registration.status === 'CONFIRMED' ? t('workshopParticipant:cancelBodyConfirmed') : t('workshopParticipant:cancelBody')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('workshopParticipant:keepRegistration')}
        </Button>
        <Button color="red.9" loading={loading} onClick={() => void confirm()} data-testid="confirm-cancel">
          {t('workshopParticipant:confirmCancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function CurrentRegistration({
  workshop,
  registration,
  onCancel,
  onAccept,
  accepting,
  withCalendar,
}: {
  withCalendar: boolean;
  workshop: RegistrationPanelWorkshop;
  registration: MyRegistrationFields;
  onCancel: () => void;
  onAccept: () => void;
  accepting: boolean;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const status = registration.status;
  const finished = workshop.status === 'HELD' || workshop.status === 'ARCHIVED' || workshop.status === 'CANCELLED';
  return (
    <Stack gap="sm" data-testid="current-registration" data-status={status}>
      {status === 'CONFIRMED' && (
        <Stack gap="xs">
          <Text>{t('workshopParticipant:confirmedNote')}</Text>
          {workshop.meetingUrl && !finished && (
            <Anchor href={workshop.meetingUrl} target="_blank" rel="noopener noreferrer" data-testid="meeting-link" className="break-anywhere">
              {t('workshopParticipant:joinMeeting')}
            </Anchor>
          )}
          {!finished && withCalendar && <CalendarLinks title={workshop.title} startsAt={workshop.startsAt} endsAt={workshop.endsAt} calendarUrl={workshop.calendarUrl} />}
          {workshop.sessions.length > 0 && !finished && (
            <Anchor component={Link} to={`/workshops/${encodeURIComponent(workshop.slug)}/check-in`} size="sm" data-testid="check-in-link">
              {t('workshopParticipant:checkInLink')}
            </Anchor>
          )}
        </Stack>
      )}
      {status === 'PENDING' && <Text>{t('workshopParticipant:pendingNote')}</Text>}
      {status === 'WAITLISTED' && (
        <Text fw={600} data-testid="waitlist-position">
          {registration.waitlistPosition !== null
            ? t('workshopParticipant:waitlistPosition', { position: number.format(registration.waitlistPosition) })
            : t('workshopParticipant:waitlistedNote')}
        </Text>
      )}
      {status === 'OFFERED' && (
        <Stack gap="xs" data-testid="seat-offer">
          <Text fw={600}>
            {registration.offerExpiresAt
              ? t('workshopParticipant:offerNote', { deadline: formatMoment(registration.offerExpiresAt, i18n.language) })
              : t('workshopParticipant:offerNoteNoDeadline')}
          </Text>
          <Button onClick={onAccept} loading={accepting} w="fit-content" data-testid="accept-offer">
            {t('workshopParticipant:acceptOffer')}
          </Button>
        </Stack>
      )}
      {registration.certificate && <WorkshopCertificateLinks certificate={registration.certificate} title={workshop.title} />}
      {CANCELLABLE.includes(status) && !finished && (
        <Button variant="outline" color="red.9" onClick={onCancel} w="fit-content" data-testid="cancel-registration">
          {t('workshopParticipant:cancelRegistration')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The registration box of a workshop page: sign in, register with the answers, or follow one's registration.
 * `withCalendar={false}` leaves out the confirmed participant's calendar links when the page shows its own.
 */
export function RegistrationPanel({ slug, withCalendar = true }: { slug: string; withCalendar?: boolean }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const headingId = useId();
  const { me, loading: sessionLoading } = useSession();
  const { data, loading, error, refetch } = useQuery(REGISTRATION_PANEL_WORKSHOP, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const [accept, { loading: accepting }] = useMutation(ACCEPT_SEAT_OFFER);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const number = new Intl.NumberFormat(i18n.language);

  if ((loading || sessionLoading) && !data) return <Loading label={t('nav:loading')} />;
  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  }
  const workshop = data?.workshop;
  if (!workshop) return null;

  const registration = workshop.myRegistration;
  const current = registration && CANCELLABLE.includes(registration.status) ? registration : null;
  const ended = registration && !current ? registration : null;
  const full = workshop.seatsLeft !== null && workshop.seatsLeft <= 0;

  const acceptOffer = async () => {
    if (!current) return;
    setFailure(null);
    try {
      await accept({ variables: { id: current.id } });
      setNotice(t('workshopParticipant:offerAccepted'));
      await refetch();
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  const seats = () => {
    if (workshop.seatsLeft === null) return t('workshopParticipant:seatsUnlimited');
    if (full) return workshop.waitlistCount > 0 ? t('workshopParticipant:fullWithWaitlist', { count: workshop.waitlistCount, waiting: number.format(workshop.waitlistCount) }) : t('workshopParticipant:full');
    return t('workshopParticipant:seatsLeft', { count: workshop.seatsLeft, seats: number.format(workshop.seatsLeft) });
  };

  const registerArea = () => {
    if (workshop.status === 'CANCELLED') return <Text data-testid="workshop-cancelled">{t('workshopParticipant:workshopCancelled')}</Text>;
    if (!workshop.registrationOpen) {
      if (workshop.status === 'OPEN' && workshop.registrationOpensAt && new Date(workshop.registrationOpensAt).getTime() > Date.now()) {
        return <Text data-testid="registration-not-yet">{t('workshopParticipant:registrationOpensOn', { date: formatMoment(workshop.registrationOpensAt, i18n.language) })}</Text>;
      }
      return <Text data-testid="registration-closed">{t('workshopParticipant:registrationClosed')}</Text>;
    }
    if (!me) {
      return (
        <Button component={Link} to={signInPathFor(location)} w="fit-content" data-testid="sign-in-to-register">
          {t('workshopParticipant:signInToRegister')}
        </Button>
      );
    }
    if (ended?.status === 'REJECTED') return <Text data-testid="registration-rejected">{t('workshopParticipant:rejectedNote')}</Text>;
    return (
      <RegistrationForm
        key={ended?.id ?? 'new'}
        workshop={workshop}
        onRegistered={(r) => {
          setNotice(t(`workshopParticipant:registeredNotice_${r.status}`, { defaultValue: t('workshopParticipant:registeredNotice') }));
          void refetch();
        }}
      />
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="registration-panel">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t('workshopParticipant:registrationTitle')}
        </Title>
        <div role="status" aria-live="polite">
          {notice && (
            <Alert color="teal.9" variant="outline" data-testid="registration-notice">
              <Text c="dark.9">{notice}</Text>
            </Alert>
          )}
        </div>
        {failure && (
          <Alert color="red" role="alert" data-testid="registration-failure">
            {failure}
          </Alert>
        )}
        {workshop.status !== 'HELD' && workshop.status !== 'ARCHIVED' && (
          <Text size="sm" data-testid="seats-left">
            {seats()}
          </Text>
        )}
        {registration && (
          <Group gap="xs">
            <Text>{t('workshopParticipant:yourStatus')}</Text>
            <RegistrationStatusBadge status={registration.status} />
          </Group>
        )}
        {current ? (
          <CurrentRegistration workshop={workshop} registration={current} onCancel={() => setCancelling(true)} onAccept={() => void acceptOffer()} accepting={accepting} withCalendar={withCalendar} />
        ) : (
          <>
            {ended && <Text size="sm">{t(`workshopParticipant:endedNote_${ended.status}`)}</Text>}
            {ended?.certificate && <WorkshopCertificateLinks certificate={ended.certificate} title={workshop.title} />}
            {registerArea()}
          </>
        )}
      </Stack>
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t('workshopParticipant:cancelTitle')} closeButtonProps={{ 'aria-label': t('workshopParticipant:close') }}>
        {cancelling && current && (
          <CancelDialog
            registration={current}
            onClose={() => setCancelling(false)}
            onDone={() => {
              setCancelling(false);
              setNotice(t('workshopParticipant:cancelledNotice'));
              void refetch();
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

export default RegistrationPanel;
