import { useState } from 'react';
import { Alert, Anchor, AspectRatio, Box, Button, Drawer, Grid, Group, Paper, Stack, Text, Title, Typography, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { COMPLETE_LESSON, COURSE_OUTLINE, LESSON, type LessonFields, type OutlineCourse } from '../operations-learner';
import { CertificateLinks, lessonPath } from './EnrolPanel';
import { LearningProgress, formatDateTime, formatFileSize } from './components';
import { QuizPanel } from './QuizPanel';

function CourseOutline({ course, currentId, onNavigate }: { course: OutlineCourse; currentId: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  return (
    <nav aria-label={t('learnerUi:outlineTitle')} data-testid="course-outline">
      <Stack gap="md">
        {modules.map((module) => (
          <Box key={module.id}>
            <Title order={3} size="h6" mb={6}>
              {module.title}
            </Title>
            <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {[...module.lessons]
                .sort((a, b) => a.position - b.position)
                .map((lesson) => {
                  const current = lesson.id === currentId;
                  return (
                    <li key={lesson.id} data-testid="outline-lesson" data-completed={lesson.completed}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Text span aria-hidden="true" c={lesson.completed ? 'teal.9' : 'gray.6'} fw={700} w={16}>
                          {lesson.completed ? '✓' : '○'}
                        </Text>
                        <Anchor
                          component={Link}
                          to={lessonPath(course.slug, lesson.id)}
                          aria-current={current ? 'page' : undefined}
                          fw={current ? 700 : 400}
                          c={current ? 'dark.9' : 'blue.9'}
                          onClick={onNavigate}
                          className="break-anywhere"
                        >
                          {lesson.title}
                          <VisuallyHidden>{` (${t(`learnerUi:lessonType_${lesson.type}`)}${lesson.completed ? `, ${t('learnerUi:lessonDone')}` : ''})`}</VisuallyHidden>
                        </Anchor>
                      </Group>
                    </li>
                  );
                })}
            </Stack>
          </Box>
        ))}
      </Stack>
    </nav>
  );
}

function LessonContent({ lesson, onQuizSubmitted }: { lesson: LessonFields; onQuizSubmitted: () => void }) {
  const { t, i18n } = useTranslation();
  switch (lesson.type) {
    case 'TEXT':
      // bodyHtml is rendered from Markdown and sanitised by the server.
      return lesson.bodyHtml ? (
        <Typography>
          <div className="break-anywhere" data-testid="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
        </Typography>
      ) : null;
    case 'VIDEO':
      return lesson.videoEmbedUrl ? (
        <AspectRatio ratio={16 / 9} maw={880}>
          <iframe
            src={lesson.videoEmbedUrl}
            title={t('learnerUi:videoTitle', { title: lesson.title })}
            allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            style={{ border: 0 }}
            data-testid="lesson-video"
          />
        </AspectRatio>
      ) : null;
    case 'DOCUMENT':
      return lesson.file ? (
        <Group gap="sm">
          <Button component="a" href={lesson.file.url} download={lesson.file.filename} variant="outline" data-testid="lesson-document">
            {t('learnerUi:downloadDocument', { name: lesson.file.filename, size: formatFileSize(lesson.file.size, i18n.language) })}
          </Button>
        </Group>
      ) : null;
    case 'LIVE':
      return (
        <Stack gap="sm" data-testid="lesson-live">
          {lesson.liveStartsAt && (
            <Text>
              {t('learnerUi:liveStarts', { date: formatDateTime(lesson.liveStartsAt, i18n.language) })}{' '}
              <Text span size="sm" c="dimmed">
                ({Intl.DateTimeFormat().resolvedOptions().timeZone})
              </Text>
            </Text>
          )}
          {lesson.liveUrl && (
            <Anchor href={lesson.liveUrl} target="_blank" rel="noopener noreferrer" data-testid="live-link">
              {t('learnerUi:joinLive')}
              <VisuallyHidden>{` (${t('learnerUi:opensNewTab')})`}</VisuallyHidden>
            </Anchor>
          )}
          {lesson.bodyHtml && (
            <Typography>
              <div className="break-anywhere" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
            </Typography>
          )}
        </Stack>
      );
    case 'QUIZ':
      return lesson.quiz ? <QuizPanel key={lesson.id} lessonId={lesson.id} quiz={lesson.quiz} onSubmitted={onQuizSubmitted} /> : null;
    default:
      return null;
  }
}

export default function LessonPage() {
  const { t } = useTranslation();
  const { slug = '', lessonId = '' } = useParams();
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const outline = useQuery(COURSE_OUTLINE, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const lessonQuery = useQuery(LESSON, { variables: { id: lessonId }, fetchPolicy: 'cache-and-network' });
  const [complete, { loading: completing }] = useMutation(COMPLETE_LESSON);

  const course = outline.data?.course ?? null;
  const lesson = lessonQuery.data?.lesson?.id === lessonId ? lessonQuery.data.lesson : null;
  const error = outline.error ?? lessonQuery.error;

  if ((outline.loading && !outline.data) || (lessonQuery.loading && !lesson && !lessonQuery.error)) {
    return <Loading label={t('nav:loading')} />;
  }
  if (!course || !lesson) {
    return (
      <Page title={t('learnerUi:lessonUnavailable')}>
        <Alert color="red" role="alert" data-testid="lesson-error">
          {error ? describeError(error, t).message : t('learnerUi:lessonNotFound')}
        </Alert>
        <Anchor component={Link} to={`/courses/${encodeURIComponent(slug)}`}>
          {t('learnerUi:backToCourse')}
        </Anchor>
      </Page>
    );
  }

  const lessons = [...course.modules].sort((a, b) => a.position - b.position).flatMap((m) => [...m.lessons].sort((a, b) => a.position - b.position));
  const index = lessons.findIndex((l) => l.id === lessonId);
  const previous = index > 0 ? lessons[index - 1] : null;
  const next = index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : null;
  const enrolment = course.myEnrolment;

  const refresh = () => {
    void outline.refetch();
    void lessonQuery.refetch();
  };

  const markComplete = async () => {
    setFailure(null);
    try {
      await complete({ variables: { lessonId } });
      refresh();
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  return (
    <Page title={lesson.title}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`} data-testid="course-link">
          {course.title}
        </Anchor>
        {enrolment && (
          <LearningProgress value={enrolment.progressPercent} label={t('learnerUi:progressLabel', { title: course.title })} testId="course-progress" />
        )}
        {enrolment?.status === 'COMPLETED' && (
          <Alert color="teal.9" variant="outline" title={t('learnerUi:completedNote')} data-testid="course-completed">
            <CertificateLinks certificate={enrolment.certificate} title={course.title} />
          </Alert>
        )}
        <Button variant="outline" hiddenFrom="md" w="fit-content" onClick={() => setOutlineOpen(true)} aria-expanded={outlineOpen} aria-controls="lesson-outline-drawer">
          {t('learnerUi:showOutline')}
        </Button>
      </Stack>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }} visibleFrom="md">
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb="sm">
              {t('learnerUi:outlineTitle')}
            </Title>
            <CourseOutline course={course} currentId={lessonId} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg" component="article" aria-labelledby="page-heading" data-testid="lesson" data-type={lesson.type}>
            <Text size="sm" c="dimmed">
              {t(`learnerUi:lessonType_${lesson.type}`)}
              {lesson.estimatedMinutes ? ` · ${t('learnerUi:minutes', { count: lesson.estimatedMinutes })}` : ''}
              {!lesson.required ? ` · ${t('learnerUi:optional')}` : ''}
            </Text>
            <LessonContent lesson={lesson} onQuizSubmitted={refresh} />
            {failure && (
              <Alert color="red" role="alert" data-testid="complete-error">
                {failure}
              </Alert>
            )}
            {lesson.type !== 'QUIZ' &&
              (lesson.completed ? (
                <Text fw={600} c="teal.9" data-testid="lesson-completed">
                  ✓ {t('learnerUi:lessonDone')}
                </Text>
              ) : (
                enrolment && (
                  <Button onClick={() => void markComplete()} loading={completing} w="fit-content" data-testid="mark-complete">
                    {t('learnerUi:markComplete')}
                  </Button>
                )
              ))}
            <Group justify="space-between" component="nav" aria-label={t('learnerUi:lessonNavigation')}>
              {previous ? (
                <Button component={Link} to={lessonPath(course.slug, previous.id)} variant="default" data-testid="previous-lesson">
                  ← {t('learnerUi:previous')}
                  <VisuallyHidden>{`: ${previous.title}`}</VisuallyHidden>
                </Button>
              ) : (
                <span />
              )}
              {next && (
                <Button component={Link} to={lessonPath(course.slug, next.id)} data-testid="next-lesson">
                  {t('learnerUi:next')}
                  <VisuallyHidden>{`: ${next.title}`}</VisuallyHidden> →
                </Button>
              )}
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
      {/* Composed by hand so the drawer's header is a plain div (a <header> would be another banner landmark). */}
      <Drawer.Root opened={outlineOpen} onClose={() => setOutlineOpen(false)} id="lesson-outline-drawer" size="xs">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title>{t('learnerUi:outlineTitle')}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('learnerUi:close')} />
          </Drawer.Header>
          <Drawer.Body>
            <CourseOutline course={course} currentId={lessonId} onNavigate={() => setOutlineOpen(false)} />
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </Page>
  );
}
