import { Alert, Anchor, Box, Button, Checkbox, Grid, List, NavLink, Paper, Radio, Stack, Text, Title, Typography } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { COURSE_FOR_EDITING } from '../operations-authoring';
import { LESSON_PREVIEW, type LessonContent } from '../operations-catalogue';
import { LessonTypeLabel } from '../catalogue/CoursePage';
import { formatBytes, formatDateTime } from '../shared/format';

/** A lesson as the learner will see it (content from the API's lesson query, which editors may read). */
function LessonPreview({ lesson }: { lesson: LessonContent }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" data-testid="lesson-preview">
      <Title order={2}>{lesson.title}</Title>
      <LessonTypeLabel type={lesson.type} />
      {lesson.bodyHtml && (
        <Typography>
          {/* Rendered and sanitised by the API. */}
          <div dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
        </Typography>
      )}
      {lesson.type === 'VIDEO' &&
        (lesson.videoEmbedUrl ? (
          <Box style={{ position: 'relative', paddingTop: '56.25%' }}>
            <iframe
              src={lesson.videoEmbedUrl}
              title={t('learningUi:videoTitle', { title: lesson.title })}
              style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', border: 0 }}
              allow="encrypted-media; picture-in-picture; fullscreen"
              referrerPolicy="strict-origin-when-cross-origin"
            />
          </Box>
        ) : (
          <Text>{lesson.videoUrl}</Text>
        ))}
      {lesson.type === 'DOCUMENT' && lesson.file && (
        <Anchor href={lesson.file.url}>
          {t('learningUi:downloadFile', { name: lesson.file.filename, size: formatBytes(lesson.file.size, i18n.language) })}
        </Anchor>
      )}
      {lesson.type === 'LIVE' && (
        <Stack gap={4}>
          <Text>{t('learningUi:liveOn', { date: formatDateTime(lesson.liveStartsAt, i18n.language) || '—' })}</Text>
          {lesson.liveUrl && (
            <Anchor href={lesson.liveUrl} target="_blank" rel="noopener noreferrer">
              {t('learningUi:joinLive')}
            </Anchor>
          )}
        </Stack>
      )}
      {lesson.type === 'QUIZ' && lesson.quiz && (
        <Stack gap="sm">
          <Text>{t('learningUi:quizRules', { passMark: lesson.quiz.passMark, attempts: lesson.quiz.maxAttempts ?? '∞' })}</Text>
          {lesson.quiz.questions.map((question, index) => (
            <Paper withBorder p="sm" key={question.id}>
              <Text fw={600} mb="xs">
                {t('learningUi:questionNumber', { number: index + 1 })}: {question.prompt}
              </Text>
              <List listStyleType="none" p={0} spacing={4}>
                {question.options.map((option) => (
                  <List.Item key={option.id}>
                    {question.kind === 'SINGLE' ? (
                      <Radio label={option.text} checked={Boolean(option.correct)} readOnly disabled />
                    ) : (
                      <Checkbox label={option.text} checked={Boolean(option.correct)} readOnly disabled />
                    )}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" c="dimmed" mt="xs">
                {t('learningUi:previewCorrectShown')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export default function CoursePreviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const course = useQuery(COURSE_FOR_EDITING, { variables: { id } });
  const lessons = course.data?.courseForEditing.modules.flatMap((m) => m.lessons) ?? [];
  const lessonId = params.get('lesson') ?? lessons[0]?.id ?? null;
  const lesson = useQuery(LESSON_PREVIEW, { variables: { id: lessonId ?? '' }, skip: !lessonId });

  if (course.loading && !course.data) return <Loading label={t('nav:loading')} />;
  const data = course.data?.courseForEditing;
  if (course.error || !data) {
    return (
      <Page title={t('learningUi:courseNotFound')}>
        <Alert color="red" role="alert">
          {course.error ? describeError(course.error, t).message : t('learningUi:courseNotFoundBody')}
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={t('learningUi:previewTitle', { title: data.title })}>
      <Alert color="blue">{t('learningUi:previewNote')}</Alert>
      <Button component={Link} to={`/manage/courses/${data.id}`} variant="default" w="fit-content">
        {t('learningUi:backToEditor')}
      </Button>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Box component="nav" aria-label={t('learningUi:previewLessons')}>
            {data.modules.map((module, index) => (
              <Stack gap={2} key={module.id} mb="sm">
                <Text fw={700} component="h2" size="md" m={0}>
                  {t('learningUi:moduleHeading', { number: index + 1, title: module.title })}
                </Text>
                {module.lessons.map((item) => (
                  <NavLink
                    key={item.id}
                    component="button"
                    label={item.title}
                    active={item.id === lessonId}
                    aria-current={item.id === lessonId ? 'page' : undefined}
                    onClick={() => setParams({ lesson: item.id }, { replace: true })}
                  />
                ))}
              </Stack>
            ))}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {!lessonId ? (
            <Text>{t('learningUi:noModules')}</Text>
          ) : lesson.loading && !lesson.data ? (
            <Loading label={t('nav:loading')} />
          ) : lesson.error ? (
            <Alert color="red" role="alert">
              {describeError(lesson.error, t).message}
            </Alert>
          ) : lesson.data ? (
            <LessonPreview lesson={lesson.data.lesson} />
          ) : null}
        </Grid.Col>
      </Grid>
    </Page>
  );
}
