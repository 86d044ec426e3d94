// Typed operations of the organisers' authoring pages (courses, structure, quizzes, offerings, programmes),
// from the learning contract. Written by hand: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import {
  LEARNING_FILE_FIELDS,
  LEARNING_FOCUS_AREA_FIELDS,
  OFFERING_SUMMARY_FIELDS,
  type CountrySeatsFields,
  type CourseConnection,
  type CourseFormat,
  type CourseLevel,
  type CourseStatus,
  type EnrolmentPolicy,
  type LearningFileFields,
  type LearningFocusArea,
  type LessonType,
  type LocalizedTextFields,
  type OfferingSummary,
  type ProgrammeConnection,
  type ProgrammeStatus,
  type QuestionKind,
  type RelatedEvidenceItem,
  type SignatoryFields,
} from './operations-catalogue';

export interface LocalizedTextInput {
  locale: string;
  value: string;
}

export interface ManagedCourseRow {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  format: CourseFormat;
  lessonCount: number;
  updatedAt: string;
  publishedAt: string | null;
}
export interface ManagedCoursesVariables {
  first?: number;
  after?: string | null;
  search?: string;
  status?: CourseStatus;
}
export const MANAGED_COURSES: TypedDocumentNode<{ managedCourses: CourseConnection<ManagedCourseRow> }, ManagedCoursesVariables> = gql`
  query ManagedCourses($first: Int, $after: String, $search: String, $status: CourseStatus) {
    managedCourses(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          slug
          title
          status
          format
          lessonCount
          updatedAt
          publishedAt
        }
      }
    }
  }
`;

export interface QuizOptionEditing {
  __typename?: 'QuizOption';
  id: string;
  text: string;
  textTranslations: LocalizedTextFields[] | null;
  correct: boolean | null;
}
export interface QuizQuestionEditing {
  __typename?: 'QuizQuestion';
  id: string;
  position: number;
  kind: QuestionKind;
  prompt: string;
  promptTranslations: LocalizedTextFields[] | null;
  explanationTranslations: LocalizedTextFields[] | null;
  options: QuizOptionEditing[];
}
export interface LessonEditing {
  __typename?: 'Lesson';
  id: string;
  moduleId: string;
  position: number;
  type: LessonType;
  required: boolean;
  estimatedMinutes: number | null;
  title: string;
  titleTranslations: LocalizedTextFields[];
  bodyHtml: string | null;
  bodyTranslations: LocalizedTextFields[] | null;
  videoUrl: string | null;
  file: LearningFileFields | null;
  liveStartsAt: string | null;
  liveUrl: string | null;
  quiz: { __typename?: 'Quiz'; passMark: number; maxAttempts: number | null; questions: QuizQuestionEditing[] } | null;
}
export interface ModuleEditing {
  __typename?: 'CourseModule';
  id: string;
  position: number;
  title: string;
  titleTranslations: LocalizedTextFields[];
  lessons: LessonEditing[];
}
export interface OfferingEditing extends OfferingSummary {
  waitlistCount: number;
  countrySeats: CountrySeatsFields[];
}
export interface CourseEditing {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  titleTranslations: LocalizedTextFields[];
  summaryTranslations: LocalizedTextFields[];
  audienceTranslations: LocalizedTextFields[];
  level: CourseLevel;
  format: CourseFormat;
  enrolmentPolicy: EnrolmentPolicy;
  estimatedHours: number;
  languages: string[];
  focusAreas: LearningFocusArea[];
  coverImage: LearningFileFields | null;
  prerequisites: Array<{ __typename?: 'Course'; id: string; title: string }>;
  relatedEvidence: RelatedEvidenceItem[];
  certificateIssuer: string;
  certificateSignatories: SignatoryFields[];
  modules: ModuleEditing[];
  offerings: OfferingEditing[];
  lessonCount: number;
  revision: number;
  publishedAt: string | null;
  updatedAt: string;
}

const LESSON_EDITING_FIELDS = gql`
  fragment LessonEditingFields on Lesson {
    id
    moduleId
    position
    type
    required
    estimatedMinutes
    title
    titleTranslations {
      locale
      value
    }
    bodyHtml
    bodyTranslations {
      locale
      value
    }
    videoUrl
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
        promptTranslations {
          locale
          value
        }
        explanationTranslations {
          locale
          value
        }
        options {
          id
          text
          textTranslations {
            locale
            value
          }
          correct
        }
      }
    }
  }
  ${LEARNING_FILE_FIELDS}
`;

const MODULE_EDITING_FIELDS = gql`
  fragment ModuleEditingFields on CourseModule {
    id
    position
    title
    titleTranslations {
      locale
      value
    }
    lessons {
      ...LessonEditingFields
    }
  }
  ${LESSON_EDITING_FIELDS}
`;

const OFFERING_EDITING_FIELDS = gql`
  fragment OfferingEditingFields on Offering {
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
  ${OFFERING_SUMMARY_FIELDS}
`;

const COURSE_EDITING_FIELDS = gql`
  fragment CourseEditingFields on Course {
    id
    slug
    title
    status
    titleTranslations {
      locale
      value
    }
    summaryTranslations {
      locale
      value
    }
    audienceTranslations {
      locale
      value
    }
    level
    format
    enrolmentPolicy
    estimatedHours
    languages
    focusAreas {
      ...LearningFocusAreaFields
    }
    coverImage {
      ...LearningFileFields
    }
    prerequisites {
      id
      title
    }
    relatedEvidence {
      id
      title
      type
      year
    }
    certificateIssuer
    certificateSignatories {
      name
      title
      organisation
    }
    modules {
      ...ModuleEditingFields
    }
    offerings {
      ...OfferingEditingFields
    }
    lessonCount
    revision
    publishedAt
    updatedAt
  }
  ${LEARNING_FOCUS_AREA_FIELDS}
  ${MODULE_EDITING_FIELDS}
  ${OFFERING_EDITING_FIELDS}
`;

/** Replaces the course's related evidence (editors; published items, in order, at most 20). */
export const SET_COURSE_EVIDENCE: TypedDocumentNode<
  { setCourseEvidence: { __typename?: 'Course'; id: string; revision: number; relatedEvidence: RelatedEvidenceItem[] } },
  { courseId: string; evidenceItemIds: string[] }
> = gql`
  mutation SetCourseEvidence($courseId: ID!, $evidenceItemIds: [ID!]!) {
    setCourseEvidence(courseId: $courseId, evidenceItemIds: $evidenceItemIds) {
      id
      revision
      relatedEvidence {
        id
        title
        type
        year
      }
    }
  }
`;

export const COURSE_FOR_EDITING: TypedDocumentNode<{ courseForEditing: CourseEditing }, { id: string }> = gql`
  query CourseForEditing($id: ID!) {
    courseForEditing(id: $id) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;

export interface CourseInput {
  slug?: string | null;
  title: LocalizedTextInput[];
  summary: LocalizedTextInput[];
  audience?: LocalizedTextInput[];
  level: CourseLevel;
  format: CourseFormat;
  estimatedHours: number;
  languages: string[];
  focusAreaIds: string[];
  prerequisiteIds?: string[];
  coverImageId?: string | null;
  enrolmentPolicy: EnrolmentPolicy;
  certificateIssuer: string;
  certificateSignatories: Array<{ name: string; title: string; organisation: string }>;
}

export const CREATE_COURSE: TypedDocumentNode<{ createCourse: CourseEditing }, { input: CourseInput }> = gql`
  mutation CreateCourse($input: CourseInput!) {
    createCourse(input: $input) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;
export const UPDATE_COURSE: TypedDocumentNode<{ updateCourse: CourseEditing }, { id: string; input: CourseInput }> = gql`
  mutation UpdateCourse($id: ID!, $input: CourseInput!) {
    updateCourse(id: $id, input: $input) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;
export const PUBLISH_COURSE: TypedDocumentNode<{ publishCourse: CourseEditing }, { id: string }> = gql`
  mutation PublishCourse($id: ID!) {
    publishCourse(id: $id) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;
export const ARCHIVE_COURSE: TypedDocumentNode<{ archiveCourse: CourseEditing }, { id: string }> = gql`
  mutation ArchiveCourse($id: ID!) {
    archiveCourse(id: $id) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;

export const ADD_MODULE: TypedDocumentNode<{ addModule: ModuleEditing }, { courseId: string; title: LocalizedTextInput[] }> = gql`
  mutation AddModule($courseId: ID!, $title: [LocalizedTextInput!]!) {
    addModule(courseId: $courseId, title: $title) {
      ...ModuleEditingFields
    }
  }
  ${MODULE_EDITING_FIELDS}
`;
export const UPDATE_MODULE: TypedDocumentNode<{ updateModule: ModuleEditing }, { id: string; title: LocalizedTextInput[] }> = gql`
  mutation UpdateModule($id: ID!, $title: [LocalizedTextInput!]!) {
    updateModule(id: $id, title: $title) {
      ...ModuleEditingFields
    }
  }
  ${MODULE_EDITING_FIELDS}
`;
export const DELETE_MODULE: TypedDocumentNode<{ deleteModule: boolean }, { id: string }> = gql`
  mutation DeleteModule($id: ID!) {
    deleteModule(id: $id)
  }
`;
export const MOVE_MODULE: TypedDocumentNode<{ moveModule: CourseEditing }, { id: string; position: number }> = gql`
  mutation MoveModule($id: ID!, $position: Int!) {
    moveModule(id: $id, position: $position) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;

export interface LessonInput {
  type: LessonType;
  title: LocalizedTextInput[];
  body?: LocalizedTextInput[];
  required?: boolean;
  estimatedMinutes?: number | null;
  videoUrl?: string | null;
  fileId?: string | null;
  liveStartsAt?: string | null;
  liveUrl?: string | null;
}
export const ADD_LESSON: TypedDocumentNode<{ addLesson: LessonEditing }, { moduleId: string; input: LessonInput }> = gql`
  mutation AddLesson($moduleId: ID!, $input: LessonInput!) {
    addLesson(moduleId: $moduleId, input: $input) {
      ...LessonEditingFields
    }
  }
  ${LESSON_EDITING_FIELDS}
`;
export const UPDATE_LESSON: TypedDocumentNode<{ updateLesson: LessonEditing }, { id: string; input: LessonInput }> = gql`
  mutation UpdateLesson($id: ID!, $input: LessonInput!) {
    updateLesson(id: $id, input: $input) {
      ...LessonEditingFields
    }
  }
  ${LESSON_EDITING_FIELDS}
`;
export const DELETE_LESSON: TypedDocumentNode<{ deleteLesson: boolean }, { id: string }> = gql`
  mutation DeleteLesson($id: ID!) {
    deleteLesson(id: $id)
  }
`;
export const MOVE_LESSON: TypedDocumentNode<{ moveLesson: CourseEditing }, { id: string; moduleId: string; position: number }> = gql`
  mutation MoveLesson($id: ID!, $moduleId: ID!, $position: Int!) {
    moveLesson(id: $id, moduleId: $moduleId, position: $position) {
      ...CourseEditingFields
    }
  }
  ${COURSE_EDITING_FIELDS}
`;

export interface QuizInput {
  passMark: number;
  maxAttempts: number | null;
  questions: Array<{
    id?: string;
    kind: QuestionKind;
    prompt: LocalizedTextInput[];
    options: Array<{ id?: string; text: LocalizedTextInput[]; correct: boolean }>;
    explanation?: LocalizedTextInput[];
  }>;
}
export const SAVE_QUIZ: TypedDocumentNode<{ saveQuiz: LessonEditing }, { lessonId: string; input: QuizInput }> = gql`
  mutation SaveQuiz($lessonId: ID!, $input: QuizInput!) {
    saveQuiz(lessonId: $lessonId, input: $input) {
      ...LessonEditingFields
    }
  }
  ${LESSON_EDITING_FIELDS}
`;

export interface OfferingInput {
  name?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  enrolmentOpensAt?: string | null;
  enrolmentClosesAt?: string | null;
  capacity?: number | null;
  waitlistEnabled: boolean;
  countrySeats?: Array<{ countryCode: string; seats: number }>;
}
export const CREATE_OFFERING: TypedDocumentNode<{ createOffering: OfferingEditing }, { courseId: string; input: OfferingInput }> = gql`
  mutation CreateOffering($courseId: ID!, $input: OfferingInput!) {
    createOffering(courseId: $courseId, input: $input) {
      ...OfferingEditingFields
    }
  }
  ${OFFERING_EDITING_FIELDS}
`;
export const UPDATE_OFFERING: TypedDocumentNode<{ updateOffering: OfferingEditing }, { id: string; input: OfferingInput }> = gql`
  mutation UpdateOffering($id: ID!, $input: OfferingInput!) {
    updateOffering(id: $id, input: $input) {
      ...OfferingEditingFields
    }
  }
  ${OFFERING_EDITING_FIELDS}
`;
export const CANCEL_OFFERING: TypedDocumentNode<{ cancelOffering: OfferingEditing }, { id: string }> = gql`
  mutation CancelOffering($id: ID!) {
    cancelOffering(id: $id) {
      ...OfferingEditingFields
    }
  }
  ${OFFERING_EDITING_FIELDS}
`;

// --- programmes ---

export interface ManagedProgrammeRow {
  __typename?: 'Programme';
  id: string;
  slug: string;
  title: string;
  status: ProgrammeStatus;
  totalHours: number;
  courses: Array<{ __typename?: 'Course'; id: string }>;
}
export const MANAGED_PROGRAMMES: TypedDocumentNode<{ managedProgrammes: ProgrammeConnection<ManagedProgrammeRow> }, { first?: number; after?: string | null }> = gql`
  query ManagedProgrammes($first: Int, $after: String) {
    managedProgrammes(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          slug
          title
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

export interface ProgrammeEditing {
  __typename?: 'Programme';
  id: string;
  slug: string;
  title: string;
  status: ProgrammeStatus;
  titleTranslations: LocalizedTextFields[];
  summaryTranslations: LocalizedTextFields[];
  totalHours: number;
  certificateIssuer: string;
  certificateSignatories: SignatoryFields[];
  courses: Array<{ __typename?: 'Course'; id: string; title: string; estimatedHours: number; status: CourseStatus }>;
}
const PROGRAMME_EDITING_FIELDS = gql`
  fragment ProgrammeEditingFields on Programme {
    id
    slug
    title
    status
    titleTranslations {
      locale
      value
    }
    summaryTranslations {
      locale
      value
    }
    totalHours
    certificateIssuer
    certificateSignatories {
      name
      title
      organisation
    }
    courses {
      id
      title
      estimatedHours
      status
    }
  }
`;
// There is no programme-by-id query: the editor reads the programme by its slug (editors see drafts).
export const PROGRAMME_FOR_EDITING: TypedDocumentNode<{ programme: ProgrammeEditing | null }, { slug: string }> = gql`
  query ProgrammeForEditing($slug: String!) {
    programme(slug: $slug) {
      ...ProgrammeEditingFields
    }
  }
  ${PROGRAMME_EDITING_FIELDS}
`;

export interface ProgrammeInput {
  slug?: string | null;
  title: LocalizedTextInput[];
  summary: LocalizedTextInput[];
  courseIds: string[];
  certificateIssuer: string;
  certificateSignatories: Array<{ name: string; title: string; organisation: string }>;
}
export const CREATE_PROGRAMME: TypedDocumentNode<{ createProgramme: ProgrammeEditing }, { input: ProgrammeInput }> = gql`
  mutation CreateProgramme($input: ProgrammeInput!) {
    createProgramme(input: $input) {
      ...ProgrammeEditingFields
    }
  }
  ${PROGRAMME_EDITING_FIELDS}
`;
export const UPDATE_PROGRAMME: TypedDocumentNode<{ updateProgramme: ProgrammeEditing }, { id: string; input: ProgrammeInput }> = gql`
  mutation UpdateProgramme($id: ID!, $input: ProgrammeInput!) {
    updateProgramme(id: $id, input: $input) {
      ...ProgrammeEditingFields
    }
  }
  ${PROGRAMME_EDITING_FIELDS}
`;
export const PUBLISH_PROGRAMME: TypedDocumentNode<{ publishProgramme: ProgrammeEditing }, { id: string }> = gql`
  mutation PublishProgramme($id: ID!) {
    publishProgramme(id: $id) {
      ...ProgrammeEditingFields
    }
  }
  ${PROGRAMME_EDITING_FIELDS}
`;
export const ARCHIVE_PROGRAMME: TypedDocumentNode<{ archiveProgramme: ProgrammeEditing }, { id: string }> = gql`
  mutation ArchiveProgramme($id: ID!) {
    archiveProgramme(id: $id) {
      ...ProgrammeEditingFields
    }
  }
  ${PROGRAMME_EDITING_FIELDS}
`;
