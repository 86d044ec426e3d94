import { useEffect, useId, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Group, List, Modal, Radio, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { signInPathFor } from '../../../app/sign-in-path';
import { describeError } from '../../../app/errors';
import { Loading } from '../../../app/Loading';
import {
  ENROL,
  ENROL_PANEL_COURSE,
  TEAM_CONTEXT,
  WITHDRAWABLE,
  WITHDRAW_ENROLMENT,
  type EnrolPanelCourse,
  type MyEnrolmentFields,
  type OfferingFields,
} from '../operations-learner';
import { EnrolmentStatusBadge, LearningProgress, formatCalendarDate, formatDateTime } from './components';

export function lessonPath(courseSlug: string, lessonId: string): string {
  return `/learn/${encodeURIComponent(courseSlug)}/lessons/${encodeURIComponent(lessonId)}`;
}

/** An offering described for a person choosing one: its name or dates, and seats left. */
export function OfferingSummary({ offering }: { offering: OfferingFields }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const dates =
    offering.startsOn || offering.endsOn
      ? t('learnerUi:offeringDates', { start: formatCalendarDate(offering.startsOn, i18n.language) || '…', end: formatCalendarDate(offering.endsOn, i18n.language) || '…' })
      : t('learnerUi:selfPaced');
  const full = offering.seatsLeft !== null && offering.seatsLeft <= 0;
  return (
    <Stack gap={2}>
      <Text fw={600}>{offering.name || dates}</Text>
      {offering.name && <Text size="sm">{dates}</Text>}
      <Text size="sm" data-testid="seats-left">
        {offering.seatsLeft === null
          ? t('learnerUi:seatsUnlimited')
          : full
            ? offering.waitlistEnabled
              ? t('learnerUi:fullWithWaitlist')
              : t('learnerUi:full')
            : t('learnerUi:seatsLeft', { count: offering.seatsLeft, seats: number.format(offering.seatsLeft) })}
      </Text>
      {offering.enrolmentClosesAt && (
        <Text size="sm">{t('learnerUi:enrolmentCloses', { date: formatDateTime(offering.enrolmentClosesAt, i18n.language) })}</Text>
      )}
    </Stack>
  );
}

function WithdrawDialog({ enrolment, onClose, onDone }: { enrolment: MyEnrolmentFields; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [withdraw, { loading }] = useMutation(WITHDRAW_ENROLMENT);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await withdraw({ variables: { id: enrolment.id, note: note.trim() || null } });
      onDone();
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.note ?? described.message);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="withdraw-dialog">
      <Stack gap="md">
        <Text>{t('learnerUi:withdrawBody')}</Text>
        <Textarea
          label={t('learnerUi:withdrawNote')}
          name="note"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('learnerUi:cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={loading} data-testid="confirm-withdraw">
            {t('learnerUi:confirmWithdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Links to a course certificate: the PDF once rendered, the verification page, and the list of certificates. */
export function CertificateLinks({ certificate, title }: { certificate: MyEnrolmentFields['certificate']; title: string }) {
  const { t } = useTranslation();
  if (!certificate) {
    return <Text size="sm">{t('learnerUi:certificatePreparing')}</Text>;
  }
  return (
    <Group gap="md" wrap="wrap">
      {certificate.renderStatus === 'RENDERED' && certificate.pdfUrl ? (
        <Button component="a" href={certificate.pdfUrl} download data-testid="certificate-pdf">
          {t('learnerUi:downloadCertificate')}
          <VisuallyHidden>{` — ${title}`}</VisuallyHidden>
        </Button>
      ) : (
        <Text size="sm" data-testid="certificate-pending">
          {t('learnerUi:certificatePreparing')}
        </Text>
      )}
      <Anchor component={Link} to={`/verify/${encodeURIComponent(certificate.code)}`} data-testid="certificate-verify">
        {t('learnerUi:verifyCertificate')}
      </Anchor>
      <Anchor component={Link} to="/certificates">
        {t('learnerUi:myCertificates')}
      </Anchor>
    </Group>
  );
}

function CurrentEnrolment({ course, enrolment, onWithdraw, onAccept, accepting }: { course: EnrolPanelCourse & { firstLessonId: string | null }; enrolment: MyEnrolmentFields; onWithdraw: () => void; onAccept: () => void; accepting: boolean }) {
  const { t } = useTranslation();
  const status = enrolment.status;
  const learning = status === 'APPROVED' || status === 'ENROLLED';
  const target = enrolment.nextLesson?.id ?? course.firstLessonId;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text>{t('learnerUi:yourStatus')}</Text>
        <EnrolmentStatusBadge status={status} />
      </Group>
      {status === 'REQUESTED' && <Text>{t('learnerUi:requestedNote')}</Text>}
      {status === 'WAITLISTED' && <Text>{t('learnerUi:waitlistedNote')}</Text>}
      {status === 'NOMINATED' && (
        <Stack gap="xs">
          <Text>{course.enrolmentPolicy === 'APPROVAL' ? t('learnerUi:nominatedAwaiting') : t('learnerUi:nominatedAccept')}</Text>
          {course.enrolmentPolicy !== 'APPROVAL' && (
            <Button onClick={onAccept} loading={accepting} w="fit-content" data-testid="accept-nomination">
              {t('learnerUi:acceptNomination')}
            </Button>
          )}
        </Stack>
      )}
      {(learning || status === 'COMPLETED') && (
        <LearningProgress value={enrolment.progressPercent} label={t('learnerUi:progressLabel', { title: course.title })} testId="enrol-progress" />
      )}
      {learning && target && (
        <Button component={Link} to={lessonPath(course.slug, target)} w="fit-content" data-testid="continue-learning">
          {enrolment.progressPercent > 0 ? t('learnerUi:continueLearning') : t('learnerUi:startLearning')}
        </Button>
      )}
      {status === 'COMPLETED' && (
        <Stack gap="xs" data-testid="enrolment-completed">
          <Text fw={600}>{t('learnerUi:completedNote')}</Text>
          <CertificateLinks certificate={enrolment.certificate} title={course.title} />
          {course.firstLessonId && (
            <Anchor component={Link} to={lessonPath(course.slug, course.firstLessonId)}>
              {t('learnerUi:reviewCourse')}
            </Anchor>
          )}
        </Stack>
      )}
      {WITHDRAWABLE.includes(status) && (
        <Button variant="outline" color="red.9" onClick={onWithdraw} w="fit-content" data-testid="withdraw-enrolment">
          {t('learnerUi:withdraw')}
        </Button>
      )}
    </Stack>
  );
}

/** The enrol / continue / withdraw box of a course page, for the person looking at it. */
export function EnrolPanel({ courseSlug }: { courseSlug: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const headingId = useId();
  const { me, loading: sessionLoading } = useSession();
  const { data, loading, error, refetch } = useQuery(ENROL_PANEL_COURSE, { variables: { slug: courseSlug }, fetchPolicy: 'cache-and-network' });
  const [enrol, { loading: enrolling }] = useMutation(ENROL);
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

  const course = data?.course ?? null;
  const open = course?.offerings.filter((o) => o.openForEnrolment) ?? [];
  const offeringId = chosen && open.some((o) => o.id === chosen) ? chosen : (open[0]?.id ?? null);
  const offering = open.find((o) => o.id === offeringId) ?? null;
  const team = useQuery(TEAM_CONTEXT, { variables: { offeringId: offeringId ?? '' }, skip: !me || !offeringId });

  useEffect(() => setFailure(null), [offeringId]);

  if ((loading || sessionLoading) && !data) return <Loading label={t('nav:loading')} />;
  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  }
  if (!course) return null;

  const enrolment = course.myEnrolment;
  const current = enrolment && enrolment.status !== 'WITHDRAWN' && enrolment.status !== 'REJECTED' ? enrolment : null;
  const full = offering ? offering.seatsLeft !== null && offering.seatsLeft <= 0 : false;
  const firstLessonId = course.modules.flatMap((m) => m.lessons)[0]?.id ?? null;

  const submit = async (id: string) => {
    setFailure(null);
    try {
      const result = await enrol({ variables: { offeringId: id } });
      const status = result.data?.enrol.status;
      if (status) setNotice(t(`learnerUi:enrolledNotice_${status}`, { defaultValue: t('learnerUi:enrolledNotice') }));
      await refetch();
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  const action = () => {
    if (!me) {
      return (
        <Button component={Link} to={signInPathFor(location)} w="fit-content" data-testid="sign-in-to-enrol">
          {t('learnerUi:signInToEnrol')}
        </Button>
      );
    }
    if (course.status !== 'PUBLISHED') return <Text>{t('learnerUi:notPublished')}</Text>;
    if (!course.prerequisitesMet && course.prerequisites.length > 0) {
      return (
        <Stack gap="xs" data-testid="prerequisites-missing">
          <Text>{t('learnerUi:prerequisitesFirst')}</Text>
          <List>
            {course.prerequisites.map((p) => (
              <List.Item key={p.id}>
                <Anchor component={Link} to={`/courses/${encodeURIComponent(p.slug)}`}>
                  {p.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    }
    if (open.length === 0) return <Text data-testid="enrolment-closed">{t('learnerUi:noOpenOffering')}</Text>;
    return (
      <Stack gap="sm">
        {open.length > 1 ? (
          <Radio.Group label={t('learnerUi:chooseOffering')} value={offeringId ?? ''} onChange={setChosen} data-testid="offering-choice">
            <Stack gap="sm" mt="xs">
              {open.map((o) => (
                <Radio key={o.id} value={o.id} label={<OfferingSummary offering={o} />} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          offering && <OfferingSummary offering={offering} />
        )}
        {course.enrolmentPolicy === 'INVITATION' ? (
          <Text data-testid="invitation-only">{t('learnerUi:invitationOnly')}</Text>
        ) : (
          offeringId && (
            <Button onClick={() => void submit(offeringId)} loading={enrolling} w="fit-content" disabled={full && !offering?.waitlistEnabled} data-testid="enrol-button">
              {course.enrolmentPolicy === 'APPROVAL' ? t('learnerUi:requestPlace') : full ? t('learnerUi:joinWaitlist') : t('learnerUi:enrol')}
            </Button>
          )
        )}
      </Stack>
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="enrol-panel">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t('learnerUi:enrolmentTitle')}
        </Title>
        <div role="status" aria-live="polite">
          {notice && (
            <Alert color="teal.9" variant="outline" data-testid="enrol-notice">
              <Text c="dark.9">{notice}</Text>
            </Alert>
          )}
        </div>
        {failure && (
          <Alert color="red" role="alert" data-testid="enrol-error">
            {failure}
          </Alert>
        )}
        {enrolment && !current && (
          <Group gap="xs">
            <Text>{t('learnerUi:yourStatus')}</Text>
            <EnrolmentStatusBadge status={enrolment.status} />
          </Group>
        )}
        {current ? (
          <CurrentEnrolment
            course={{ ...course, firstLessonId }}
            enrolment={current}
            onWithdraw={() => setWithdrawing(true)}
            onAccept={() => void submit(current.offering.id)}
            accepting={enrolling}
          />
        ) : (
          action()
        )}
        {team.data?.teamContext && offeringId && (
          <Stack gap={4} data-testid="team-entry">
            <Text size="sm">{t('learnerUi:teamEntryNote', { organisation: team.data.teamContext.organisationName })}</Text>
            <Anchor component={Link} to={`/learning/team/${encodeURIComponent(course.slug)}?offering=${encodeURIComponent(offeringId)}`} data-testid="enrol-team-link">
              {t('learnerUi:enrolTeam')}
            </Anchor>
          </Stack>
        )}
      </Stack>
      <Modal opened={withdrawing} onClose={() => setWithdrawing(false)} title={t('learnerUi:withdrawTitle')} closeButtonProps={{ 'aria-label': t('learnerUi:cancel') }}>
        {withdrawing && current && (
          <WithdrawDialog
            enrolment={current}
            onClose={() => setWithdrawing(false)}
            onDone={() => {
              setWithdrawing(false);
              setNotice(t('learnerUi:withdrawnNotice'));
              void refetch();
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

export default EnrolPanel;
