import { Course } from './course.entity';
import { CourseFocusArea } from './course-focus-area.entity';
import { CourseEvidenceLink } from './course-evidence-link.entity';
import { CoursePrerequisite } from './course-prerequisite.entity';
import { CourseModule } from './course-module.entity';
import { Lesson } from './lesson.entity';
import { QuizQuestion } from './quiz-question.entity';
import { LearningFile } from './learning-file.entity';
import { Offering } from './offering.entity';
import { OfferingCountrySeats } from './offering-country-seats.entity';
import { Enrolment } from './enrolment.entity';
import { EnrolmentEvent } from './enrolment-event.entity';
import { LessonCompletion } from './lesson-completion.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { Programme } from './programme.entity';
import { ProgrammeCourse } from './programme-course.entity';
import { ProgrammeCompletion } from './programme-completion.entity';

export type { CourseSignatory } from './course.entity';
export type { QuizOptionData } from './quiz-question.entity';
export type { QuizAnswerData } from './quiz-attempt.entity';
export {
  Course,
  CourseFocusArea,
  CourseEvidenceLink,
  CoursePrerequisite,
  CourseModule,
  Lesson,
  QuizQuestion,
  LearningFile,
  Offering,
  OfferingCountrySeats,
  Enrolment,
  EnrolmentEvent,
  LessonCompletion,
  QuizAttempt,
  Programme,
  ProgrammeCourse,
  ProgrammeCompletion,
};

export const LEARNING_ENTITIES = [
  Course,
  CourseFocusArea,
  CourseEvidenceLink,
  CoursePrerequisite,
  CourseModule,
  Lesson,
  QuizQuestion,
  LearningFile,
  Offering,
  OfferingCountrySeats,
  Enrolment,
  EnrolmentEvent,
  LessonCompletion,
  QuizAttempt,
  Programme,
  ProgrammeCourse,
  ProgrammeCompletion,
];
