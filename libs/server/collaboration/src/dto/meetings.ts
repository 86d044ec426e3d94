import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';
import { Connection, PageArgs } from '@alliance/server-graphql';
import { COLLABORATION_LIMITS as L } from '../collaboration.constants';

// ---------------------------------------------------------------- validation (zod, shared keys)

/** https only (no credentials), so the web may link it without checks of its own. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

const httpsUrl = (key: string) =>
  z
    .string({ error: key })
    .trim()
    .max(L.urlMax, { error: key })
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHttpsUrl(v), { error: key });

const markdown = (key: string) =>
  z
    .string({ error: key })
    .max(L.textMax, { error: key })
    .nullish()
    .transform((v) => (v ?? '').trim());

/** A wall-clock date and time as typed in a form ("2027-03-10T09:00"), without an offset. */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export const MEETING_DURATION_MIN = 5;
export const MEETING_DURATION_MAX = 1440;

/**
 * A session as organisers type it: the start is a wall-clock time in the session's IANA zone (how
 * people agree on meetings across the region: "10:00 Lima time"), turned into an instant here.
 */
export const meetingSchema = z
  .object({
    title: z
      .string({ error: 'collaborationMeetings:titleInvalid' })
      .trim()
      .min(1, { error: 'collaborationMeetings:titleInvalid' })
      .max(L.titleMax, { error: 'collaborationMeetings:titleInvalid' }),
    startsAtLocal: z.string({ error: 'collaborationMeetings:startsAtInvalid' }).trim().regex(WALL_CLOCK, { error: 'collaborationMeetings:startsAtInvalid' }),
    timeZone: z
      .string({ error: 'collaborationMeetings:timeZoneInvalid' })
      .trim()
      .max(64, { error: 'collaborationMeetings:timeZoneInvalid' })
      .refine((v) => IANAZone.isValidZone(v), { error: 'collaborationMeetings:timeZoneInvalid' }),
    durationMinutes: z
      .number({ error: 'collaborationMeetings:durationInvalid' })
      .int({ error: 'collaborationMeetings:durationInvalid' })
      .min(MEETING_DURATION_MIN, { error: 'collaborationMeetings:durationInvalid' })
      .max(MEETING_DURATION_MAX, { error: 'collaborationMeetings:durationInvalid' }),
    link: httpsUrl('collaborationMeetings:linkInvalid'),
    agenda: markdown('collaborationMeetings:agendaTooLong'),
  })
  .transform((values, ctx) => {
    const start = DateTime.fromISO(values.startsAtLocal, { zone: values.timeZone });
    // luxon moves a time that does not exist in the zone (a daylight-saving gap) forward: refuse it
    // rather than silently scheduling another hour than the one typed.
    if (!start.isValid || start.toFormat("yyyy-MM-dd'T'HH:mm") !== values.startsAtLocal.slice(0, 16)) {
      ctx.addIssue({ code: 'custom', path: ['startsAtLocal'], message: 'collaborationMeetings:startsAtInvalid' });
      return z.NEVER;
    }
    return { ...values, startsAt: start.toJSDate() };
  });
export type MeetingValues = z.output<typeof meetingSchema>;

export const meetingOutcomeSchema = z.object({
  recordingUrl: httpsUrl('collaborationMeetings:recordingInvalid'),
  notes: markdown('collaborationMeetings:notesTooLong'),
});
export type MeetingOutcomeValues = z.output<typeof meetingOutcomeSchema>;

// ---------------------------------------------------------------- GraphQL

export const MEETING_PERIODS = ['UPCOMING', 'PAST'] as const;
export type MeetingPeriod = (typeof MEETING_PERIODS)[number];
export const MeetingPeriodEnum = { UPCOMING: 'UPCOMING', PAST: 'PAST' } as const;
registerEnumType(MeetingPeriodEnum, {
  name: 'SpaceMeetingPeriod',
  description: 'UPCOMING: not yet over (soonest first); PAST: over (most recent first).',
});

@InputType()
export class SpaceMeetingInput {
  @Field() title: string;
  @Field({ description: 'Wall-clock start in timeZone, e.g. 2027-03-10T09:00 (no offset).' }) startsAtLocal: string;
  @Field({ description: 'IANA time zone, e.g. America/Lima.' }) timeZone: string;
  @Field(() => Int, { description: `${MEETING_DURATION_MIN} to ${MEETING_DURATION_MAX}.` }) durationMinutes: number;
  @Field(() => String, { nullable: true, description: 'Video call address (https).' }) link?: string | null;
  @Field(() => String, { nullable: true, description: 'Markdown.' }) agenda?: string | null;
}

@InputType()
export class SpaceMeetingOutcomeInput {
  @Field(() => String, { nullable: true, description: 'https.' }) recordingUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'Notes or minutes, Markdown.' }) notes?: string | null;
}

@ArgsType()
export class SpaceMeetingsArgs extends PageArgs {
  @Field(() => ID) spaceId: string;
  @Field(() => MeetingPeriodEnum, { defaultValue: 'UPCOMING' }) period: MeetingPeriod;
}

@ObjectType('SpaceMeeting', { description: 'A working table’s session or a technical group’s meeting.' })
export class SpaceMeetingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int) durationMinutes: number;
  @Field({ description: 'IANA zone the session was agreed in; show the start in it.' }) timeZone: string;
  @Field({ description: 'The start as wall-clock time in timeZone (what the edit form shows).' }) startsAtLocal: string;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field({ description: 'Markdown source.' }) agenda: string;
  @Field({ description: 'Sanitised HTML of the agenda.' }) agendaHtml: string;
  @Field(() => String, { nullable: true }) recordingUrl: string | null;
  @Field({ description: 'Notes or minutes, Markdown source.' }) notes: string;
  @Field({ description: 'Sanitised HTML of the notes.' }) notesHtml: string;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field({ description: 'The start has passed.' }) started: boolean;
  @Field({ description: 'The caller may change or move it (organisers, open space, not cancelled).' }) canEdit: boolean;
  @Field({ description: 'The caller may cancel it (as canEdit, before it starts).' }) canCancel: boolean;
  @Field({ description: 'The caller may add the recording and notes (as canEdit, once started).' }) canRecordOutcome: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

export const SpaceMeetingConnection = Connection(SpaceMeetingModel, 'SpaceMeeting');

@ObjectType('SpaceMeetingScheduling', { description: 'What the caller may do with a space’s sessions.' })
export class SpaceMeetingSchedulingModel {
  @Field({ description: 'The caller organises the space and it is open: may schedule sessions.' }) canSchedule: boolean;
  @Field({ description: 'The space’s own time zone (the default for new sessions).' }) timeZone: string;
}
