import { Args, Query, Resolver } from '@nestjs/graphql';
import { AppError, RequireAuth, type ConnectionShape } from '@alliance/server-graphql';
import { Role } from '@alliance/shared-core';
import { AUDIT_ACTIONS } from './audit-actions';
import { AuditEntryConnection, AuditEntryModel, AuditLogArgs } from './audit.model';
import { AuditService } from './audit.service';

// ISO 8601 date or date-time; anything else is refused rather than guessed at.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDate(value: string | null | undefined, field: string): Date | null {
  if (value == null || value === '') return null;
  const date = ISO.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw AppError.badInput([{ field, key: 'validation:invalid' }]);
  return date;
}

/** The audit log, for administrators only. There is no mutation: entries are written by the actions. */
@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'Administrators only. Newest first.' })
  @RequireAuth(Role.Admin)
  async auditLog(@Args() args: AuditLogArgs): Promise<ConnectionShape<AuditEntryModel>> {
    const filter = args.filter ?? {};
    const page = await this.audit.list(
      {
        actorId: filter.actorId || null,
        action: filter.action || null,
        targetType: filter.targetType || null,
        targetId: filter.targetId || null,
        from: parseDate(filter.from, 'from'),
        to: parseDate(filter.to, 'to'),
      },
      args,
    );
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: AuditEntryModel.from(edge.node) })) };
  }

  @Query(() => [String], { description: 'Administrators only: every action code the audit log records, for its filter.' })
  @RequireAuth(Role.Admin)
  auditActions(): string[] {
    return [...AUDIT_ACTIONS];
  }
}
