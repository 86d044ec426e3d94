import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, paginate, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { AuditEntry } from '../entities/audit-entry.entity';
import { isAuditAction, type AuditAction } from './audit-actions';
import { currentAuditOrigin } from './audit-context';

export interface AuditRecordInput {
  /** Who acted; null for the system itself. */
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  /** The target's name or title as it is now, so the entry still reads well after it changes. */
  targetLabel?: string | null;
  params?: Record<string, unknown>;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditFilter {
  actorId?: string | null;
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

// Never written to the log, whatever a caller passes: secrets must not outlive their use.
const SECRET_KEY = /pass(word)?|token|secret|hash|cookie|otp|apikey|private/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function scrub(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (value == null) return null;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key) || v === undefined) continue;
    out[key] = v instanceof Date ? v.toISOString() : v && typeof v === 'object' && !Array.isArray(v) ? scrub(v as Record<string, unknown>) : v;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));
  return norm(a) === norm(b);
}

/**
 * The fields of `before` and `after` that differ (a field missing on one side counts as null), so
 * an entry says what changed and nothing else. Null when nothing did.
 */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    const x = before?.[key] ?? null;
    const y = after?.[key] ?? null;
    if (same(x, y)) continue;
    b[key] = x;
    a[key] = y;
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/**
 * The audit log of administrative and moderation actions. Append-only: there is deliberately no
 * update or delete here, and the table's trigger refuses both.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the entry through `manager`, which must be the action's own transaction: an action that
   * rolls back then leaves no entry, and one that commits always has its entry. The actor's name is
   * read in the same statement (a snapshot that survives renames); the address and request id come
   * from the current request, if any.
   */
  async record(manager: EntityManager, entry: AuditRecordInput): Promise<void> {
    if (!isAuditAction(entry.action)) throw new Error(`Unknown audit action ${entry.action}`);
    if (!manager.queryRunner?.isTransactionActive) {
      // A programming error, not a user's: recording outside the action's transaction would break the
      // "entry if and only if committed" promise.
      throw new Error('AuditService.record needs the manager of an open transaction');
    }
    const origin = currentAuditOrigin();
    const actorId = entry.actorId && UUID.test(entry.actorId) ? entry.actorId : null;
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, target_type, target_id, target_label, params, before, after, ip, request_id)
       VALUES ($1::uuid, (SELECT name FROM users WHERE id = $1::uuid), $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10)`,
      [
        actorId,
        entry.action,
        entry.targetType.slice(0, 40),
        entry.targetId ? entry.targetId.slice(0, 100) : null,
        entry.targetLabel ? entry.targetLabel.slice(0, 300) : null,
        JSON.stringify(scrub(entry.params ?? {}) ?? {}),
        entry.before == null ? null : JSON.stringify(scrub(entry.before)),
        entry.after == null ? null : JSON.stringify(scrub(entry.after)),
        origin.ip,
        origin.requestId,
      ],
    );
  }

  /** Newest first, filtered; for administrators (the resolver checks the role). */
  list(filter: AuditFilter, args: PageArgs): Promise<ConnectionShape<AuditEntry>> {
    const errors: Array<{ field: string; key: string }> = [];
    if (filter.actorId && !UUID.test(filter.actorId)) errors.push({ field: 'actorId', key: 'validation:invalid' });
    if (filter.action && !isAuditAction(filter.action)) errors.push({ field: 'action', key: 'validation:invalid' });
    if (filter.targetType && filter.targetType.length > 40) errors.push({ field: 'targetType', key: 'validation:invalid' });
    if (filter.targetId && filter.targetId.length > 100) errors.push({ field: 'targetId', key: 'validation:invalid' });
    for (const field of ['from', 'to'] as const) {
      const value = filter[field];
      if (value != null && !(value instanceof Date && !Number.isNaN(value.getTime()))) errors.push({ field, key: 'validation:invalid' });
    }
    if (filter.from && filter.to && filter.from > filter.to) errors.push({ field: 'to', key: 'errors:auditRangeInverted' });
    if (errors.length) throw AppError.badInput(errors);

    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.targetType) qb.andWhere('a.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId) qb.andWhere('a.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from) qb.andWhere('a.created_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.created_at <= :to', { to: filter.to });
    // Truncated to milliseconds so the cursor (a JS Date) compares exactly with the sort key.
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', a.created_at)`,
      direction: 'DESC',
      valueOf: (row) => row.createdAt.toISOString(),
      idColumn: 'a.id',
      idOf: (row) => row.id,
    });
  }
}
