// Typed operations of the public catalogue, course and programme pages (the learning contract,
// /tmp/brief/learning.graphql, as the API implements it in apps/api/schema.gql).
// Written by hand like src/graphql/operations.ts: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export type CourseLevel = 'INTRODUCTORY' | 'INTERMEDIATE' | 'ADVANCED';
export type CourseFormat = 'SELF_PACED' | 'COHORT';
export type CourseStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
export type EnrolmentPolicy = 'OPEN' | 'APPROVAL' | 'INVITATION';
export type LessonType = 'TEXT' | 'VIDEO' | 'DOCUMENT' | 'QUIZ' | 'LIVE';
export type QuestionKind = 'SINGLE' | 'MULTIPLE';
export type ProgrammeStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

export const COURSE_LEVELS: CourseLevel[] = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'];
export const COURSE_FORMATS: CourseFormat[] = ['SELF_PACED', 'COHORT'];
export const COURSE_STATUSES: CourseStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
export const ENROLMENT_POLICIES: EnrolmentPolicy[] = ['OPEN', 'APPROVAL', 'INVITATION'];
export const LESSON_TYPES: LessonType[] = ['TEXT', 'VIDEO', 'DOCUMENT', 'QUIZ', 'LIVE'];

export interface LocalizedTextFields {
  __typename?: 'LocalizedText';
  locale: string;
  value: string;
}

export interface LearningFocusArea {
  __typename?: 'FocusArea';
  id: string;
  key: string;
  name: string;
  names: { __typename?: 'FocusAreaNames'; es: string; en: string; pt: string; fr: string };
}

export interface LearningFileFields {
  __typename?: 'LearningFile';
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

export interface SignatoryFields {
  __typename?: 'Signatory';
  name: string;
  title: string;
  organisation: string;
}

export interface OfferingSummary {
  __typename?: 'Offering';
  id: string;
  name: string | null;
  startsOn: string | null;
  endsOn: string | null;
  enrolmentOpensAt: string | null;
  enrolmentClosesAt: string | null;
  capacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  waitlistEnabled: boolean;
  openForEnrolment: boolean;
}

export const LEARNING_FOCUS_AREA_FIELDS = gql`
  fragment LearningFocusAreaFields on FocusArea {
    id
    key
    name
    names {
      es
      en
      pt
      fr
    }
  }
`;

export const LEARNING_FILE_FIELDS = gql`
  fragment LearningFileFields on LearningFile {
    id
    filename
    contentType
    size
    url
  }
`;

export const OFFERING_SUMMARY_FIELDS = gql`
  fragment OfferingSummaryFields on Offering {
    id
    name
    startsOn
    endsOn
    enrolmentOpensAt
    enrolmentClosesAt
    capacity
    seatsTaken
    seatsLeft
    waitlistEnabled
    openForEnrolment
  }
`;

/** A course as a card of the catalogue. */
export interface CourseCardFields {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  summary: string;
  level: CourseLevel;
  format: CourseFormat;
  estimatedHours: number;
  languages: string[];
  coverImage: LearningFileFields | null;
  focusAreas: LearningFocusArea[];
  offerings: OfferingSummary[];
}

const COURSE_CARD_FIELDS = gql`
  fragment CourseCardFields on Course {
    id
    slug
    title
    summary
    level
    format
    estimatedHours
    languages
    coverImage {
      ...LearningFileFields
    }
    focusAreas {
      ...LearningFocusAreaFields
    }
    offerings {
      ...OfferingSummaryFields
    }
  }
  ${LEARNING_FILE_FIELDS}
  ${LEARNING_FOCUS_AREA_FIELDS}
  ${OFFERING_SUMMARY_FIELDS}
`;

export interface CourseConnection<N> {
  __typename?: 'CourseConnection';
  totalCount: number;
  pageInfo: PageInfoFields;
  edges: Array<{ __typename?: 'CourseEdge'; cursor: string; node: N }>;
}

export interface CoursesVariables {
  first?: number;
  after?: string | null;
  search?: string;
  language?: string;
  focusAreaId?: string;
  level?: CourseLevel;
  format?: CourseFormat;
  openForEnrolment?: boolean;
}
export interface CoursesData {
  courses: CourseConnection<CourseCardFields>;
}
export const COURSES: TypedDocumentNode<CoursesData, CoursesVariables> = gql`
  query Courses(
    $first: Int
    $after: String
    $search: String
    $language: String
    $focusAreaId: ID
    $level: CourseLevel
    $format: CourseFormat
    $openForEnrolment: Boolean
  ) {
    courses(
      first: $first
      after: $after
      search: $search
      language: $language
      focusAreaId: $focusAreaId
      level: $level
      format: $format
      openForEnrolment: $openForEnrolment
    ) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          ...CourseCardFields
        }
      }
    }
  }
  ${COURSE_CARD_FIELDS}
`;

export interface SyllabusLesson {
  __typename?: 'Lesson';
  id: string;
  position: number;
  type: LessonType;
  title: string;
  required: boolean;
  estimatedMinutes: number | null;
}
export interface SyllabusModule {
  __typename?: 'CourseModule';
  id: string;
  position: number;
  title: string;
  lessons: SyllabusLesson[];
}
export interface CountrySeatsFields {
  __typename?: 'CountrySeats';
  country: { __typename?: 'Country'; code: string; name: string };
  seats: number;
  taken: number;
}
export interface CourseOffering extends OfferingSummary {
  waitlistCount: number;
  countrySeats: CountrySeatsFields[];
}
export interface CourseDetails extends Omit<CourseCardFields, 'offerings'> {
  audience: string;
  status: CourseStatus;
  enrolmentPolicy: EnrolmentPolicy;
  lessonCount: number;
  canEdit: boolean;
  prerequisitesMet: boolean;
  certificateIssuer: string;
  prerequisites: Array<{ __typename?: 'Course'; id: string; slug: string; title: string }>;
  modules: SyllabusModule[];
  offerings: CourseOffering[];
  relatedEvidence: RelatedEvidenceItem[];
}
/** An evidence bank item linked by the course's editors (published and visible to the reader). */
export interface RelatedEvidenceItem {
  __typename?: 'EvidenceItem';
  id: string;
  title: string;
  type: string;
  year: number;
}

export const COURSE: TypedDocumentNode<{ course: CourseDetails | null }, { slug: string }> = gql`
  query CoursePage($slug: String!) {
    course(slug: $slug) {
      id
      slug
      title
      summary
      audience
      level
      format
      status
      enrolmentPolicy
      estimatedHours
      languages
      lessonCount
      canEdit
      prerequisitesMet
      certificateIssuer
      coverImage {
        ...LearningFileFields
      }
      focusAreas {
        ...LearningFocusAreaFields
      }
      prerequisites {
        id
        slug
        title
      }
      relatedEvidence {
        id
        title
        type
        year
      }
      modules {
        id
        position
        title
        lessons {
          id
          position
          type
          title
          required
          estimatedMinutes
        }
      }
      offerings {
        ...OfferingSummaryFields
        waitlistCount
        countrySeats {
          country {
            code
            name
          }
          seats
          taken
        }
      }
    }
  }
  ${LEARNING_FILE_FIELDS}
  ${LEARNING_FOCUS_AREA_FIELDS}
  ${OFFERING_SUMMARY_FIELDS}
`;

/** A lesson with its content, as an editor previews it. */
export interface LessonContent {
  __typename?: 'Lesson';
  id: string;
  courseId: string;
  moduleId: string;
  type: LessonType;
  title: string;
  required: boolean;
  estimatedMinutes: number | null;
  bodyHtml: string | null;
  videoUrl: string | null;
  videoEmbedUrl: string | null;
  file: LearningFileFields | null;
  liveStartsAt: string | null;
  liveUrl: string | null;
  quiz: {
    __typename?: 'Quiz';
    passMark: number;
    maxAttempts: number | null;
    questions: Array<{
      __typename?: 'QuizQuestion';
      id: string;
      position: number;
      kind: QuestionKind;
      prompt: string;
      options: Array<{ __typename?: 'QuizOption'; id: string; text: string; correct: boolean | null }>;
    }>;
  } | null;
}
export const LESSON_PREVIEW: TypedDocumentNode<{ lesson: LessonContent }, { id: string }> = gql`
  query LessonPreview($id: ID!) {
    lesson(id: $id) {
      id
      courseId
      moduleId
      type
      title
      required
      estimatedMinutes
      bodyHtml
      videoUrl
      videoEmbedUrl
      file {
        ...LearningFileFields
      }
      liveStartsAt
      liveUrl
      quiz {
        passMark
        maxAttempts
        questions {
          id
          position
          kind
          prompt
          options {
            id
            text
            correct
          }
        }
      }
    }
  }
  ${LEARNING_FILE_FIELDS}
`;

export interface ProgrammeCourse {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  summary: string;
  estimatedHours: number;
  level: CourseLevel;
  format: CourseFormat;
}
export interface ProgrammeSummary {
  __typename?: 'Programme';
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: ProgrammeStatus;
  totalHours: number;
  courses: Array<{ __typename?: 'Course'; id: string }>;
}
export interface ProgrammeConnection<N> {
  __typename?: 'ProgrammeConnection';
  totalCount: number;
  pageInfo: PageInfoFields;
  edges: Array<{ __typename?: 'ProgrammeEdge'; cursor: string; node: N }>;
}
export const PROGRAMMES: TypedDocumentNode<{ programmes: ProgrammeConnection<ProgrammeSummary> }, { first?: number; after?: string | null }> = gql`
  query Programmes($first: Int, $after: String) {
    programmes(first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          id
          slug
          title
          summary
          status
          totalHours
          courses {
            id
          }
        }
      }
    }
  }
`;

export interface ProgrammeDetails {
  __typename?: 'Programme';
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: ProgrammeStatus;
  totalHours: number;
  canEdit: boolean;
  certificateIssuer: string;
  courses: ProgrammeCourse[];
  myProgress: {
    __typename?: 'ProgrammeProgress';
    completedCourses: number;
    totalCourses: number;
    completedAt: string | null;
    certificate: { __typename?: 'Certificate'; id: string; code: string; pdfUrl: string | null } | null;
  } | null;
}
export const PROGRAMME: TypedDocumentNode<{ programme: ProgrammeDetails | null }, { slug: string }> = gql`
  query ProgrammePage($slug: String!) {
    programme(slug: $slug) {
      id
      slug
      title
      summary
      status
      totalHours
      canEdit
      certificateIssuer
      courses {
        id
        slug
        title
        summary
        estimatedHours
        level
        format
      }
      myProgress {
        completedCourses
        totalCourses
        completedAt
        certificate {
          id
          code
          pdfUrl
        }
      }
    }
  }
`;
