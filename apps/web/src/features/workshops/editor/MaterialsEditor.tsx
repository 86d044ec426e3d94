import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ADD_MATERIAL, MATERIAL_PHASES, REMOVE_MATERIAL, type MaterialPhase, type WorkshopEditing } from '../operations-workshops';
import { isUrl } from './validation';

/** Links to evidence items and files, before the workshop or after it. */
export function MaterialsEditor({ workshop }: { workshop: WorkshopEditing }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<MaterialPhase>('BEFORE');
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
    if (!title.trim()) found.title = t('workshopsUi:errorMaterialTitle');
    if (!isUrl(url)) found.url = t('workshopsUi:errorUrl');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await addMaterial({ variables: { workshopId: workshop.id, input: { phase, title: title.trim(), url: url.trim() } } });
      setTitle('');
      setUrl('');
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
                      <Anchor href={material.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                        {material.title}
                      </Anchor>
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
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t('workshopsUi:materialPhase')}
              value={phase}
              onChange={(event) => setPhase(event.currentTarget.value as MaterialPhase)}
              data={MATERIAL_PHASES.map((value) => ({ value, label: t(`workshopsUi:phase_${value}`) }))}
            />
            <TextInput label={t('workshopsUi:materialTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.title} maxLength={200} required />
            <TextInput type="url" label={t('workshopsUi:materialUrl')} value={url} onChange={(event) => setUrl(event.currentTarget.value)} error={errors.url} maxLength={500} required />
          </SimpleGrid>
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
