import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { nameKey } from '@alliance/server-alliance';
import { AppError, decodeCursor, encodeCursor, type ConnectionShape } from '@alliance/server-graphql';
import { NotificationsService } from '@alliance/server-notifications';
import { AuditService, changedFields } from '@alliance/server-identity';
import { LIMITS, type FieldErrorDescriptor } from '@alliance/shared-core';
import { CollaborationAccessService, atLeast, isUuid, type CollaborationViewer, type SpaceAccess } from './access';
import { COLLABORATION_LIMITS, MIN_REQUEST_LEAD_DAYS, tablePath, type PartyRole, type PartyStatus, type SpaceStatus } from './collaboration.constants';
import { CollaborationSpace, SpaceEvent, SpaceParticipant, SpaceParty } from './entities';
import { CommitmentsService } from './commitments.service';
import { MeetingsService } from './meetings.service';
import {
  closeSchema,
  declineSchema,
  parseTableInput,
  participantListSchema,
  reviewTableSchema,
  tableDetailsSchema,
  tableRequestSchema,
  uniqueEmails,
  earliestFirstSession,
  type TableDetailsValues,
  type TableReviewDecision,
} from './spaces-input';

/** Organisation types that may ask for a working table (seed 001: ministries and other public bodies). */
export const TABLE_REQUESTER_TYPES = ['MINISTRY_OF_EDUCATION', 'OTHER_PUBLIC_BODY'] as const;

/** Statuses in which the request is still being put together and reviewed. */
const UNDER_REVIEW: readonly SpaceStatus[] = ['REQUESTED', 'CHANGES_REQUESTED'];

const DECISION_STATUS: Record<TableReviewDecision, SpaceStatus> = { APPROVE: 'OPEN', REQUEST_CHANGES: 'CHANGES_REQUESTED', DECLINE: 'DECLINED' };
const DECISION_ACTION: Record<TableReviewDecision, string> = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', DECLINE: 'DECLINED' };

export interface TableOrganisationRow {
  id: string;
  name: string;
  countryCode: string;
}

export interface PartyRow {
  id: string;
  spaceId: string;
  organisationId: string;
  organisationName: string;
  countryCode: string;
  role: PartyRole;
  status: PartyStatus;
  respondedAt: Date | null;
}

export interface ParticipantRow {
  id: string;
  spaceId: string;
  partyId: string;
  userId: string;
  name: string;
}

export interface EventRow {
  id: string;
  spaceId: string;
  action: string;
  note: string | null;
  data: Record<string, string | number | boolean | null>;
  actorName: string;
  at: Date;
}

/** Whether the viewer may review table requests (portal moderators and administrators). */
export function isTableReviewer(viewer: CollaborationViewer | undefined): boolean {
  return !!viewer && (viewer.moderator || viewer.admin);
}

/** The requesting side: who asked, and the requesting organisation's representatives and focal points. */
export function isRequesterSide(viewer: CollaborationViewer | undefined, access: SpaceAccess, requesterPartyId: string | null): boolean {
  if (!viewer) return false;
  return access.space.requestedById === viewer.id || (!!requesterPartyId && access.managedPartyIds.includes(requesterPartyId));
}

/** Edit topic, purpose, agenda and dates: the requesting side, while the request is under review. */
export function canEditRequest(viewer: CollaborationViewer | undefined, access: SpaceAccess, requesterPartyId: string | null): boolean {
  return UNDER_REVIEW.includes(access.space.status) && isRequesterSide(viewer, access, requesterPartyId);
}

export function canResubmit(viewer: CollaborationViewer | undefined, access: SpaceAccess, requesterPartyId: string | null): boolean {
  return access.space.status === 'CHANGES_REQUESTED' && isRequesterSide(viewer, access, requesterPartyId);
}

export function canReviewTable(viewer: CollaborationViewer | undefined, space: Pick<CollaborationSpace, 'status' | 'kind'>): boolean {
  return isTableReviewer(viewer) && space.kind === 'TABLE' && space.status === 'REQUESTED';
}

/** The assigned moderator or an administrator closes an open table. */
export function canCloseTable(access: SpaceAccess): boolean {
  return access.space.status === 'OPEN' && atLeast(access.level, 'MODERATOR');
}

/**
 * Whether the viewer may change every party's list: the assigned moderator and administrators, and
 * portal moderators while the request awaits review (they see it and may fix it before approving).
 */
export function managesAllLists(viewer: CollaborationViewer | undefined, access: SpaceAccess): boolean {
  if (atLeast(access.level, 'MODERATOR')) return true;
  return isTableReviewer(viewer) && UNDER_REVIEW.includes(access.space.status);
}

/** Add or remove a party's participants now: its managers (or list managers) while the party and the table go on. */
export function canEditParticipants(viewer: CollaborationViewer | undefined, access: SpaceAccess, party: Pick<PartyRow, 'id' | 'status'>): boolean {
  if (access.space.status === 'CLOSED' || access.space.status === 'DECLINED' || party.status !== 'CONFIRMED') return false;
  return access.managedPartyIds.includes(party.id) || managesAllLists(viewer, access);
}

/** Confirm or decline for an invited party: its managers, while the request is under review and the party has not answered. */
export function canAnswer(access: SpaceAccess, party: Pick<PartyRow, 'id' | 'status' | 'role'>): boolean {
  return UNDER_REVIEW.includes(access.space.status) && party.role === 'INVITED' && party.status === 'PENDING' && access.managedPartyIds.includes(party.id);
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Working tables: the request, each party's answer and participant list, the review, closing, and
 * the reads the pages need (batched for lists). Every write locks the table's row first
 * (CollaborationAccessService.requireWritable), so answers, list changes and decisions on one table
 * happen one after the other and a closed table refuses them all.
 */
@Injectable()
export class SpacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollaborationAccessService,
    private readonly notifications: NotificationsService,
    private readonly meetings: MeetingsService,
    private readonly commitments: CommitmentsService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------- reads

  /** The table and the viewer's access when they reach it at OVERVIEW or above, else null ("not found" for everyone else). */
  async findTable(viewer: CollaborationViewer | undefined, id: unknown): Promise<SpaceAccess | null> {
    const access = await this.access.find(viewer, id, 'OVERVIEW');
    return access && access.space.kind === 'TABLE' ? access : null;
  }

  /** The active member ministries and public bodies the viewer represents (or is focal point of): they may request tables for them. */
  async requestOrganisations(viewer: CollaborationViewer | undefined, manager: EntityManager = this.dataSource.manager): Promise<TableOrganisationRow[]> {
    if (!viewer) return [];
    const rows: Array<{ id: string; name: string; country_code: string }> = await manager.query(
      `SELECT DISTINCT o.id, o.name, o.country_code
         FROM organisation_roles r JOIN organisations o ON o.id = r.organisation_id JOIN memberships m ON m.organisation_id = o.id
        WHERE r.user_id = $1 AND r.role IN ('REPRESENTATIVE', 'FOCAL_POINT') AND m.status = 'ACTIVE' AND o.type = ANY($2)
        ORDER BY o.name, o.id`,
      [viewer.id, TABLE_REQUESTER_TYPES],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, countryCode: r.country_code.trim() }));
  }

  /** Active member organisations whose name has every word of `search` (accents and case ignored), at most 20. */
  async searchOrganisations(
    viewer: CollaborationViewer | undefined,
    args: { search?: string | null; countryCode?: string | null; first?: number | null },
  ): Promise<TableOrganisationRow[]> {
    if (!viewer) throw AppError.unauthenticated();
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > 20) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    const country = args.countryCode?.trim().toUpperCase() || null;
    if (country && !/^[A-Z]{2}$/.test(country)) throw AppError.badInput([{ field: 'countryCode', key: 'validation:countryInvalid' }]);
    const words = nameKey(args.search ?? '').split(' ').filter(Boolean).slice(0, 6);
    const params: unknown[] = [country, first];
    const conditions = words.map((word) => {
      params.push(`%${likeEscape(word)}%`);
      return `(o.name_key ILIKE $${params.length} OR o.name ILIKE $${params.length})`;
    });
    const rows: Array<{ id: string; name: string; country_code: string }> = await this.dataSource.query(
      `SELECT o.id, o.name, o.country_code FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.status = 'ACTIVE'
        WHERE ($1::text IS NULL OR o.country_code = $1::text) ${conditions.map((c) => `AND ${c}`).join(' ')}
        ORDER BY o.name, o.id LIMIT $2`,
      params,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, countryCode: r.country_code.trim() }));
  }

  /** Tables the viewer reaches at OVERVIEW or above, most recent activity first. */
  async myTables(viewer: CollaborationViewer | undefined, status: SpaceStatus | null | undefined, first?: number | null, after?: string | null): Promise<ConnectionShape<CollaborationSpace>> {
    if (!viewer) throw AppError.unauthenticated();
    const params: unknown[] = [viewer.id];
    let where = `s.kind = 'TABLE' AND $1::uuid IS NOT NULL AND ${this.access.visibleSpacesSql('s', '$1', viewer)}`;
    if (status) {
      params.push(status);
      where += ` AND s.status = $${params.length}`;
    }
    return this.page(where, params, 's.updated_at DESC, s.id DESC', first, after);
  }

  /** Requests awaiting a decision (or back with their requesters), oldest submission first. Portal moderators and administrators. */
  async reviewQueue(viewer: CollaborationViewer | undefined, status: SpaceStatus | null | undefined, first?: number | null, after?: string | null): Promise<ConnectionShape<CollaborationSpace>> {
    if (!viewer) throw AppError.unauthenticated();
    if (!isTableReviewer(viewer)) throw AppError.forbidden();
    if (status && !UNDER_REVIEW.includes(status)) throw AppError.badInput([{ field: 'status', key: 'validation:invalid' }]);
    const statuses = status ? [status] : [...UNDER_REVIEW];
    return this.page(`s.kind = 'TABLE' AND s.status = ANY($1)`, [statuses], 's.requested_at ASC, s.id ASC', first, after);
  }

  /** Users with the portal's moderator role, by name: whom a table may be assigned to. Portal moderators and administrators. */
  async moderators(viewer: CollaborationViewer | undefined): Promise<Array<{ id: string; name: string }>> {
    if (!viewer) throw AppError.unauthenticated();
    if (!isTableReviewer(viewer)) throw AppError.forbidden();
    return this.dataSource.query(`SELECT DISTINCT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'MODERATOR' ORDER BY u.name, u.id`);
  }

  /** The viewer's access to many tables (lists): the spaces in one query, the access rule in another (access.ts). */
  async accessMany(viewer: CollaborationViewer | undefined, spaceIds: readonly string[]): Promise<Map<string, SpaceAccess>> {
    const ids = [...new Set(spaceIds.filter(isUuid))];
    if (!ids.length) return new Map();
    const spaces = await this.dataSource.getRepository(CollaborationSpace).findBy({ id: In(ids) });
    return new Map((await this.access.accessMany(viewer, spaces)).map((a) => [a.space.id, a]));
  }

  /** Parties of the spaces with their organisations, the requester first, then by name. */
  async partiesOf(spaceIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<PartyRow[]> {
    if (!spaceIds.length) return [];
    const rows: Array<{
      id: string;
      space_id: string;
      organisation_id: string;
      name: string;
      country_code: string;
      role: PartyRole;
      status: PartyStatus;
      responded_at: Date | null;
    }> = await manager.query(
      `SELECT p.id, p.space_id, p.organisation_id, o.name, o.country_code, p.role, p.status, p.responded_at
         FROM collab_space_parties p JOIN organisations o ON o.id = p.organisation_id
        WHERE p.space_id = ANY($1) ORDER BY (p.role = 'REQUESTER') DESC, o.name, p.id`,
      [spaceIds],
    );
    return rows.map((r) => ({
      id: r.id,
      spaceId: r.space_id,
      organisationId: r.organisation_id,
      organisationName: r.name,
      countryCode: r.country_code.trim(),
      role: r.role,
      status: r.status,
      respondedAt: r.responded_at,
    }));
  }

  /** Everyone on the spaces' lists, by name (names only: addresses stay private). */
  async participantsOf(spaceIds: readonly string[]): Promise<ParticipantRow[]> {
    if (!spaceIds.length) return [];
    const rows: Array<{ id: string; space_id: string; party_id: string; user_id: string; name: string }> = await this.dataSource.query(
      `SELECT sp.id, sp.space_id, sp.party_id, sp.user_id, u.name
         FROM collab_space_participants sp JOIN users u ON u.id = sp.user_id
        WHERE sp.space_id = ANY($1) ORDER BY u.name, sp.id`,
      [spaceIds],
    );
    return rows.map((r) => ({ id: r.id, spaceId: r.space_id, partyId: r.party_id, userId: r.user_id, name: r.name }));
  }

  /** The spaces' history, newest first. */
  async historyOf(spaceIds: readonly string[]): Promise<EventRow[]> {
    if (!spaceIds.length) return [];
    const rows: Array<{ id: string; space_id: string; action: string; note: string | null; data: EventRow['data'] | null; created_at: Date; actor_name: string | null }> =
      await this.dataSource.query(
        `SELECT e.id, e.space_id, e.action, e.note, e.data, e.created_at, u.name AS actor_name
           FROM collab_space_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.space_id = ANY($1) ORDER BY e.created_at DESC, e.id DESC`,
        [spaceIds],
      );
    return rows.map((r) => ({ id: r.id, spaceId: r.space_id, action: r.action, note: r.note, data: r.data ?? {}, actorName: r.actor_name ?? '—', at: r.created_at }));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const valid = ids.filter(isUuid);
    const rows: Array<{ id: string; name: string }> = valid.length ? await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [valid]) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Offset pages (the cursor holds the offset): these lists are short and ordered by columns that change. */
  private async page(where: string, params: unknown[], order: string, first?: number | null, after?: string | null): Promise<ConnectionShape<CollaborationSpace>> {
    const size = first ?? LIMITS.pageSizeDefault;
    if (!Number.isInteger(size) || size < 1 || size > LIMITS.pageSizeMax) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    const offset = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw AppError.badInput([{ field: 'after', key: 'errors:invalidCursor' }], 'errors:invalidCursor');
    const [{ count }]: Array<{ count: number }> = await this.dataSource.query(`SELECT count(*)::int AS count FROM collab_spaces s WHERE ${where}`, params);
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id FROM collab_spaces s WHERE ${where} ORDER BY ${order} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, size + 1],
    );
    const rows = ids.length ? await this.dataSource.getRepository(CollaborationSpace).findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = ids.map((r) => byId.get(r.id)).filter((r): r is CollaborationSpace => !!r);
    const nodes = ordered.slice(0, size);
    const edges = nodes.map((node, i) => ({ cursor: encodeCursor([offset + i + 1]), node }));
    return { edges, totalCount: count, pageInfo: { hasNextPage: ids.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  // ---------------------------------------------------------------- the request

  /**
   * A representative or focal point of an active member ministry (or other public body) asks for a
   * table: the space (REQUESTED), the requesting party (confirmed, with its list) and the invited
   * parties (pending), the history's first step; invited parties' managers and reviewers are told.
   */
  async request(viewer: CollaborationViewer | undefined, input: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(tableRequestSchema(new Date()), input);
    const eligible = await this.requestOrganisations(viewer);
    if (!eligible.length) throw AppError.forbidden('collaboration:requestNotAllowed');
    const errors: FieldErrorDescriptor[] = [];
    const requesting = eligible.find((o) => o.id === values.requestingOrganisationId);
    if (!requesting) errors.push({ field: 'requestingOrganisationId', key: 'collaboration:requestingOrganisationInvalid' });
    const active: Array<{ id: string }> = await this.dataSource.query(
      `SELECT o.id FROM organisations o JOIN memberships m ON m.organisation_id = o.id WHERE o.id = ANY($1) AND m.status = 'ACTIVE'`,
      [values.invitedOrganisationIds],
    );
    const activeIds = new Set(active.map((r) => r.id));
    values.invitedOrganisationIds.forEach((id, index) => {
      if (!activeIds.has(id)) errors.push({ field: `invitedOrganisationIds.${index}`, key: 'collaboration:invitedInvalid' });
    });
    const people = await this.usersByEmail(values.participantEmails, errors);
    const participantIds = [...new Set([viewer.id, ...people.map((p) => p.id)])];
    if (participantIds.length > COLLABORATION_LIMITS.participantsPerParty) {
      errors.push({ field: 'participantEmails', key: 'collaboration:participantsTooMany', params: { count: COLLABORATION_LIMITS.participantsPerParty } });
    }
    if (errors.length) throw AppError.badInput(errors);

    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const space = await manager.save(
        manager.create(CollaborationSpace, {
          kind: 'TABLE',
          status: 'REQUESTED',
          ...this.detailColumns(values),
          requestedById: viewer.id,
          requestedAt: now,
          moderatorId: null,
          reviewedById: null,
          reviewedAt: null,
          reviewNote: null,
          closedById: null,
          closedAt: null,
          rotationMonths: null,
          rotationStartsOn: null,
        }),
      );
      const requesterParty = await manager.save(
        manager.create(SpaceParty, { spaceId: space.id, organisationId: requesting!.id, role: 'REQUESTER', status: 'CONFIRMED', respondedById: viewer.id, respondedAt: now, rotationOrder: 0 }),
      );
      await manager.insert(
        SpaceParty,
        values.invitedOrganisationIds.map((organisationId, index) => ({ spaceId: space.id, organisationId, role: 'INVITED' as const, status: 'PENDING' as const, rotationOrder: index + 1 })),
      );
      await manager.insert(
        SpaceParticipant,
        participantIds.map((userId) => ({ spaceId: space.id, partyId: requesterParty.id, userId, addedById: viewer.id })),
      );
      await this.event(manager, space.id, viewer.id, 'REQUESTED', null, { organisationId: requesting!.id, organisation: requesting!.name, count: participantIds.length });
      await this.remindersFollow(manager, space.id);

      const invitedManagers = await this.managersOf(manager, values.invitedOrganisationIds);
      await this.notifications.notify(manager, {
        userIds: invitedManagers.filter((id) => id !== viewer.id),
        type: 'collaboration.invited',
        data: { title: space.title, organisation: requesting!.name },
        link: tablePath(space.id),
        dedupeKey: `collaboration.invited:${space.id}`,
      });
      await this.notifyReviewers(manager, space, requesting!.name, viewer.id);
      return space;
    });
  }

  /** The requesting side edits topic, purpose, agenda, time zone and first session (15 days ahead of now again). */
  async updateRequest(viewer: CollaborationViewer | undefined, id: string, input: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(tableDetailsSchema(new Date()), input);
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      const requesterParty = await this.requesterParty(manager, id);
      if (!isRequesterSide(viewer, access, requesterParty?.id ?? null)) throw AppError.forbidden('collaboration:notRequester');
      if (!canEditRequest(viewer, access, requesterParty?.id ?? null)) throw AppError.conflict('collaboration:requestNotEditable');
      Object.assign(access.space, this.detailColumns(values));
      const saved = await manager.save(access.space);
      await this.event(manager, id, viewer.id, 'EDITED');
      return saved;
    });
  }

  /**
   * CHANGES_REQUESTED -> REQUESTED, with the edits when given (in the same transaction). The first
   * session must still be 15 days away; reviewers are told again.
   */
  async resubmit(viewer: CollaborationViewer | undefined, id: string, input?: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const now = new Date();
    const values = input == null ? null : parseTableInput(tableDetailsSchema(now), input);
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      const requesterParty = await this.requesterParty(manager, id);
      if (!isRequesterSide(viewer, access, requesterParty?.id ?? null)) throw AppError.forbidden('collaboration:notRequester');
      if (!canResubmit(viewer, access, requesterParty?.id ?? null)) throw AppError.conflict('collaboration:notAwaitingChanges');
      const space = access.space;
      if (values) Object.assign(space, this.detailColumns(values));
      if (!space.firstSessionAt || space.firstSessionAt.getTime() < earliestFirstSession(now).getTime()) {
        throw AppError.badInput([{ field: 'firstSessionAt', key: 'collaboration:firstSessionTooSoon', params: { days: MIN_REQUEST_LEAD_DAYS } }]);
      }
      space.status = 'REQUESTED';
      space.requestedAt = now;
      const saved = await manager.save(space);
      // One step (events of one transaction share their time, so two would have no order).
      await this.event(manager, id, viewer.id, 'RESUBMITTED', null, { edited: !!values });
      await this.notifyReviewers(manager, saved, requesterParty?.organisationName ?? '', viewer.id);
      return saved;
    });
  }

  // ---------------------------------------------------------------- the parties' answers and lists

  /** An invited party's representative or focal point confirms, with its participant list; the requester is told. */
  async confirmParty(viewer: CollaborationViewer | undefined, id: string, partyId: string, participantEmails: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(participantListSchema, { participantEmails });
    return this.answer(viewer, id, partyId, 'CONFIRMED', null, values.participantEmails);
  }

  /** An invited party declines (optionally saying why); the requester is told. */
  async declineParty(viewer: CollaborationViewer | undefined, id: string, partyId: string, note?: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(declineSchema, { note });
    return this.answer(viewer, id, partyId, 'DECLINED', values.note, []);
  }

  private async answer(viewer: CollaborationViewer, id: string, partyId: string, status: 'CONFIRMED' | 'DECLINED', note: string | null, emails: string[]): Promise<CollaborationSpace> {
    const errors: FieldErrorDescriptor[] = [];
    const people = await this.usersByEmail(emails, errors);
    if (errors.length) throw AppError.badInput(errors);
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      const party = await this.partyIn(manager, id, partyId);
      if (!access.managedPartyIds.includes(party.id)) throw AppError.forbidden('collaboration:notPartyManager');
      if (party.role !== 'INVITED') throw AppError.conflict('collaboration:notInvitedParty');
      // Checked under the table's row lock: of two answers at once, the second finds the first.
      if (party.status !== 'PENDING') throw AppError.conflict('collaboration:alreadyAnswered');
      if (!UNDER_REVIEW.includes(access.space.status)) throw AppError.conflict('collaboration:answersClosed');
      if (status === 'CONFIRMED') await this.addToList(manager, viewer, access.space.id, party, people, emails);
      await manager.query(`UPDATE collab_space_parties SET status = $2, responded_by_id = $3, responded_at = now(), updated_at = now() WHERE id = $1`, [party.id, status, viewer.id]);
      await this.touch(manager, id);
      await this.event(manager, id, viewer.id, status === 'CONFIRMED' ? 'PARTY_CONFIRMED' : 'PARTY_DECLINED', note, {
        organisationId: party.organisationId,
        organisation: party.organisationName,
        ...(status === 'CONFIRMED' ? { count: people.length } : {}),
      });
      if (status === 'CONFIRMED') await this.remindersFollow(manager, id);
      const space = await manager.findOneByOrFail(CollaborationSpace, { id });
      if (space.requestedById && space.requestedById !== viewer.id) {
        await this.notifications.notify(manager, {
          userIds: [space.requestedById],
          type: 'collaboration.confirmed',
          data: { title: space.title, organisation: party.organisationName, status },
          link: tablePath(id),
          dedupeKey: `collaboration.confirmed:${party.id}`,
        });
      }
      return space;
    });
  }

  /** Adds registered people (by e-mail) to a confirmed party's list; people already on it are left as they are. */
  async addParticipants(viewer: CollaborationViewer | undefined, id: string, partyId: string, participantEmails: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(participantListSchema, { participantEmails });
    const errors: FieldErrorDescriptor[] = [];
    const people = await this.usersByEmail(values.participantEmails, errors);
    if (errors.length) throw AppError.badInput(errors);
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      const party = await this.partyIn(manager, id, partyId);
      this.checkListEditable(viewer, access, party);
      const added = await this.addToList(manager, viewer, id, party, people, values.participantEmails);
      if (added > 0) {
        await this.touch(manager, id);
        await this.event(manager, id, viewer.id, 'PARTICIPANTS_ADDED', null, { organisationId: party.organisationId, organisation: party.organisationName, count: added });
        // A moderator's or administrator's change to a party's list is moderation; a party's own is not.
        if (atLeast(access.level, 'MODERATOR')) {
          await this.audit.record(manager, {
            actorId: viewer.id,
            action: 'table.participants.add',
            targetType: 'workingTable',
            targetId: id,
            targetLabel: access.space.title,
            params: { organisation: party.organisationName, count: added },
          });
        }
        await this.remindersFollow(manager, id);
      }
      return manager.findOneByOrFail(CollaborationSpace, { id });
    });
  }

  /** Takes a person off a party's list (a confirmed party keeps at least one); their reminders are recomputed. */
  async removeParticipant(viewer: CollaborationViewer | undefined, id: string, participantId: string): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      const participant = isUuid(participantId) ? await manager.findOneBy(SpaceParticipant, { id: participantId, spaceId: id }) : null;
      if (!participant) throw AppError.notFound('collaboration:participantNotFound');
      const party = await this.partyIn(manager, id, participant.partyId);
      this.checkListEditable(viewer, access, party);
      const [{ count }]: Array<{ count: number }> = await manager.query(`SELECT count(*)::int AS count FROM collab_space_participants WHERE party_id = $1`, [party.id]);
      if (count <= 1) throw AppError.conflict('collaboration:partyNeedsParticipant');
      const [user]: Array<{ name: string }> = await manager.query(`SELECT name FROM users WHERE id = $1`, [participant.userId]);
      await manager.delete(SpaceParticipant, { id: participant.id });
      await this.touch(manager, id);
      await this.event(manager, id, viewer.id, 'PARTICIPANT_REMOVED', null, { organisationId: party.organisationId, organisation: party.organisationName, person: user?.name ?? null });
      if (atLeast(access.level, 'MODERATOR')) {
        await this.audit.record(manager, {
          actorId: viewer.id,
          action: 'table.participant.remove',
          targetType: 'workingTable',
          targetId: id,
          targetLabel: access.space.title,
          params: { organisation: party.organisationName, userId: participant.userId, person: user?.name ?? null },
        });
      }
      await this.remindersFollow(manager, id);
      return manager.findOneByOrFail(CollaborationSpace, { id });
    });
  }

  // ---------------------------------------------------------------- review and closing

  /**
   * REQUESTED -> OPEN (with a moderator; every invited party answered, one at least confirmed),
   * CHANGES_REQUESTED or DECLINED (with a note). Under the row lock, so of two reviewers deciding at
   * once one decides and the other is told the request is no longer awaiting review.
   */
  async review(viewer: CollaborationViewer | undefined, id: string, input: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(reviewTableSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      if (!isTableReviewer(viewer)) throw AppError.forbidden();
      if (access.space.status !== 'REQUESTED') throw AppError.conflict('collaboration:notAwaitingReview');
      let moderator: { id: string; name: string } | undefined;
      if (values.decision === 'APPROVE') {
        [moderator] = await manager.query(
          `SELECT u.id, u.name FROM users u WHERE u.id = $1 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'MODERATOR')`,
          [values.moderatorId],
        );
        if (!moderator) throw AppError.badInput([{ field: 'moderatorId', key: 'collaboration:moderatorInvalid' }]);
        const [answers]: Array<{ pending: number; confirmed: number }> = await manager.query(
          `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending, count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed
             FROM collab_space_parties WHERE space_id = $1 AND role = 'INVITED'`,
          [id],
        );
        if (answers.pending > 0) throw AppError.conflict('collaboration:partiesPending', { count: answers.pending });
        if (answers.confirmed === 0) throw AppError.conflict('collaboration:noPartyConfirmed');
      }
      const space = access.space;
      const before = { status: space.status, moderatorId: space.moderatorId, reviewNote: space.reviewNote };
      space.status = DECISION_STATUS[values.decision];
      if (moderator) space.moderatorId = moderator.id;
      space.reviewedById = viewer.id;
      space.reviewedAt = new Date();
      space.reviewNote = values.note;
      const saved = await manager.save(space);
      await this.event(manager, id, viewer.id, DECISION_ACTION[values.decision], values.note, moderator ? { moderatorId: moderator.id, person: moderator.name } : {});
      const diff = changedFields(before, { status: saved.status, moderatorId: saved.moderatorId, reviewNote: saved.reviewNote });
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'table.review',
        targetType: 'workingTable',
        targetId: id,
        targetLabel: saved.title,
        params: { decision: values.decision, ...(moderator ? { moderator: moderator.name } : {}) },
        before: diff?.before ?? null,
        after: diff?.after ?? null,
      });
      const recipients = await this.everyoneConcerned(manager, saved);
      await this.notifications.notify(manager, {
        userIds: recipients.filter((userId) => userId !== viewer.id),
        type: 'collaboration.reviewed',
        data: { title: saved.title, status: saved.status, note: values.note ?? '' },
        link: tablePath(id),
        dedupeKey: `collaboration.reviewed:${id}:${saved.reviewedAt!.toISOString()}`,
      });
      // An opened table's first sessions may now remind people; a declined one's no longer.
      await this.remindersFollow(manager, id);
      return saved;
    });
  }

  /** The assigned moderator or an administrator closes an open table: a read-only archive from now on; participants are told. */
  async close(viewer: CollaborationViewer | undefined, id: string, note?: unknown): Promise<CollaborationSpace> {
    if (!viewer) throw AppError.unauthenticated();
    const values = parseTableInput(closeSchema, { note });
    return this.dataSource.transaction(async (manager) => {
      const access = await this.writableTable(viewer, id, manager);
      if (!atLeast(access.level, 'MODERATOR')) throw AppError.forbidden('collaboration:closeNotAllowed');
      if (!canCloseTable(access)) throw AppError.conflict('collaboration:notOpen');
      const space = access.space;
      const previous = space.status;
      space.status = 'CLOSED';
      space.closedById = viewer.id;
      space.closedAt = new Date();
      const saved = await manager.save(space);
      await this.event(manager, id, viewer.id, 'CLOSED', values.note);
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'table.close',
        targetType: 'workingTable',
        targetId: id,
        targetLabel: saved.title,
        params: values.note ? { note: values.note } : {},
        before: { status: previous },
        after: { status: 'CLOSED' },
      });
      const participants: Array<{ user_id: string }> = await manager.query(`SELECT user_id FROM collab_space_participants WHERE space_id = $1 ORDER BY user_id`, [id]);
      await this.notifications.notify(manager, {
        userIds: participants.map((p) => p.user_id).filter((userId) => userId !== viewer.id),
        type: 'collaboration.closed',
        data: { title: saved.title },
        link: tablePath(id),
        dedupeKey: `collaboration.closed:${id}`,
      });
      // A closed table holds no more sessions: nobody should be reminded of one.
      await this.remindersFollow(manager, id);
      return saved;
    });
  }

  // ---------------------------------------------------------------- helpers

  /** The table locked for writing (NOT_FOUND below OVERVIEW or for a group; CONFLICT when closed). */
  private async writableTable(viewer: CollaborationViewer, id: string, manager: EntityManager): Promise<SpaceAccess> {
    const access = await this.access.requireWritable(viewer, id, 'OVERVIEW', manager);
    if (access.space.kind !== 'TABLE') throw AppError.notFound('collaboration:notFound');
    return access;
  }

  private async partyIn(manager: EntityManager, spaceId: string, partyId: string): Promise<PartyRow> {
    if (!isUuid(partyId)) throw AppError.notFound('collaboration:partyNotFound');
    const [party] = (await this.partiesOf([spaceId], manager)).filter((p) => p.id === partyId.toLowerCase());
    if (!party) throw AppError.notFound('collaboration:partyNotFound');
    return party;
  }

  private async requesterParty(manager: EntityManager, spaceId: string): Promise<PartyRow | undefined> {
    return (await this.partiesOf([spaceId], manager)).find((p) => p.role === 'REQUESTER');
  }

  private checkListEditable(viewer: CollaborationViewer, access: SpaceAccess, party: PartyRow): void {
    if (!access.managedPartyIds.includes(party.id) && !managesAllLists(viewer, access)) throw AppError.forbidden('collaboration:notPartyManager');
    if (access.space.status === 'DECLINED') throw AppError.conflict('collaboration:tableDeclined');
    if (party.status !== 'CONFIRMED') throw AppError.conflict('collaboration:partyNotConfirmed');
  }

  /**
   * Registered accounts of the addresses, in their order; each unknown address becomes a field
   * error naming it (`participantEmails.<index>`), so nothing is written for a list with a typo.
   */
  private async usersByEmail(emails: readonly string[], errors: FieldErrorDescriptor[]): Promise<Array<{ id: string; email: string }>> {
    const unique = uniqueEmails(emails);
    if (!unique.length) return [];
    const rows: Array<{ id: string; email: string }> = await this.dataSource.query(`SELECT id, email FROM users WHERE email = ANY($1)`, [unique]);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const found: Array<{ id: string; email: string }> = [];
    const seen = new Set<string>();
    emails.forEach((raw, index) => {
      const email = raw.trim().toLowerCase();
      if (seen.has(email)) return;
      seen.add(email);
      const user = byEmail.get(email);
      if (user) found.push(user);
      else errors.push({ field: `participantEmails.${index}`, key: 'collaboration:participantUnknown', params: { email } });
    });
    return found;
  }

  /**
   * Puts people on a party's list (under the table's lock). A person is on one list per table: on
   * another party's list is a field error; already on this one is no change. Returns how many were added.
   */
  private async addToList(
    manager: EntityManager,
    viewer: CollaborationViewer,
    spaceId: string,
    party: PartyRow,
    people: Array<{ id: string; email: string }>,
    emails: readonly string[],
  ): Promise<number> {
    const current: Array<{ user_id: string; party_id: string }> = await manager.query(`SELECT user_id, party_id FROM collab_space_participants WHERE space_id = $1`, [spaceId]);
    const partyOf = new Map(current.map((r) => [r.user_id, r.party_id]));
    const errors: FieldErrorDescriptor[] = [];
    for (const person of people) {
      const other = partyOf.get(person.id);
      if (other && other !== party.id) {
        const index = emails.findIndex((e) => e.trim().toLowerCase() === person.email);
        errors.push({ field: `participantEmails.${Math.max(index, 0)}`, key: 'collaboration:participantOnOtherParty', params: { email: person.email } });
      }
    }
    if (errors.length) throw AppError.badInput(errors);
    const fresh = people.filter((p) => !partyOf.has(p.id));
    const onList = current.filter((r) => r.party_id === party.id).length;
    if (onList + fresh.length > COLLABORATION_LIMITS.participantsPerParty) {
      throw AppError.badInput([{ field: 'participantEmails', key: 'collaboration:participantsTooMany', params: { count: COLLABORATION_LIMITS.participantsPerParty } }]);
    }
    if (fresh.length) {
      await manager.insert(
        SpaceParticipant,
        fresh.map((p) => ({ spaceId, partyId: party.id, userId: p.id, addedById: viewer.id })),
      );
    }
    return fresh.length;
  }

  private detailColumns(values: TableDetailsValues) {
    return { title: values.title, description: values.description, agenda: values.agenda, timeZone: values.timeZone, firstSessionAt: values.firstSessionAt };
  }

  /**
   * Session reminders and overdue-commitment reminders follow the lists, the moderator and the
   * table's status: recomputed in the same transaction, so a person taken off a list (or everyone,
   * once the table is closed) is not reminded again.
   */
  private async remindersFollow(manager: EntityManager, spaceId: string): Promise<void> {
    await this.meetings.rescheduleReminders(manager, spaceId);
    await this.commitments.rescheduleReminders(manager, spaceId);
  }

  /** "Newest activity first" lists sort by updated_at: answers and list changes count as activity. */
  private async touch(manager: EntityManager, spaceId: string): Promise<void> {
    await manager.query(`UPDATE collab_spaces SET updated_at = now() WHERE id = $1`, [spaceId]);
  }

  private async event(manager: EntityManager, spaceId: string, actorId: string, action: string, note: string | null = null, data: SpaceEvent['data'] = {}): Promise<void> {
    await manager.insert(SpaceEvent, { spaceId, actorId, action, note, data });
  }

  /** Representatives and focal points of the organisations. */
  private async managersOf(manager: EntityManager, organisationIds: readonly string[]): Promise<string[]> {
    if (!organisationIds.length) return [];
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT DISTINCT user_id FROM organisation_roles WHERE organisation_id = ANY($1) AND role IN ('REPRESENTATIVE', 'FOCAL_POINT') ORDER BY user_id`,
      [organisationIds],
    );
    return rows.map((r) => r.user_id);
  }

  /** The requester, every party's representatives and focal points, every participant and the assigned moderator. */
  private async everyoneConcerned(manager: EntityManager, space: CollaborationSpace): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT r.user_id FROM collab_space_parties p JOIN organisation_roles r ON r.organisation_id = p.organisation_id AND r.role IN ('REPRESENTATIVE', 'FOCAL_POINT')
        WHERE p.space_id = $1
       UNION SELECT user_id FROM collab_space_participants WHERE space_id = $1
       UNION SELECT requested_by_id FROM collab_spaces WHERE id = $1 AND requested_by_id IS NOT NULL
       UNION SELECT moderator_id FROM collab_spaces WHERE id = $1 AND moderator_id IS NOT NULL`,
      [space.id],
    );
    return [...new Set(rows.map((r) => r.user_id))].sort();
  }

  /** Portal moderators and administrators (but the person who submitted): a request awaits them. */
  private async notifyReviewers(manager: EntityManager, space: CollaborationSpace, organisation: string, submitterId: string): Promise<void> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT DISTINCT user_id FROM user_roles WHERE role IN ('MODERATOR', 'ADMIN') AND user_id <> $1 ORDER BY user_id`,
      [submitterId],
    );
    await this.notifications.notify(manager, {
      userIds: rows.map((r) => r.user_id),
      type: 'collaboration.requested',
      data: { title: space.title, organisation },
      link: tablePath(space.id),
      dedupeKey: `collaboration.requested:${space.id}:${space.requestedAt?.toISOString() ?? ''}`,
    });
  }
}
