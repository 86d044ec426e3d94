import { Alert, Anchor, Badge, Button, Grid, Group, Image, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { DetailList, FocusAreaBadges } from '../../alliance/directory/components';
import { EnrolPanel } from '../learner/EnrolPanel';
import { COURSE, type CourseDetails, type LessonType } from '../operations-catalogue';
import { languageName } from '../shared/localized';
import { formatDateTime, formatNumber } from '../shared/format';
import { OfferingDates, SeatsText } from './CourseCard';

const LESSON_ICONS: Record<LessonType, string> = { TEXT: '📄', VIDEO: '🎬', DOCUMENT: '📎', QUIZ: '✅', LIVE: '📅' };

/** A lesson type as an icon (decorative) and its name (read). */
export function LessonTypeLabel({ type }: { type: LessonType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray.8" tt="none" fw={500} leftSection={<span aria-hidden="true">{LESSON_ICONS[type]}</span>}>
      {t(`learningUi:lessonType_${type}`)}
    </Badge>
  );
}

function Syllabus({ course }: { course: CourseDetails }) {
  const { t, i18n } = useTranslation();
  if (course.modules.length === 0) return <Text>{t('learningUi:syllabusEmpty')}</Text>;
  return (
    <Stack gap="md" data-testid="syllabus">
      {course.modules.map((module, moduleIndex) => (
        <Stack key={module.id} gap="xs" component="section" aria-labelledby={`module-${module.id}`}>
          <Title order={3} size="h4" id={`module-${module.id}`}>
            {t('learningUi:moduleHeading', { number: moduleIndex + 1, title: module.title })}
          </Title>
          <List type="ordered" spacing={6} listStyleType="none" p={0} m={0}>
            {module.lessons.map((lesson) => (
              <List.Item key={lesson.id} data-testid="syllabus-lesson">
                <Group gap="xs" wrap="wrap">
                  <LessonTypeLabel type={lesson.type} />
                  <Text span>{lesson.title}</Text>
                  {lesson.estimatedMinutes !== null && (
                    <Text span size="sm" c="dimmed">
                      {t('learningUi:minutesValue', { number: formatNumber(lesson.estimatedMinutes, i18n.language, 0) })}
                    </Text>
                  )}
                  {!lesson.required && (
                    <Text span size="sm" c="dimmed">
                      {t('learningUi:optional')}
                    </Text>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}

function Offerings({ course }: { course: CourseDetails }) {
  const { t, i18n } = useTranslation();
  if (course.offerings.length === 0) return <Text>{t('learningUi:noOfferings')}</Text>;
  return (
    <ScrollTable label={t('learningUi:offeringsHeading')} minWidth={620}>
      <Table data-testid="course-offerings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('learningUi:colEdition')}</Table.Th>
            <Table.Th scope="col">{t('learningUi:colDates')}</Table.Th>
            <Table.Th scope="col">{t('learningUi:colEnrolment')}</Table.Th>
            <Table.Th scope="col">{t('learningUi:colSeats')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {course.offerings.map((offering, index) => (
            <Table.Tr key={offering.id}>
              <Table.Td>{offering.name || t('learningUi:editionNumber', { number: index + 1 })}</Table.Td>
              <Table.Td>
                <OfferingDates offering={offering} />
              </Table.Td>
              <Table.Td>
                {offering.openForEnrolment ? t('learningUi:enrolmentOpen') : t('learningUi:enrolmentClosed')}
                {offering.enrolmentClosesAt && (
                  <Text size="sm" c="dimmed">
                    {t('learningUi:closesOn', { date: formatDateTime(offering.enrolmentClosesAt, i18n.language) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td data-testid="offering-seats">
                <SeatsText offering={offering} />
                {offering.countrySeats.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {offering.countrySeats
                      .map((row) => t('learningUi:countrySeatsLeft', { country: countryName(row.country.code, i18n.language), number: formatNumber(Math.max(0, row.seats - row.taken), i18n.language, 0) }))
                      .join(' · ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export default function CoursePage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(COURSE, { variables: { slug } });
  const course = data?.course;

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error || !course) {
    return (
      <Page title={t('learningUi:courseNotFound')}>
        {error ? (
          <Alert color="red" role="alert">
            {describeError(error, t).message}
          </Alert>
        ) : (
          <Text>{t('learningUi:courseNotFoundBody')}</Text>
        )}
        <Button component={Link} to="/courses" w="fit-content">
          {t('learningUi:backToCatalogue')}
        </Button>
      </Page>
    );
  }

  return (
    <Page title={course.title}>
      <Group gap="sm">
        <Anchor component={Link} to="/courses">
          {t('learningUi:backToCatalogue')}
        </Anchor>
        {course.canEdit && (
          <Button component={Link} to={`/manage/courses/${course.id}`} variant="default" size="xs" data-testid="edit-course">
            {t('learningUi:editCourse')}
          </Button>
        )}
      </Group>
      {course.status !== 'PUBLISHED' && (
        <Alert color="yellow" data-testid="course-status-note">
          {t(`learningUi:statusNote_${course.status}`)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {course.coverImage && <Image src={course.coverImage.url} alt="" radius="md" mah={260} fit="cover" />}
            <Text size="lg" data-testid="course-summary">
              {course.summary}
            </Text>
            <DetailList
              items={[
                { label: t('learningUi:level'), value: t(`learningUi:level_${course.level}`) },
                { label: t('learningUi:format'), value: t(`learningUi:format_${course.format}`) },
                { label: t('learningUi:hours'), value: t('learningUi:hoursValue', { number: formatNumber(course.estimatedHours, i18n.language) }), testId: 'course-hours' },
                { label: t('learningUi:lessons'), value: formatNumber(course.lessonCount, i18n.language, 0) },
                { label: t('learningUi:languages'), value: course.languages.map((code) => languageName(code, i18n.language)).join(', ') || '—' },
                { label: t('learningUi:policy'), value: t(`learningUi:policy_${course.enrolmentPolicy}`) },
              ]}
            />
            <Text size="sm" c="dimmed" mb={-8}>
              {t('learningUi:focusAreas')}
            </Text>
            <FocusAreaBadges areas={course.focusAreas.map((area) => ({ ...area, active: true }))} label={t('learningUi:focusAreas')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <EnrolPanel courseSlug={course.slug} />
        </Grid.Col>
      </Grid>

      {course.audience && (
        <Stack gap="xs" component="section" aria-labelledby="course-audience">
          <Title order={2} id="course-audience">
            {t('learningUi:audience')}
          </Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{course.audience}</Text>
        </Stack>
      )}

      <Stack gap="xs" component="section" aria-labelledby="course-prerequisites">
        <Title order={2} id="course-prerequisites">
          {t('learningUi:prerequisites')}
        </Title>
        {course.prerequisites.length === 0 ? (
          <Text>{t('learningUi:noPrerequisites')}</Text>
        ) : (
          <List data-testid="course-prerequisites">
            {course.prerequisites.map((prerequisite) => (
              <List.Item key={prerequisite.id}>
                <Anchor component={Link} to={`/courses/${encodeURIComponent(prerequisite.slug)}`}>
                  {prerequisite.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>

      {course.relatedEvidence.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="course-evidence">
          <Title order={2} id="course-evidence">
            {t('learningUi:evidenceHeading')}
          </Title>
          <List data-testid="course-evidence">
            {course.relatedEvidence.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/evidence/${encodeURIComponent(item.id)}`}>
                  {item.title}
                </Anchor>{' '}
                <Text span size="sm" c="dark.6">
                  ({t(`evidence:type_${item.type}`)}, {item.year})
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      <Stack gap="xs" component="section" aria-labelledby="course-offerings-heading">
        <Title order={2} id="course-offerings-heading">
          {t('learningUi:offeringsHeading')}
        </Title>
        <Offerings course={course} />
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="course-syllabus">
        <Title order={2} id="course-syllabus">
          {t('learningUi:syllabus')}
        </Title>
        <Syllabus course={course} />
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="course-certificate">
        <Title order={2} id="course-certificate">
          {t('learningUi:certificateHeading')}
        </Title>
        <Text data-testid="certificate-note">
          {t('learningUi:certificateNote', { issuer: course.certificateIssuer || t('common:appShortName') })}
        </Text>
      </Stack>
    </Page>
  );
}
