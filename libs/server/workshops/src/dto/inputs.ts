import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { SignatoryInput } from '@alliance/server-certificates';
import { LocalizedTextInput, PageArgs } from '@alliance/server-graphql';
import type { FollowUpStatus, MaterialPhase, QuestionType, WaitlistMode, WorkshopAudience, WorkshopMode, WorkshopStatus } from '../workshops.constants';
import { FollowUpStatusEnum, MaterialPhaseEnum, QuestionTypeEnum, WaitlistModeEnum, WorkshopAudienceEnum, WorkshopModeEnum, WorkshopStatusEnum } from './enums';

export { LocalizedTextInput, SignatoryInput };

@InputType()
export class WorkshopCountrySeatsInput {
  @Field() countryCode: string;
  @Field(() => Int) seats: number;
}

@InputType()
export class RegistrationQuestionInput {
  @Field(() => ID, { nullable: true, description: 'Keeps answers linked when a question is edited.' }) id?: string | null;
  @Field(() => QuestionTypeEnum) type: QuestionType;
  @Field(() => [LocalizedTextInput]) prompt: LocalizedTextInput[];
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field() required: boolean;
}

@InputType()
export class WorkshopInput {
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput]) description: LocalizedTextInput[];
  @Field(() => WorkshopModeEnum) mode: WorkshopMode;
  @Field({ description: 'IANA time zone, e.g. America/Bogota.' }) timeZone: string;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => String, { nullable: true }) meetingUrl?: string | null;
  @Field(() => String, { nullable: true }) recordingUrl?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => Date, { nullable: true }) registrationOpensAt?: Date | null;
  @Field(() => Date, { nullable: true }) registrationClosesAt?: Date | null;
  @Field(() => WorkshopAudienceEnum) audience: WorkshopAudience;
  @Field() approvalRequired: boolean;
  @Field(() => WaitlistModeEnum) waitlistMode: WaitlistMode;
  @Field(() => Int, { nullable: true }) offerHours?: number | null;
  @Field(() => Int, { nullable: true }) attendanceThreshold?: number | null;
  @Field(() => [String]) languages: string[];
  @Field(() => [ID], { nullable: true }) focusAreaIds?: string[] | null;
  @Field() certificateIssuer: string;
  @Field(() => [SignatoryInput]) certificateSignatories: SignatoryInput[];
  @Field(() => [WorkshopCountrySeatsInput], { nullable: true }) countrySeats?: WorkshopCountrySeatsInput[] | null;
  @Field(() => [RegistrationQuestionInput], { nullable: true, description: 'When given, replaces the list.' }) questions?: RegistrationQuestionInput[] | null;
}

@InputType()
export class SessionInput {
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@InputType()
export class AgendaItemInput {
  @Field(() => ID) sessionId: string;
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput], { nullable: true }) description?: LocalizedTextInput[] | null;
  @Field(() => String, { nullable: true }) speakers?: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@InputType()
export class MaterialInput {
  @Field(() => MaterialPhaseEnum) phase: MaterialPhase;
  @Field(() => String, { nullable: true, description: 'Required unless evidenceItemId is given (then it defaults to the item’s title).' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Required unless evidenceItemId is given (then it is the item’s page).' }) url?: string | null;
  @Field(() => ID, { nullable: true, description: 'A published evidence bank item the organiser can see.' }) evidenceItemId?: string | null;
}

@InputType()
export class RegistrationAnswerInput {
  @Field(() => ID) questionId: string;
  @Field() value: string;
}

@InputType()
export class PollActionInput {
  @Field(() => [LocalizedTextInput]) title: LocalizedTextInput[];
  @Field(() => [LocalizedTextInput], { nullable: true }) description?: LocalizedTextInput[] | null;
}

@InputType()
export class FollowUpInput {
  @Field() title: string;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn?: string | null;
  @Field(() => FollowUpStatusEnum, { nullable: true }) status?: FollowUpStatus | null;
  @Field(() => ID, { nullable: true }) actionId?: string | null;
}

@ArgsType()
export class WorkshopsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only workshops that have not ended, soonest first.' }) upcoming?: boolean | null;
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => WorkshopModeEnum, { nullable: true }) mode?: WorkshopMode | null;
}

@ArgsType()
export class ManagedWorkshopsArgs extends PageArgs {
  @Field(() => WorkshopStatusEnum, { nullable: true }) status?: WorkshopStatus | null;
}
