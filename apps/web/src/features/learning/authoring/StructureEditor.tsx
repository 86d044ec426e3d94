import { useCallback, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import {
  ADD_MODULE,
  DELETE_LESSON,
  DELETE_MODULE,
  MOVE_LESSON,
  MOVE_MODULE,
  UPDATE_MODULE,
  type CourseEditing,
  type LessonEditing,
  type ModuleEditing,
} from '../operations-authoring';
import { LessonTypeLabel } from '../catalogue/CoursePage';
import { SortableList } from '../shared/SortableList';
import { LocalizedFields } from '../shared/LocalizedFields';
import { draftFrom, emptyDraft, hasAnyText, inputFrom, type LocalizedDraft } from '../shared/localized';
import { formatNumber } from '../shared/format';
import { LessonEditor } from './LessonEditor';

/** Adds a module, or renames one: its title per language. */
function ModuleTitleForm({ module, courseId, onDone }: { module: ModuleEditing | null; courseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState<LocalizedDraft>(() => (module ? draftFrom(module.titleTranslations) : emptyDraft()));
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [addModule, adding] = useMutation(ADD_MODULE);
  const [updateModule, updating] = useMutation(UPDATE_MODULE);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!hasAnyText(title)) {
      setError(t('learningUi:errorTitleRequired'));
      return;
    }
    setError(undefined);
    try {
      if (module) await updateModule({ variables: { id: module.id, title: inputFrom(title) } });
      else {
        await addModule({ variables: { courseId, title: inputFrom(title) }, refetchQueries: ['CourseForEditing'], awaitRefetchQueries: true });
        setTitle(emptyDraft());
      }
      onDone();
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid={module ? 'module-rename-form' : 'module-add-form'}>
      <Stack gap="sm">
        <LocalizedFields
          idPrefix={`module-${module?.id ?? 'new'}`}
          label={module ? t('learningUi:moduleTitleFor', { title: module.title }) : t('learningUi:newModuleTitle')}
          fields={[{ name: 'title', label: t('learningUi:moduleTitle'), maxLength: 200 }]}
          values={{ title }}
          onChange={(_field, locale, value) => setTitle((current) => ({ ...current, [locale]: value }))}
          errors={{ title: error }}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={adding.loading || updating.loading} data-testid={module ? 'save-module' : 'add-module'}>
            {module ? t('learningUi:saveModule') : t('learningUi:addModule')}
          </Button>
          {module && (
            <Button variant="default" onClick={onDone}>
              {t('learningUi:closeEditor')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

type Editing = { moduleId: string; lessonId: string | null } | null;

function ModuleCard({
  module,
  index,
  course,
  editing,
  setEditing,
  onError,
  busy,
  setBusy,
}: {
  module: ModuleEditing;
  index: number;
  course: CourseEditing;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  onError: (message: string | null) => void;
  busy: boolean;
  setBusy: (busy: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [moveLesson] = useMutation(MOVE_LESSON);
  const [deleteLesson] = useMutation(DELETE_LESSON);
  const [deleteModule] = useMutation(DELETE_MODULE);

  const onMoveLesson = useCallback(
    async (lesson: LessonEditing, position: number, moduleId = module.id) => {
      onError(null);
      setBusy(true);
      try {
        await moveLesson({ variables: { id: lesson.id, moduleId, position } });
      } catch (e) {
        onError(describeError(e, t).message);
        throw e;
      } finally {
        setBusy(false);
      }
    },
    [module.id, moveLesson, onError, setBusy, t],
  );

  const remove = async (kind: 'lesson' | 'module', id: string) => {
    onError(null);
    try {
      if (kind === 'lesson') await deleteLesson({ variables: { id }, refetchQueries: ['CourseForEditing'], awaitRefetchQueries: true });
      else await deleteModule({ variables: { id }, refetchQueries: ['CourseForEditing'], awaitRefetchQueries: true });
      setConfirmDelete(null);
      if (editing?.lessonId === id || editing?.moduleId === id) setEditing(null);
    } catch (e) {
      onError(describeError(e, t).message);
    }
  };

  const headingId = `module-heading-${module.id}`;
  const editingHere = editing?.moduleId === module.id;
  const editedLesson = editingHere && editing?.lessonId ? module.lessons.find((l) => l.id === editing.lessonId) ?? null : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid="module-card">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h4" id={headingId}>
          {t('learningUi:moduleHeading', { number: index + 1, title: module.title })}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setRenaming((v) => !v)}>
            {t('learningUi:renameModule', { title: module.title })}
          </Button>
          {confirmDelete === module.id ? (
            <>
              <Button size="xs" color="red" onClick={() => void remove('module', module.id)} data-testid="confirm-delete-module">
                {t('learningUi:confirmDelete', { title: module.title })}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmDelete(null)}>
                {t('learningUi:keep')}
              </Button>
            </>
          ) : (
            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmDelete(module.id)}>
              {t('learningUi:deleteModule', { title: module.title })}
            </Button>
          )}
        </Group>
      </Group>
      {renaming && <ModuleTitleForm module={module} courseId={course.id} onDone={() => setRenaming(false)} />}
      {module.lessons.length === 0 ? (
        <Text size="sm">{t('learningUi:moduleEmpty')}</Text>
      ) : (
        <SortableList
          items={module.lessons}
          getId={(lesson) => lesson.id}
          getName={(lesson) => lesson.title}
          onMove={(lesson, position) => onMoveLesson(lesson, position)}
          busy={busy}
          testId={`lessons-${module.id}`}
          renderItem={(lesson) => (
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <LessonTypeLabel type={lesson.type} />
                <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {lesson.title}
                </Text>
                {lesson.estimatedMinutes != null && (
                  <Text size="sm" c="dimmed">
                    {t('learningUi:minutesValue', { number: formatNumber(lesson.estimatedMinutes, i18n.language, 0) })}
                  </Text>
                )}
                {!lesson.required && (
                  <Text size="sm" c="dimmed">
                    {t('learningUi:optional')}
                  </Text>
                )}
              </Group>
              <Group gap="xs" wrap="wrap">
                <Button size="compact-sm" variant="light" onClick={() => setEditing({ moduleId: module.id, lessonId: lesson.id })} data-testid={`edit-lesson-${lesson.id}`}>
                  {t('learningUi:editLesson', { title: lesson.title })}
                </Button>
                {course.modules.length > 1 && (
                  <NativeSelect
                    size="xs"
                    label={t('learningUi:moveToModule', { title: lesson.title })}
                    value={module.id}
                    disabled={busy}
                    onChange={(event) => {
                      const target = course.modules.find((m) => m.id === event.currentTarget.value);
                      if (target && target.id !== module.id) void onMoveLesson(lesson, target.lessons.length, target.id).catch(() => undefined);
                    }}
                    data={course.modules.map((m, i) => ({ value: m.id, label: t('learningUi:moduleHeading', { number: i + 1, title: m.title }) }))}
                  />
                )}
                {confirmDelete === lesson.id ? (
                  <>
                    <Button size="compact-sm" color="red" onClick={() => void remove('lesson', lesson.id)}>
                      {t('learningUi:confirmDelete', { title: lesson.title })}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setConfirmDelete(null)}>
                      {t('learningUi:keep')}
                    </Button>
                  </>
                ) : (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirmDelete(lesson.id)}>
                    {t('learningUi:deleteLesson', { title: lesson.title })}
                  </Button>
                )}
              </Group>
            </Stack>
          )}
        />
      )}
      {editingHere ? (
        <LessonEditor
          key={editing?.lessonId ?? 'new'}
          module={module}
          lesson={editedLesson}
          languages={course.languages}
          onClose={() => setEditing(null)}
          onCreated={(lesson) => setEditing({ moduleId: module.id, lessonId: lesson.id })}
        />
      ) : (
        <Group>
          <Button size="sm" variant="default" onClick={() => setEditing({ moduleId: module.id, lessonId: null })} data-testid={`add-lesson-${module.id}`}>
            {t('learningUi:addLessonTo', { title: module.title })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Modules and their lessons in order: add, rename, delete, reorder (drag, keyboard or buttons), edit lessons. */
export function StructureEditor({ course }: { course: CourseEditing }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moveModule] = useMutation(MOVE_MODULE);

  const onMoveModule = async (module: ModuleEditing, position: number) => {
    setFailure(null);
    setBusy(true);
    try {
      await moveModule({ variables: { id: module.id, position } });
    } catch (e) {
      setFailure(describeError(e, t).message);
      throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" data-testid="structure-editor">
      {course.status === 'PUBLISHED' && <Alert color="blue">{t('learningUi:publishedEditNote')}</Alert>}
      {failure && (
        <Alert color="red" role="alert" data-testid="structure-failure">
          {failure}
        </Alert>
      )}
      {course.modules.length === 0 ? (
        <Text>{t('learningUi:noModules')}</Text>
      ) : (
        <SortableList
          items={course.modules}
          getId={(module) => module.id}
          getName={(module) => module.title}
          onMove={onMoveModule}
          busy={busy}
          testId="modules"
          renderItem={(module, index) => (
            <ModuleCard
              module={module}
              index={index}
              course={course}
              editing={editing}
              setEditing={setEditing}
              onError={setFailure}
              busy={busy}
              setBusy={setBusy}
            />
          )}
        />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="add-module-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-module-heading">
            {t('learningUi:addModuleHeading')}
          </Title>
          <ModuleTitleForm module={null} courseId={course.id} onDone={() => undefined} />
        </Stack>
      </Paper>
    </Stack>
  );
}
