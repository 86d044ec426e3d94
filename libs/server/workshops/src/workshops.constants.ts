export type { LocalizedText } from '@alliance/server-graphql';

export const WORKSHOP_MODES = ['VIRTUAL', 'IN_PERSON', 'HYBRID'] as const;
export type WorkshopMode = (typeof WORKSHOP_MODES)[number];

/** DRAFT -> OPEN -> CLOSED -> HELD -> ARCHIVED; CANCELLED from DRAFT/OPEN/CLOSED. */
export const WORKSHOP_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'HELD', 'ARCHIVED', 'CANCELLED'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** Statuses anyone signed in may see in the catalogue. */
export const PUBLIC_WORKSHOP_STATUSES: readonly WorkshopStatus[] = ['OPEN', 'CLOSED', 'HELD'];

/** Allowed lifecycle transitions (HELD is set by the registration side's markWorkshopHeld). */
export const WORKSHOP_TRANSITIONS: Record<WorkshopStatus, readonly WorkshopStatus[]> = {
  DRAFT: ['OPEN', 'CANCELLED'],
  OPEN: ['CLOSED', 'CANCELLED'],
  CLOSED: ['OPEN', 'HELD', 'CANCELLED'],
  HELD: ['ARCHIVED'],
  ARCHIVED: [],
  CANCELLED: ['ARCHIVED'],
};

export const WORKSHOP_AUDIENCES = ['OPEN', 'MEMBERS', 'INVITED'] as const;
export type WorkshopAudience = (typeof WORKSHOP_AUDIENCES)[number];

export const WAITLIST_MODES = ['AUTO', 'OFFER'] as const;
export type WaitlistMode = (typeof WAITLIST_MODES)[number];

export const QUESTION_TYPES = ['TEXT', 'CHOICE', 'CONSENT'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const REGISTRATION_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'REJECTED', 'EXPIRED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Registrants told about date changes and cancellation. */
export const NOTIFIED_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['CONFIRMED', 'WAITLISTED', 'PENDING', 'OFFERED'];

export const POLL_MODES = ['RANK', 'VOTE'] as const;
export type PollMode = (typeof POLL_MODES)[number];

export const MATERIAL_PHASES = ['BEFORE', 'AFTER'] as const;
export type MaterialPhase = (typeof MATERIAL_PHASES)[number];

export const FOLLOW_UP_STATUSES = ['OPEN', 'DONE'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const ATTENDANCE_METHODS = ['ORGANISER', 'SELF'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

/** Check-in codes avoid look-alike characters (0/O, 1/I/L). */
export const CHECK_IN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 6;
/** Self check-in opens this long before the session starts and closes at its end. */
export const CHECK_IN_EARLY_MS = 15 * 60 * 1000;

export const WORKSHOP_LIMITS = {
  titleMax: 200,
  descriptionMax: 10_000,
  slugMax: 80,
  venueMax: 300,
  urlMax: 500,
  capacityMax: 100_000,
  offerHoursMin: 1,
  offerHoursMax: 24 * 14,
  thresholdMin: 1,
  thresholdMax: 100,
  issuerMax: 200,
  signatoriesMax: 6,
  questionsMax: 30,
  promptMax: 500,
  optionsMax: 20,
  optionMax: 200,
  answerMax: 2_000,
  sessionsMax: 30,
  agendaItemsMax: 200,
  speakersMax: 500,
  materialsMax: 100,
  materialTitleMax: 200,
  noteMax: 1_000,
  invitesMax: 1_000,
  pollActionsMax: 50,
  followUpTitleMax: 300,
  followUpOwnerMax: 200,
  pageMax: 100,
  organisersMax: 20,
} as const;

/** Reminder keys of the notifications ReminderService. */
export const REMINDER_KEY_PREFIX = 'workshop:';
export const reminderKeys = (workshopId: string) => ({ day: `${REMINDER_KEY_PREFIX}${workshopId}:24h`, hour: `${REMINDER_KEY_PREFIX}${workshopId}:1h` });
