import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService, QueueName } from '@alliance/server-queue';
import { AppError, decodeCursor, encodeCursor } from '@alliance/server-graphql';
import { ErrorCode, NOTIFICATION_TYPES, isEmailFrequency, notificationType, type EmailFrequency, type Locale } from '@alliance/shared-core';
import { NotificationBatch } from './entities';
import { NOTIFICATION_FANOUT_JOB } from './notifications.constants';
import { notificationTexts } from './notification-texts';

/** Registered types; later domains add theirs to NOTIFICATION_TYPES in shared-core. */
export type NotificationType = 'certificate.issued' | 'certificate.revoked' | string;

export interface NotifyInput {
  userIds: string[];
  type: NotificationType;
  /** Interpolation values for the texts, e.g. { title, code }. */
  data: Record<string, string | number>;
  /** Path in the web app, e.g. '/certificates'. */
  link?: string;
  /** The same (user, type, dedupeKey) never notifies twice. */
  dedupeKey?: string;
}

export interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface PreferenceView {
  type: string;
  transactional: boolean;
  inApp: boolean;
  email: EmailFrequency;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 100;

interface NotificationRow {
  id: string;
  type: string;
  data: Record<string, string | number>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  cursor_at: string;
}

/**
 * Records notifications: notify() writes one batch row and one fan-out job in the caller's
 * transaction; the worker's fan-out job creates the per-person rows and e-mails (FanoutJob).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async notify(manager: EntityManager, input: NotifyInput): Promise<void> {
    if (!notificationType(input.type)) throw new Error(`Unknown notification type "${input.type}"`);
    const userIds = [...new Set(input.userIds)];
    const bad = userIds.find((id) => !UUID.test(id));
    if (bad !== undefined) throw new Error(`notify(): "${bad}" is not a user id`);
    if (!userIds.length) return;
    for (const [key, value] of Object.entries(input.data)) {
      if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`notify(): data.${key} must be a string or a number`);
    }
    if (input.link !== undefined && !input.link.startsWith('/')) throw new Error('notify(): link must be a path of the web app, e.g. /certificates');
    const batch = manager.create(NotificationBatch, {
      type: input.type,
      data: input.data,
      link: input.link ?? null,
      recipients: userIds,
      dedupeKey: input.dedupeKey ?? null,
      completedAt: null,
    });
    await manager.save(batch);
    await this.outbox.enqueue(manager, { queue: QueueName.Notifications, name: NOTIFICATION_FANOUT_JOB, id: batch.id });
  }

  /** One page of a person's notifications, newest first, texts in `locale`. */
  async list(
    userId: string,
    locale: Locale,
    { first = 20, after, unreadOnly = false }: { first?: number; after?: string | null; unreadOnly?: boolean },
  ): Promise<{ edges: Array<{ cursor: string; node: NotificationView }>; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    const where = [`user_id = $1`, `in_app`];
    if (unreadOnly) where.push('read_at IS NULL');
    const params: unknown[] = [userId];
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM notification WHERE ${where.join(' AND ')}`, params)) as Array<{
      count: number;
    }>;
    if (after) {
      const [at, id] = decodeTimeIdCursor(after);
      params.push(at, id);
      // Milliseconds on both sides: a cursor cannot carry PostgreSQL's microseconds.
      where.push(`(date_trunc('milliseconds', created_at), id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(first + 1);
    const rows = (await this.dataSource.query(
      `SELECT id, type, data, link, created_at, read_at, to_char(date_trunc('milliseconds', created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS cursor_at
         FROM notification WHERE ${where.join(' AND ')}
        ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as NotificationRow[];
    const hasNextPage = rows.length > first;
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor([row.cursor_at, row.id]),
      node: this.view(row, locale),
    }));
    return { edges, totalCount: count, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND in_app AND read_at IS NULL`, [
      userId,
    ])) as Array<{ count: number }>;
    return count;
  }

  /** Someone else's notification is NOT_FOUND, exactly like one that does not exist. */
  async markRead(userId: string, id: string, locale: Locale): Promise<NotificationView> {
    if (!UUID.test(id)) throw AppError.notFound();
    const [rows] = (await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 AND in_app
        RETURNING id, type, data, link, created_at, read_at`,
      [id, userId],
    )) as [NotificationRow[], number];
    if (!rows.length) throw AppError.notFound();
    return this.view(rows[0], locale);
  }

  async markAllRead(userId: string): Promise<number> {
    const [, count] = (await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND in_app AND read_at IS NULL`, [userId])) as [
      unknown,
      number,
    ];
    return count;
  }

  async preferences(userId: string): Promise<PreferenceView[]> {
    const rows = (await this.dataSource.query(`SELECT type, in_app, email FROM notification_preference WHERE user_id = $1`, [userId])) as Array<{
      type: string;
      in_app: boolean;
      email: EmailFrequency;
    }>;
    const chosen = new Map(rows.map((row) => [row.type, row]));
    return NOTIFICATION_TYPES.map((definition) => {
      const row = definition.transactional ? undefined : chosen.get(definition.type);
      return {
        type: definition.type,
        transactional: definition.transactional,
        inApp: row ? row.in_app : definition.defaultInApp,
        email: row ? row.email : definition.defaultEmail,
      };
    });
  }

  async updatePreference(userId: string, type: string, inApp: boolean, email: string): Promise<PreferenceView> {
    const definition = notificationType(type);
    if (!definition) throw new AppError(ErrorCode.BadUserInput, 'notifications:errorUnknownType', {}, [{ field: 'type', key: 'notifications:errorUnknownType' }]);
    if (!isEmailFrequency(email)) throw AppError.badInput([{ field: 'email', key: 'validation:invalid' }]);
    if (definition.transactional && (!inApp || email !== 'immediately')) {
      throw new AppError(ErrorCode.BadUserInput, 'notifications:errorTransactional', {}, [{ field: 'type', key: 'notifications:errorTransactional' }]);
    }
    await this.dataSource.query(
      `INSERT INTO notification_preference (user_id, type, in_app, email) VALUES ($1, $2, $3, $4)
        ON CONFLICT (user_id, type) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, updated_at = now()`,
      [userId, type, inApp, email],
    );
    return { type, transactional: definition.transactional, inApp, email };
  }

  /**
   * One-click unsubscribe: switches the e-mail of one type off, or of every type currently
   * gathered in a digest ('digest.daily' / 'digest.weekly'). Transactional types stay on.
   */
  async unsubscribe(userId: string, scope: string): Promise<void> {
    const current = await this.preferences(userId);
    const digest = scope === 'digest.daily' ? 'daily' : scope === 'digest.weekly' ? 'weekly' : null;
    const targets = current.filter((p) => !p.transactional && (digest ? p.email === digest : p.type === scope));
    if (!targets.length) return;
    // One statement: every matching type is switched off together or not at all.
    await this.dataSource.query(
      `INSERT INTO notification_preference (user_id, type, in_app, email)
         SELECT $1, t.type, t.in_app, 'off' FROM unnest($2::varchar[], $3::boolean[]) AS t(type, in_app)
         WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
       ON CONFLICT (user_id, type) DO UPDATE SET email = 'off', updated_at = now()`,
      [userId, targets.map((t) => t.type), targets.map((t) => t.inApp)],
    );
  }

  private view(row: NotificationRow, locale: Locale): NotificationView {
    const { title, body } = notificationTexts(locale, row.type, row.data);
    return { id: row.id, type: row.type, title, body, link: row.link, createdAt: new Date(row.created_at), readAt: row.read_at ? new Date(row.read_at) : null };
  }
}

/** The shared cursor format of libs/server/graphql, narrowed to this list's (timestamp, id) key. */
function decodeTimeIdCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2);
  if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && UUID.test(id)) return [at, id];
  throw AppError.badInput([{ field: 'after', key: 'errors:invalidCursor' }], 'errors:invalidCursor');
}
