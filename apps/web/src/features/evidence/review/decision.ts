import type { EvidenceReviewDecision } from '../operations-submit';

export const REVIEW_NOTE_MAX = 2000;

/** A note is owed to the submitter whenever the answer is not "published" (the API checks it too). */
export function reviewNoteProblem(decision: EvidenceReviewDecision | null, note: string): string | null {
  if (!decision) return 'evidenceSubmit:errorDecisionRequired';
  if (decision !== 'PUBLISH' && !note.trim()) return 'evidenceSubmit:errorNoteRequired';
  if (note.trim().length > REVIEW_NOTE_MAX) return 'evidenceSubmit:errorNoteTooLong';
  return null;
}
