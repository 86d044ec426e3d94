import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { EvidencePicker, type PickedEvidence } from '../../evidence/picker/EvidencePicker';
import { SET_COURSE_EVIDENCE, type CourseEditing } from '../operations-authoring';
import { SortableList } from '../shared/SortableList';

/** The API refuses more; the picker hides once the list is full. */
export const COURSE_EVIDENCE_MAX = 20;

/**
 * The course's "related evidence": evidence bank items picked by search, put in order (drag, or the
 * up/down buttons), removed, and saved together.
 */
export function RelatedEvidenceEditor({ course }: { course: CourseEditing }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<PickedEvidence[]>(() => course.relatedEvidence.map(({ id, title }) => ({ id, title })));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [save, saving] = useMutation(SET_COURSE_EVIDENCE);

  const change = (next: PickedEvidence[]) => {
    setItems(next);
    setDirty(true);
    setSaved(false);
  };
  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await save({ variables: { courseId: course.id, evidenceItemIds: items.map((i) => i.id) } });
      if (data) setItems(data.setCourseEvidence.relatedEvidence.map(({ id, title }) => ({ id, title })));
      setDirty(false);
      setSaved(true);
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="related-evidence-heading" mt="xl" data-testid="related-evidence-editor">
      <Title order={3} size="h4" id="related-evidence-heading">
        {t('learningUi:relatedEvidence')}
      </Title>
      <Text size="sm">{t('learningUi:relatedEvidenceHelp', { max: COURSE_EVIDENCE_MAX })}</Text>
      {items.length === 0 ? (
        <Text size="sm" c="dark.6">
          {t('learningUi:relatedEvidenceEmpty')}
        </Text>
      ) : (
        <SortableList
          items={items}
          getId={(item) => item.id}
          getName={(item) => item.title}
          busy={saving.loading}
          testId="related-evidence-list"
          onMove={(item, position) => {
            const rest = items.filter((i) => i.id !== item.id);
            change([...rest.slice(0, position), item, ...rest.slice(position)]);
          }}
          renderItem={(item) => (
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/evidence/${encodeURIComponent(item.id)}`} size="sm">
                {item.title}
              </Anchor>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={saving.loading}
                onClick={() => change(items.filter((i) => i.id !== item.id))}
                aria-label={t('learningUi:relatedEvidenceRemove', { name: item.title })}
                data-testid={`remove-evidence-${item.id}`}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            </Group>
          )}
        />
      )}
      {items.length < COURSE_EVIDENCE_MAX && (
        <EvidencePicker
          label={t('learningUi:relatedEvidenceSearch')}
          nothingFound={t('learningUi:relatedEvidenceNothingFound')}
          searchingLabel={t('learningUi:relatedEvidenceSearching')}
          exclude={items.map((i) => i.id)}
          disabled={saving.loading}
          onPick={(item) => change([...items, item])}
          data-testid="related-evidence-picker"
        />
      )}
      {failure && (
        <Alert color="red" role="alert" data-testid="related-evidence-failure">
          {failure}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void submit()} loading={saving.loading} disabled={!dirty} data-testid="save-related-evidence">
          {t('learningUi:relatedEvidenceSave')}
        </Button>
      </Group>
      <div role="status">{saved && <Text c="dark.7" fw={500}>{t('learningUi:saved')}</Text>}</div>
    </Stack>
  );
}
