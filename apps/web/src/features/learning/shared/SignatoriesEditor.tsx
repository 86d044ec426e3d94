import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface SignatoryDraft {
  key: number;
  name: string;
  title: string;
  organisation: string;
}

let nextKey = 1;
export function signatoryDraft(values: Partial<Omit<SignatoryDraft, 'key'>> = {}): SignatoryDraft {
  nextKey += 1;
  return { key: nextKey, name: values.name ?? '', title: values.title ?? '', organisation: values.organisation ?? '' };
}

/** The people who sign the certificate: name, position and organisation per row, up to three. */
export function SignatoriesEditor({ rows, onChange, idPrefix }: { rows: SignatoryDraft[]; onChange: (rows: SignatoryDraft[]) => void; idPrefix: string }) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<SignatoryDraft>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={t('learningUi:signatories')}>
      <Stack gap="sm">
        {rows.length === 0 && <Text size="sm">{t('learningUi:noSignatories')}</Text>}
        {rows.map((row, index) => (
          <Stack key={row.key} gap={4}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                id={`${idPrefix}-signatory-${row.key}-name`}
                label={t('learningUi:signatoryName', { number: index + 1 })}
                value={row.name}
                maxLength={200}
                onChange={(event) => update(row.key, { name: event.currentTarget.value })}
              />
              <TextInput
                id={`${idPrefix}-signatory-${row.key}-title`}
                label={t('learningUi:signatoryTitle', { number: index + 1 })}
                value={row.title}
                maxLength={200}
                onChange={(event) => update(row.key, { title: event.currentTarget.value })}
              />
              <TextInput
                id={`${idPrefix}-signatory-${row.key}-organisation`}
                label={t('learningUi:signatoryOrganisation', { number: index + 1 })}
                value={row.organisation}
                maxLength={200}
                onChange={(event) => update(row.key, { organisation: event.currentTarget.value })}
              />
            </SimpleGrid>
            <Group>
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                {t('learningUi:removeSignatory', { number: index + 1 })}
              </Button>
            </Group>
          </Stack>
        ))}
        {rows.length < 3 && (
          <Group>
            <Button variant="default" size="sm" onClick={() => onChange([...rows, signatoryDraft()])}>
              {t('learningUi:addSignatory')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

/** Rows with something typed in, trimmed, as the API wants them. */
export function signatoriesInput(rows: SignatoryDraft[]) {
  return rows
    .map((row) => ({ name: row.name.trim(), title: row.title.trim(), organisation: row.organisation.trim() }))
    .filter((row) => row.name || row.title || row.organisation);
}
