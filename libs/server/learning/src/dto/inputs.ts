import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { LocalizedTextInput, PageArgs } from '@alliance/server-graphql';
import type { CourseFormat, CourseLevel, CourseStatus, EnrolmentPolicy, LessonType, QuestionKind } from '../learning.constants';
import { CourseFormatEnum, CourseLevelEnum, CourseStatusEnum, EnrolmentPolicyEnum, LessonTypeEnum, QuestionKindEnum } from './enums';

export { LocalizedTextInput };

@InputType()
export class CourseSignatoryInput {
  @Field() name: string;
  @Field() title: string;
  @Field() organisation: string;
}

@InputType()
export class CourseInput {
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput]) summary: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput], { nullable: true }) audience?: LocalizedTextInput[] | null;
  @Field(() => CourseLevelEnum) level: CourseLevel;
  @Field(() => CourseFormatEnum) format: CourseFormat;
  @Field(() => Float) estimatedHours: number;
  @Field(() => [String]) languages: string[];
  @Field(() => [ID]) focusAreaIds: string[];
  @Field(() => [ID], { nullable: true }) prerequisiteIds?: string[] | null;
  @Field(() => ID, { nullable: true }) coverImageId?: string | null;
  @Field(() => EnrolmentPolicyEnum) enrolmentPolicy: EnrolmentPolicy;
  @Field() certificateIssuer: string;
  @Field(() => [CourseSignatoryInput]) certificateSignatories: CourseSignatoryInput[];
}

@InputType()
export class LessonInput {
  @Field(() => LessonTypeEnum) type: LessonType;
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput], { nullable: true }) body?: LocalizedTextInput[] | null;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
  @Field(() => Int, { nullable: true }) estimatedMinutes?: number | null;
  @Field(() => String, { nullable: true }) videoUrl?: string | null;
  @Field(() => ID, { nullable: true }) fileId?: string | null;
  @Field(() => Date, { nullable: true }) liveStartsAt?: Date | null;
  @Field(() => String, { nullable: true }) liveUrl?: string | null;
}

@InputType()
export class QuizOptionInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => [LocalizedTextInput]) text: LocalizedTextInput[];
  @Field() correct: boolean;
}

@InputType()
export class QuizQuestionInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => QuestionKindEnum) kind: QuestionKind;
  @Field(() => [LocalizedTextInput]) prompt: LocalizedTextInput[];
  @Field(() => [QuizOptionInput]) options: QuizOptionInput[];
  @Field(() => [LocalizedTextInput], { nullable: true }) explanation?: LocalizedTextInput[] | null;
}

@InputType()
export class QuizInput {
  @Field(() => Int) passMark: number;
  @Field(() => Int, { nullable: true }) maxAttempts?: number | null;
  @Field(() => [QuizQuestionInput]) questions: QuizQuestionInput[];
}

@InputType()
export class CountrySeatsInput {
  @Field() countryCode: string;
  @Field(() => Int) seats: number;
}

@InputType()
export class OfferingInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endsOn?: string | null;
  @Field(() => Date, { nullable: true }) enrolmentOpensAt?: Date | null;
  @Field(() => Date, { nullable: true }) enrolmentClosesAt?: Date | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field() waitlistEnabled: boolean;
  @Field(() => [CountrySeatsInput], { nullable: true }) countrySeats?: CountrySeatsInput[] | null;
}

@InputType()
export class ProgrammeInput {
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput]) summary: LocalizedTextInput[];
  @Field(() => [ID]) courseIds: string[];
  @Field() certificateIssuer: string;
  @Field(() => [CourseSignatoryInput]) certificateSignatories: CourseSignatoryInput[];
}

@ArgsType()
export class CoursesArgs extends PageArgs {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => String, { nullable: true }) language?: string | null;
  @Field(() => ID, { nullable: true }) focusAreaId?: string | null;
  @Field(() => CourseLevelEnum, { nullable: true }) level?: CourseLevel | null;
  @Field(() => CourseFormatEnum, { nullable: true }) format?: CourseFormat | null;
  @Field(() => Boolean, { nullable: true }) openForEnrolment?: boolean | null;
}

@ArgsType()
export class ManagedCoursesArgs extends PageArgs {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => CourseStatusEnum, { nullable: true }) status?: CourseStatus | null;
}
