// The checks the API makes on a session, made before sending so the form can point at the field.
// The keys are the API's own (collaborationMeetings namespace), so both sides say the same thing.
import { DateTime } from 'luxon';
import { COLLABORATION_LIMITS } from '@alliance/shared-core';
import { isValidTimeZone } from '../../workshops/shared/time';
import type { SpaceMeetingFields, SpaceMeetingInput, SpaceMeetingOutcomeInput } from '../operations-meetings';

export const DURATION_MIN = 5;
export const DURATION_MAX = 1440;

export interface MeetingDraft {
  title: string;
  startsAtLocal: string;
  timeZone: string;
  durationMinutes: string;
  link: string;
  agenda: string;
}

export interface OutcomeDraft {
  recordingUrl: string;
  notes: string;
}

export function meetingDraft(meeting: SpaceMeetingFields | null, defaultZone: string): MeetingDraft {
  if (!meeting) return { title: '', startsAtLocal: '', timeZone: defaultZone, durationMinutes: '60', link: '', agenda: '' };
  return {
    title: meeting.title,
    startsAtLocal: meeting.startsAtLocal,
    timeZone: meeting.timeZone,
    durationMinutes: String(meeting.durationMinutes),
    link: meeting.link ?? '',
    agenda: meeting.agenda,
  };
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Field -> i18n key of the first problem. `original` is the session being edited (its start may stay in the past). */
export function validateMeeting(draft: MeetingDraft, original: SpaceMeetingFields | null, now = new Date()): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = draft.title.trim();
  if (!title || title.length > COLLABORATION_LIMITS.titleMax) errors.title = 'collaborationMeetings:titleInvalid';
  if (!isValidTimeZone(draft.timeZone)) errors.timeZone = 'collaborationMeetings:timeZoneInvalid';
  const start = DateTime.fromISO(draft.startsAtLocal, { zone: isValidTimeZone(draft.timeZone) ? draft.timeZone : 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(draft.startsAtLocal) || !start.isValid) errors.startsAtLocal = 'collaborationMeetings:startsAtInvalid';
  else {
    const unchanged = original && start.toMillis() === new Date(original.startsAt).getTime();
    if (!unchanged && start.toMillis() <= now.getTime()) errors.startsAtLocal = 'collaborationMeetings:startsInPast';
  }
  const duration = Number(draft.durationMinutes);
  if (!/^\d+$/.test(draft.durationMinutes.trim()) || duration < DURATION_MIN || duration > DURATION_MAX) errors.durationMinutes = 'collaborationMeetings:durationInvalid';
  const link = draft.link.trim();
  if (link && (!isHttpsUrl(link) || link.length > COLLABORATION_LIMITS.urlMax)) errors.link = 'collaborationMeetings:linkInvalid';
  if (draft.agenda.length > COLLABORATION_LIMITS.textMax) errors.agenda = 'collaborationMeetings:agendaTooLong';
  return errors;
}

export function meetingInput(draft: MeetingDraft): SpaceMeetingInput {
  return {
    title: draft.title.trim(),
    startsAtLocal: draft.startsAtLocal,
    timeZone: draft.timeZone,
    durationMinutes: Number(draft.durationMinutes),
    link: draft.link.trim() || null,
    agenda: draft.agenda.trim() || null,
  };
}

export function validateOutcome(draft: OutcomeDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const url = draft.recordingUrl.trim();
  if (url && (!isHttpsUrl(url) || url.length > COLLABORATION_LIMITS.urlMax)) errors.recordingUrl = 'collaborationMeetings:recordingInvalid';
  if (draft.notes.length > COLLABORATION_LIMITS.textMax) errors.notes = 'collaborationMeetings:notesTooLong';
  return errors;
}

export function outcomeInput(draft: OutcomeDraft): SpaceMeetingOutcomeInput {
  return { recordingUrl: draft.recordingUrl.trim() || null, notes: draft.notes.trim() || null };
}
