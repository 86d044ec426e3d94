import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@alliance/server-graphql';
import type { PartyRole, PartyStatus, SpaceKind, SpaceStatus } from '../collaboration.constants';
import type { SpaceAccess } from '../access';
import type { CollaborationSpace } from '../entities';
import { TABLE_REVIEW_DECISIONS, type TableReviewDecision } from '../spaces-input';
import { PartyRoleEnum, PartyStatusEnum, SpaceKindEnum, SpaceStatusEnum } from './enums';

export const TableReviewDecisionEnum = Object.fromEntries(TABLE_REVIEW_DECISIONS.map((v) => [v, v])) as { [K in TableReviewDecision]: K };
registerEnumType(TableReviewDecisionEnum, { name: 'TableReviewDecision', description: 'APPROVE opens the table with a moderator; REQUEST_CHANGES and DECLINE need a note.' });

@ObjectType('TableOrganisation', { description: 'A member organisation as the table pages name it.' })
export class TableOrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() countryCode: string;

  static of(o: { id: string; name: string; countryCode: string }): TableOrganisationModel {
    return Object.assign(new TableOrganisationModel(), { id: o.id, name: o.name, countryCode: o.countryCode.trim() });
  }
}

@ObjectType('TablePerson', { description: 'A person by name only (e-mail addresses are never exposed here).' })
export class TablePersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;

  static of(p: { id: string; name: string }): TablePersonModel {
    return Object.assign(new TablePersonModel(), { id: p.id, name: p.name });
  }
}

@ObjectType('TableParticipant', { description: 'A person on a party’s list.' })
export class TableParticipantModel {
  @Field(() => ID) id: string;
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field({ description: 'The organisation of the party whose list the person is on.' }) organisationName: string;
}

@ObjectType('TableParty', { description: 'An organisation taking part in a table.' })
export class TablePartyModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field() organisationName: string;
  @Field() countryCode: string;
  @Field(() => PartyRoleEnum) role: PartyRole;
  @Field(() => PartyStatusEnum) status: PartyStatus;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field({ description: 'The caller is a representative or focal point of this organisation (answers for it, keeps its list).' }) canManage: boolean;
  @Field({ description: 'The caller may confirm or decline now for this party.' }) canAnswer: boolean;
  @Field({ description: 'The caller may add or remove this party’s participants now.' }) canEditParticipants: boolean;
  @Field(() => [TableParticipantModel], { description: 'By name.' }) participants: TableParticipantModel[];
}

@ObjectType('TableEvent', { description: 'One step of a table’s history.' })
export class TableEventModel {
  @Field(() => ID) id: string;
  @Field({ description: 'REQUESTED, EDITED, RESUBMITTED, PARTY_CONFIRMED, PARTY_DECLINED, PARTICIPANTS_ADDED, PARTICIPANT_REMOVED, APPROVED, CHANGES_REQUESTED, DECLINED, CLOSED, or an action of another part of the space.' })
  action: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() actorName: string;
  @Field(() => String, { nullable: true, description: 'The organisation the step concerns (a party’s answer or list).' }) organisationName: string | null;
  @Field(() => String, { nullable: true, description: 'The person the step concerns (participant removed, moderator assigned).' }) personName: string | null;
  @Field(() => Int, { nullable: true, description: 'How many people the step concerns (participants added or confirmed).' }) count: number | null;
  @Field() at: Date;
}

/**
 * A working table. Plain columns are fields here; names, parties, history and what the caller may
 * do are resolved per request, batched (spaces.resolver.ts).
 */
@ObjectType('WorkingTable', { description: 'A working table between member organisations; null or absent for whoever may not see it.' })
export class WorkingTableModel {
  @Field(() => ID) id: string;
  @Field(() => SpaceKindEnum) kind: SpaceKind;
  @Field(() => SpaceStatusEnum) status: SpaceStatus;
  @Field({ description: 'The topic.' }) title: string;
  @Field({ description: 'The purpose (Markdown).' }) description: string;
  @Field({ description: 'The proposed agenda (Markdown).' }) agenda: string;
  @Field({ description: 'IANA time zone the table’s dates are shown in.' }) timeZone: string;
  @Field(() => Date, { nullable: true }) firstSessionAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the request was last submitted.' }) requestedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The moderator’s note with the last decision.' }) reviewNote: string | null;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  /** The row itself and, when already known, the caller's access (not exposed). */
  entity: CollaborationSpace;
  access?: SpaceAccess;

  static from(space: CollaborationSpace, access?: SpaceAccess): WorkingTableModel {
    return Object.assign(new WorkingTableModel(), {
      id: space.id,
      kind: space.kind,
      status: space.status,
      title: space.title,
      description: space.description,
      agenda: space.agenda,
      timeZone: space.timeZone,
      firstSessionAt: space.firstSessionAt,
      requestedAt: space.requestedAt,
      reviewNote: space.reviewNote,
      reviewedAt: space.reviewedAt,
      closedAt: space.closedAt,
      createdAt: space.createdAt,
      updatedAt: space.updatedAt,
      entity: space,
      access,
    });
  }
}

export const WorkingTableConnection = Connection(WorkingTableModel, 'WorkingTable');

@InputType()
export class TableDetailsInput {
  @Field({ description: 'The topic.' }) title: string;
  @Field({ description: 'The purpose (Markdown).' }) description: string;
  @Field({ description: 'The proposed agenda (Markdown).' }) agenda: string;
  @Field({ description: 'IANA time zone, e.g. America/Lima.' }) timeZone: string;
  @Field(() => Date, { description: 'At least 15 days after now.' }) firstSessionAt: Date;
}

@InputType()
export class RequestTableInput extends TableDetailsInput {
  @Field(() => ID, { description: 'One of tableRequestOrganisations.' }) requestingOrganisationId: string;
  @Field(() => [ID], { description: 'Other active member organisations (1 to 19).' }) invitedOrganisationIds: string[];
  @Field(() => [String], { description: 'E-mail addresses of registered accounts on the requesting side; the requester is always on the list.' })
  participantEmails: string[];
}

@InputType()
export class ReviewTableInput {
  @Field(() => TableReviewDecisionEnum) decision: TableReviewDecision;
  @Field(() => ID, { nullable: true, description: 'APPROVE: a user with the MODERATOR role (see collaborationModerators).' }) moderatorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required to ask for changes or to decline.' }) note?: string | null;
}

@ArgsType()
export class MyTablesArgs extends PageArgs {
  @Field(() => SpaceStatusEnum, { nullable: true }) status?: SpaceStatus | null;
}

@ArgsType()
export class TableReviewQueueArgs extends PageArgs {
  @Field(() => SpaceStatusEnum, { nullable: true, description: 'REQUESTED or CHANGES_REQUESTED; both when absent.' }) status?: SpaceStatus | null;
}

@ArgsType()
export class TableOrganisationSearchArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name (accents and case ignored).' }) search?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) countryCode?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'At most 20.' }) first?: number | null;
}
