import { registerEnumType } from '@nestjs/graphql';
import {
  COURSE_FORMATS,
  COURSE_LEVELS,
  COURSE_STATUSES,
  ENROLMENT_POLICIES,
  ENROLMENT_STATUSES,
  LESSON_TYPES,
  PROGRAMME_STATUSES,
  QUESTION_KINDS,
} from '../learning.constants';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const CourseLevelEnum = enumOf(COURSE_LEVELS);
registerEnumType(CourseLevelEnum, { name: 'CourseLevel' });
export const CourseFormatEnum = enumOf(COURSE_FORMATS);
registerEnumType(CourseFormatEnum, { name: 'CourseFormat' });
export const CourseStatusEnum = enumOf(COURSE_STATUSES);
registerEnumType(CourseStatusEnum, { name: 'CourseStatus' });
export const EnrolmentPolicyEnum = enumOf(ENROLMENT_POLICIES);
registerEnumType(EnrolmentPolicyEnum, { name: 'EnrolmentPolicy' });
export const LessonTypeEnum = enumOf(LESSON_TYPES);
registerEnumType(LessonTypeEnum, { name: 'LessonType' });
export const QuestionKindEnum = enumOf(QUESTION_KINDS);
registerEnumType(QuestionKindEnum, { name: 'QuestionKind' });
export const EnrolmentStatusEnum = enumOf(ENROLMENT_STATUSES);
registerEnumType(EnrolmentStatusEnum, { name: 'EnrolmentStatus' });
export const ENROLMENT_DECISIONS = ['APPROVE', 'REJECT'] as const;
export type EnrolmentDecision = (typeof ENROLMENT_DECISIONS)[number];
export const EnrolmentDecisionEnum = enumOf(ENROLMENT_DECISIONS);
registerEnumType(EnrolmentDecisionEnum, { name: 'EnrolmentDecision' });
export const ProgrammeStatusEnum = enumOf(PROGRAMME_STATUSES);
registerEnumType(ProgrammeStatusEnum, { name: 'ProgrammeStatus' });
