// Typed operations of the learner side of the learning domain (enrolment, lessons, quizzes, team,
// organiser enrolment management, reports), against the contract in /tmp/brief/learning.graphql.
// Written by hand like the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';

export type EnrolmentStatus = 'REQUESTED' | 'NOMINATED' | 'APPROVED' | 'WAITLISTED' | 'ENROLLED' | 'COMPLETED' | 'WITHDRAWN' | 'REJECTED';
export const ENROLMENT_STATUSES: EnrolmentStatus[] = ['REQUESTED', 'NOMINATED', 'APPROVED', 'WAITLISTED', 'ENROLLED', 'COMPLETED', 'WITHDRAWN', 'REJECTED'];
/** Statuses a learner can still withdraw from (everything not final). */
export const WITHDRAWABLE: EnrolmentStatus[] = ['REQUESTED', 'NOMINATED', 'APPROVED', 'WAITLISTED', 'ENROLLED'];
/** Statuses that give access to the lessons. */
export const LEARNING: EnrolmentStatus[] = ['APPROVED', 'ENROLLED', 'COMPLETED'];
export type EnrolmentPolicy = 'OPEN' | 'APPROVAL' | 'INVITATION';
export type CourseStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
export type LessonType = 'TEXT' | 'VIDEO' | 'DOCUMENT' | 'QUIZ' | 'LIVE';
export type QuestionKind = 'SINGLE' | 'MULTIPLE';

export interface CountryRef {
  __typename?: 'Country';
  code: string;
  name: string;
}

export interface CertificateRef {
  __typename?: 'Certificate';
  id: string;
  code: string;
  renderStatus: 'PENDING' | 'RENDERED' | 'FAILED';
  pdfUrl: string | null;
}

const CERTIFICATE_REF = gql`
  fragment LearnerCertificateRef on Certificate {
    id
    code
    renderStatus
    pdfUrl
  }
`;

export interface CountrySeats {
  __typename?: 'CountrySeats';
  country: CountryRef;
  seats: number;
  taken: number;
}

export interface OfferingFields {
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
  waitlistCount: number;
  openForEnrolment: boolean;
  countrySeats: CountrySeats[];
}

const OFFERING_FIELDS = gql`
  fragment LearnerOfferingFields on Offering {
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
    waitlistCount
    openForEnrolment
    countrySeats {
      country {
        code
        name
      }
      seats
      taken
    }
  }
`;

export interface MyEnrolmentFields {
  __typename?: 'Enrolment';
  id: string;
  status: EnrolmentStatus;
  progressPercent: number;
  completedLessons: number;
  requiredLessons: number;
  completedAt: string | null;
  offering: { __typename?: 'Offering'; id: string; name: string | null };
  nextLesson: { __typename?: 'Lesson'; id: string } | null;
  certificate: CertificateRef | null;
}

const MY_ENROLMENT_FIELDS = gql`
  fragment LearnerMyEnrolmentFields on Enrolment {
    id
    status
    progressPercent
    completedLessons
    requiredLessons
    completedAt
    offering {
      id
      name
    }
    nextLesson {
      id
    }
    certificate {
      ...LearnerCertificateRef
    }
  }
  ${CERTIFICATE_REF}
`;

export interface EnrolPanelCourse {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  enrolmentPolicy: EnrolmentPolicy;
  prerequisitesMet: boolean;
  prerequisites: Array<{ __typename?: 'Course'; id: string; slug: string; title: string }>;
  offerings: OfferingFields[];
  modules: Array<{ __typename?: 'CourseModule'; id: string; lessons: Array<{ __typename?: 'Lesson'; id: string }> }>;
  myEnrolment: MyEnrolmentFields | null;
}

export const ENROL_PANEL_COURSE: TypedDocumentNode<{ course: EnrolPanelCourse | null }, { slug: string }> = gql`
  query EnrolPanelCourse($slug: String!) {
    course(slug: $slug) {
      id
      slug
      title
      status
      enrolmentPolicy
      prerequisitesMet
      prerequisites {
        id
        slug
        title
      }
      offerings {
        ...LearnerOfferingFields
      }
      modules {
        id
        lessons {
          id
        }
      }
      myEnrolment {
        ...LearnerMyEnrolmentFields
      }
    }
  }
  ${OFFERING_FIELDS}
  ${MY_ENROLMENT_FIELDS}
`;

export const ENROL: TypedDocumentNode<{ enrol: MyEnrolmentFields }, { offeringId: string }> = gql`
  mutation Enrol($offeringId: ID!) {
    enrol(offeringId: $offeringId) {
      ...LearnerMyEnrolmentFields
    }
  }
  ${MY_ENROLMENT_FIELDS}
`;

export const WITHDRAW_ENROLMENT: TypedDocumentNode<{ withdrawEnrolment: MyEnrolmentFields }, { id: string; note?: string | null }> = gql`
  mutation WithdrawEnrolment($id: ID!, $note: String) {
    withdrawEnrolment(id: $id, note: $note) {
      ...LearnerMyEnrolmentFields
    }
  }
  ${MY_ENROLMENT_FIELDS}
`;

export interface TeamContext {
  __typename?: 'TeamContext';
  organisationId: string;
  organisationName: string;
  country: CountryRef;
  seats: number | null;
  seatsTaken: number;
}

export const TEAM_CONTEXT: TypedDocumentNode<{ teamContext: TeamContext | null }, { offeringId: string }> = gql`
  query TeamContext($offeringId: ID!) {
    teamContext(offeringId: $offeringId) {
      organisationId
      organisationName
      country {
        code
        name
      }
      seats
      seatsTaken
    }
  }
`;

// --- lesson player ---

export interface OutlineLesson {
  __typename?: 'Lesson';
  id: string;
  position: number;
  type: LessonType;
  title: string;
  required: boolean;
  completed: boolean;
}

export interface OutlineCourse {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  modules: Array<{ __typename?: 'CourseModule'; id: string; position: number; title: string; lessons: OutlineLesson[] }>;
  myEnrolment: MyEnrolmentFields | null;
}

export const COURSE_OUTLINE: TypedDocumentNode<{ course: OutlineCourse | null }, { slug: string }> = gql`
  query CourseOutline($slug: String!) {
    course(slug: $slug) {
      id
      slug
      title
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
          completed
        }
      }
      myEnrolment {
        ...LearnerMyEnrolmentFields
      }
    }
  }
  ${MY_ENROLMENT_FIELDS}
`;

export interface QuestionFeedback {
  __typename?: 'QuestionFeedback';
  questionId: string;
  correct: boolean;
  correctOptionIds: string[];
  explanation: string | null;
}

export interface QuizAttemptFields {
  __typename?: 'QuizAttempt';
  id: string;
  number: number;
  score: number;
  passed: boolean;
  createdAt: string;
  feedback: QuestionFeedback[];
}

const QUIZ_ATTEMPT_FIELDS = gql`
  fragment LearnerQuizAttemptFields on QuizAttempt {
    id
    number
    score
    passed
    createdAt
    feedback {
      questionId
      correct
      correctOptionIds
      explanation
    }
  }
`;

export interface QuizFields {
  __typename?: 'Quiz';
  passMark: number;
  maxAttempts: number | null;
  attemptsUsed: number;
  passed: boolean;
  bestScore: number | null;
  questions: Array<{
    __typename?: 'QuizQuestion';
    id: string;
    position: number;
    kind: QuestionKind;
    prompt: string;
    options: Array<{ __typename?: 'QuizOption'; id: string; text: string }>;
  }>;
  attempts: QuizAttemptFields[];
}

export interface LessonFields {
  __typename?: 'Lesson';
  id: string;
  courseId: string;
  moduleId: string;
  type: LessonType;
  title: string;
  required: boolean;
  estimatedMinutes: number | null;
  bodyHtml: string | null;
  videoEmbedUrl: string | null;
  file: { __typename?: 'LearningFile'; id: string; filename: string; contentType: string; size: number; url: string } | null;
  liveStartsAt: string | null;
  liveUrl: string | null;
  quiz: QuizFields | null;
  completed: boolean;
}

export const LESSON: TypedDocumentNode<{ lesson: LessonFields }, { id: string }> = gql`
  query LearnerLesson($id: ID!) {
    lesson(id: $id) {
      id
      courseId
      moduleId
      type
      title
      required
      estimatedMinutes
      bodyHtml
      videoEmbedUrl
      file {
        id
        filename
        contentType
        size
        url
      }
      liveStartsAt
      liveUrl
      quiz {
        passMark
        maxAttempts
        attemptsUsed
        passed
        bestScore
        questions {
          id
          position
          kind
          prompt
          options {
            id
            text
          }
        }
        attempts {
          ...LearnerQuizAttemptFields
        }
      }
      completed
    }
  }
  ${QUIZ_ATTEMPT_FIELDS}
`;

export const COMPLETE_LESSON: TypedDocumentNode<{ completeLesson: MyEnrolmentFields }, { lessonId: string }> = gql`
  mutation CompleteLesson($lessonId: ID!) {
    completeLesson(lessonId: $lessonId) {
      ...LearnerMyEnrolmentFields
    }
  }
  ${MY_ENROLMENT_FIELDS}
`;

export interface QuizAnswerInput {
  questionId: string;
  optionIds: string[];
}

export const SUBMIT_QUIZ_ATTEMPT: TypedDocumentNode<{ submitQuizAttempt: QuizAttemptFields }, { lessonId: string; answers: QuizAnswerInput[] }> = gql`
  mutation SubmitQuizAttempt($lessonId: ID!, $answers: [QuizAnswerInput!]!) {
    submitQuizAttempt(lessonId: $lessonId, answers: $answers) {
      ...LearnerQuizAttemptFields
    }
  }
  ${QUIZ_ATTEMPT_FIELDS}
`;

// --- my learning ---

export interface LearningEnrolment {
  __typename?: 'Enrolment';
  id: string;
  status: EnrolmentStatus;
  progressPercent: number;
  completedAt: string | null;
  createdAt: string;
  course: { __typename?: 'Course'; id: string; slug: string; title: string };
  offering: { __typename?: 'Offering'; id: string; name: string | null; startsOn: string | null; endsOn: string | null };
  nextLesson: { __typename?: 'Lesson'; id: string } | null;
  certificate: CertificateRef | null;
}

const LEARNING_ENROLMENT = gql`
  fragment LearnerEnrolmentCard on Enrolment {
    id
    status
    progressPercent
    completedAt
    createdAt
    course {
      id
      slug
      title
    }
    offering {
      id
      name
      startsOn
      endsOn
    }
    nextLesson {
      id
    }
    certificate {
      ...LearnerCertificateRef
    }
  }
  ${CERTIFICATE_REF}
`;

export interface LearningProgramme {
  __typename?: 'Programme';
  id: string;
  slug: string;
  title: string;
  myProgress: {
    __typename?: 'ProgrammeProgress';
    completedCourses: number;
    totalCourses: number;
    completedAt: string | null;
    certificate: CertificateRef | null;
  } | null;
}

export interface MyLearning {
  __typename?: 'MyLearning';
  active: LearningEnrolment[];
  pending: LearningEnrolment[];
  completed: LearningEnrolment[];
  programmes: LearningProgramme[];
}

export const MY_LEARNING: TypedDocumentNode<{ myLearning: MyLearning }, Record<string, never>> = gql`
  query MyLearning {
    myLearning {
      active {
        ...LearnerEnrolmentCard
      }
      pending {
        ...LearnerEnrolmentCard
      }
      completed {
        ...LearnerEnrolmentCard
      }
      programmes {
        id
        slug
        title
        myProgress {
          completedCourses
          totalCourses
          completedAt
          certificate {
            ...LearnerCertificateRef
          }
        }
      }
    }
  }
  ${LEARNING_ENROLMENT}
`;

// --- team and organiser lists ---

export interface EnrolmentEvent {
  __typename?: 'EnrolmentEvent';
  fromStatus: EnrolmentStatus | null;
  toStatus: EnrolmentStatus;
  actorName: string | null;
  note: string | null;
  createdAt: string;
}

export interface EnrolmentRow {
  __typename?: 'Enrolment';
  id: string;
  status: EnrolmentStatus;
  progressPercent: number;
  completedLessons: number;
  requiredLessons: number;
  completedAt: string | null;
  createdAt: string;
  lastActivityAt: string | null;
  organisationName: string | null;
  country: CountryRef | null;
  person: { __typename?: 'EnrolmentPerson'; id: string | null; name: string; email: string };
  course: { __typename?: 'Course'; id: string; slug: string; title: string };
  offering: { __typename?: 'Offering'; id: string; name: string | null };
  events: EnrolmentEvent[];
}

const ENROLMENT_ROW = gql`
  fragment LearnerEnrolmentRow on Enrolment {
    id
    status
    progressPercent
    completedLessons
    requiredLessons
    completedAt
    createdAt
    lastActivityAt
    organisationName
    country {
      code
      name
    }
    person {
      id
      name
      email
    }
    course {
      id
      slug
      title
    }
    offering {
      id
      name
    }
    events {
      fromStatus
      toStatus
      actorName
      note
      createdAt
    }
  }
`;

export interface NominationResult {
  __typename?: 'NominationResult';
  enrolled: EnrolmentRow[];
  invited: EnrolmentRow[];
  pending: EnrolmentRow[];
  skipped: Array<{ __typename?: 'NominationSkip'; email: string; reason: string }>;
}

const NOMINATION_RESULT = gql`
  fragment LearnerNominationResult on NominationResult {
    enrolled {
      ...LearnerEnrolmentRow
    }
    invited {
      ...LearnerEnrolmentRow
    }
    pending {
      ...LearnerEnrolmentRow
    }
    skipped {
      email
      reason
    }
  }
  ${ENROLMENT_ROW}
`;

export const NOMINATE_TEAM: TypedDocumentNode<{ nominateTeam: NominationResult }, { offeringId: string; emails: string }> = gql`
  mutation NominateTeam($offeringId: ID!, $emails: String!) {
    nominateTeam(offeringId: $offeringId, emails: $emails) {
      ...LearnerNominationResult
    }
  }
  ${NOMINATION_RESULT}
`;

export const INVITE_LEARNERS: TypedDocumentNode<{ inviteLearners: NominationResult }, { offeringId: string; emails: string }> = gql`
  mutation InviteLearners($offeringId: ID!, $emails: String!) {
    inviteLearners(offeringId: $offeringId, emails: $emails) {
      ...LearnerNominationResult
    }
  }
  ${NOMINATION_RESULT}
`;

export const TEAM_ENROLMENTS: TypedDocumentNode<{ teamEnrolments: EnrolmentRow[] }, { courseId?: string | null }> = gql`
  query TeamEnrolments($courseId: ID) {
    teamEnrolments(courseId: $courseId) {
      ...LearnerEnrolmentRow
    }
  }
  ${ENROLMENT_ROW}
`;

export interface EnrolmentConnection {
  __typename?: 'EnrolmentConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ __typename?: 'EnrolmentEdge'; cursor: string; node: EnrolmentRow }>;
}

export interface CourseEnrolmentsVariables {
  courseId: string;
  status?: EnrolmentStatus | null;
  search?: string | null;
  first?: number;
  after?: string | null;
}

export const COURSE_ENROLMENTS: TypedDocumentNode<{ courseEnrolments: EnrolmentConnection }, CourseEnrolmentsVariables> = gql`
  query CourseEnrolments($courseId: ID!, $status: EnrolmentStatus, $search: String, $first: Int, $after: String) {
    courseEnrolments(courseId: $courseId, status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...LearnerEnrolmentRow
        }
      }
    }
  }
  ${ENROLMENT_ROW}
`;

export interface ManagedCourse {
  __typename?: 'Course';
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  enrolmentPolicy: EnrolmentPolicy;
  offerings: OfferingFields[];
}

export const MANAGED_COURSE: TypedDocumentNode<{ courseForEditing: ManagedCourse }, { id: string }> = gql`
  query LearnerManagedCourse($id: ID!) {
    courseForEditing(id: $id) {
      id
      slug
      title
      status
      enrolmentPolicy
      offerings {
        ...LearnerOfferingFields
      }
    }
  }
  ${OFFERING_FIELDS}
`;

export type EnrolmentDecision = 'APPROVE' | 'REJECT';

export const DECIDE_ENROLMENT: TypedDocumentNode<{ decideEnrolment: EnrolmentRow }, { id: string; decision: EnrolmentDecision; note?: string | null }> = gql`
  mutation DecideEnrolment($id: ID!, $decision: EnrolmentDecision!, $note: String) {
    decideEnrolment(id: $id, decision: $decision, note: $note) {
      ...LearnerEnrolmentRow
    }
  }
  ${ENROLMENT_ROW}
`;

export const REMOVE_ENROLMENT: TypedDocumentNode<{ removeEnrolment: EnrolmentRow }, { id: string; note: string }> = gql`
  mutation RemoveEnrolment($id: ID!, $note: String!) {
    removeEnrolment(id: $id, note: $note) {
      ...LearnerEnrolmentRow
    }
  }
  ${ENROLMENT_ROW}
`;

// --- reports ---

export interface ReportRow {
  __typename?: 'ReportRow';
  key: string;
  label: string;
  enrolments: number;
  active: number;
  completed: number;
}

export interface CourseReport {
  __typename?: 'CourseReport';
  courseId: string;
  enrolments: number;
  active: number;
  completed: number;
  withdrawn: number;
  waitlisted: number;
  pending: number;
  completionRate: number;
  averageProgress: number;
  byCountry: ReportRow[];
  byOrganisation: ReportRow[];
}

export const COURSE_REPORT: TypedDocumentNode<{ courseReport: CourseReport; courseForEditing: { __typename?: 'Course'; id: string; title: string } }, { courseId: string }> = gql`
  query CourseReport($courseId: ID!) {
    courseForEditing(id: $courseId) {
      id
      title
    }
    courseReport(courseId: $courseId) {
      courseId
      enrolments
      active
      completed
      withdrawn
      waitlisted
      pending
      completionRate
      averageProgress
      byCountry {
        key
        label
        enrolments
        active
        completed
      }
      byOrganisation {
        key
        label
        enrolments
        active
        completed
      }
    }
  }
`;

export function reportCsvUrl(courseId: string): string {
  return `/api/learning/courses/${encodeURIComponent(courseId)}/report.csv`;
}
