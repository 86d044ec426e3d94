import { Alert, Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { PROGRAMME } from '../operations-catalogue';
import { formatDateTime, formatNumber } from '../shared/format';

export default function ProgrammePage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(PROGRAMME, { variables: { slug } });
  if (loading && !data) return <Loading label={t('nav:loading')} />;
  const programme = data?.programme;
  if (error || !programme) {
    return (
      <Page title={t('learningUi:programmeNotFound')}>
        {error ? (
          <Alert color="red" role="alert">
            {describeError(error, t).message}
          </Alert>
        ) : (
          <Text>{t('learningUi:programmeNotFoundBody')}</Text>
        )}
        <Button component={Link} to="/programmes" w="fit-content">
          {t('learningUi:backToProgrammes')}
        </Button>
      </Page>
    );
  }
  const progress = programme.myProgress;
  const percent = progress && progress.totalCourses > 0 ? Math.round((progress.completedCourses / progress.totalCourses) * 100) : 0;
  return (
    <Page title={programme.title}>
      <Group gap="sm">
        <Anchor component={Link} to="/programmes">
          {t('learningUi:backToProgrammes')}
        </Anchor>
        {programme.canEdit && (
          <Button component={Link} to={`/manage/programmes/${encodeURIComponent(programme.slug)}`} variant="default" size="xs">
            {t('learningUi:editProgramme')}
          </Button>
        )}
      </Group>
      <Text size="lg">{programme.summary}</Text>
      <Text fw={500}>
        {t('learningUi:programmeFacts', { courses: formatNumber(programme.courses.length, i18n.language, 0), hours: formatNumber(programme.totalHours, i18n.language) })}
      </Text>
      {progress && (
        <Paper withBorder p="md" component="section" aria-labelledby="programme-progress" data-testid="programme-progress">
          <Stack gap="xs">
            <Title order={2} size="h4" id="programme-progress">
              {t('learningUi:myProgress')}
            </Title>
            <Progress value={percent} size="lg" aria-label={t('learningUi:programmeProgressLabel', { done: progress.completedCourses, total: progress.totalCourses })} />
            <Text>{t('learningUi:programmeProgress', { done: formatNumber(progress.completedCourses, i18n.language, 0), total: formatNumber(progress.totalCourses, i18n.language, 0) })}</Text>
            {progress.completedAt && <Text>{t('learningUi:programmeCompletedOn', { date: formatDateTime(progress.completedAt, i18n.language) })}</Text>}
            {progress.certificate?.pdfUrl && (
              <Anchor href={progress.certificate.pdfUrl}>{t('learningUi:downloadProgrammeCertificate')}</Anchor>
            )}
          </Stack>
        </Paper>
      )}
      <Stack gap="xs" component="section" aria-labelledby="programme-courses">
        <Title order={2} id="programme-courses">
          {t('learningUi:programmeCourses')}
        </Title>
        <List type="ordered" spacing="sm" data-testid="programme-course-list">
          {programme.courses.map((course) => (
            <List.Item key={course.id}>
              <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`} fw={600}>
                {course.title}
              </Anchor>{' '}
              <Badge variant="outline" color="gray.8" tt="none">
                {t('learningUi:hoursValue', { number: formatNumber(course.estimatedHours, i18n.language) })}
              </Badge>
              <Text size="sm">{course.summary}</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
      {programme.certificateIssuer && <Text size="sm">{t('learningUi:programmeCertificateNote', { issuer: programme.certificateIssuer })}</Text>}
    </Page>
  );
}
