import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, decodeCursor, encodeCursor, parseInput, type ConnectionShape } from '@alliance/server-graphql';
import { NotificationsService } from '@alliance/server-notifications';
import { ErrorCode, LIMITS, type AccessLevel, type FieldErrorDescriptor } from '@alliance/shared-core';
import { CollaborationAccessService, atLeast, isUuid, type CollaborationViewer, type SpaceAccess } from './access';
import { AuditService } from '@alliance/server-identity';
import { COLLABORATION_LIMITS, groupPath } from './collaboration.constants';
import { continueRotation, lastDayOf, upcomingPeriod } from './coordination';
import { GROUP_LIMITS, addMemberSchema, addParticipantsSchema, createGroupSchema } from './dto/groups';
import { CollaborationSpace, SpaceEvent } from './entities';
import { MeetingsService } from './meetings.service';

/** A member organisation of a group and its participant list. */
export interface GroupMember {
  spaceId: string;
  partyId: string;
  organisationId: string;
  organisationName: string;
  countryCode: string;
  rotationOrder: number;
  participants: GroupParticipant[];
}

export interface GroupParticipant {
  id: string;
  partyId: string;
  userId: string;
  name: string;
}

/** A coordination period as shown: recorded (with id) or computed (the next one, id null). */
export interface CoordinationRecord {
  id: string | null;
  spaceId: string;
  partyId: string;
  countryCode: string;
  startsOn: string;
  endsOn: string;
  lastDay: string;
  organisationId: string | null;
  organisationName: string;
  stillMember: boolean;
  /** The coordinator's place in the rotation (kept in the removal entry once the member is gone). */
  rotationOrder: number | null;
}

export interface CoordinationView {
  current: CoordinationRecord | null;
  /** Newest first. */
  past: CoordinationRecord[];
  next: CoordinationRecord | null;
}

export interface GroupEventView {
  id: string;
  spaceId: string;
  action: string;
  at: Date;
  actorName: string | null;
  note: string | null;
  organisationName: string | null;
  personName: string | null;
  toOrganisationName: string | null;
}

type EventData = Record<string, string | number | boolean | null>;

/** Rows of an INSERT/UPDATE/DELETE ... RETURNING run through manager.query (TypeORM's pg driver returns [rows, affected] for some). */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** May change this member's participant list: moderator and administrators, or the organisation's representatives and focal points. */
export function canManageParty(access: Pick<SpaceAccess, 'level' | 'managedPartyIds'>, partyId: string): boolean {
  return atLeast(access.level, 'MODERATOR') || access.managedPartyIds.includes(partyId);
}

/**
 * Current, past and next coordination of a group from its recorded periods (oldest first) and its
 * current members. A closed group is an archive: everything recorded is past, nobody is next.
 */
export function coordinationView(
  group: Pick<CollaborationSpace, 'id' | 'status' | 'rotationMonths' | 'rotationStartsOn'>,
  members: readonly GroupMember[],
  records: readonly CoordinationRecord[],
  today: string,
): CoordinationView {
  if (group.status !== 'OPEN') {
    return { current: null, past: records.filter((r) => r.startsOn <= today).reverse(), next: null };
  }
  const current = records.find((r) => r.startsOn <= today && today < r.endsOn) ?? null;
  const past = records.filter((r) => r.endsOn <= today).reverse();
  let next = records.find((r) => r.startsOn > today) ?? null;
  if (!next && group.rotationMonths && group.rotationStartsOn) {
    const last = records.at(-1);
    const period = upcomingPeriod({
      anchor: group.rotationStartsOn,
      months: group.rotationMonths,
      members,
      last: last ? { endsOn: last.endsOn, rotationOrder: last.rotationOrder } : null,
    });
    const member = period && members.find((m) => m.partyId === period.partyId);
    if (period && member) {
      next = {
        id: null,
        spaceId: group.id,
        ...period,
        lastDay: lastDayOf(period),
        organisationId: member.organisationId,
        organisationName: member.organisationName,
        stillMember: true,
        rotationOrder: member.rotationOrder,
      };
    }
  }
  return { current, past, next };
}

/**
 * Technical groups: standing groups of member organisations (typically ministries) with rotating
 * coordination. Creation, members, participant lists, hand-over and closing; and the reads the
 * resolvers need, batched by space so a list costs a fixed number of queries.
 *
 * Coordination periods are materialised into collab_coordinations when a group is read or written
 * (no daily job): the period containing today always exists when anyone looks, which is also what
 * access.ts reads to decide who organises.
 */
@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollaborationAccessService,
    private readonly meetings: MeetingsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {
    // Every access decision on a group first records the period containing today (see access.ts).
    access.registerCoordinationRefresher((manager, spaceId) => this.refreshIn(manager, spaceId));
  }

  /** Materialises one group's periods in the caller's transaction when today's is missing (a cheap check first). */
  private async refreshIn(manager: EntityManager, spaceId: string): Promise<void> {
    const [missing]: Array<{ id: string }> = await manager.query(
      `SELECT s.id FROM collab_spaces s
        WHERE s.id = $1 AND s.kind = 'GROUP' AND s.status = 'OPEN' AND s.rotation_months IS NOT NULL AND s.rotation_starts_on <= current_date
          AND NOT EXISTS (SELECT 1 FROM collab_coordinations c WHERE c.space_id = s.id AND c.starts_on <= current_date AND c.ends_on > current_date)`,
      [spaceId],
    );
    if (missing) await this.materialise(manager, spaceId);
  }

  // ---------------------------------------------------------------- coordination periods

  /**
   * Records the periods due up to today (in the database's calendar, the one access.ts reads), in
   * the caller's transaction; returns how many it added. The space row is share-locked so the
   * member list and last period it computes from cannot change underneath (writers hold it FOR
   * UPDATE); concurrent readers compute the same periods and the unique (space, start) index keeps
   * one of each.
   */
  async materialise(manager: EntityManager, spaceId: string): Promise<number> {
    const [space]: Array<{ kind: string; status: string; rotation_months: number | null; anchor: string | null; today: string }> = await manager.query(
      `SELECT kind, status, rotation_months, rotation_starts_on::text AS anchor, current_date::text AS today FROM collab_spaces WHERE id = $1 FOR SHARE`,
      [spaceId],
    );
    if (!space || space.kind !== 'GROUP' || space.status !== 'OPEN' || !space.rotation_months || !space.anchor) return 0;
    const members = (await this.membersOf([spaceId], manager, false)).get(spaceId) ?? [];
    const [last]: Array<{ ends_on: string; rotation_order: number | null }> = await manager.query(
      `SELECT c.ends_on::text AS ends_on, COALESCE(p.rotation_order, (removed.data->>'rotationOrder')::int) AS rotation_order
         FROM collab_coordinations c
         LEFT JOIN collab_space_parties p ON p.id = c.party_id
         LEFT JOIN LATERAL (SELECT e.data FROM collab_space_events e
                             WHERE e.space_id = c.space_id AND e.action = 'MEMBER_REMOVED' AND e.data->>'partyId' = c.party_id::text
                             ORDER BY e.created_at DESC LIMIT 1) removed ON p.id IS NULL
        WHERE c.space_id = $1 ORDER BY c.starts_on DESC LIMIT 1`,
      [spaceId],
    );
    const periods = continueRotation({
      anchor: space.anchor,
      months: space.rotation_months,
      members,
      last: last ? { endsOn: last.ends_on, rotationOrder: last.rotation_order } : null,
      until: space.today,
    });
    if (!periods.length) return 0;
    const inserted = await manager.query(
      `INSERT INTO collab_coordinations (space_id, party_id, country_code, starts_on, ends_on)
       SELECT $1, t.party_id, t.country_code, t.starts_on, t.ends_on
         FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) WITH ORDINALITY AS t(party_id, country_code, starts_on, ends_on, n)
        ORDER BY t.n
       ON CONFLICT (space_id, starts_on) DO NOTHING
       RETURNING id`,
      [spaceId, periods.map((p) => p.partyId), periods.map((p) => p.countryCode), periods.map((p) => p.startsOn), periods.map((p) => p.endsOn)],
    );
    return returnedRows<{ id: string }>(inserted).length;
  }

  /**
   * Materialises the groups among `spaceIds` whose period for today is missing (a cheap check
   * first, so a read normally writes nothing). Returns whether any period was added.
   */
  async refreshCoordinations(spaceIds: readonly string[]): Promise<boolean> {
    const ids = [...new Set(spaceIds.filter(isUuid))];
    if (!ids.length) return false;
    const stale: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id FROM collab_spaces s
        WHERE s.id = ANY($1::uuid[]) AND s.kind = 'GROUP' AND s.status = 'OPEN'
          AND s.rotation_months IS NOT NULL AND s.rotation_starts_on <= current_date
          AND NOT EXISTS (SELECT 1 FROM collab_coordinations c WHERE c.space_id = s.id AND c.starts_on <= current_date AND c.ends_on > current_date)`,
      [ids],
    );
    let added = 0;
    for (const { id } of stale) added += await this.dataSource.transaction((manager) => this.materialise(manager, id));
    return added > 0;
  }

  // ---------------------------------------------------------------- reads

  /** The group and the viewer's access, or null when missing, not a group or not visible to the viewer. */
  async findGroup(viewer: CollaborationViewer | undefined, id: unknown): Promise<SpaceAccess | null> {
    if (!viewer || !isUuid(id)) return null;
    // Periods first: who organises depends on the period containing today, which must exist when the
    // access is worked out (a reader racing another one's materialisation would otherwise see the
    // state before it). The writes are derived rows, the same whoever triggers them.
    await this.refreshCoordinations([id]);
    const access = await this.access.find(viewer, id, 'OVERVIEW');
    return access && access.space.kind === 'GROUP' ? access : null;
  }

  /** Groups the viewer reaches at OVERVIEW or above (administrators: all), open ones first, by name. */
  async myGroups(viewer: CollaborationViewer | undefined, first?: number | null, after?: string | null): Promise<ConnectionShape<SpaceAccess>> {
    if (!viewer) throw AppError.unauthenticated();
    const size = first ?? LIMITS.pageSizeDefault;
    if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSizeMax) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    // Offset cursors: the list is short and ordered by mutable columns (status, title).
    const offset = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw AppError.badInput([{ field: 'after', key: 'errors:invalidCursor' }], 'errors:invalidCursor');
    // `$1::uuid IS NOT NULL` keeps the parameter typed when administrators' condition is plain TRUE.
    const where = `s.kind = 'GROUP' AND $1::uuid IS NOT NULL AND ${this.access.visibleSpacesSql('s', '$1', viewer)}`;
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total FROM collab_spaces s WHERE ${where}`, [viewer.id]);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id FROM collab_spaces s WHERE ${where} ORDER BY (s.status = 'OPEN') DESC, lower(s.title), s.id OFFSET $2 LIMIT $3`,
      [viewer.id, offset, size + 1],
    );
    const ids = rows.slice(0, size).map((r) => r.id);
    await this.refreshCoordinations(ids);
    const spaces = ids.length ? await this.dataSource.getRepository(CollaborationSpace).findBy({ id: In(ids) }) : [];
    const accesses = await this.accessMany(viewer, spaces);
    const byId = new Map(accesses.map((a) => [a.space.id, a]));
    const nodes = ids.map((id) => byId.get(id)).filter((a): a is SpaceAccess => !!a);
    const edges = nodes.map((node, i) => ({ cursor: encodeCursor([offset + i + 1]), node }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /** The viewer's access to many groups in one query (the rule is access.ts's). */
  accessMany(viewer: CollaborationViewer | undefined, spaces: readonly CollaborationSpace[]): Promise<SpaceAccess[]> {
    return this.access.accessMany(viewer, spaces);
  }


  /** Members (rotation order) of each space, with their participant lists (by name) unless told otherwise. */
  async membersOf(spaceIds: readonly string[], manager: EntityManager = this.dataSource.manager, withParticipants = true): Promise<Map<string, GroupMember[]>> {
    const result = new Map<string, GroupMember[]>();
    if (!spaceIds.length) return result;
    const parties: Array<{ space_id: string; party_id: string; organisation_id: string; organisation_name: string; country_code: string; rotation_order: number }> = await manager.query(
      `SELECT p.space_id, p.id AS party_id, p.organisation_id, o.name AS organisation_name, o.country_code, p.rotation_order
         FROM collab_space_parties p JOIN organisations o ON o.id = p.organisation_id
        WHERE p.space_id = ANY($1::uuid[]) AND p.role = 'MEMBER' AND p.status = 'CONFIRMED'
        ORDER BY p.space_id, p.rotation_order, p.id`,
      [spaceIds],
    );
    const participants: Array<{ id: string; party_id: string; user_id: string; name: string }> = withParticipants
      ? await manager.query(
          `SELECT sp.id, sp.party_id, sp.user_id, u.name FROM collab_space_participants sp JOIN users u ON u.id = sp.user_id
            WHERE sp.space_id = ANY($1::uuid[]) ORDER BY u.name, sp.id`,
          [spaceIds],
        )
      : [];
    const byParty = new Map<string, GroupParticipant[]>();
    for (const p of participants) byParty.set(p.party_id, [...(byParty.get(p.party_id) ?? []), { id: p.id, partyId: p.party_id, userId: p.user_id, name: p.name }]);
    for (const p of parties) {
      const member: GroupMember = {
        spaceId: p.space_id,
        partyId: p.party_id,
        organisationId: p.organisation_id,
        organisationName: p.organisation_name,
        countryCode: p.country_code.trim(),
        rotationOrder: p.rotation_order,
        participants: byParty.get(p.party_id) ?? [],
      };
      result.set(p.space_id, [...(result.get(p.space_id) ?? []), member]);
    }
    return result;
  }

  /**
   * Recorded coordination periods of each space, oldest first, and today's date. The coordinator's
   * name comes from its organisation, or (once the member is gone) from the removal's history entry.
   */
  async coordinationsOf(spaceIds: readonly string[]): Promise<{ today: string; bySpace: Map<string, CoordinationRecord[]> }> {
    const [{ today }]: Array<{ today: string }> = await this.dataSource.query(`SELECT current_date::text AS today`);
    const bySpace = new Map<string, CoordinationRecord[]>();
    if (!spaceIds.length) return { today, bySpace };
    const rows: Array<{
      id: string;
      space_id: string;
      party_id: string;
      country_code: string;
      starts_on: string;
      ends_on: string;
      last_day: string;
      organisation_id: string | null;
      organisation_name: string | null;
      still_member: boolean;
      rotation_order: number | null;
    }> = await this.dataSource.query(
      `SELECT c.id, c.space_id, c.party_id, c.country_code, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on,
              (c.ends_on - 1)::text AS last_day, p.id IS NOT NULL AS still_member,
              COALESCE(o.id, ro.id) AS organisation_id,
              COALESCE(o.name, ro.name, removed.data->>'organisationName') AS organisation_name,
              COALESCE(p.rotation_order, (removed.data->>'rotationOrder')::int) AS rotation_order
         FROM collab_coordinations c
         LEFT JOIN collab_space_parties p ON p.id = c.party_id
         LEFT JOIN organisations o ON o.id = p.organisation_id
         LEFT JOIN LATERAL (SELECT e.data FROM collab_space_events e
                             WHERE e.space_id = c.space_id AND e.action = 'MEMBER_REMOVED' AND e.data->>'partyId' = c.party_id::text
                             ORDER BY e.created_at DESC LIMIT 1) removed ON p.id IS NULL
         LEFT JOIN organisations ro ON ro.id::text = removed.data->>'organisationId'
        WHERE c.space_id = ANY($1::uuid[])
        ORDER BY c.space_id, c.starts_on`,
      [spaceIds],
    );
    for (const r of rows) {
      const record: CoordinationRecord = {
        id: r.id,
        spaceId: r.space_id,
        partyId: r.party_id,
        countryCode: r.country_code.trim(),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        lastDay: r.last_day,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name ?? '—',
        stillMember: r.still_member,
        rotationOrder: r.rotation_order,
      };
      bySpace.set(r.space_id, [...(bySpace.get(r.space_id) ?? []), record]);
    }
    return { today, bySpace };
  }

  /** Each space's history, newest first (at most GROUP_LIMITS.historyMax entries each). */
  async historyOf(spaceIds: readonly string[]): Promise<Map<string, GroupEventView[]>> {
    const result = new Map<string, GroupEventView[]>();
    if (!spaceIds.length) return result;
    const rows: Array<{ id: string; space_id: string; action: string; created_at: Date; actor_name: string | null; note: string | null; data: EventData }> = await this.dataSource.query(
      `SELECT * FROM (
         SELECT e.id, e.space_id, e.action, e.created_at, u.name AS actor_name, e.note, e.data,
                row_number() OVER (PARTITION BY e.space_id ORDER BY e.created_at DESC, e.id DESC) AS n
           FROM collab_space_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.space_id = ANY($1::uuid[])) h
        WHERE h.n <= $2 ORDER BY h.space_id, h.created_at DESC, h.id DESC`,
      [spaceIds, GROUP_LIMITS.historyMax],
    );
    const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
    for (const r of rows) {
      const view: GroupEventView = {
        id: r.id,
        spaceId: r.space_id,
        action: r.action,
        at: r.created_at,
        actorName: r.actor_name,
        note: r.note,
        organisationName: text(r.data?.organisationName),
        personName: text(r.data?.personName),
        toOrganisationName: text(r.data?.toOrganisationName),
      };
      result.set(r.space_id, [...(result.get(r.space_id) ?? []), view]);
    }
    return result;
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = ids.length ? await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids]) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ---------------------------------------------------------------- writes

  /** Moderators and administrators: a new OPEN group with its members in rotation order; returns its id. */
  async create(viewer: CollaborationViewer | undefined, input: unknown): Promise<string> {
    if (!viewer) throw AppError.unauthenticated();
    if (!viewer.admin && !viewer.moderator) throw AppError.forbidden('collaborationGroups:createNotAllowed');
    const values = parseInput(createGroupSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const moderatorId = await this.moderatorFor(manager, viewer, values.moderatorId ?? null);
      const organisations = await this.activeOrganisations(
        manager,
        values.members.map((m) => m.organisationId),
        (index) => `members.${index}.organisationId`,
      );
      const users = await this.accountsFor(
        manager,
        values.members.map((m, index) => ({ field: `members.${index}.participantEmails`, emails: m.participantEmails })),
      );
      const [space] = await manager.save(CollaborationSpace, [
        manager.create(CollaborationSpace, {
          kind: 'GROUP',
          status: 'OPEN',
          title: values.title,
          description: values.description,
          agenda: '',
          timeZone: values.timeZone,
          firstSessionAt: null,
          requestedById: viewer.id,
          requestedAt: new Date(),
          moderatorId,
          reviewedById: null,
          reviewedAt: null,
          reviewNote: null,
          closedById: null,
          closedAt: null,
          rotationMonths: values.rotationMonths,
          rotationStartsOn: values.rotationStartsOn,
        }),
      ]);
      let participants = 0;
      for (const [index, member] of values.members.entries()) {
        const partyId = await this.insertParty(manager, space.id, member.organisationId, index, viewer.id);
        participants += await this.insertParticipants(manager, space.id, partyId, users.get(index) ?? [], viewer.id);
      }
      await this.event(manager, space.id, viewer.id, 'CREATED', {
        members: values.members.length,
        participants,
        rotationMonths: values.rotationMonths,
        rotationStartsOn: values.rotationStartsOn,
        organisationName: organisations.get(values.members[0].organisationId)?.name ?? null,
      });
      await this.materialise(manager, space.id);
      await this.meetings.rescheduleReminders(manager, space.id);
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'group.create',
        targetType: 'technicalGroup',
        targetId: space.id,
        targetLabel: values.title,
        params: { members: values.members.length, participants, rotationMonths: values.rotationMonths, rotationStartsOn: values.rotationStartsOn },
      });
      return space.id;
    });
  }

  /** Moderator and administrators: a member organisation joins at the end of the rotation (only future periods change). */
  async addMember(viewer: CollaborationViewer | undefined, groupId: unknown, input: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.writableGroup(viewer, groupId, 'MODERATOR', manager);
      const spaceId = groupId as string;
      const values = parseInput(addMemberSchema, input);
      await this.materialise(manager, spaceId);
      const organisation = (await this.activeOrganisations(manager, [values.organisationId], () => 'organisationId')).get(values.organisationId)!;
      const [counts]: Array<{ members: number; taken: boolean; next_order: number }> = await manager.query(
        `SELECT count(*)::int AS members, bool_or(p.organisation_id = $2) IS TRUE AS taken,
                GREATEST(COALESCE(max(p.rotation_order), -1),
                         COALESCE((SELECT max((e.data->>'rotationOrder')::int) FROM collab_space_events e WHERE e.space_id = $1 AND e.action = 'MEMBER_REMOVED'), -1)) + 1 AS next_order
           FROM collab_space_parties p WHERE p.space_id = $1`,
        [spaceId, values.organisationId],
      );
      if (counts.taken) throw AppError.badInput([{ field: 'organisationId', key: 'collaborationGroups:organisationAlreadyMember' }], 'collaborationGroups:organisationAlreadyMember');
      if (counts.members >= GROUP_LIMITS.membersMax) throw AppError.conflict('collaborationGroups:membersTooMany');
      const users = await this.accountsFor(manager, [{ field: 'participantEmails', emails: values.participantEmails }]);
      await this.alreadyOnLists(manager, spaceId, users.get(0) ?? [], 'participantEmails');
      // After every order ever used (removed members' included), so the newcomer is last in the rotation.
      const partyId = await this.insertParty(manager, spaceId, values.organisationId, counts.next_order, viewer!.id);
      const added = await this.insertParticipants(manager, spaceId, partyId, users.get(0) ?? [], viewer!.id);
      await this.event(manager, spaceId, viewer!.id, 'MEMBER_ADDED', {
        partyId,
        organisationId: values.organisationId,
        organisationName: organisation.name,
        countryCode: organisation.countryCode,
        rotationOrder: counts.next_order,
        participants: added,
      });
      if (added) await this.meetings.rescheduleReminders(manager, spaceId);
      await this.audit.record(manager, {
        actorId: viewer!.id,
        action: 'group.member.add',
        targetType: 'technicalGroup',
        targetId: spaceId,
        targetLabel: access.space.title,
        params: { organisation: organisation.name, rotationOrder: counts.next_order, participants: added },
      });
    });
  }

  /**
   * Moderator and administrators: a member organisation leaves, with its participant list. Periods
   * already recorded (its own included, even the current one) stay as history; the rotation skips
   * it from the next period on.
   */
  async removeMember(viewer: CollaborationViewer | undefined, groupId: unknown, partyId: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.writableGroup(viewer, groupId, 'MODERATOR', manager);
      const spaceId = groupId as string;
      await this.materialise(manager, spaceId);
      const member = isUuid(partyId) ? ((await this.membersOf([spaceId], manager, false)).get(spaceId) ?? []).find((m) => m.partyId === partyId.toLowerCase()) : undefined;
      if (!member) throw AppError.notFound('collaborationGroups:memberNotFound');
      const [{ members }]: Array<{ members: number }> = await manager.query(`SELECT count(*)::int AS members FROM collab_space_parties WHERE space_id = $1`, [spaceId]);
      if (members <= GROUP_LIMITS.membersMin) throw AppError.conflict('collaborationGroups:membersTooFewToRemove');
      await manager.query(`DELETE FROM collab_space_parties WHERE id = $1 AND space_id = $2`, [member.partyId, spaceId]);
      // The removal entry keeps what the history and the rotation still need about the member.
      await this.event(manager, spaceId, viewer!.id, 'MEMBER_REMOVED', {
        partyId: member.partyId,
        organisationId: member.organisationId,
        organisationName: member.organisationName,
        countryCode: member.countryCode,
        rotationOrder: member.rotationOrder,
      });
      await this.meetings.rescheduleReminders(manager, spaceId);
      await this.audit.record(manager, {
        actorId: viewer!.id,
        action: 'group.member.remove',
        targetType: 'technicalGroup',
        targetId: spaceId,
        targetLabel: access.space.title,
        params: { organisation: member.organisationName },
      });
    });
  }

  /** The member's representatives and focal points, the moderator and administrators: people join the member's list by e-mail. */
  async addParticipants(viewer: CollaborationViewer | undefined, groupId: unknown, partyId: unknown, input: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.writableGroup(viewer, groupId, 'OVERVIEW', manager);
      const spaceId = groupId as string;
      const member = await this.memberForList(manager, access, partyId);
      const values = parseInput(addParticipantsSchema, input);
      const users = (await this.accountsFor(manager, [{ field: 'emails', emails: values.emails }])).get(0) ?? [];
      await this.alreadyOnLists(manager, spaceId, users, 'emails');
      const [{ n }]: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM collab_space_participants WHERE party_id = $1`, [member.partyId]);
      if (n + users.length > COLLABORATION_LIMITS.participantsPerParty) {
        throw AppError.badInput([{ field: 'emails', key: 'collaborationGroups:participantsTooMany' }], 'collaborationGroups:participantsTooMany');
      }
      await this.insertParticipants(manager, spaceId, member.partyId, users, viewer!.id);
      for (const user of users) {
        await this.event(manager, spaceId, viewer!.id, 'PARTICIPANT_ADDED', { partyId: member.partyId, organisationName: member.organisationName, userId: user.id, personName: user.name });
      }
      // A moderator's or administrator's change to a member's list is moderation; the member's own is not.
      if (users.length > 0 && atLeast(access.level, 'MODERATOR')) {
        await this.audit.record(manager, {
          actorId: viewer!.id,
          action: 'group.participants.add',
          targetType: 'technicalGroup',
          targetId: spaceId,
          targetLabel: access.space.title,
          params: { organisation: member.organisationName, count: users.length },
        });
      }
      await this.meetings.rescheduleReminders(manager, spaceId);
    });
  }

  /** Same people as addParticipants: someone leaves a member's list. */
  async removeParticipant(viewer: CollaborationViewer | undefined, groupId: unknown, participantId: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.writableGroup(viewer, groupId, 'OVERVIEW', manager);
      const spaceId = groupId as string;
      const [row]: Array<{ id: string; party_id: string; user_id: string; name: string }> = isUuid(participantId)
        ? await manager.query(
            `SELECT sp.id, sp.party_id, sp.user_id, u.name FROM collab_space_participants sp JOIN users u ON u.id = sp.user_id WHERE sp.id = $1 AND sp.space_id = $2`,
            [participantId, spaceId],
          )
        : [];
      if (!row) throw AppError.notFound('collaborationGroups:participantNotFound');
      const member = await this.memberForList(manager, access, row.party_id);
      await manager.query(`DELETE FROM collab_space_participants WHERE id = $1`, [row.id]);
      await this.event(manager, spaceId, viewer!.id, 'PARTICIPANT_REMOVED', { partyId: member.partyId, organisationName: member.organisationName, userId: row.user_id, personName: row.name });
      if (atLeast(access.level, 'MODERATOR')) {
        await this.audit.record(manager, {
          actorId: viewer!.id,
          action: 'group.participant.remove',
          targetType: 'technicalGroup',
          targetId: spaceId,
          targetLabel: access.space.title,
          params: { organisation: member.organisationName, userId: row.user_id, person: row.name },
        });
      }
      await this.meetings.rescheduleReminders(manager, spaceId);
    });
  }

  /**
   * Moderator and administrators: the current period ends today and the next member's starts today;
   * the later periods are counted from today (the grid's anchor, rotationStartsOn, moves here).
   */
  async handOver(viewer: CollaborationViewer | undefined, groupId: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.writableGroup(viewer, groupId, 'MODERATOR', manager);
      const spaceId = groupId as string;
      await this.materialise(manager, spaceId);
      const [current]: Array<{ id: string; party_id: string; starts_on: string; today: string }> = await manager.query(
        `SELECT id, party_id, starts_on::text AS starts_on, current_date::text AS today FROM collab_coordinations
          WHERE space_id = $1 AND starts_on <= current_date AND ends_on > current_date FOR UPDATE`,
        [spaceId],
      );
      if (!current) throw AppError.conflict('collaborationGroups:handOverNotStarted');
      // A period cannot be empty: a coordinator who took over today hands over tomorrow at the earliest.
      if (current.starts_on === current.today) throw AppError.conflict('collaborationGroups:handOverSameDay');
      const before = await this.coordinatorName(manager, spaceId, current.party_id);
      await manager.query(`UPDATE collab_coordinations SET ends_on = current_date WHERE id = $1`, [current.id]);
      await manager.query(`UPDATE collab_spaces SET rotation_starts_on = current_date, updated_at = now() WHERE id = $1`, [spaceId]);
      await this.materialise(manager, spaceId);
      const [next]: Array<{ party_id: string }> = await manager.query(`SELECT party_id FROM collab_coordinations WHERE space_id = $1 AND starts_on = current_date`, [spaceId]);
      const after = next ? await this.coordinatorName(manager, spaceId, next.party_id) : null;
      await this.event(manager, spaceId, viewer!.id, 'COORDINATION_HANDED_OVER', {
        fromPartyId: current.party_id,
        organisationName: before,
        toPartyId: next?.party_id ?? null,
        toOrganisationName: after,
      });
      await this.audit.record(manager, {
        actorId: viewer!.id,
        action: 'group.coordination.handOver',
        targetType: 'technicalGroup',
        targetId: spaceId,
        targetLabel: access.space.title,
        before: { coordinator: before },
        after: { coordinator: after },
      });
    });
  }

  /** Moderator and administrators: the group becomes a read-only archive; its people are told. */
  async close(viewer: CollaborationViewer | undefined, groupId: unknown): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.writableGroup(viewer, groupId, 'MODERATOR', manager);
      const spaceId = groupId as string;
      // Bring the record up to the closing day first, so the archive shows who coordinated last.
      await this.materialise(manager, spaceId);
      await manager.query(`UPDATE collab_spaces SET status = 'CLOSED', closed_by_id = $2, closed_at = now(), updated_at = now() WHERE id = $1`, [spaceId, viewer!.id]);
      await this.event(manager, spaceId, viewer!.id, 'CLOSED', {});
      await this.audit.record(manager, {
        actorId: viewer!.id,
        action: 'group.close',
        targetType: 'technicalGroup',
        targetId: spaceId,
        targetLabel: access.space.title,
        before: { status: access.space.status },
        after: { status: 'CLOSED' },
      });
      const people: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM collab_space_participants WHERE space_id = $1`, [spaceId]);
      const recipients = [...new Set([...people.map((p) => p.user_id), ...(access.space.moderatorId ? [access.space.moderatorId] : [])])].filter((id) => id !== viewer!.id);
      await this.notifications.notify(manager, {
        userIds: recipients,
        type: 'collaboration.closed',
        data: { title: access.space.title },
        link: groupPath(spaceId),
        dedupeKey: `closed:${spaceId}`,
      });
    });
  }

  // ---------------------------------------------------------------- helpers

  /** requireWritable for groups: anything that is not a group the viewer reaches at `min` is "not found". */
  private async writableGroup(viewer: CollaborationViewer | undefined, groupId: unknown, min: AccessLevel, manager: EntityManager): Promise<SpaceAccess> {
    if (!viewer) throw AppError.notFound('collaboration:notFound');
    const access = await this.access.requireWritable(viewer, groupId, min, manager);
    if (access.space.kind !== 'GROUP') throw AppError.notFound('collaboration:notFound');
    return access;
  }

  /** The member whose list the caller wants to change, when the caller may change it. */
  private async memberForList(manager: EntityManager, access: SpaceAccess, partyId: unknown): Promise<GroupMember> {
    const member = isUuid(partyId) ? ((await this.membersOf([access.space.id], manager, false)).get(access.space.id) ?? []).find((m) => m.partyId === partyId.toLowerCase()) : undefined;
    if (!member) throw AppError.notFound('collaborationGroups:memberNotFound');
    // The caller sees the group (its lists are no secret to them), so refusing is not a leak.
    if (!canManageParty(access, member.partyId)) throw AppError.forbidden('collaborationGroups:cannotManageList');
    return member;
  }

  private async moderatorFor(manager: EntityManager, viewer: CollaborationViewer, moderatorId: string | null): Promise<string> {
    if (!moderatorId) {
      if (viewer.moderator) return viewer.id;
      throw AppError.badInput([{ field: 'moderatorId', key: 'collaborationGroups:moderatorRequired' }], 'collaborationGroups:moderatorRequired');
    }
    const [row]: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM user_roles WHERE user_id = $1 AND role = 'MODERATOR'`, [moderatorId]);
    if (!row) throw AppError.badInput([{ field: 'moderatorId', key: 'collaborationGroups:moderatorInvalid' }], 'collaborationGroups:moderatorInvalid');
    return moderatorId;
  }

  /** The organisations, when every one is an active member of the alliance (else a field error for each that is not). */
  private async activeOrganisations(
    manager: EntityManager,
    ids: string[],
    fieldOf: (index: number) => string,
  ): Promise<Map<string, { name: string; countryCode: string }>> {
    const rows: Array<{ id: string; name: string; country_code: string }> = await manager.query(
      `SELECT o.id, o.name, o.country_code FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.status = 'ACTIVE' WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, { name: r.name, countryCode: r.country_code.trim() }]));
    const errors: FieldErrorDescriptor[] = ids.flatMap((id, index) => (found.has(id) ? [] : [{ field: fieldOf(index), key: 'collaborationGroups:organisationInvalid' }]));
    if (errors.length) throw AppError.badInput(errors, 'collaborationGroups:organisationInvalid');
    return found;
  }

  /**
   * The accounts of each list of e-mail addresses (by list index). Addresses without an account are
   * named in the error, per list; an address on two lists is refused, as one person is on one list.
   */
  private async accountsFor(manager: EntityManager, lists: Array<{ field: string; emails: string[] }>): Promise<Map<number, Array<{ id: string; name: string; email: string }>>> {
    const all = [...new Set(lists.flatMap((l) => l.emails))];
    const rows: Array<{ id: string; name: string; email: string }> = all.length ? await manager.query(`SELECT id, name, email FROM users WHERE email = ANY($1::text[])`, [all]) : [];
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const unknown: FieldErrorDescriptor[] = [];
    const twice: FieldErrorDescriptor[] = [];
    const owner = new Map<string, number>();
    lists.forEach((list, index) => {
      const missing = list.emails.filter((e) => !byEmail.has(e));
      if (missing.length) unknown.push({ field: list.field, key: 'collaborationGroups:unknownEmails', params: { emails: missing.join(', ') } });
      const repeated = list.emails.filter((e) => owner.has(e) && owner.get(e) !== index);
      if (repeated.length) twice.push({ field: list.field, key: 'collaborationGroups:emailOnTwoLists', params: { emails: repeated.join(', ') } });
      list.emails.forEach((e) => owner.set(e, owner.get(e) ?? index));
    });
    const errors = [...unknown, ...twice];
    if (errors.length) throw new AppError(ErrorCode.BadUserInput, errors[0].key, errors[0].params, errors);
    return new Map(lists.map((list, index) => [index, list.emails.map((e) => byEmail.get(e)!)]));
  }

  /** Refuses people already on one of the space's lists (one person, one list), naming them by the address typed. */
  private async alreadyOnLists(manager: EntityManager, spaceId: string, users: Array<{ id: string; email: string }>, field: string): Promise<void> {
    if (!users.length) return;
    const rows: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM collab_space_participants WHERE space_id = $1 AND user_id = ANY($2::uuid[])`, [
      spaceId,
      users.map((u) => u.id),
    ]);
    if (!rows.length) return;
    const taken = new Set(rows.map((r) => r.user_id));
    const emails = users.filter((u) => taken.has(u.id)).map((u) => u.email).join(', ');
    throw new AppError(ErrorCode.BadUserInput, 'collaborationGroups:alreadyParticipant', { emails }, [{ field, key: 'collaborationGroups:alreadyParticipant', params: { emails } }]);
  }

  private async insertParty(manager: EntityManager, spaceId: string, organisationId: string, rotationOrder: number, actorId: string): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO collab_space_parties (space_id, organisation_id, role, status, responded_by_id, responded_at, rotation_order)
       VALUES ($1, $2, 'MEMBER', 'CONFIRMED', $3, now(), $4) RETURNING id`,
      [spaceId, organisationId, actorId, rotationOrder],
    );
    return id;
  }

  private async insertParticipants(manager: EntityManager, spaceId: string, partyId: string, users: Array<{ id: string }>, actorId: string): Promise<number> {
    if (!users.length) return 0;
    await manager.query(
      `INSERT INTO collab_space_participants (space_id, party_id, user_id, added_by_id) SELECT $1, $2, u, $3 FROM unnest($4::uuid[]) AS u`,
      [spaceId, partyId, actorId, users.map((u) => u.id)],
    );
    return users.length;
  }

  private async coordinatorName(manager: EntityManager, spaceId: string, partyId: string): Promise<string | null> {
    const [row]: Array<{ name: string | null }> = await manager.query(
      `SELECT COALESCE(o.name, (SELECT e.data->>'organisationName' FROM collab_space_events e
                                 WHERE e.space_id = $1 AND e.action = 'MEMBER_REMOVED' AND e.data->>'partyId' = $2::text
                                 ORDER BY e.created_at DESC LIMIT 1)) AS name
         FROM (SELECT 1) one LEFT JOIN collab_space_parties p ON p.id = $2 LEFT JOIN organisations o ON o.id = p.organisation_id`,
      [spaceId, partyId],
    );
    return row?.name ?? null;
  }

  private async event(manager: EntityManager, spaceId: string, actorId: string, action: string, data: EventData, note: string | null = null): Promise<void> {
    await manager.insert(SpaceEvent, { spaceId, actorId, action, note, data });
  }
}
