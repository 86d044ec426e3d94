import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import {
  ARCHIVE_PROGRAMME,
  CREATE_PROGRAMME,
  MANAGED_COURSES,
  MANAGED_PROGRAMMES,
  PROGRAMME_FOR_EDITING,
  PUBLISH_PROGRAMME,
  UPDATE_PROGRAMME,
  type ProgrammeEditing,
  type ProgrammeInput,
} from '../operations-authoring';
import { CourseStatusBadge } from '../shared/StatusBadge';
import { LocalizedFields } from '../shared/LocalizedFields';
import { SortableList } from '../shared/SortableList';
import { SignatoriesEditor, signatoriesInput, signatoryDraft, type SignatoryDraft } from '../shared/SignatoriesEditor';
import { draftFrom, emptyDraft, hasAnyText, inputFrom, type LocalizedDraft } from '../shared/localized';
import { topLevelFieldMessages } from '../shared/format';

interface CourseRef {
  id: string;
  title: string;
}
interface ProgrammeValues {
  slug: string;
  text: { title: LocalizedDraft; summary: LocalizedDraft };
  courses: CourseRef[];
  certificateIssuer: string;
  signatories: SignatoryDraft[];
}

function valuesFrom(programme: ProgrammeEditing | null): ProgrammeValues {
  return {
    slug: programme?.slug ?? '',
    text: { title: programme ? draftFrom(programme.titleTranslations) : emptyDraft(), summary: programme ? draftFrom(programme.summaryTranslations) : emptyDraft() },
    courses: programme?.courses.map((c) => ({ id: c.id, title: c.title })) ?? [],
    certificateIssuer: programme?.certificateIssuer ?? '',
    signatories: programme?.certificateSignatories.map((s) => signatoryDraft(s)) ?? [],
  };
}

function ProgrammeForm({ programme }: { programme: ProgrammeEditing | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<ProgrammeValues>(() => valuesFrom(programme));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [toAdd, setToAdd] = useState('');
  const managed = useQuery(MANAGED_COURSES, { variables: { first: 100 } });
  const [createProgramme, creating] = useMutation(CREATE_PROGRAMME);
  const [updateProgramme, updating] = useMutation(UPDATE_PROGRAMME);
  const [publishProgramme, publishing] = useMutation(PUBLISH_PROGRAMME);
  const [archiveProgramme, archiving] = useMutation(ARCHIVE_PROGRAMME);
  const set = <K extends keyof ProgrammeValues>(key: K, value: ProgrammeValues[K]) => {
    setMessage(null);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const available = (managed.data?.managedCourses.edges.map((e) => e.node) ?? []).filter((c) => !values.courses.some((chosen) => chosen.id === c.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (!hasAnyText(values.text.title)) found.title = t('learningUi:errorTitleRequired');
    if (!hasAnyText(values.text.summary)) found.summary = t('learningUi:errorSummaryRequired');
    if (values.courses.length === 0) found.courseIds = t('learningUi:errorProgrammeCourses');
    if (!values.certificateIssuer.trim()) found.certificateIssuer = t('learningUi:errorIssuer');
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: ProgrammeInput = {
      slug: values.slug.trim() || null,
      title: inputFrom(values.text.title),
      summary: inputFrom(values.text.summary),
      courseIds: values.courses.map((c) => c.id),
      certificateIssuer: values.certificateIssuer.trim(),
      certificateSignatories: signatoriesInput(values.signatories),
    };
    try {
      if (programme) {
        const result = await updateProgramme({ variables: { id: programme.id, input } });
        const saved = result.data?.updateProgramme;
        if (saved && saved.slug !== programme.slug) navigate(`/manage/programmes/${encodeURIComponent(saved.slug)}`, { replace: true });
        setMessage(t('learningUi:saved'));
      } else {
        const result = await createProgramme({ variables: { input }, refetchQueries: [MANAGED_PROGRAMMES] });
        if (result.data) navigate(`/manage/programmes/${encodeURIComponent(result.data.createProgramme.slug)}`);
      }
    } catch (e) {
      setErrors(topLevelFieldMessages(apiFieldMessages(e)));
      setFailure(describeError(e, t).message);
    }
  };

  const lifecycle = async (action: 'publish' | 'archive') => {
    if (!programme) return;
    setFailure(null);
    try {
      if (action === 'publish') await publishProgramme({ variables: { id: programme.id } });
      else await archiveProgramme({ variables: { id: programme.id } });
      setMessage(action === 'publish' ? t('learningUi:publishedMessage') : t('learningUi:archivedMessage'));
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="md">
      {programme && (
        <Group gap="sm">
          <CourseStatusBadge status={programme.status} size="lg" />
          {programme.status !== 'PUBLISHED' ? (
            <Button onClick={() => void lifecycle('publish')} loading={publishing.loading} data-testid="publish-programme">
              {t('learningUi:publish')}
            </Button>
          ) : (
            <Button variant="default" onClick={() => void lifecycle('archive')} loading={archiving.loading}>
              {t('learningUi:archive')}
            </Button>
          )}
          <Anchor component={Link} to={`/programmes/${encodeURIComponent(programme.slug)}`}>
            {t('learningUi:viewProgrammePage')}
          </Anchor>
        </Group>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <LocalizedFields
            idPrefix="programme"
            label={t('learningUi:textByLanguage')}
            fields={[
              { name: 'title', label: t('learningUi:fieldTitle'), maxLength: 200 },
              { name: 'summary', label: t('learningUi:fieldSummary'), multiline: true, maxLength: 2000 },
            ]}
            values={values.text}
            onChange={(field, locale, value) => set('text', { ...values.text, [field]: { ...values.text[field as 'title' | 'summary'], [locale]: value } })}
            errors={errors}
          />
          <TextInput
            label={t('learningUi:fieldSlug')}
            description={t('learningUi:fieldSlugHelp')}
            value={values.slug}
            onChange={(event) => set('slug', event.currentTarget.value.toLowerCase())}
            error={errors.slug}
            maxLength={80}
          />
          <Fieldset legend={t('learningUi:programmeCourses')}>
            <Stack gap="sm">
              {values.courses.length === 0 ? (
                <Text size="sm">{t('learningUi:programmeNoCourses')}</Text>
              ) : (
                <SortableList
                  items={values.courses}
                  getId={(c) => c.id}
                  getName={(c) => c.title}
                  onMove={(course, position) => {
                    const rest = values.courses.filter((c) => c.id !== course.id);
                    rest.splice(position, 0, course);
                    set('courses', rest);
                  }}
                  testId="programme-courses"
                  renderItem={(course, index) => (
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Text>
                        {index + 1}. {course.title}
                      </Text>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => set('courses', values.courses.filter((c) => c.id !== course.id))}>
                        {t('learningUi:removeCourse', { title: course.title })}
                      </Button>
                    </Group>
                  )}
                />
              )}
              {errors.courseIds && (
                <Text c="red.8" size="sm" role="alert">
                  {errors.courseIds}
                </Text>
              )}
              <Group align="flex-end" gap="sm" wrap="wrap">
                <NativeSelect
                  label={t('learningUi:addCourseToProgramme')}
                  value={toAdd}
                  onChange={(event) => setToAdd(event.currentTarget.value)}
                  data={[{ value: '', label: t('learningUi:chooseCourse') }, ...available.map((c) => ({ value: c.id, label: `${c.title} (${t(`learningUi:status_${c.status}`)})` }))]}
                  style={{ flex: 1, minWidth: 200 }}
                  data-testid="programme-add-course"
                />
                <Button
                  variant="default"
                  disabled={!toAdd}
                  onClick={() => {
                    const course = available.find((c) => c.id === toAdd);
                    if (course) set('courses', [...values.courses, { id: course.id, title: course.title }]);
                    setToAdd('');
                  }}
                >
                  {t('learningUi:addCourse')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('learningUi:certificateHeading')}>
            <Stack gap="sm">
              <TextInput
                label={t('learningUi:certificateIssuer')}
                value={values.certificateIssuer}
                onChange={(event) => set('certificateIssuer', event.currentTarget.value)}
                error={errors.certificateIssuer}
                maxLength={200}
                required
              />
              <SignatoriesEditor idPrefix="programme" rows={values.signatories} onChange={(rows) => set('signatories', rows)} />
            </Stack>
          </Fieldset>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <div role="status">{message && <Text c="dark.7" fw={500}>{message}</Text>}</div>
          <Group>
            <Button type="submit" loading={creating.loading || updating.loading} data-testid="save-programme">
              {programme ? t('learningUi:saveProgramme') : t('learningUi:createProgramme')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export default function ProgrammeEditorPage() {
  const { slug } = useParams();
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(PROGRAMME_FOR_EDITING, { variables: { slug: slug ?? '' }, skip: !slug });
  if (!slug) {
    return (
      <Page title={t('learningUi:newProgramme')}>
        <Anchor component={Link} to="/manage/programmes">
          {t('learningUi:backToManageProgrammes')}
        </Anchor>
        <ProgrammeForm programme={null} />
      </Page>
    );
  }
  if (loading && !data) return <Loading label={t('nav:loading')} />;
  const programme = data?.programme;
  if (error || !programme) {
    return (
      <Page title={t('learningUi:programmeNotFound')}>
        <Alert color="red" role="alert">
          {error ? describeError(error, t).message : t('learningUi:programmeNotFoundBody')}
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={t('learningUi:editorTitle', { title: programme.title })} heading={programme.title}>
      <Anchor component={Link} to="/manage/programmes">
        {t('learningUi:backToManageProgrammes')}
      </Anchor>
      <ProgrammeForm key={programme.id} programme={programme} />
    </Page>
  );
}
