export type { LocalizedText } from '@alliance/server-graphql';

export const COURSE_LEVELS = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

export const COURSE_FORMATS = ['SELF_PACED', 'COHORT'] as const;
export type CourseFormat = (typeof COURSE_FORMATS)[number];

/** draft -> published -> archived (an archived course can be published again). */
export const COURSE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const ENROLMENT_POLICIES = ['OPEN', 'APPROVAL', 'INVITATION'] as const;
export type EnrolmentPolicy = (typeof ENROLMENT_POLICIES)[number];

export const LESSON_TYPES = ['TEXT', 'VIDEO', 'DOCUMENT', 'QUIZ', 'LIVE'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];

export const QUESTION_KINDS = ['SINGLE', 'MULTIPLE'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ENROLMENT_STATUSES = ['REQUESTED', 'NOMINATED', 'APPROVED', 'WAITLISTED', 'ENROLLED', 'COMPLETED', 'WITHDRAWN', 'REJECTED'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Statuses that hold a seat of the offering (and of the country's quota). */
export const SEAT_HOLDING_STATUSES: readonly EnrolmentStatus[] = ['NOMINATED', 'APPROVED', 'ENROLLED', 'COMPLETED'];
/** Statuses with access to the lessons. */
export const LEARNING_STATUSES: readonly EnrolmentStatus[] = ['APPROVED', 'ENROLLED', 'COMPLETED'];

export const PROGRAMME_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** Origins of the players lesson videos are embedded from (the page's Content-Security-Policy frame-src). */
export const VIDEO_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

/** Hosts whose videos may be embedded in a lesson. */
export const VIDEO_HOSTS = ['www.youtube.com', 'youtube.com', 'youtu.be', 'www.youtube-nocookie.com', 'vimeo.com', 'player.vimeo.com'] as const;

export const LEARNING_LIMITS = {
  titleMax: 200,
  summaryMax: 2_000,
  audienceMax: 500,
  bodyMax: 50_000,
  slugMax: 80,
  hoursMax: 1_000,
  modulesMax: 50,
  lessonsPerModuleMax: 100,
  questionsMax: 100,
  optionsMax: 10,
  passMarkMin: 1,
  passMarkMax: 100,
  attemptsMax: 20,
  capacityMax: 100_000,
  nominationsMax: 500,
  noteMax: 1_000,
  fileBytesMax: 20 * 1024 * 1024,
  imageBytesMax: 2 * 1024 * 1024,
  programmeCoursesMax: 30,
  /** Evidence bank items a course may list as related evidence. */
  courseEvidenceMax: 20,
} as const;
