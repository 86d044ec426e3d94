import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { ARCHIVE_COURSE, COURSE_FOR_EDITING, PUBLISH_COURSE, type CourseEditing } from '../operations-authoring';
import { formatDateTime } from '../shared/format';
import { DetailsForm } from './DetailsForm';
import { StructureEditor } from './StructureEditor';
import { OfferingsEditor } from './OfferingsEditor';
import { RelatedEvidenceEditor } from './RelatedEvidenceEditor';
import { CourseStatusBadge } from '../shared/StatusBadge';

const TABS = ['details', 'structure', 'offerings'] as const;
type Tab = (typeof TABS)[number];

function Lifecycle({ course }: { course: CourseEditing }) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [publish, publishing] = useMutation(PUBLISH_COURSE);
  const [archive, archiving] = useMutation(ARCHIVE_COURSE);
  const run = async (action: 'publish' | 'archive') => {
    setFailure(null);
    setDone(null);
    try {
      if (action === 'publish') await publish({ variables: { id: course.id } });
      else await archive({ variables: { id: course.id } });
      setDone(action === 'publish' ? t('learningUi:publishedMessage') : t('learningUi:archivedMessage'));
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <CourseStatusBadge status={course.status} size="lg" data-testid="course-status" />
        {course.publishedAt && <Text size="sm">{t('learningUi:publishedOn', { date: formatDateTime(course.publishedAt, i18n.language) })}</Text>}
        {course.status !== 'PUBLISHED' && (
          <Button onClick={() => void run('publish')} loading={publishing.loading} data-testid="publish-course">
            {t('learningUi:publish')}
          </Button>
        )}
        {course.status === 'PUBLISHED' && (
          <Button variant="default" color="orange" onClick={() => void run('archive')} loading={archiving.loading} data-testid="archive-course">
            {t('learningUi:archive')}
          </Button>
        )}
        <Button component={Link} to={`/manage/courses/${course.id}/preview`} variant="default" data-testid="preview-course">
          {t('learningUi:previewAsLearner')}
        </Button>
        <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`}>
          {t('learningUi:viewCoursePage')}
        </Anchor>
        <Anchor component={Link} to={`/manage/courses/${course.id}/enrolments`}>
          {t('learningUi:enrolmentsLink')}
        </Anchor>
        <Anchor component={Link} to={`/manage/courses/${course.id}/report`}>
          {t('learningUi:reportLink')}
        </Anchor>
      </Group>
      {failure && (
        <Alert color="red" role="alert" data-testid="lifecycle-failure">
          {failure}
        </Alert>
      )}
      <div role="status">{done && <Text c="dark.7" fw={500}>{done}</Text>}</div>
    </Stack>
  );
}

export default function CourseEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && (TABS as readonly string[]).includes(requested) ? requested : 'details';
  const { data, loading, error } = useQuery(COURSE_FOR_EDITING, { variables: { id: id ?? '' }, skip: !id });

  if (!id) {
    return (
      <Page title={t('learningUi:newCourse')}>
        <Anchor component={Link} to="/manage/courses">
          {t('learningUi:backToManage')}
        </Anchor>
        <DetailsForm course={null} />
      </Page>
    );
  }
  if (loading && !data) return <Loading label={t('nav:loading')} />;
  const course = data?.courseForEditing;
  if (error || !course) {
    return (
      <Page title={t('learningUi:courseNotFound')}>
        <Alert color="red" role="alert">
          {error ? describeError(error, t).message : t('learningUi:courseNotFoundBody')}
        </Alert>
        <Anchor component={Link} to="/manage/courses">
          {t('learningUi:backToManage')}
        </Anchor>
      </Page>
    );
  }

  return (
    <Page title={t('learningUi:editorTitle', { title: course.title })} heading={course.title}>
      <Anchor component={Link} to="/manage/courses">
        {t('learningUi:backToManage')}
      </Anchor>
      <Lifecycle course={course} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('learningUi:editorSections')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`tab-${value}`}>
              {t(`learningUi:tab_${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Title order={2} size="h3" mb="md">
            {t('learningUi:tab_details')}
          </Title>
          <DetailsForm key={course.id} course={course} />
          <RelatedEvidenceEditor key={`evidence-${course.id}`} course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="structure" pt="md">
          <Title order={2} size="h3" mb="md">
            {t('learningUi:tab_structure')}
          </Title>
          <StructureEditor course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="offerings" pt="md">
          <Title order={2} size="h3" mb="md">
            {t('learningUi:tab_offerings')}
          </Title>
          <OfferingsEditor course={course} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
