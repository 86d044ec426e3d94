import { Button, Checkbox, Fieldset, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalizedFields } from '../../learning/shared/LocalizedFields';
import { emptyDraft } from '../../learning/shared/localized';
import { QUESTION_TYPES, type QuestionType } from '../operations-workshops';
import { rowKey, type QuestionDraft } from './validation';

export function questionDraft(): QuestionDraft {
  return { key: rowKey(), id: null, type: 'TEXT', prompt: emptyDraft(), options: '', required: false };
}

/** The questions people answer when they register: short text, a choice among options, or a consent. */
export function QuestionsEditor({ rows, onChange, errors }: { rows: QuestionDraft[]; onChange: (rows: QuestionDraft[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<QuestionDraft>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const move = (index: number, delta: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + delta, 0, row);
    onChange(next);
  };
  return (
    <Fieldset legend={t('workshopsUi:questions')} data-testid="questions-editor">
      <Stack gap="sm">
        <Text size="sm">{t('workshopsUi:questionsHelp')}</Text>
        {rows.length === 0 && <Text size="sm">{t('workshopsUi:noQuestions')}</Text>}
        {rows.map((row, index) => (
          <Paper key={row.key} withBorder p="sm" data-testid="question-row">
            <Stack gap="sm">
              <Text fw={600}>{t('workshopsUi:questionNumber', { number: index + 1 })}</Text>
              <NativeSelect
                label={t('workshopsUi:questionType', { number: index + 1 })}
                value={row.type}
                onChange={(event) => update(row.key, { type: event.currentTarget.value as QuestionType })}
                data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`workshopsUi:questionType_${type}`) }))}
                data-testid={`question-type-${index}`}
              />
              <LocalizedFields
                idPrefix={`question-${row.key}`}
                label={t('workshopsUi:questionTextByLanguage', { number: index + 1 })}
                fields={[{ name: 'prompt', label: t('workshopsUi:questionPrompt', { number: index + 1 }), maxLength: 500 }]}
                values={{ prompt: row.prompt }}
                onChange={(_field, locale, value) => update(row.key, { prompt: { ...row.prompt, [locale]: value } })}
                errors={{ prompt: errors[`${row.key}.prompt`] }}
              />
              {row.type === 'CHOICE' && (
                <Textarea
                  label={t('workshopsUi:questionOptions', { number: index + 1 })}
                  description={t('workshopsUi:questionOptionsHelp')}
                  value={row.options}
                  onChange={(event) => update(row.key, { options: event.currentTarget.value })}
                  error={errors[`${row.key}.options`]}
                  autosize
                  minRows={3}
                  data-testid={`question-options-${index}`}
                />
              )}
              <Checkbox
                label={row.type === 'CONSENT' ? t('workshopsUi:questionRequiredConsent') : t('workshopsUi:questionRequired')}
                checked={row.required}
                onChange={(event) => update(row.key, { required: event.currentTarget.checked })}
              />
              <Group gap="xs">
                <Button variant="default" size="xs" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('workshopsUi:moveUp', { number: index + 1 })}
                </Button>
                <Button variant="default" size="xs" disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                  {t('workshopsUi:moveDown', { number: index + 1 })}
                </Button>
                <Button variant="subtle" color="red" size="xs" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                  {t('workshopsUi:removeQuestion', { number: index + 1 })}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button variant="default" onClick={() => onChange([...rows, questionDraft()])} data-testid="add-question">
            {t('workshopsUi:addQuestion')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
