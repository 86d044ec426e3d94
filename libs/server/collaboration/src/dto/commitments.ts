import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@alliance/server-graphql';
import type { CommitmentKind, CommitmentSource, CommitmentStatus } from '../collaboration.constants';
import { CommitmentKindEnum, CommitmentSourceEnum, CommitmentStatusEnum } from './enums';

// ---------------------------------------------------------------- inputs

@InputType({ description: 'A commitment (tables), or a deliverable or mandate (groups), recorded by an organiser of the space.' })
export class CommitmentInput {
  @Field(() => CommitmentKindEnum, { nullable: true, description: 'COMMITMENT by default; DELIVERABLE and MANDATE in technical groups only.' })
  kind?: CommitmentKind | null;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { description: 'One of the space’s confirmed parties.' })
  responsibleOrganisationId: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Required for COMMITMENT and DELIVERABLE, optional for MANDATE.' })
  dueDate?: string | null;
}

@InputType({ description: 'A progress note: what happened, and the status and percentage it sets.' })
export class CommitmentProgressInput {
  @Field(() => CommitmentStatusEnum, { nullable: true, description: 'Unchanged when omitted. DONE sets progress to 100; DROPPED keeps the progress.' })
  status?: CommitmentStatus | null;

  @Field(() => Int, { nullable: true, description: '0 to 100; unchanged when omitted.' })
  progress?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'One ranked action of a workshop’s priority poll to carry over as a commitment.' })
export class CarryOverItemInput {
  @Field(() => ID)
  actionId: string;

  @Field(() => ID)
  responsibleOrganisationId: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required unless the kind is MANDATE.' })
  dueDate?: string | null;

  @Field(() => CommitmentKindEnum, { nullable: true })
  kind?: CommitmentKind | null;

  @Field(() => String, { nullable: true, description: 'By default the action’s title in the caller’s language.' })
  title?: string | null;
}

@ArgsType()
export class SpaceCommitmentsArgs extends PageArgs {
  @Field(() => ID)
  spaceId: string;

  @Field(() => CommitmentStatusEnum, { nullable: true })
  status?: CommitmentStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue ones (true) or only those not overdue (false).' })
  overdue?: boolean | null;
}

@ArgsType()
export class PriorityWorkshopsArgs extends PageArgs {
  @Field(() => ID)
  spaceId: string;

  @Field(() => String, { nullable: true, description: 'Words of the workshop’s title.' })
  search?: string | null;
}

// ---------------------------------------------------------------- objects

@ObjectType('CommitmentUpdate', { description: 'A progress note on a commitment.' })
export class CommitmentUpdateModel {
  @Field(() => ID) id: string;
  @Field(() => CommitmentStatusEnum) status: CommitmentStatus;
  @Field(() => Int) progress: number;
  @Field() note: string;
  @Field(() => String, { nullable: true }) authorName: string | null;
  @Field() createdAt: Date;
}

@ObjectType('Commitment', { description: 'A table’s commitment or a group’s deliverable or mandate, with its follow-up (accountability).' })
export class CommitmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field(() => CommitmentKindEnum) kind: CommitmentKind;
  @Field() title: string;
  @Field() description: string;
  @Field(() => ID) responsibleOrganisationId: string;
  @Field() responsibleOrganisationName: string;
  @Field() responsibleCountryCode: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, a calendar day in the space’s time zone.' }) dueDate: string | null;
  @Field(() => CommitmentStatusEnum) status: CommitmentStatus;
  @Field(() => Int, { description: '0 to 100.' }) progress: number;
  @Field(() => CommitmentSourceEnum) source: CommitmentSource;
  @Field(() => ID, { nullable: true }) sourceWorkshopId: string | null;
  @Field(() => String, { nullable: true, description: 'The source workshop’s title in the caller’s language.' }) sourceWorkshopTitle: string | null;
  @Field(() => String, { nullable: true }) sourceWorkshopSlug: string | null;
  @Field(() => String, { nullable: true, description: 'The carried-over action, as worded in the workshop’s first language.' }) sourceLabel: string | null;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field({ description: 'The due date has passed in the space’s time zone and the status is PENDING or IN_PROGRESS.' }) overdue: boolean;
  @Field(() => CommitmentUpdateModel, { nullable: true, description: 'The newest progress note.' }) lastUpdate: CommitmentUpdateModel | null;
  @Field({ description: 'The caller may add progress notes: the responsible organisation’s participants and the space’s organisers, while the space is not closed.' })
  canReport: boolean;
  @Field({ description: 'The caller may edit it: organisers of the space, while it is not closed.' }) canEdit: boolean;
}

export const CommitmentConnection = Connection(CommitmentModel, 'Commitment');

@ObjectType('CommitmentStatusCount')
export class CommitmentStatusCountModel {
  @Field(() => CommitmentStatusEnum) status: CommitmentStatus;
  @Field(() => Int) count: number;
}

@ObjectType('CommitmentAccountability', { description: 'The accountability summary of a space’s commitments.' })
export class CommitmentAccountabilityModel {
  @Field(() => ID) spaceId: string;
  @Field({ description: 'IANA time zone in which due dates count.' }) timeZone: string;
  @Field({ description: 'The caller organises the space’s work (records commitments) and the space is not closed.' }) canOrganise: boolean;
  @Field(() => Int) total: number;
  @Field(() => Int) overdue: number;
  @Field(() => [CommitmentStatusCountModel], { description: 'Every status, in the order PENDING, IN_PROGRESS, DONE, DROPPED.' }) counts: CommitmentStatusCountModel[];
  @Field(() => Float, { nullable: true, description: 'Share (0 to 1) of DONE among the commitments not DROPPED; null when there are none.' }) doneShare: number | null;
  @Field(() => Float, { nullable: true, description: 'Average progress (0 to 100) of the commitments not DROPPED; null when there are none.' })
  averageProgress: number | null;
  @Field({ description: 'CSV export (members only).' }) csvUrl: string;
  @Field({ description: 'PDF export (members only).' }) pdfUrl: string;
}

@ObjectType('PriorityWorkshop', { description: 'A workshop whose priority poll has results the caller may see.' })
export class PriorityWorkshopModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field({ description: 'False while the poll is still open (results provisional; shown to the workshop’s managers only).' }) pollClosed: boolean;
  @Field(() => Int) ballots: number;
}

export const PriorityWorkshopConnection = Connection(PriorityWorkshopModel, 'PriorityWorkshop');

@ObjectType('WorkshopPriority', { description: 'A ranked action of a workshop’s priority poll.' })
export class WorkshopPriorityModel {
  @Field(() => ID) actionId: string;
  @Field(() => Int, { description: '1 = first; ties share a rank.' }) rank: number;
  @Field(() => Int, { description: 'Points (Borda count for ranked polls, votes otherwise).' }) score: number;
  @Field(() => Int) ballots: number;
  @Field({ description: 'In the caller’s language.' }) title: string;
  @Field() description: string;
  @Field({ description: 'Already carried over into this space (carrying it again is skipped).' }) carried: boolean;
}

@ObjectType('CarryOverResult')
export class CarryOverResultModel {
  @Field(() => [CommitmentModel]) created: CommitmentModel[];
  @Field(() => [ID], { description: 'Actions already carried over into this space, left as they were.' }) skippedActionIds: string[];
}
