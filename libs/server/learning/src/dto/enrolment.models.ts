import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CertificateModel } from '@alliance/server-certificates';
import { Connection } from '@alliance/server-graphql';
import type { Enrolment, EnrolmentEvent } from '../entities';
import type { EnrolmentStatus } from '../learning.constants';
import { CountryModel, ProgrammeModel } from './models';
import { EnrolmentStatusEnum } from './enums';

@ObjectType('EnrolmentEvent')
export class EnrolmentEventModel {
  @Field(() => EnrolmentStatusEnum, { nullable: true }) fromStatus: EnrolmentStatus | null;
  @Field(() => EnrolmentStatusEnum) toStatus: EnrolmentStatus;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;

  static from(e: EnrolmentEvent): EnrolmentEventModel {
    return Object.assign(new EnrolmentEventModel(), { fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, note: e.note, createdAt: e.createdAt });
  }
}

@ObjectType('EnrolmentPerson')
export class EnrolmentPersonModel {
  @Field(() => ID, { nullable: true }) id: string | null;
  @Field() name: string;
  @Field({ description: 'Only for organisers, the person and their nominating focal point; empty otherwise.' }) email: string;
}

/**
 * One person's enrolment. course, offering, person, country, requiredLessons, certificate,
 * nextLesson and events are resolved fields (enrolment.resolver.ts).
 */
@ObjectType('Enrolment')
export class EnrolmentModel {
  @Field(() => ID) id: string;
  @Field(() => EnrolmentStatusEnum) status: EnrolmentStatus;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => Int) progressPercent: number;
  @Field(() => Int) completedLessons: number;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastActivityAt: Date | null;
  entity: Enrolment;

  static from(e: Enrolment): EnrolmentModel {
    return Object.assign(new EnrolmentModel(), {
      id: e.id,
      status: e.status,
      organisationName: e.organisationName,
      progressPercent: e.progressPercent,
      completedLessons: e.completedLessons,
      completedAt: e.completedAt,
      createdAt: e.createdAt,
      lastActivityAt: e.lastActivityAt,
      entity: e,
    });
  }
}

export const EnrolmentConnection = Connection(EnrolmentModel, 'Enrolment');

@ObjectType('MyLearning')
export class MyLearningModel {
  @Field(() => [EnrolmentModel], { description: 'APPROVED and ENROLLED.' }) active: EnrolmentModel[];
  @Field(() => [EnrolmentModel], { description: 'REQUESTED, NOMINATED and WAITLISTED.' }) pending: EnrolmentModel[];
  @Field(() => [EnrolmentModel]) completed: EnrolmentModel[];
  @Field(() => [ProgrammeModel], { description: 'Published programmes containing a course the person is enrolled in.' }) programmes: ProgrammeModel[];
}

@ObjectType('NominationSkip')
export class NominationSkipModel {
  @Field() email: string;
  @Field({ description: 'Translated.' }) reason: string;
}

@ObjectType('NominationResult')
export class NominationResultModel {
  @Field(() => [EnrolmentModel]) enrolled: EnrolmentModel[];
  @Field(() => [EnrolmentModel], { description: 'Unknown addresses: invited to sign up, enrolled on verification.' }) invited: EnrolmentModel[];
  @Field(() => [EnrolmentModel], { description: 'Known people awaiting the organisers’ approval.' }) pending: EnrolmentModel[];
  @Field(() => [NominationSkipModel]) skipped: NominationSkipModel[];
}

@ObjectType('TeamContext')
export class TeamContextModel {
  @Field(() => ID) organisationId: string;
  @Field() organisationName: string;
  @Field(() => CountryModel) country: CountryModel;
  @Field(() => Int, { nullable: true, description: 'The country’s seats in the offering; null when it has no quota.' }) seats: number | null;
  @Field(() => Int) seatsTaken: number;
}

@ObjectType('ReportRow')
export class ReportRowModel {
  @Field() key: string;
  @Field() label: string;
  @Field(() => Int) enrolments: number;
  @Field(() => Int) active: number;
  @Field(() => Int) completed: number;
}

@ObjectType('CourseReport')
export class CourseReportModel {
  @Field(() => ID) courseId: string;
  @Field(() => Int, { description: 'Every enrolment row, whatever its status.' }) enrolments: number;
  @Field(() => Int, { description: 'APPROVED and ENROLLED.' }) active: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) withdrawn: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int, { description: 'REQUESTED and NOMINATED.' }) pending: number;
  @Field(() => Float, { description: 'completed / enrolments that ever held a seat, 0..1.' }) completionRate: number;
  @Field(() => Float, { description: 'Mean stored progress (percent, 0..100) of APPROVED, ENROLLED and COMPLETED enrolments.' }) averageProgress: number;
  @Field(() => [ReportRowModel]) byCountry: ReportRowModel[];
  @Field(() => [ReportRowModel]) byOrganisation: ReportRowModel[];
}

@ObjectType('ProgrammeProgress')
export class ProgrammeProgressModel {
  @Field(() => Int) completedCourses: number;
  @Field(() => Int) totalCourses: number;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => CertificateModel, { nullable: true }) certificate: CertificateModel | null;
}
