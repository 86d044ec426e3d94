import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { ACCESS_LEVELS, Role, type AccessLevel, type Locale } from '@alliance/shared-core';
import { CollaborationSpace } from './entities';

/** Who is reading or acting in the collaboration domain. */
export interface CollaborationViewer {
  id: string;
  name: string;
  roles: readonly Role[];
  locale: Locale;
  admin: boolean;
  /** Holds the portal's moderator role: reviews table requests and may be assigned to tables. */
  moderator: boolean;
}

/** A space together with what the viewer may do in it. */
export interface SpaceAccess {
  space: CollaborationSpace;
  level: AccessLevel;
  /** The parties (organisation ids) the viewer answers for: representative or focal point of that organisation. */
  managedPartyIds: string[];
  /** The party whose list the viewer is on, if any. */
  participantPartyId: string | null;
  /**
   * May organise the space's work (schedule sessions, record commitments, edit the agenda): the
   * moderator and administrators, the requesting party's participants (tables) and the currently
   * coordinating party's participants (groups).
   */
  organiser: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Whether `level` is at least `min` (NONE < OVERVIEW < MEMBER < MODERATOR < ADMIN). */
export function atLeast(level: AccessLevel, min: AccessLevel): boolean {
  return ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(min);
}

/** Statuses in which portal moderators see a table because it is theirs to review. */
const UNDER_REVIEW = ['REQUESTED', 'CHANGES_REQUESTED', 'DECLINED'];

const viewersByRequest = new WeakMap<object, CollaborationViewer | undefined>();

/**
 * The one place that decides who sees a space. Everything in this domain goes through it, and
 * anyone below the level an operation needs is told the space does not exist (never "forbidden"),
 * so its existence does not leak.
 *
 * Levels: ADMIN (administrators), MODERATOR (the space's assigned moderator), MEMBER (on a party's
 * participant list), OVERVIEW (a party's representative or focal point who is not on the list, or a
 * portal moderator while a table request awaits review: sees the request and the lists, not the content).
 */
@Injectable()
export class CollaborationAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  viewerFor(user: SessionUser | undefined | null, locale: Locale): CollaborationViewer | undefined {
    if (!user) return undefined;
    return {
      id: user.id,
      name: user.name,
      roles: user.roles,
      locale,
      admin: user.roles.includes(Role.Admin),
      moderator: user.roles.includes(Role.Moderator),
    };
  }

  viewerForRequest(ctx: Pick<RequestContext, 'user' | 'locale'>): CollaborationViewer | undefined {
    if (!viewersByRequest.has(ctx)) viewersByRequest.set(ctx, this.viewerFor(ctx.user, ctx.locale));
    return viewersByRequest.get(ctx);
  }

  /**
   * Brings a group's coordination periods up to today before access is decided (who organises
   * depends on the period containing today). GroupsService registers it; it runs in the caller's
   * transaction, so a write that already holds the space's row lock does not wait on itself.
   */
  registerCoordinationRefresher(refresh: (manager: EntityManager, spaceId: string) => Promise<unknown>): void {
    this.refreshCoordinations = refresh;
  }

  private refreshCoordinations?: (manager: EntityManager, spaceId: string) => Promise<unknown>;

  /** The viewer's access to a space they already hold (NONE when signed out or unrelated). */
  async accessTo(viewer: CollaborationViewer | undefined, space: CollaborationSpace, manager: EntityManager = this.dataSource.manager): Promise<SpaceAccess> {
    if (viewer && space.kind === 'GROUP' && space.status === 'OPEN' && this.refreshCoordinations) await this.refreshCoordinations(manager, space.id);
    const [access] = await this.accessMany(viewer, [space], manager);
    return access;
  }

  /**
   * The viewer's access to many spaces in one query (lists). The single rule of the domain:
   * ADMIN for administrators, MODERATOR for the assigned moderator, MEMBER for people on a list of a
   * party that has not declined, OVERVIEW for a party's representatives and focal points and, while a
   * table request is under review, for portal moderators; NONE otherwise.
   */
  async accessMany(viewer: CollaborationViewer | undefined, spaces: readonly CollaborationSpace[], manager: EntityManager = this.dataSource.manager): Promise<SpaceAccess[]> {
    const none = (space: CollaborationSpace): SpaceAccess => ({ space, level: 'NONE', managedPartyIds: [], participantPartyId: null, organiser: false });
    if (!viewer || !spaces.length) return spaces.map(none);
    const rows: Array<{ id: string; participant_party_id: string | null; managed: string[]; party_organises: boolean | null }> = await manager.query(
      `SELECT s.id,
              (SELECT sp.party_id FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
                WHERE sp.space_id = s.id AND sp.user_id = $2 AND p.status <> 'DECLINED') AS participant_party_id,
              (SELECT p.role = 'REQUESTER' OR EXISTS (
                        SELECT 1 FROM collab_coordinations c
                         WHERE c.space_id = s.id AND c.party_id = p.id AND c.starts_on <= current_date AND c.ends_on > current_date)
                 FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
                WHERE sp.space_id = s.id AND sp.user_id = $2 AND p.status <> 'DECLINED') AS party_organises,
              ARRAY(SELECT p.id FROM collab_space_parties p
                      JOIN organisation_roles r ON r.organisation_id = p.organisation_id AND r.user_id = $2 AND r.role IN ('REPRESENTATIVE', 'FOCAL_POINT')
                     WHERE p.space_id = s.id ORDER BY p.id)::text[] AS managed
         FROM unnest($1::uuid[]) AS s(id)`,
      [spaces.map((s) => s.id), viewer.id],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return spaces.map((space) => {
      const row = byId.get(space.id);
      const managedPartyIds = row?.managed ?? [];
      const participantPartyId = row?.participant_party_id ?? null;
      let level: AccessLevel = 'NONE';
      if (viewer.admin) level = 'ADMIN';
      else if (space.moderatorId === viewer.id) level = 'MODERATOR';
      else if (participantPartyId) level = 'MEMBER';
      else if (managedPartyIds.length || (viewer.moderator && space.kind === 'TABLE' && UNDER_REVIEW.includes(space.status))) level = 'OVERVIEW';
      const organiser = atLeast(level, 'MODERATOR') || (level === 'MEMBER' && !!row?.party_organises);
      return { space, level, managedPartyIds, participantPartyId, organiser };
    });
  }

  /** The space and the viewer's access, or null when it is missing or below `min` for the viewer. */
  async find(
    viewer: CollaborationViewer | undefined,
    spaceId: unknown,
    min: AccessLevel = 'OVERVIEW',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SpaceAccess | null> {
    if (!viewer || !isUuid(spaceId)) return null;
    const space = await manager.findOne(CollaborationSpace, { where: { id: spaceId } });
    if (!space) return null;
    const access = await this.accessTo(viewer, space, manager);
    return atLeast(access.level, min) ? access : null;
  }

  /** Like find(), but throws NOT_FOUND (the same answer as for a space that does not exist). */
  async require(
    viewer: CollaborationViewer | undefined,
    spaceId: unknown,
    min: AccessLevel = 'OVERVIEW',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SpaceAccess> {
    const access = await this.find(viewer, spaceId, min, manager);
    if (!access) throw AppError.notFound('collaboration:notFound');
    return access;
  }

  /**
   * Like require(), for a write inside a transaction: the space row is locked (FOR UPDATE) so
   * status changes (close, review) serialise with writes, and a closed space refuses all writes.
   */
  async requireWritable(viewer: CollaborationViewer | undefined, spaceId: unknown, min: AccessLevel, manager: EntityManager): Promise<SpaceAccess> {
    if (!viewer || !isUuid(spaceId)) throw AppError.notFound('collaboration:notFound');
    const space = await manager.findOne(CollaborationSpace, { where: { id: spaceId }, lock: { mode: 'pessimistic_write' } });
    if (!space) throw AppError.notFound('collaboration:notFound');
    const access = await this.accessTo(viewer, space, manager);
    if (!atLeast(access.level, min)) throw AppError.notFound('collaboration:notFound');
    if (space.status === 'CLOSED') throw AppError.conflict('collaboration:closedReadOnly');
    return access;
  }

  /**
   * SQL condition (parameter `$n` = viewer id) that a row of collab_spaces aliased `alias` is one the
   * viewer reaches at least at OVERVIEW level; for lists ("my tables"). Admins pass `TRUE` instead.
   */
  visibleSpacesSql(alias: string, userParam: string, viewer: CollaborationViewer): string {
    if (!/^[a-z_][a-z0-9_]*$/i.test(alias) || !/^\$\d+$/.test(userParam)) throw new Error('Invalid SQL alias or parameter');
    if (viewer.admin) return 'TRUE';
    const review = viewer.moderator ? ` OR (${alias}.kind = 'TABLE' AND ${alias}.status IN ('REQUESTED', 'CHANGES_REQUESTED', 'DECLINED'))` : '';
    return `(${alias}.moderator_id = ${userParam}
      OR EXISTS (SELECT 1 FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
                  WHERE sp.space_id = ${alias}.id AND sp.user_id = ${userParam} AND p.status <> 'DECLINED')
      OR EXISTS (SELECT 1 FROM collab_space_parties p JOIN organisation_roles r ON r.organisation_id = p.organisation_id
                  WHERE p.space_id = ${alias}.id AND r.user_id = ${userParam} AND r.role IN ('REPRESENTATIVE', 'FOCAL_POINT'))${review})`;
  }
}
