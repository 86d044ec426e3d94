import { useId, type ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { MY_LEARNING, type LearningEnrolment, type LearningProgramme } from '../operations-learner';
import { CertificateLinks, lessonPath } from './EnrolPanel';
import { EnrolmentStatusBadge, LearningProgress, formatCalendarDate, formatDate } from './components';

function EnrolmentCard({ enrolment }: { enrolment: LearningEnrolment }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { course, offering } = enrolment;
  const learning = enrolment.status === 'APPROVED' || enrolment.status === 'ENROLLED';
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="learning-card" data-status={enrolment.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId} className="break-anywhere">
            <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`} inherit>
              {course.title}
            </Anchor>
          </Title>
          <EnrolmentStatusBadge status={enrolment.status} />
        </Group>
        {(offering.name || offering.startsOn) && (
          <Text size="sm" c="dimmed">
            {offering.name ??
              t('learnerUi:offeringDates', { start: formatCalendarDate(offering.startsOn, i18n.language) || '…', end: formatCalendarDate(offering.endsOn, i18n.language) || '…' })}
          </Text>
        )}
        {enrolment.status !== 'REQUESTED' && enrolment.status !== 'NOMINATED' && enrolment.status !== 'WAITLISTED' && (
          <LearningProgress value={enrolment.progressPercent} label={t('learnerUi:progressLabel', { title: course.title })} testId="learning-progress" />
        )}
        {learning && (
          <Button
            component={Link}
            to={enrolment.nextLesson ? lessonPath(course.slug, enrolment.nextLesson.id) : `/courses/${encodeURIComponent(course.slug)}`}
            w="fit-content"
            data-testid="continue-learning"
          >
            {enrolment.progressPercent > 0 ? t('learnerUi:continueLearning') : t('learnerUi:startLearning')}
          </Button>
        )}
        {enrolment.status === 'COMPLETED' && (
          <Stack gap="xs">
            {enrolment.completedAt && <Text size="sm">{t('learnerUi:completedOn', { date: formatDate(enrolment.completedAt, i18n.language) })}</Text>}
            <CertificateLinks certificate={enrolment.certificate} title={course.title} />
          </Stack>
        )}
        {!learning && enrolment.status !== 'COMPLETED' && (
          <Text size="sm">{t(`learnerUi:pendingNote_${enrolment.status}`, { defaultValue: '' })}</Text>
        )}
      </Stack>
    </Card>
  );
}

function ProgrammeCard({ programme }: { programme: LearningProgramme }) {
  const { t } = useTranslation();
  const headingId = useId();
  const progress = programme.myProgress;
  const percent = progress && progress.totalCourses > 0 ? Math.floor((progress.completedCourses / progress.totalCourses) * 100) : 0;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="programme-card">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          <Anchor component={Link} to={`/programmes/${encodeURIComponent(programme.slug)}`} inherit>
            {programme.title}
          </Anchor>
        </Title>
        {progress && (
          <>
            <Text size="sm">{t('learnerUi:programmeCourses', { done: progress.completedCourses, total: progress.totalCourses })}</Text>
            <LearningProgress value={percent} label={t('learnerUi:progressLabel', { title: programme.title })} />
            {progress.completedAt && <CertificateLinks certificate={progress.certificate} title={programme.title} />}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Section({ id, title, empty, children, count }: { id: string; title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-testid={`section-${id}`}>
      <Title order={2} id={id} mb="sm">
        {title}
      </Title>
      {count === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {children}
        </SimpleGrid>
      )}
    </section>
  );
}

export default function MyLearningPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MY_LEARNING, { fetchPolicy: 'cache-and-network' });
  const learning = data?.myLearning;

  return (
    <Page title={t('learnerUi:myLearningTitle')}>
      <Group justify="space-between" wrap="wrap">
        <Text maw={700}>{t('learnerUi:myLearningIntro')}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/courses">
            {t('learnerUi:browseCatalogue')}
          </Anchor>
          <Anchor component={Link} to="/certificates">
            {t('learnerUi:myCertificates')}
          </Anchor>
          <Anchor component={Link} to="/learning/team">
            {t('learnerUi:teamTitle')}
          </Anchor>
        </Group>
      </Group>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !learning ? (
        <Loading label={t('nav:loading')} />
      ) : learning ? (
        <Stack gap="xl">
          <Section id="in-progress" title={t('learnerUi:inProgress')} empty={t('learnerUi:inProgressEmpty')} count={learning.active.length}>
            {learning.active.map((e) => (
              <EnrolmentCard key={e.id} enrolment={e} />
            ))}
          </Section>
          <Section id="pending" title={t('learnerUi:pending')} empty={t('learnerUi:pendingEmpty')} count={learning.pending.length}>
            {learning.pending.map((e) => (
              <EnrolmentCard key={e.id} enrolment={e} />
            ))}
          </Section>
          <Section id="completed" title={t('learnerUi:completed')} empty={t('learnerUi:completedEmpty')} count={learning.completed.length}>
            {learning.completed.map((e) => (
              <EnrolmentCard key={e.id} enrolment={e} />
            ))}
          </Section>
          <Section id="programmes" title={t('learnerUi:programmes')} empty={t('learnerUi:programmesEmpty')} count={learning.programmes.length}>
            {learning.programmes.map((p) => (
              <ProgrammeCard key={p.id} programme={p} />
            ))}
          </Section>
        </Stack>
      ) : null}
    </Page>
  );
}
