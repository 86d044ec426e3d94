import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { EvidencePicker, type PickedEvidence } from '../../evidence/picker/EvidencePicker';
import { ADD_MATERIAL, MATERIAL_PHASES, REMOVE_MATERIAL, type MaterialPhase, type WorkshopEditing } from '../operations-workshops';
import { isUrl } from './validation';

/** Links to evidence items and files, before the workshop or after it. */
export function MaterialsEditor({ workshop }: { workshop: WorkshopEditing }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<MaterialPhase>('BEFORE');
  const [kind, setKind] = useState<'LINK' | 'EVIDENCE'>('LINK');
  const [evidence, setEvidence] = useState<PickedEvidence | null>(null);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [addMaterial, adding] = useMutation(ADD_MATERIAL);
  const [removeMaterial] = useMutation(REMOVE_MATERIAL);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (kind === 'EVIDENCE') {
      if (!evidence) found.evidence = t('workshopsUi:errorMaterialEvidence');
    } else {
      if (!title.trim()) found.title = t('workshopsUi:errorMaterialTitle');
      if (!isUrl(url)) found.url = t('workshopsUi:errorUrl');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // An evidence item's page is its link; its title is the default title.
    const input = kind === 'EVIDENCE' && evidence ? { phase, evidenceItemId: evidence.id, title: title.trim() || null } : { phase, title: title.trim(), url: url.trim() };
    try {
      await addMaterial({ variables: { workshopId: workshop.id, input } });
      setTitle('');
      setUrl('');
      setEvidence(null);
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };
  const remove = async (id: string) => {
    setFailure(null);
    try {
      await removeMaterial({ variables: { id } });
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="md" data-testid="materials-editor">
      {MATERIAL_PHASES.map((value) => {
        const items = workshop.materials.filter((m) => m.phase === value);
        return (
          <Stack key={value} gap="xs">
            <Title order={3} size="h4">
              {t(`workshopsUi:phase_${value}`)}
            </Title>
            {items.length === 0 ? (
              <Text size="sm">{t('workshopsUi:noMaterials')}</Text>
            ) : (
              <List spacing="xs">
                {items.map((material) => (
                  <List.Item key={material.id}>
                    <Group gap="sm" wrap="wrap">
                      {material.evidenceItem ? (
                        <Anchor component={Link} to={`/evidence/${encodeURIComponent(material.evidenceItem.id)}`} style={{ overflowWrap: 'anywhere' }}>
                          {material.title}
                        </Anchor>
                      ) : (
                        <Anchor href={material.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                          {material.title}
                        </Anchor>
                      )}
                      <Button variant="subtle" color="red" size="xs" onClick={() => void remove(material.id)}>
                        {t('workshopsUi:removeMaterial', { title: material.title })}
                      </Button>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-material-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-material-heading">
            {t('workshopsUi:addMaterialHeading')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('workshopsUi:materialPhase')}
              value={phase}
              onChange={(event) => setPhase(event.currentTarget.value as MaterialPhase)}
              data={MATERIAL_PHASES.map((value) => ({ value, label: t(`workshopsUi:phase_${value}`) }))}
            />
            <NativeSelect
              label={t('workshopsUi:materialKind')}
              value={kind}
              onChange={(event) => {
                setKind(event.currentTarget.value as 'LINK' | 'EVIDENCE');
                setErrors({});
              }}
              data={[
                { value: 'LINK', label: t('workshopsUi:materialKind_LINK') },
                { value: 'EVIDENCE', label: t('workshopsUi:materialKind_EVIDENCE') },
              ]}
              data-testid="material-kind"
            />
          </SimpleGrid>
          {kind === 'EVIDENCE' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Stack gap={4}>
                <EvidencePicker
                  label={t('workshopsUi:materialEvidence')}
                  nothingFound={t('workshopsUi:materialEvidenceNothingFound')}
                  searchingLabel={t('workshopsUi:materialEvidenceSearching')}
                  exclude={evidence ? [evidence.id] : []}
                  error={errors.evidence}
                  onPick={setEvidence}
                  data-testid="material-evidence-picker"
                />
                <Text size="sm" aria-live="polite" data-testid="material-evidence-chosen">
                  {evidence ? t('workshopsUi:materialEvidenceChosen', { title: evidence.title }) : ''}
                </Text>
              </Stack>
              <TextInput
                label={t('workshopsUi:materialTitleOptional')}
                description={t('workshopsUi:materialTitleOptionalHelp')}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                maxLength={200}
              />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('workshopsUi:materialTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} maxLength={200} required />
              <TextInput type="url" label={t('workshopsUi:materialUrl')} value={url} onChange={(event) => setUrl(event.currentTarget.value)} error={errors.url} maxLength={500} required />
            </SimpleGrid>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={adding.loading} data-testid="add-material">
              {t('workshopsUi:addMaterial')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
