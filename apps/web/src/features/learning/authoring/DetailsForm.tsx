import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { DIRECTORY_FOCUS_AREAS } from '../../alliance/directory/operations';
import { focusAreaName } from '../../alliance/directory/filters';
import { CREATE_COURSE, MANAGED_COURSES, UPDATE_COURSE, type CourseEditing, type CourseInput } from '../operations-authoring';
import { COURSE_FORMATS, COURSE_LEVELS, ENROLMENT_POLICIES, type CourseFormat, type CourseLevel, type EnrolmentPolicy, type LearningFileFields } from '../operations-catalogue';
import { LocalizedFields } from '../shared/LocalizedFields';
import { FileUploadField } from '../shared/FileUploadField';
import { SignatoriesEditor, signatoriesInput, signatoryDraft, type SignatoryDraft } from '../shared/SignatoriesEditor';
import { draftFrom, emptyDraft, hasAnyText, inputFrom, languageName, type LocalizedDraft } from '../shared/localized';
import { topLevelFieldMessages } from '../shared/format';

const IMAGE_BYTES_MAX = 2 * 1024 * 1024;

interface DetailsValues {
  slug: string;
  text: { title: LocalizedDraft; summary: LocalizedDraft; audience: LocalizedDraft };
  level: CourseLevel;
  format: CourseFormat;
  estimatedHours: string;
  languages: string[];
  focusAreaIds: string[];
  prerequisiteIds: string[];
  coverImage: LearningFileFields | null;
  enrolmentPolicy: EnrolmentPolicy;
  certificateIssuer: string;
  signatories: SignatoryDraft[];
}

function valuesFrom(course: CourseEditing | null): DetailsValues {
  if (!course) {
    return {
      slug: '',
      text: { title: emptyDraft(), summary: emptyDraft(), audience: emptyDraft() },
      level: 'INTRODUCTORY',
      format: 'SELF_PACED',
      estimatedHours: '',
      languages: ['es'],
      focusAreaIds: [],
      prerequisiteIds: [],
      coverImage: null,
      enrolmentPolicy: 'OPEN',
      certificateIssuer: '',
      signatories: [],
    };
  }
  return {
    slug: course.slug,
    text: { title: draftFrom(course.titleTranslations), summary: draftFrom(course.summaryTranslations), audience: draftFrom(course.audienceTranslations) },
    level: course.level,
    format: course.format,
    estimatedHours: String(course.estimatedHours),
    languages: course.languages,
    focusAreaIds: course.focusAreas.map((area) => area.id),
    prerequisiteIds: course.prerequisites.map((p) => p.id),
    coverImage: course.coverImage,
    enrolmentPolicy: course.enrolmentPolicy,
    certificateIssuer: course.certificateIssuer,
    signatories: course.certificateSignatories.map((s) => signatoryDraft(s)),
  };
}

/** Client-side checks that save a round trip; the API checks everything again. */
export function validateDetails(values: DetailsValues, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!hasAnyText(values.text.title)) errors.title = t('learningUi:errorTitleRequired');
  if (!hasAnyText(values.text.summary)) errors.summary = t('learningUi:errorSummaryRequired');
  const hours = Number(values.estimatedHours.replace(',', '.'));
  if (!values.estimatedHours.trim() || !Number.isFinite(hours) || hours <= 0 || hours > 1000) errors.estimatedHours = t('learningUi:errorHours');
  if (values.languages.length === 0) errors.languages = t('learningUi:errorLanguages');
  if (values.slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug)) errors.slug = t('learningUi:errorSlug');
  if (!values.certificateIssuer.trim()) errors.certificateIssuer = t('learningUi:errorIssuer');
  return errors;
}

export function DetailsForm({ course }: { course: CourseEditing | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<DetailsValues>(() => valuesFrom(course));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const focusAreas = useQuery(DIRECTORY_FOCUS_AREAS, { variables: { includeInactive: false } });
  const others = useQuery(MANAGED_COURSES, { variables: { first: 100 } });
  const [createCourse, creating] = useMutation(CREATE_COURSE);
  const [updateCourse, updating] = useMutation(UPDATE_COURSE);
  const submitting = creating.loading || updating.loading;

  const set = <K extends keyof DetailsValues>(key: K, value: DetailsValues[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const focusFirstError = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const found = validateDetails(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }
    const input: CourseInput = {
      slug: values.slug.trim() || null,
      title: inputFrom(values.text.title),
      summary: inputFrom(values.text.summary),
      audience: inputFrom(values.text.audience),
      level: values.level,
      format: values.format,
      estimatedHours: Number(values.estimatedHours.replace(',', '.')),
      languages: values.languages,
      focusAreaIds: values.focusAreaIds,
      prerequisiteIds: values.prerequisiteIds,
      coverImageId: values.coverImage?.id ?? null,
      enrolmentPolicy: values.enrolmentPolicy,
      certificateIssuer: values.certificateIssuer.trim(),
      certificateSignatories: signatoriesInput(values.signatories),
    };
    try {
      if (course) {
        const result = await updateCourse({ variables: { id: course.id, input } });
        if (result.data) setValues(valuesFrom(result.data.updateCourse));
        setSaved(true);
      } else {
        const result = await createCourse({ variables: { input }, refetchQueries: [MANAGED_COURSES] });
        if (result.data) navigate(`/manage/courses/${result.data.createCourse.id}?tab=structure`);
      }
    } catch (error) {
      setErrors(topLevelFieldMessages(apiFieldMessages(error)));
      setFailure(describeError(error, t).message);
      focusFirstError();
    }
  };

  const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
  const areas = [...(focusAreas.data?.focusAreas ?? [])].sort((a, b) => collator.compare(focusAreaName(a, i18n.language), focusAreaName(b, i18n.language)));
  const prerequisiteOptions = (others.data?.managedCourses.edges.map((edge) => edge.node) ?? []).filter((other) => other.id !== course?.id);

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="details-form">
      <Stack gap="md">
        <LocalizedFields
          idPrefix="course"
          label={t('learningUi:textByLanguage')}
          fields={[
            { name: 'title', label: t('learningUi:fieldTitle'), maxLength: 200 },
            { name: 'summary', label: t('learningUi:fieldSummary'), multiline: true, maxLength: 2000 },
            { name: 'audience', label: t('learningUi:fieldAudience'), multiline: true, maxLength: 500 },
          ]}
          values={values.text}
          onChange={(field, locale, value) =>
            set('text', { ...values.text, [field]: { ...values.text[field as keyof DetailsValues['text']], [locale]: value } })
          }
          errors={errors}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('learningUi:fieldSlug')}
            description={t('learningUi:fieldSlugHelp')}
            value={values.slug}
            onChange={(event) => set('slug', event.currentTarget.value.toLowerCase())}
            error={errors.slug}
            maxLength={80}
            data-testid="course-slug"
          />
          <TextInput
            label={t('learningUi:fieldHours')}
            inputMode="decimal"
            value={values.estimatedHours}
            onChange={(event) => set('estimatedHours', event.currentTarget.value)}
            error={errors.estimatedHours}
            required
            data-testid="course-hours"
          />
          <NativeSelect
            label={t('learningUi:level')}
            value={values.level}
            onChange={(event) => set('level', event.currentTarget.value as CourseLevel)}
            data={COURSE_LEVELS.map((level) => ({ value: level, label: t(`learningUi:level_${level}`) }))}
            error={errors.level}
          />
          <NativeSelect
            label={t('learningUi:format')}
            description={t('learningUi:formatHelp')}
            value={values.format}
            onChange={(event) => set('format', event.currentTarget.value as CourseFormat)}
            data={COURSE_FORMATS.map((format) => ({ value: format, label: t(`learningUi:format_${format}`) }))}
            error={errors.format}
          />
          <NativeSelect
            label={t('learningUi:policy')}
            value={values.enrolmentPolicy}
            onChange={(event) => set('enrolmentPolicy', event.currentTarget.value as EnrolmentPolicy)}
            data={ENROLMENT_POLICIES.map((policy) => ({ value: policy, label: t(`learningUi:policy_${policy}`) }))}
            error={errors.enrolmentPolicy}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('learningUi:languagesOffered')} value={values.languages} onChange={(value) => set('languages', value)} error={errors.languages}>
          <Group mt="xs">
            {LOCALES.map((code) => (
              <Checkbox key={code} value={code} label={languageName(code, i18n.language)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('learningUi:focusAreas')} value={values.focusAreaIds} onChange={(value) => set('focusAreaIds', value)} error={errors.focusAreaIds}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {areas.map((area) => (
              <Checkbox key={area.id} value={area.id} label={focusAreaName(area, i18n.language)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('learningUi:prerequisites')}
          description={t('learningUi:prerequisitesHelp')}
          value={values.prerequisiteIds}
          onChange={(value) => set('prerequisiteIds', value)}
          error={errors.prerequisiteIds}
        >
          <Stack mt="xs" gap="xs">
            {prerequisiteOptions.length === 0 && <Text size="sm">{t('learningUi:noOtherCourses')}</Text>}
            {prerequisiteOptions.map((other) => (
              <Checkbox key={other.id} value={other.id} label={`${other.title} (${t(`learningUi:status_${other.status}`)})`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FileUploadField
          id="course-cover"
          label={t('learningUi:coverImage')}
          description={t('learningUi:coverImageHelp')}
          accept="image/png,image/jpeg,image/webp"
          maxBytes={IMAGE_BYTES_MAX}
          file={values.coverImage}
          onChange={(file) => set('coverImage', file)}
          error={errors.coverImageId}
        />
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
            <SignatoriesEditor idPrefix="course" rows={values.signatories} onChange={(rows) => set('signatories', rows)} />
          </Stack>
        </Fieldset>
        {failure && (
          <Alert color="red" role="alert" data-testid="details-failure">
            {failure}
          </Alert>
        )}
        <div role="status">{saved && <Text c="dark.7" fw={500}>{t('learningUi:saved')}</Text>}</div>
        <Group>
          <Button type="submit" loading={submitting} data-testid="save-details">
            {course ? t('learningUi:saveDetails') : t('learningUi:createCourse')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
