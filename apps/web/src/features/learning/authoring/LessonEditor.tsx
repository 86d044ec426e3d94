import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, Typography } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { ADD_LESSON, UPDATE_LESSON, type LessonEditing, type LessonInput, type ModuleEditing } from '../operations-authoring';
import { LESSON_TYPES, type LearningFileFields, type LessonType } from '../operations-catalogue';
import { LocalizedFields } from '../shared/LocalizedFields';
import { FileUploadField } from '../shared/FileUploadField';
import { draftFrom, emptyDraft, hasAnyText, inputFrom, type LocalizedDraft } from '../shared/localized';
import { fromLocalInput, toLocalInput, topLevelFieldMessages } from '../shared/format';
import { QuizEditor } from './QuizEditor';

/** The video hosts the API embeds (learning.constants VIDEO_HOSTS), named in the help text. */
export const VIDEO_HOSTS_HELP = 'youtube.com, youtu.be, vimeo.com';
const FILE_BYTES_MAX = 20 * 1024 * 1024;

interface LessonValues {
  type: LessonType;
  text: { title: LocalizedDraft; body: LocalizedDraft };
  required: boolean;
  estimatedMinutes: string;
  videoUrl: string;
  file: LearningFileFields | null;
  liveStartsAt: string;
  liveUrl: string;
}

function valuesFrom(lesson: LessonEditing | null): LessonValues {
  return {
    type: lesson?.type ?? 'TEXT',
    text: { title: lesson ? draftFrom(lesson.titleTranslations) : emptyDraft(), body: lesson ? draftFrom(lesson.bodyTranslations) : emptyDraft() },
    required: lesson?.required ?? true,
    estimatedMinutes: lesson?.estimatedMinutes != null ? String(lesson.estimatedMinutes) : '',
    videoUrl: lesson?.videoUrl ?? '',
    file: lesson?.file ?? null,
    liveStartsAt: toLocalInput(lesson?.liveStartsAt),
    liveUrl: lesson?.liveUrl ?? '',
  };
}

function validateLesson(values: LessonValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!hasAnyText(values.text.title)) errors.title = 'learningUi:errorTitleRequired';
  if (values.estimatedMinutes.trim() && !/^\d{1,4}$/.test(values.estimatedMinutes.trim())) errors.estimatedMinutes = 'learningUi:errorMinutes';
  if (values.type === 'TEXT' && !hasAnyText(values.text.body)) errors.body = 'learningUi:errorBodyRequired';
  if (values.type === 'VIDEO') {
    let host = '';
    try {
      host = new URL(values.videoUrl.trim()).hostname;
    } catch {
      host = '';
    }
    if (!/(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com)$/.test(host)) errors.videoUrl = 'learningUi:errorVideoUrl';
  }
  if (values.type === 'DOCUMENT' && !values.file) errors.fileId = 'learningUi:errorFileRequired';
  if (values.type === 'LIVE') {
    if (!fromLocalInput(values.liveStartsAt)) errors.liveStartsAt = 'learningUi:errorLiveStartsAt';
    if (values.liveUrl.trim() && !/^https:\/\//.test(values.liveUrl.trim())) errors.liveUrl = 'learningUi:errorLiveUrl';
  }
  return errors;
}

interface LessonEditorProps {
  module: ModuleEditing;
  lesson: LessonEditing | null;
  languages: string[];
  onClose: () => void;
  /** After a new lesson is created (the structure reloads). */
  onCreated: (lesson: LessonEditing) => void;
}

/** Adds or edits one lesson: the fields of its type, then (for a saved quiz lesson) its questions. */
export function LessonEditor({ module, lesson, languages, onClose, onCreated }: LessonEditorProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<LessonValues>(() => valuesFrom(lesson));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [addLesson, adding] = useMutation(ADD_LESSON);
  const [updateLesson, updating] = useMutation(UPDATE_LESSON);
  const headingId = `lesson-editor-${lesson?.id ?? `new-${module.id}`}`;

  const set = <K extends keyof LessonValues>(key: K, value: LessonValues[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validateLesson(values);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
    if (Object.keys(found).length > 0) return;
    const input: LessonInput = {
      type: values.type,
      title: inputFrom(values.text.title),
      body: inputFrom(values.text.body),
      required: values.required,
      estimatedMinutes: values.estimatedMinutes.trim() ? Number(values.estimatedMinutes.trim()) : null,
      videoUrl: values.type === 'VIDEO' ? values.videoUrl.trim() : null,
      fileId: values.type === 'DOCUMENT' ? (values.file?.id ?? null) : null,
      liveStartsAt: values.type === 'LIVE' ? fromLocalInput(values.liveStartsAt) : null,
      liveUrl: values.type === 'LIVE' ? values.liveUrl.trim() || null : null,
    };
    try {
      if (lesson) {
        await updateLesson({ variables: { id: lesson.id, input } });
        setSaved(true);
      } else {
        const result = await addLesson({ variables: { moduleId: module.id, input }, refetchQueries: ['CourseForEditing'], awaitRefetchQueries: true });
        if (result.data) onCreated(result.data.addLesson);
      }
    } catch (error) {
      setErrors(topLevelFieldMessages(apiFieldMessages(error)));
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="lesson-editor" bg="gray.0">
      <Stack gap="md">
        <Title order={4} id={headingId} tabIndex={-1}>
          {lesson ? t('learningUi:editLessonHeading', { title: lesson.title }) : t('learningUi:newLessonHeading', { module: module.title })}
        </Title>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t('learningUi:lessonType')}
                description={lesson ? t('learningUi:lessonTypeFixed') : undefined}
                value={values.type}
                disabled={Boolean(lesson)}
                onChange={(event) => set('type', event.currentTarget.value as LessonType)}
                data={LESSON_TYPES.map((type) => ({ value: type, label: t(`learningUi:lessonType_${type}`) }))}
                data-testid="lesson-type"
              />
              <TextInput
                label={t('learningUi:estimatedMinutes')}
                inputMode="numeric"
                value={values.estimatedMinutes}
                onChange={(event) => set('estimatedMinutes', event.currentTarget.value)}
                error={errors.estimatedMinutes}
              />
              <Checkbox
                mt={{ base: 0, sm: 'xl' }}
                label={t('learningUi:lessonRequired')}
                checked={values.required}
                onChange={(event) => set('required', event.currentTarget.checked)}
              />
            </SimpleGrid>
            <LocalizedFields
              idPrefix={`lesson-${lesson?.id ?? 'new'}`}
              label={t('learningUi:textByLanguage')}
              fields={[
                { name: 'title', label: t('learningUi:fieldTitle'), maxLength: 200 },
                {
                  name: 'body',
                  label: values.type === 'TEXT' ? t('learningUi:fieldBody') : t('learningUi:fieldIntro'),
                  markdown: true,
                  maxLength: 50000,
                  description: t('learningUi:markdownHelp'),
                },
              ]}
              values={values.text}
              onChange={(field, locale, value) => set('text', { ...values.text, [field]: { ...values.text[field as 'title' | 'body'], [locale]: value } })}
              errors={errors}
            />
            {values.type === 'VIDEO' && (
              <TextInput
                type="url"
                label={t('learningUi:videoUrl')}
                description={t('learningUi:videoUrlHelp', { hosts: VIDEO_HOSTS_HELP })}
                value={values.videoUrl}
                onChange={(event) => set('videoUrl', event.currentTarget.value)}
                error={errors.videoUrl}
                maxLength={500}
                data-testid="lesson-video-url"
              />
            )}
            {values.type === 'DOCUMENT' && (
              <FileUploadField
                id={`lesson-file-${lesson?.id ?? 'new'}`}
                label={t('learningUi:document')}
                description={t('learningUi:documentHelp')}
                maxBytes={FILE_BYTES_MAX}
                file={values.file}
                onChange={(file) => set('file', file)}
                error={errors.fileId}
              />
            )}
            {values.type === 'LIVE' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  type="datetime-local"
                  label={t('learningUi:liveStartsAt')}
                  description={t('learningUi:localTimeHelp')}
                  value={values.liveStartsAt}
                  onChange={(event) => set('liveStartsAt', event.currentTarget.value)}
                  error={errors.liveStartsAt}
                />
                <TextInput
                  type="url"
                  label={t('learningUi:liveUrl')}
                  value={values.liveUrl}
                  onChange={(event) => set('liveUrl', event.currentTarget.value)}
                  error={errors.liveUrl}
                  maxLength={500}
                />
              </SimpleGrid>
            )}
            {values.type === 'QUIZ' && !lesson && <Text size="sm">{t('learningUi:quizAfterSave')}</Text>}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <div role="status">{saved && <Text c="dark.7" fw={500}>{t('learningUi:saved')}</Text>}</div>
            <Group>
              <Button type="submit" loading={adding.loading || updating.loading} data-testid="save-lesson">
                {lesson ? t('learningUi:saveLesson') : t('learningUi:addLesson')}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t('learningUi:closeEditor')}
              </Button>
            </Group>
          </Stack>
        </form>
        {lesson?.type === 'TEXT' && lesson.bodyHtml && (
          <Stack gap="xs" component="section" aria-labelledby={`${headingId}-preview`}>
            <Title order={5} id={`${headingId}-preview`}>
              {t('learningUi:savedPreview')}
            </Title>
            <Paper withBorder p="sm" bg="white">
              {/* Rendered and sanitised by the API from the saved Markdown. */}
              <Typography>
                <div dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />
              </Typography>
            </Paper>
          </Stack>
        )}
        {lesson?.type === 'QUIZ' && <QuizEditor lesson={lesson} languages={languages} />}
      </Stack>
    </Paper>
  );
}
