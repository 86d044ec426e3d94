import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { renderMarkdown } from '@alliance/server-learning';
import { NotificationsService, ReminderService } from '@alliance/server-notifications';
import { CollaborationAccessService, isUuid, type CollaborationViewer, type SpaceAccess } from './access';
import { spacePath } from './collaboration.constants';
import { CollaborationSpace, SpaceMeeting } from './entities';
import { meetingOutcomeSchema, meetingSchema, type MeetingPeriod, type SpaceMeetingModel, type SpaceMeetingSchedulingModel } from './dto/meetings';

/** The two reminders of a session and how long before its start each fires. */
export const MEETING_REMINDERS = [
  { suffix: '24h', hours: 24 },
  { suffix: '1h', hours: 1 },
] as const;

/** Deterministic reminder keys, so scheduling the same session again moves its reminders. */
export const meetingReminderKey = (meetingId: string, suffix: string): string => `collab-meeting:${meetingId}:${suffix}`;

/** The page of a space's sessions tab (notifications and reminders link here). */
export const meetingsLink = (space: Pick<CollaborationSpace, 'kind' | 'id'>): string => `${spacePath(space.kind, space.id)}?tab=sessions`;

/**
 * A session's start as notifications show it: wall-clock time in the session's zone with the zone
 * named, e.g. "2027-03-10 09:00 (America/Lima, UTC-05:00)" (the same form as workshop reminders),
 * so it reads right in every language and for readers in other zones.
 */
export function meetingWhen(meeting: Pick<SpaceMeeting, 'startsAt' | 'timeZone'>): string {
  const start = DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timeZone });
  return `${start.toFormat('yyyy-MM-dd HH:mm')} (${meeting.timeZone}, UTC${start.toFormat('ZZ')})`;
}

export const meetingEndsAt = (m: Pick<SpaceMeeting, 'startsAt' | 'durationMinutes'>): Date => new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);

/**
 * Everyone a space's sessions concern: the participants of its parties that have not declined
 * (the people access.ts lets in as members) and its moderator.
 */
export async function spaceAudience(manager: EntityManager, spaceId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await manager.query(
    `SELECT sp.user_id FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
      WHERE sp.space_id = $1 AND p.status <> 'DECLINED'
     UNION
     SELECT moderator_id FROM collab_spaces WHERE id = $1 AND moderator_id IS NOT NULL
     ORDER BY 1`,
    [spaceId],
  );
  return rows.map((r) => r.user_id);
}

/** Writes (sessions and forum) happen only while a space runs: not before approval, not after a decline. */
export function requireOpen(access: SpaceAccess): void {
  if (access.space.status !== 'OPEN') throw AppError.conflict('collaborationMeetings:spaceNotOpen');
}

/**
 * Sessions of working tables and meetings of technical groups: organisers schedule, move, cancel
 * them and afterwards add the recording and the notes; members read them. Every change notifies
 * the space's audience (collaboration.meeting) and keeps the 24 h and 1 h reminders in step, in the
 * same transaction as the change.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollaborationAccessService,
    private readonly notifications: NotificationsService,
    private readonly reminders: ReminderService,
  ) {}

  // ---------------------------------------------------------------- reads

  async scheduling(viewer: CollaborationViewer | undefined, spaceId: string): Promise<SpaceMeetingSchedulingModel> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    return { canSchedule: access.organiser && access.space.status === 'OPEN', timeZone: access.space.timeZone };
  }

  /** UPCOMING: sessions not yet over, soonest first; PAST: the others, most recent first. */
  async list(viewer: CollaborationViewer | undefined, spaceId: string, period: MeetingPeriod, page: PageArgs): Promise<ConnectionShape<SpaceMeetingModel>> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const qb = this.dataSource
      .getRepository(SpaceMeeting)
      .createQueryBuilder('m')
      .where('m.space_id = :spaceId', { spaceId: access.space.id })
      .andWhere(`m.starts_at + m.duration_minutes * interval '1 minute' ${period === 'PAST' ? '<=' : '>'} now()`);
    const result = await paginate(qb, page, {
      column: 'm.starts_at',
      direction: period === 'PAST' ? 'DESC' : 'ASC',
      valueOf: (m) => m.startsAt.toISOString(),
      idColumn: 'm.id',
      idOf: (m) => m.id,
    });
    const now = new Date();
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: this.view(e.node, access, now) })) };
  }

  // ---------------------------------------------------------------- writes

  async schedule(viewer: CollaborationViewer | undefined, spaceId: string, input: unknown): Promise<SpaceMeetingModel> {
    return this.dataSource.transaction(async (manager) => {
      const access = await this.organiserAccess(viewer, spaceId, manager);
      const values = parseInput(meetingSchema, input);
      if (values.startsAt.getTime() <= Date.now()) throw AppError.badInput([{ field: 'startsAtLocal', key: 'collaborationMeetings:startsInPast' }]);
      const meeting = await manager.save(
        manager.create(SpaceMeeting, {
          spaceId: access.space.id,
          title: values.title,
          startsAt: values.startsAt,
          durationMinutes: values.durationMinutes,
          timeZone: values.timeZone,
          link: values.link,
          agenda: values.agenda,
          recordingUrl: null,
          notes: '',
          cancelledAt: null,
          createdById: viewer!.id,
        }),
      );
      const audience = await spaceAudience(manager, access.space.id);
      await this.syncReminders(manager, access.space, meeting, audience);
      await this.notify(manager, access.space, meeting, audience, viewer!.id, 'SCHEDULED', `collab-meeting:${meeting.id}:scheduled`);
      return this.view(meeting, access, new Date());
    });
  }

  /**
   * Changes a session. A new start must lie in the future; moving one (or changing its length
   * before it starts) notifies its audience and moves its reminders. A session whose start has passed keeps its start (its title, link and
   * agenda can still be corrected).
   */
  async update(viewer: CollaborationViewer | undefined, meetingId: string, input: unknown): Promise<SpaceMeetingModel> {
    return this.dataSource.transaction(async (manager) => {
      const { access, meeting } = await this.writableMeeting(viewer, meetingId, manager);
      if (meeting.cancelledAt) throw AppError.conflict('collaborationMeetings:cancelled');
      const values = parseInput(meetingSchema, input);
      const started = meeting.startsAt.getTime() <= Date.now();
      const startChanged = values.startsAt.getTime() !== meeting.startsAt.getTime();
      if (startChanged) {
        if (started) throw AppError.conflict('collaborationMeetings:alreadyStarted');
        if (values.startsAt.getTime() <= Date.now()) throw AppError.badInput([{ field: 'startsAtLocal', key: 'collaborationMeetings:startsInPast' }]);
      }
      // A new start, or a new end before the session begins, changes people's calendars: tell them.
      const moved = startChanged || (!started && values.durationMinutes !== meeting.durationMinutes);
      Object.assign(meeting, {
        title: values.title,
        startsAt: values.startsAt,
        durationMinutes: values.durationMinutes,
        timeZone: values.timeZone,
        link: values.link,
        agenda: values.agenda,
      });
      await manager.save(meeting);
      const audience = await spaceAudience(manager, access.space.id);
      await this.syncReminders(manager, access.space, meeting, audience);
      if (moved) await this.notify(manager, access.space, meeting, audience, viewer!.id, 'MOVED', `collab-meeting:${meeting.id}:moved:${Date.now()}`);
      return this.view(meeting, access, new Date());
    });
  }

  /** Cancels a session that has not started: its audience is told and its reminders are removed. */
  async cancel(viewer: CollaborationViewer | undefined, meetingId: string): Promise<SpaceMeetingModel> {
    return this.dataSource.transaction(async (manager) => {
      const { access, meeting } = await this.writableMeeting(viewer, meetingId, manager);
      if (meeting.cancelledAt) throw AppError.conflict('collaborationMeetings:cancelled');
      if (meeting.startsAt.getTime() <= Date.now()) throw AppError.conflict('collaborationMeetings:alreadyStarted');
      meeting.cancelledAt = new Date();
      await manager.save(meeting);
      await this.cancelReminders(manager, meeting.id);
      const audience = await spaceAudience(manager, access.space.id);
      await this.notify(manager, access.space, meeting, audience, viewer!.id, 'CANCELLED', `collab-meeting:${meeting.id}:cancelled`);
      return this.view(meeting, access, new Date());
    });
  }

  /** The recording link and the notes (minutes), once the session has started. */
  async recordOutcome(viewer: CollaborationViewer | undefined, meetingId: string, input: unknown): Promise<SpaceMeetingModel> {
    return this.dataSource.transaction(async (manager) => {
      const { access, meeting } = await this.writableMeeting(viewer, meetingId, manager);
      if (meeting.cancelledAt) throw AppError.conflict('collaborationMeetings:cancelled');
      if (meeting.startsAt.getTime() > Date.now()) throw AppError.conflict('collaborationMeetings:notStarted');
      const values = parseInput(meetingOutcomeSchema, input);
      meeting.recordingUrl = values.recordingUrl;
      meeting.notes = values.notes;
      await manager.save(meeting);
      return this.view(meeting, access, new Date());
    });
  }

  /**
   * Re-points every upcoming session reminder of the space at its current participants (plus the
   * moderator). SpacesService calls it in the same transaction whenever a participant list changes,
   * so a person taken off a list is never reminded of the space again. When the space no longer
   * runs (closed), its reminders are removed.
   */
  async rescheduleReminders(manager: EntityManager, spaceId: string): Promise<void> {
    const space = await manager.findOneBy(CollaborationSpace, { id: spaceId });
    if (!space) return;
    const meetings = await manager
      .getRepository(SpaceMeeting)
      .createQueryBuilder('m')
      .where('m.space_id = :spaceId AND m.cancelled_at IS NULL AND m.starts_at > now()', { spaceId })
      .orderBy('m.starts_at', 'ASC')
      .getMany();
    if (space.status !== 'OPEN') {
      for (const meeting of meetings) await this.cancelReminders(manager, meeting.id);
      return;
    }
    const audience = await spaceAudience(manager, spaceId);
    for (const meeting of meetings) await this.syncReminders(manager, space, meeting, audience);
  }

  // ---------------------------------------------------------------- helpers

  /** Organisers of an open space, with the space row locked (see requireWritable). */
  private async organiserAccess(viewer: CollaborationViewer | undefined, spaceId: unknown, manager: EntityManager): Promise<SpaceAccess> {
    const access = await this.access.requireWritable(viewer, spaceId, 'MEMBER', manager);
    requireOpen(access);
    // A member may see the sessions, so "forbidden" tells them nothing new.
    if (!access.organiser) throw AppError.forbidden('collaborationMeetings:organisersOnly');
    return access;
  }

  private async writableMeeting(viewer: CollaborationViewer | undefined, meetingId: string, manager: EntityManager): Promise<{ access: SpaceAccess; meeting: SpaceMeeting }> {
    if (!viewer || !isUuid(meetingId)) throw AppError.notFound('collaboration:notFound');
    const found = await manager.findOneBy(SpaceMeeting, { id: meetingId });
    if (!found) throw AppError.notFound('collaboration:notFound');
    const access = await this.organiserAccess(viewer, found.spaceId, manager);
    // Read again under the space lock: a concurrent change of this session has committed by now.
    const meeting = await manager.findOne(SpaceMeeting, { where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw AppError.notFound('collaboration:notFound');
    return { access, meeting };
  }

  /** Schedules (or moves) both reminders of a live future session; removes those that cannot fire. */
  private async syncReminders(manager: EntityManager, space: CollaborationSpace, meeting: SpaceMeeting, audience: string[], now = new Date()): Promise<void> {
    for (const { suffix, hours } of MEETING_REMINDERS) {
      const key = meetingReminderKey(meeting.id, suffix);
      const runAt = new Date(meeting.startsAt.getTime() - hours * 3_600_000);
      if (meeting.cancelledAt || space.status !== 'OPEN' || !audience.length || runAt.getTime() <= now.getTime()) {
        await this.reminders.cancel(manager, key);
        continue;
      }
      await this.reminders.schedule(manager, {
        key,
        runAt,
        userIds: audience,
        type: 'collaboration.reminder',
        data: { space: space.title, meeting: meeting.title, when: meetingWhen(meeting), hours },
        link: meetingsLink(space),
      });
    }
  }

  private async cancelReminders(manager: EntityManager, meetingId: string): Promise<void> {
    for (const { suffix } of MEETING_REMINDERS) await this.reminders.cancel(manager, meetingReminderKey(meetingId, suffix));
  }

  /** Tells the audience (not the person who made the change) about a scheduled, moved or cancelled session. */
  /** `change` picks the wording (scheduled, moved or cancelled) of the collaboration.meeting texts. */
  private async notify(
    manager: EntityManager,
    space: CollaborationSpace,
    meeting: SpaceMeeting,
    audience: string[],
    actorId: string,
    change: 'SCHEDULED' | 'MOVED' | 'CANCELLED',
    dedupeKey: string,
  ): Promise<void> {
    await this.notifications.notify(manager, {
      userIds: audience.filter((id) => id !== actorId),
      type: 'collaboration.meeting',
      data: { space: space.title, meeting: meeting.title, when: meetingWhen(meeting), change },
      link: meetingsLink(space),
      dedupeKey,
    });
  }

  private view(m: SpaceMeeting, access: SpaceAccess, now: Date): SpaceMeetingModel {
    const started = m.startsAt.getTime() <= now.getTime();
    const canEdit = access.organiser && access.space.status === 'OPEN' && !m.cancelledAt;
    return {
      id: m.id,
      spaceId: m.spaceId,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: meetingEndsAt(m),
      durationMinutes: m.durationMinutes,
      timeZone: m.timeZone,
      startsAtLocal: DateTime.fromJSDate(m.startsAt, { zone: m.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm"),
      link: m.link,
      agenda: m.agenda,
      agendaHtml: renderMarkdown(m.agenda),
      recordingUrl: m.recordingUrl,
      notes: m.notes,
      notesHtml: renderMarkdown(m.notes),
      cancelledAt: m.cancelledAt,
      started,
      canEdit,
      canCancel: canEdit && !started,
      canRecordOutcome: canEdit && started,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    };
  }
}
