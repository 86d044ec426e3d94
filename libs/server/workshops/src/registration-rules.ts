import { timingSafeEqual } from 'node:crypto';
import type { FieldErrorDescriptor } from '@alliance/shared-core';

/**
 * Pure rules of registration, attendance and the priority poll (no database): answer validation,
 * the check-in window and code, the certificate threshold, ballot validation, Borda/vote
 * aggregation, and the CSV writer. The services apply them inside their transactions.
 */

export const REGISTRATION_LIMITS = {
  answerMax: 2000,
  noteMax: 1000,
  pollActionsMax: 30,
  followUpTitleMax: 300,
  followUpOwnerMax: 200,
} as const;

/** Check-in opens this long before a session starts and closes when it ends. */
export const CHECK_IN_LEAD_MS = 15 * 60_000;

// ---------------------------------------------------------------- registration answers

export interface QuestionRule {
  id: string;
  type: 'TEXT' | 'CHOICE' | 'CONSENT';
  options: readonly string[];
  required: boolean;
  position?: number;
}

export interface AnswerValue {
  questionId: string;
  value: string;
}

/**
 * Answers checked against the questions: unknown or repeated questions are refused, required ones
 * must be answered, a choice must be one of the options, a consent is 'true'/'false' and must be
 * 'true' when required. Returns the stored form (question order, blanks left out) or field errors
 * named `answers.<questionId>`.
 */
export function validateAnswers(questions: readonly QuestionRule[], answers: readonly AnswerValue[]): { answers: AnswerValue[]; errors: FieldErrorDescriptor[] } {
  const errors: FieldErrorDescriptor[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, string>();
  for (const [i, answer] of answers.entries()) {
    if (!answer || typeof answer.questionId !== 'string' || typeof answer.value !== 'string' || !byId.has(answer.questionId) || given.has(answer.questionId)) {
      errors.push({ field: `answers.${i}`, key: 'workshopRegistration:answersInvalid' });
      continue;
    }
    given.set(answer.questionId, answer.value.trim());
  }
  const out: AnswerValue[] = [];
  const ordered = [...questions].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  for (const q of ordered) {
    const field = `answers.${q.id}`;
    const raw = given.get(q.id) ?? '';
    if (q.type === 'CONSENT') {
      const lowered = raw.toLowerCase();
      if (raw && lowered !== 'true' && lowered !== 'false') {
        errors.push({ field, key: 'workshopRegistration:answersInvalid' });
        continue;
      }
      const consent = lowered === 'true';
      if (q.required && !consent) errors.push({ field, key: 'workshopRegistration:consentRequired' });
      else if (raw) out.push({ questionId: q.id, value: consent ? 'true' : 'false' });
      continue;
    }
    if (!raw) {
      if (q.required) errors.push({ field, key: 'workshopRegistration:answerRequired' });
      continue;
    }
    if (raw.length > REGISTRATION_LIMITS.answerMax) {
      errors.push({ field, key: 'workshopRegistration:answerTooLong' });
      continue;
    }
    if (q.type === 'CHOICE' && !q.options.includes(raw)) {
      errors.push({ field, key: 'workshopRegistration:answerChoiceInvalid' });
      continue;
    }
    out.push({ questionId: q.id, value: raw });
  }
  return { answers: out, errors };
}

// ---------------------------------------------------------------- attendance

export interface SessionWindow {
  startsAt: Date;
  endsAt: Date;
}

/** Self check-in is possible from start - 15 min until the end of the session (inclusive). */
export function checkInOpen(session: SessionWindow, now: Date = new Date()): boolean {
  const t = now.getTime();
  return t >= session.startsAt.getTime() - CHECK_IN_LEAD_MS && t <= session.endsAt.getTime();
}

/** A typed or scanned code: case, spaces and dashes do not matter. */
export function normaliseCheckInCode(code: string | null | undefined): string {
  return (code ?? '').replace(/[\s-]/g, '').toUpperCase();
}

/** Constant-time comparison of the session's code with the one given. */
export function checkInCodeMatches(expected: string | null | undefined, given: string | null | undefined): boolean {
  const a = Buffer.from(normaliseCheckInCode(expected));
  const b = Buffer.from(normaliseCheckInCode(given));
  if (!a.length || a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** The certificate rule: attended / sessions >= threshold percent (no sessions: never). */
export function meetsAttendanceThreshold(attended: number, sessions: number, thresholdPercent: number): boolean {
  if (sessions <= 0) return false;
  return attended * 100 >= Math.min(100, Math.max(1, thresholdPercent)) * sessions;
}

// ---------------------------------------------------------------- poll

export type PollModeValue = 'RANK' | 'VOTE';

/**
 * A ballot checked against the poll. RANK: every action exactly once, in the voter's order. VOTE:
 * 1..maxVotes distinct actions (maxVotes null = up to all). Returns the error key or null.
 */
export function ballotProblem(mode: PollModeValue, actionIds: readonly string[], maxVotes: number | null, ballot: readonly string[]): { key: string; params?: Record<string, number> } | null {
  const known = new Set(actionIds);
  if (ballot.some((id) => !known.has(id))) return { key: 'workshopRegistration:ballotUnknownAction' };
  const distinct = new Set(ballot);
  if (distinct.size !== ballot.length) {
    return mode === 'RANK' ? { key: 'workshopRegistration:ballotRankAll' } : { key: 'workshopRegistration:ballotVoteCount', params: { max: maxVotes ?? actionIds.length } };
  }
  if (mode === 'RANK') return ballot.length === actionIds.length ? null : { key: 'workshopRegistration:ballotRankAll' };
  const max = Math.min(maxVotes ?? actionIds.length, actionIds.length);
  return ballot.length >= 1 && ballot.length <= max ? null : { key: 'workshopRegistration:ballotVoteCount', params: { max } };
}

export interface PollTally {
  actionId: string;
  points: number;
  /** Ballots that ranked (RANK: all of them) or chose (VOTE) the action. */
  ballots: number;
  /** 1 = first; ties share a rank ("1, 2, 2, 4"). */
  rank: number;
}

/**
 * Aggregates ballots. RANK uses the Borda count: with n actions, a ballot gives n-1 points to its
 * first, n-2 to its second ... 0 to its last. VOTE gives one point per chosen action. Ids that are
 * no longer actions are ignored. Ordered by points (then by the actions' own order).
 */
export function tallyPoll(mode: PollModeValue, actionIds: readonly string[], ballots: ReadonlyArray<readonly string[]>): PollTally[] {
  const n = actionIds.length;
  const points = new Map(actionIds.map((id) => [id, 0]));
  const counts = new Map(actionIds.map((id) => [id, 0]));
  for (const ballot of ballots) {
    const seen = new Set<string>();
    const valid = ballot.filter((id) => points.has(id) && !seen.has(id) && seen.add(id));
    valid.forEach((id, index) => {
      points.set(id, points.get(id)! + (mode === 'RANK' ? n - 1 - index : 1));
      counts.set(id, counts.get(id)! + 1);
    });
  }
  const order = new Map(actionIds.map((id, i) => [id, i]));
  const sorted = [...actionIds].sort((a, b) => points.get(b)! - points.get(a)! || order.get(a)! - order.get(b)!);
  const out: PollTally[] = [];
  sorted.forEach((id, i) => {
    const previous = out[i - 1];
    const rank = previous && previous.points === points.get(id) ? previous.rank : i + 1;
    out.push({ actionId: id, points: points.get(id)!, ballots: counts.get(id)!, rank });
  });
  return out;
}

// ---------------------------------------------------------------- seats

export function seatsLeft(capacity: number | null, seatsTaken: number): number | null {
  return capacity === null || capacity === undefined ? null : Math.max(0, capacity - seatsTaken);
}

// ---------------------------------------------------------------- CSV

/** A CSV cell: quoted when needed, and formula-looking text defused for spreadsheets. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM and CRLF line ends, so spreadsheets read the accents. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Buffer {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
