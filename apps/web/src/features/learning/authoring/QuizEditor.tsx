import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { SAVE_QUIZ, type LessonEditing } from '../operations-authoring';
import type { QuestionKind } from '../operations-catalogue';
import { LOCALES, draftFrom, languageName, type LocalizedDraft } from '../shared/localized';
import { optionDraft, questionDraft, quizInput, validateQuiz, draftKey, type QuestionDraft, type QuizDraft, type QuizErrors } from './quiz-validation';

function draftFromLesson(lesson: LessonEditing): QuizDraft {
  const quiz = lesson.quiz;
  return {
    passMark: String(quiz?.passMark ?? 70),
    maxAttempts: quiz?.maxAttempts ? String(quiz.maxAttempts) : '',
    questions: (quiz?.questions ?? []).map((q) => ({
      key: draftKey(),
      id: q.id,
      kind: q.kind,
      prompt: draftFrom(q.promptTranslations),
      explanation: draftFrom(q.explanationTranslations),
      options: q.options.map((o) => ({ key: draftKey(), id: o.id, text: draftFrom(o.textTranslations), correct: Boolean(o.correct) })),
    })),
  };
}

/** One text per course language, stacked (short texts: a tab per language would hide the others). */
function LanguageInputs({
  idPrefix,
  label,
  value,
  languages,
  onChange,
  error,
  multiline,
}: {
  idPrefix: string;
  label: string;
  value: LocalizedDraft;
  languages: string[];
  onChange: (value: LocalizedDraft) => void;
  error?: string;
  multiline?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const shown = LOCALES.filter((l) => languages.includes(l));
  return (
    <Stack gap={4}>
      {(shown.length ? shown : (['es'] as const)).map((locale, index) => {
        const props = {
          id: `${idPrefix}-${locale}`,
          label: t('learningUi:fieldInLanguage', { field: label, language: languageName(locale, i18n.language) }),
          value: value[locale],
          lang: locale,
          error: index === 0 ? error : undefined,
          'aria-invalid': error ? true : undefined,
          onChange: (event: { currentTarget: { value: string } }) => onChange({ ...value, [locale]: event.currentTarget.value }),
        };
        return multiline ? <Textarea key={locale} {...props} autosize minRows={2} maxLength={2000} /> : <TextInput key={locale} {...props} maxLength={500} />;
      })}
    </Stack>
  );
}

function QuestionEditor({
  question,
  index,
  count,
  languages,
  errors,
  onChange,
  onRemove,
  onMove,
}: {
  question: QuestionDraft;
  index: number;
  count: number;
  languages: string[];
  errors: QuizErrors;
  onChange: (question: QuestionDraft) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  const optionsError = errors[`${question.key}.options`];
  const setOption = (key: string, patch: Partial<QuestionDraft['options'][number]>) =>
    onChange({ ...question, options: question.options.map((o) => (o.key === key ? { ...o, ...patch } : o)) });
  const markCorrect = (key: string, checked: boolean) => {
    if (question.kind === 'SINGLE') onChange({ ...question, options: question.options.map((o) => ({ ...o, correct: o.key === key ? checked : false })) });
    else setOption(key, { correct: checked });
  };
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`question-${question.key}`} data-testid="quiz-question">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={5} id={`question-${question.key}`}>
            {t('learningUi:questionNumber', { number })}
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" disabled={index === 0} onClick={() => onMove(-1)}>
              {t('learningUi:moveQuestionUp', { number })}
            </Button>
            <Button size="xs" variant="default" disabled={index === count - 1} onClick={() => onMove(1)}>
              {t('learningUi:moveQuestionDown', { number })}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
              {t('learningUi:removeQuestion', { number })}
            </Button>
          </Group>
        </Group>
        <NativeSelect
          id={`q-${question.key}-kind`}
          label={t('learningUi:questionKind', { number })}
          value={question.kind}
          onChange={(event) => {
            const kind = event.currentTarget.value as QuestionKind;
            // Going to single choice keeps only the first correct option.
            let seen = false;
            const options = kind === 'SINGLE' ? question.options.map((o) => (o.correct && !seen ? ((seen = true), o) : { ...o, correct: false })) : question.options;
            onChange({ ...question, kind, options });
          }}
          data={[
            { value: 'SINGLE', label: t('learningUi:kind_SINGLE') },
            { value: 'MULTIPLE', label: t('learningUi:kind_MULTIPLE') },
          ]}
        />
        <LanguageInputs
          idPrefix={`q-${question.key}-prompt`}
          label={t('learningUi:questionPrompt', { number })}
          value={question.prompt}
          languages={languages}
          onChange={(prompt) => onChange({ ...question, prompt })}
          error={errors[`${question.key}.prompt`] && t(errors[`${question.key}.prompt`])}
          multiline
        />
        <Fieldset legend={t('learningUi:optionsLegend', { number })} aria-describedby={optionsError ? `q-${question.key}-options-error` : undefined}>
          <Stack gap="sm">
            {question.options.map((option, optionIndex) => {
              const optionLabel = t('learningUi:optionNumber', { number: optionIndex + 1 });
              const correctLabel = t('learningUi:optionCorrect', { option: optionIndex + 1, question: number });
              return (
                <Stack key={option.key} gap={4} data-testid="quiz-option">
                  <LanguageInputs
                    idPrefix={`o-${option.key}-text`}
                    label={t('learningUi:optionText', { option: optionIndex + 1, question: number })}
                    value={option.text}
                    languages={languages}
                    onChange={(text) => setOption(option.key, { text })}
                    error={errors[`${option.key}.text`] && t(errors[`${option.key}.text`])}
                  />
                  <Group gap="md">
                    {question.kind === 'SINGLE' ? (
                      <Radio
                        name={`q-${question.key}-correct`}
                        label={correctLabel}
                        checked={option.correct}
                        onChange={(event) => markCorrect(option.key, event.currentTarget.checked)}
                      />
                    ) : (
                      <Checkbox label={correctLabel} checked={option.correct} onChange={(event) => markCorrect(option.key, event.currentTarget.checked)} />
                    )}
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      disabled={question.options.length <= 2}
                      onClick={() => onChange({ ...question, options: question.options.filter((o) => o.key !== option.key) })}
                    >
                      {t('learningUi:removeOption', { option: optionLabel, question: number })}
                    </Button>
                  </Group>
                </Stack>
              );
            })}
            {optionsError && (
              <Text c="red.8" size="sm" id={`q-${question.key}-options-error`} data-testid="quiz-options-error">
                {t(optionsError)}
              </Text>
            )}
            <Group>
              <Button size="xs" variant="default" disabled={question.options.length >= 10} onClick={() => onChange({ ...question, options: [...question.options, optionDraft()] })}>
                {t('learningUi:addOption', { number })}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <LanguageInputs
          idPrefix={`q-${question.key}-explanation`}
          label={t('learningUi:questionExplanation', { number })}
          value={question.explanation}
          languages={languages}
          onChange={(explanation) => onChange({ ...question, explanation })}
          multiline
        />
      </Stack>
    </Paper>
  );
}

/** Pass mark, attempts and the questions of a QUIZ lesson, saved together with saveQuiz. */
export function QuizEditor({ lesson, languages }: { lesson: LessonEditing; languages: string[] }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<QuizDraft>(() => draftFromLesson(lesson));
  const [errors, setErrors] = useState<QuizErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saveQuiz, { loading }] = useMutation(SAVE_QUIZ);

  const update = (next: QuizDraft) => {
    setSaved(false);
    setDraft(next);
  };
  const setQuestion = (key: string, question: QuestionDraft) => update({ ...draft, questions: draft.questions.map((q) => (q.key === key ? question : q)) });
  const moveQuestion = (index: number, delta: number) => {
    const questions = [...draft.questions];
    const [moved] = questions.splice(index, 1);
    questions.splice(index + delta, 0, moved);
    update({ ...draft, questions });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setFailure(null);
    const found = validateQuiz(draft, languages);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(t('learningUi:quizHasErrors', { number: Object.keys(found).length }));
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    try {
      const result = await saveQuiz({ variables: { lessonId: lesson.id, input: quizInput(draft) } });
      const stored = result.data ? draftFromLesson(result.data.saveQuiz) : null;
      // Ids of new questions and options come back from the API.
      if (stored) setDraft(stored);
      setSaved(true);
    } catch (error) {
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="quiz-editor" aria-labelledby={`quiz-${lesson.id}`}>
      <Stack gap="md">
        <Title order={4} id={`quiz-${lesson.id}`}>
          {t('learningUi:quizHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id={`quiz-${lesson.id}-pass-mark`}
            label={t('learningUi:passMark')}
            description={t('learningUi:passMarkHelp')}
            inputMode="numeric"
            value={draft.passMark}
            onChange={(event) => update({ ...draft, passMark: event.currentTarget.value })}
            error={errors.passMark && t(errors.passMark)}
            data-testid="quiz-pass-mark"
          />
          <TextInput
            id={`quiz-${lesson.id}-attempts`}
            label={t('learningUi:maxAttempts')}
            description={t('learningUi:maxAttemptsHelp')}
            inputMode="numeric"
            value={draft.maxAttempts}
            onChange={(event) => update({ ...draft, maxAttempts: event.currentTarget.value })}
            error={errors.maxAttempts && t(errors.maxAttempts)}
            data-testid="quiz-max-attempts"
          />
        </SimpleGrid>
        {draft.questions.map((question, index) => (
          <QuestionEditor
            key={question.key}
            question={question}
            index={index}
            count={draft.questions.length}
            languages={languages}
            errors={errors}
            onChange={(next) => setQuestion(question.key, next)}
            onRemove={() => update({ ...draft, questions: draft.questions.filter((q) => q.key !== question.key) })}
            onMove={(delta) => moveQuestion(index, delta)}
          />
        ))}
        {errors.questions && (
          <Text c="red.8" size="sm" data-testid="quiz-questions-error">
            {t(errors.questions)}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => update({ ...draft, questions: [...draft.questions, questionDraft()] })} data-testid="add-question">
            {t('learningUi:addQuestion')}
          </Button>
        </Group>
        {failure && (
          <Alert color="red" role="alert" data-testid="quiz-failure">
            {failure}
          </Alert>
        )}
        <div role="status">{saved && <Text c="dark.7" fw={500}>{t('learningUi:quizSaved')}</Text>}</div>
        <Group>
          <Button type="submit" loading={loading} data-testid="save-quiz">
            {t('learningUi:saveQuiz')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
