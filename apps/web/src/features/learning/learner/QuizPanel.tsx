import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { SUBMIT_QUIZ_ATTEMPT, type QuizAttemptFields, type QuizFields } from '../operations-learner';

const legendStyle = { fontWeight: 600, padding: 0, marginBottom: 8 } as const;
const fieldsetStyle = { border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 16, margin: 0, minWidth: 0 } as const;

/** Attempts left, or null when unlimited. */
export function attemptsLeft(quiz: Pick<QuizFields, 'maxAttempts' | 'attemptsUsed'>): number | null {
  return quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - quiz.attemptsUsed);
}

/**
 * A quiz: one fieldset per question (radios for single choice, checkboxes for multiple), graded by
 * the server; the answer shows per question whether it was right, the right options and why.
 */
export function QuizPanel({ lessonId, quiz, onSubmitted }: { lessonId: string; quiz: QuizFields; onSubmitted: () => void }) {
  const { t, i18n } = useTranslation();
  const baseId = useId();
  const resultRef = useRef<HTMLDivElement>(null);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizAttemptFields | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [submit, { loading }] = useMutation(SUBMIT_QUIZ_ATTEMPT);
  const number = new Intl.NumberFormat(i18n.language);
  const percent = (value: number) => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(value / 100);
  const questions = [...quiz.questions].sort((a, b) => a.position - b.position);
  // Attempts known to the server, plus the one just submitted if the lesson has not been read again yet.
  const used = Math.max(quiz.attemptsUsed, result?.number ?? 0);
  const left = quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - used);
  const passed = quiz.passed || Boolean(result?.passed);
  const feedback = new Map(result?.feedback.map((f) => [f.questionId, f]) ?? []);
  const locked = result !== null || passed || left === 0;

  const toggle = (questionId: string, optionId: string, multiple: boolean, checked: boolean) => {
    setMissing((m) => m.filter((id) => id !== questionId));
    setAnswers((current) => {
      const previous = current[questionId] ?? [];
      const next = multiple ? (checked ? [...previous, optionId] : previous.filter((id) => id !== optionId)) : [optionId];
      return { ...current, [questionId]: next };
    });
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const unanswered = questions.filter((q) => !(answers[q.id]?.length ?? 0)).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`${baseId}-q-${unanswered[0]}`)?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    try {
      const response = await submit({ variables: { lessonId, answers: questions.map((q) => ({ questionId: q.id, optionIds: answers[q.id] ?? [] })) } });
      if (response.data) {
        setResult(response.data.submitQuizAttempt);
        onSubmitted();
        // Move to the verdict so keyboard and screen-reader users hear the result first.
        setTimeout(() => resultRef.current?.focus(), 0);
      }
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  const retry = () => {
    setResult(null);
    setAnswers({});
    setMissing([]);
  };

  return (
    <Stack gap="md" data-testid="quiz">
      <Text data-testid="quiz-rules">
        {t('learnerUi:quizRules', { passMark: percent(quiz.passMark) })}{' '}
        {quiz.maxAttempts === null
          ? t('learnerUi:attemptsUnlimited', { used: number.format(used) })
          : t('learnerUi:attemptsUsed', { used: number.format(used), max: number.format(quiz.maxAttempts) })}
      </Text>

      <Box ref={resultRef} tabIndex={-1} aria-live="polite">
        {result ? (
          <Alert color={result.passed ? 'teal.9' : 'orange.9'} variant="outline" title={result.passed ? t('learnerUi:quizPassed') : t('learnerUi:quizFailed')} data-testid="quiz-result" data-passed={result.passed}>
            <Text c="dark.9" data-testid="quiz-score">
              {t('learnerUi:quizScore', { score: percent(result.score), passMark: percent(quiz.passMark) })}
            </Text>
          </Alert>
        ) : quiz.passed ? (
          <Alert color="teal.9" variant="outline" data-testid="quiz-already-passed">
            <Text c="dark.9">{t('learnerUi:quizAlreadyPassed', { score: percent(quiz.bestScore ?? 0) })}</Text>
          </Alert>
        ) : left === 0 ? (
          <Alert color="red.9" variant="outline" data-testid="quiz-no-attempts">
            <Text c="dark.9">{t('learnerUi:noAttemptsLeft')}</Text>
          </Alert>
        ) : null}
      </Box>

      {failure && (
        <Alert color="red" role="alert" data-testid="quiz-error">
          {failure}
        </Alert>
      )}

      <form onSubmit={(e) => void send(e)} noValidate aria-label={t('learnerUi:quizFormLabel')}>
        <Stack gap="md">
          {questions.map((question, index) => {
            const chosen = answers[question.id] ?? [];
            const answer = feedback.get(question.id);
            const multiple = question.kind === 'MULTIPLE';
            const errorId = `${baseId}-err-${question.id}`;
            const unanswered = missing.includes(question.id);
            return (
              <fieldset
                key={question.id}
                id={`${baseId}-q-${question.id}`}
                style={fieldsetStyle}
                data-testid="quiz-question"
                data-correct={answer ? String(answer.correct) : undefined}
                aria-describedby={unanswered ? errorId : undefined}
              >
                <legend style={legendStyle}>
                  {t('learnerUi:questionNumber', { n: number.format(index + 1) })} {question.prompt}
                  <Text span size="sm" fw={400} c="dimmed" display="block">
                    {multiple ? t('learnerUi:chooseAll') : t('learnerUi:chooseOne')}
                  </Text>
                </legend>
                <Stack gap="xs">
                  {question.options.map((option) =>
                    multiple ? (
                      <Checkbox
                        key={option.id}
                        label={option.text}
                        checked={chosen.includes(option.id)}
                        disabled={locked}
                        onChange={(e) => toggle(question.id, option.id, true, e.currentTarget.checked)}
                      />
                    ) : (
                      <Radio
                        key={option.id}
                        name={`${baseId}-${question.id}`}
                        label={option.text}
                        value={option.id}
                        checked={chosen.includes(option.id)}
                        disabled={locked}
                        onChange={() => toggle(question.id, option.id, false, true)}
                      />
                    ),
                  )}
                </Stack>
                {unanswered && (
                  <Text c="red.9" size="sm" mt="xs" id={errorId}>
                    {t('learnerUi:answerRequired')}
                  </Text>
                )}
                {answer && (
                  <Stack gap={4} mt="sm" data-testid="question-feedback">
                    <Text fw={700} c={answer.correct ? 'teal.9' : 'red.9'}>
                      {answer.correct ? t('learnerUi:answerCorrect') : t('learnerUi:answerIncorrect')}
                    </Text>
                    {!answer.correct && (
                      <Box>
                        <Text size="sm">{t('learnerUi:correctOptions')}</Text>
                        <List size="sm" data-testid="correct-options">
                          {question.options
                            .filter((o) => answer.correctOptionIds.includes(o.id))
                            .map((o) => (
                              <List.Item key={o.id}>{o.text}</List.Item>
                            ))}
                        </List>
                      </Box>
                    )}
                    {answer.explanation && (
                      <Text size="sm" data-testid="question-explanation">
                        {answer.explanation}
                      </Text>
                    )}
                  </Stack>
                )}
              </fieldset>
            );
          })}
          <Group gap="sm">
            {!locked && (
              <Button type="submit" loading={loading} data-testid="submit-quiz">
                {t('learnerUi:submitQuiz')}
              </Button>
            )}
            {result && !result.passed && left !== 0 && (
              <Button variant="outline" onClick={retry} data-testid="retry-quiz">
                {t('learnerUi:retryQuiz')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {quiz.attempts.length > 0 && (
        <Box>
          <Title order={2} size="h5" mb={4}>
            {t('learnerUi:previousAttempts')}
          </Title>
          <List size="sm" data-testid="quiz-attempts">
            {quiz.attempts.map((attempt) => (
              <List.Item key={attempt.id}>
                {t('learnerUi:attemptLine', {
                  n: number.format(attempt.number),
                  score: percent(attempt.score),
                  verdict: attempt.passed ? t('learnerUi:quizPassed') : t('learnerUi:quizFailed'),
                })}
              </List.Item>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}
