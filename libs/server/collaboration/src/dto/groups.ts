import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { Connection, PageArgs } from '@alliance/server-graphql';
import { emailSchema, type AccessLevel } from '@alliance/shared-core';
import { COLLABORATION_LIMITS as L, type SpaceStatus } from '../collaboration.constants';
import { parseDay } from '../coordination';
import { AccessLevelEnum, SpaceStatusEnum } from './enums';

// ---------------------------------------------------------------- rules

export const GROUP_LIMITS = {
  membersMin: 2,
  membersMax: L.partiesMax,
  rotationMonthsMin: 1,
  rotationMonthsMax: 60,
  titleMin: 3,
  /** A first period may start this long ago (groups that existed before the portal)... */
  startYearsBack: 30,
  /** ...or this far ahead. */
  startYearsAhead: 5,
  /** Participants added in one request. */
  emailsPerRequest: L.participantsPerParty,
  /** History entries shown per group, newest first. */
  historyMax: 200,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (key: string) =>
  z
    .string({ error: key })
    .regex(UUID, { error: key })
    .transform((v) => v.toLowerCase());

/** E-mail addresses of registered accounts: normalised, duplicates dropped. */
export const participantEmailsSchema = z
  .array(emailSchema, { error: 'collaborationGroups:emailsInvalid' })
  .max(GROUP_LIMITS.emailsPerRequest, { error: 'collaborationGroups:participantsTooMany' })
  .nullish()
  .transform((emails) => [...new Set(emails ?? [])]);

const rotationStartsOn = z
  .string({ error: 'collaborationGroups:startsOnInvalid' })
  .trim()
  .refine((v) => {
    const day = parseDay(v);
    if (!day) return false;
    const year = new Date().getUTCFullYear();
    return day.year >= year - GROUP_LIMITS.startYearsBack && day.year <= year + GROUP_LIMITS.startYearsAhead;
  }, { error: 'collaborationGroups:startsOnInvalid' });

export const createGroupSchema = z
  .object({
    title: z
      .string({ error: 'collaborationGroups:titleInvalid' })
      .trim()
      .min(GROUP_LIMITS.titleMin, { error: 'collaborationGroups:titleInvalid' })
      .max(L.titleMax, { error: 'collaborationGroups:titleInvalid' }),
    description: z
      .string({ error: 'collaborationGroups:descriptionInvalid' })
      .trim()
      .min(1, { error: 'collaborationGroups:descriptionInvalid' })
      .max(L.textMax, { error: 'collaborationGroups:descriptionInvalid' }),
    timeZone: z
      .string({ error: 'collaborationGroups:timeZoneInvalid' })
      .trim()
      .max(64, { error: 'collaborationGroups:timeZoneInvalid' })
      .refine((v) => IANAZone.isValidZone(v), { error: 'collaborationGroups:timeZoneInvalid' }),
    rotationMonths: z
      .number({ error: 'collaborationGroups:rotationMonthsInvalid' })
      .int({ error: 'collaborationGroups:rotationMonthsInvalid' })
      .min(GROUP_LIMITS.rotationMonthsMin, { error: 'collaborationGroups:rotationMonthsInvalid' })
      .max(GROUP_LIMITS.rotationMonthsMax, { error: 'collaborationGroups:rotationMonthsInvalid' }),
    rotationStartsOn,
    moderatorId: id('collaborationGroups:moderatorInvalid').nullish(),
    members: z
      .array(
        z.object({
          organisationId: id('collaborationGroups:organisationInvalid'),
          participantEmails: participantEmailsSchema,
        }),
        { error: 'collaborationGroups:membersTooFew' },
      )
      .min(GROUP_LIMITS.membersMin, { error: 'collaborationGroups:membersTooFew' })
      .max(GROUP_LIMITS.membersMax, { error: 'collaborationGroups:membersTooMany' }),
  })
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.members.forEach((member, index) => {
      if (seen.has(member.organisationId)) ctx.addIssue({ code: 'custom', path: ['members', index, 'organisationId'], message: 'collaborationGroups:organisationDuplicate' });
      seen.add(member.organisationId);
    });
  });
export type CreateGroupValues = z.output<typeof createGroupSchema>;

export const addMemberSchema = z.object({
  organisationId: id('collaborationGroups:organisationInvalid'),
  participantEmails: participantEmailsSchema,
});

export const addParticipantsSchema = z.object({
  emails: participantEmailsSchema.refine((emails) => emails.length > 0, { error: 'collaborationGroups:emailsRequired' }),
});

// ---------------------------------------------------------------- inputs

@InputType('TechnicalGroupMemberInput')
export class TechnicalGroupMemberInput {
  @Field(() => ID)
  organisationId: string;

  @Field(() => [String], { nullable: true, description: 'E-mail addresses of registered accounts for this organisation’s participant list.' })
  participantEmails?: string[] | null;
}

@InputType('CreateTechnicalGroupInput')
export class CreateTechnicalGroupInput {
  @Field({ description: 'The group’s name.' })
  title: string;

  @Field({ description: 'Mandate and purpose, Markdown.' })
  description: string;

  @Field({ description: 'IANA time zone the group’s dates are shown in by default.' })
  timeZone: string;

  @Field(() => Int, { description: 'Months each member coordinates before the next one takes over (1..60).' })
  rotationMonths: number;

  @Field({ description: 'First day of the first coordination period (YYYY-MM-DD); may be in the past for groups that already exist.' })
  rotationStartsOn: string;

  @Field(() => ID, { nullable: true, description: 'A person with the moderator role; the creator when left out (if they are a moderator).' })
  moderatorId?: string | null;

  @Field(() => [TechnicalGroupMemberInput], { description: 'Member organisations in rotation order (the first coordinates first), 2..20.' })
  members: TechnicalGroupMemberInput[];
}

@ArgsType()
export class TechnicalGroupsArgs extends PageArgs {}

// ---------------------------------------------------------------- object types

@ObjectType('TechnicalGroupPerson')
export class TechnicalGroupPersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('TechnicalGroupParticipant', { description: 'A person on a member’s participant list (never with an e-mail address).' })
export class TechnicalGroupParticipantModel {
  @Field(() => ID, { description: 'The list entry (to remove it).' }) id: string;
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType('TechnicalGroupMember')
export class TechnicalGroupMemberModel {
  @Field(() => ID) partyId: string;
  @Field(() => ID) organisationId: string;
  @Field() organisationName: string;
  @Field() countryCode: string;
  @Field(() => Int, { description: 'Place in the coordination rotation (lower coordinates first).' }) rotationOrder: number;
  @Field({ description: 'Whether the caller may change this member’s participant list.' }) canManage: boolean;
  @Field(() => [TechnicalGroupParticipantModel]) participants: TechnicalGroupParticipantModel[];
}

@ObjectType('TechnicalGroupCoordination', { description: 'A coordination period of a member country. Dates are calendar days (YYYY-MM-DD).' })
export class TechnicalGroupCoordinationModel {
  @Field(() => ID, { nullable: true, description: 'Null for a period not recorded yet (the next one).' }) id: string | null;
  @Field(() => ID) partyId: string;
  @Field(() => ID, { nullable: true, description: 'Null when the organisation no longer exists.' }) organisationId: string | null;
  @Field() organisationName: string;
  @Field() countryCode: string;
  @Field({ description: 'Whether the organisation is still a member of the group.' }) stillMember: boolean;
  @Field() startsOn: string;
  @Field({ description: 'Exclusive: the next period starts on this day.' }) endsOn: string;
  @Field({ description: 'The last day of the period (endsOn minus one day).' }) lastDay: string;
}

@ObjectType('TechnicalGroupEvent', { description: 'An entry of a group’s history.' })
export class TechnicalGroupEventModel {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. CREATED, MEMBER_ADDED, MEMBER_REMOVED, PARTICIPANT_ADDED, PARTICIPANT_REMOVED, COORDINATION_HANDED_OVER, CLOSED.' }) action: string;
  @Field() at: Date;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'The organisation the entry is about, if any.' }) organisationName: string | null;
  @Field(() => String, { nullable: true, description: 'The person the entry is about, if any.' }) personName: string | null;
  @Field(() => String, { nullable: true, description: 'The organisation that takes over (hand-over).' }) toOrganisationName: string | null;
}

/**
 * A technical group. Plain columns are fields here; the caller's access comes with the model
 * (worked out before it is built); moderator, members, coordination and history are resolved by
 * TechnicalGroupFieldsResolver with per-request loaders.
 */
@ObjectType('TechnicalGroup')
export class TechnicalGroupModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field({ description: 'Mandate, Markdown.' }) description: string;
  @Field(() => SpaceStatusEnum) status: SpaceStatus;
  @Field() timeZone: string;
  @Field(() => Int) rotationMonths: number;
  @Field({ description: 'Day the current rotation grid is counted from: the first period, or the last hand-over (YYYY-MM-DD).' }) rotationStartsOn: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => AccessLevelEnum) myAccess: AccessLevel;
  @Field({ description: 'Whether the caller organises the group’s work (moderator, administrators, the coordinating member’s participants); false once closed.' }) organiser: boolean;
  @Field({ description: 'Whether the caller may change members, coordination and status (moderator and administrators, while open).' }) canManage: boolean;

  /** Not exposed: what the field resolvers need. */
  moderatorId: string | null;
  managedPartyIds: string[];
}

export const TechnicalGroupConnection = Connection(TechnicalGroupModel, 'TechnicalGroup');
