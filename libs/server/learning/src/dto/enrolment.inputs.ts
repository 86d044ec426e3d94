import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@alliance/server-graphql';
import type { EnrolmentStatus } from '../learning.constants';
import { EnrolmentStatusEnum } from './enums';

@InputType('QuizAnswerInput')
export class QuizAnswerInput {
  @Field(() => ID) questionId: string;
  @Field(() => [ID]) optionIds: string[];
}

@ArgsType()
export class CourseEnrolmentsArgs extends PageArgs {
  @Field(() => ID) courseId: string;
  @Field(() => EnrolmentStatusEnum, { nullable: true }) status?: EnrolmentStatus | null;
  @Field(() => String, { nullable: true, description: 'Part of the name, e-mail or organisation.' }) search?: string | null;
}
