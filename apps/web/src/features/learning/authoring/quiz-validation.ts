import type { QuestionKind } from '../operations-catalogue';
import type { QuizInput } from '../operations-authoring';
import { LOCALES, emptyDraft, hasAnyText, inputFrom, type LocalizedDraft } from '../shared/localized';

export interface OptionDraft {
  key: string;
  id: string | null;
  text: LocalizedDraft;
  correct: boolean;
}
export interface QuestionDraft {
  key: string;
  id: string | null;
  kind: QuestionKind;
  prompt: LocalizedDraft;
  explanation: LocalizedDraft;
  options: OptionDraft[];
}
export interface QuizDraft {
  passMark: string;
  maxAttempts: string;
  questions: QuestionDraft[];
}

let counter = 0;
export function draftKey(): string {
  counter += 1;
  return `k${counter}`;
}
export function optionDraft(): OptionDraft {
  return { key: draftKey(), id: null, text: emptyDraft(), correct: false };
}
export function questionDraft(): QuestionDraft {
  return { key: draftKey(), id: null, kind: 'SINGLE', prompt: emptyDraft(), explanation: emptyDraft(), options: [optionDraft(), optionDraft()] };
}

/** Error keys (learningUi namespace) by field: "passMark", "maxAttempts", "questions", "<questionKey>.prompt", "<questionKey>.options", "<optionKey>.text". */
export type QuizErrors = Record<string, string>;

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * The same rules as the API's quiz schema, checked before sending so the author sees every problem
 * next to its question at once: pass mark 1-100, attempts empty (unlimited) or 1-20, at least one
 * question, each with a prompt, 2-10 options with text, one correct option for single choice and at
 * least one for multiple choice. Texts must exist in every language the course is offered in.
 */
export function validateQuiz(draft: QuizDraft, languages: readonly string[]): QuizErrors {
  const errors: QuizErrors = {};
  const required = LOCALES.filter((l) => languages.includes(l));
  const complete = (text: LocalizedDraft) => (required.length ? required.every((l) => text[l].trim() !== '') : hasAnyText(text));
  const passMark = wholeNumber(draft.passMark);
  if (!(passMark >= 1 && passMark <= 100)) errors.passMark = 'learningUi:errorPassMark';
  if (draft.maxAttempts.trim() !== '') {
    const attempts = wholeNumber(draft.maxAttempts);
    if (!(attempts >= 1 && attempts <= 20)) errors.maxAttempts = 'learningUi:errorMaxAttempts';
  }
  if (draft.questions.length === 0) errors.questions = 'learningUi:errorNoQuestions';
  if (draft.questions.length > 100) errors.questions = 'learningUi:errorTooManyQuestions';
  for (const question of draft.questions) {
    if (!complete(question.prompt)) errors[`${question.key}.prompt`] = 'learningUi:errorPrompt';
    if (question.options.length < 2 || question.options.length > 10) errors[`${question.key}.options`] = 'learningUi:errorOptionsCount';
    for (const option of question.options) if (!complete(option.text)) errors[`${option.key}.text`] = 'learningUi:errorOptionText';
    const correct = question.options.filter((o) => o.correct).length;
    if (!errors[`${question.key}.options`]) {
      if (question.kind === 'SINGLE' && correct !== 1) errors[`${question.key}.options`] = 'learningUi:errorSingleCorrect';
      if (question.kind === 'MULTIPLE' && correct < 1) errors[`${question.key}.options`] = 'learningUi:errorMultipleCorrect';
    }
  }
  return errors;
}

export function quizInput(draft: QuizDraft): QuizInput {
  return {
    passMark: wholeNumber(draft.passMark),
    maxAttempts: draft.maxAttempts.trim() === '' ? null : wholeNumber(draft.maxAttempts),
    questions: draft.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      prompt: inputFrom(q.prompt),
      explanation: inputFrom(q.explanation),
      options: q.options.map((o) => ({ ...(o.id ? { id: o.id } : {}), text: inputFrom(o.text), correct: o.correct })),
    })),
  };
}
