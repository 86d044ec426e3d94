import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@alliance/server-graphql';
import type { AuditEntry } from '../entities/audit-entry.entity';

@ObjectType('AuditChange', { description: 'One changed field: its value before and after, as JSON text (null when absent).' })
export class AuditChangeModel {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType('AuditEntry', { description: 'One administrative or moderation action. The log is append-only.' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field(() => ID, { nullable: true, description: 'Null for actions the system took on its own.' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'The actor’s name when they acted.' })
  actorName: string | null;

  @Field({ description: 'Stable dotted code, one of auditActions.' })
  action: string;

  @Field()
  targetType: string;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true, description: 'The target’s name or title when the action happened.' })
  targetLabel: string | null;

  @Field({ description: 'Details of the action (a role, a reason), as a JSON object.' })
  params: string;

  @Field(() => [AuditChangeModel], { description: 'The changed fields only.' })
  changes: AuditChangeModel[];

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  static from(entry: AuditEntry): AuditEntryModel {
    // Sorted: jsonb keeps keys in its own order (shortest first), which means nothing to a reader.
    const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].sort();
    const json = (side: Record<string, unknown> | null, key: string) => (side && key in side ? JSON.stringify(side[key]) : null);
    return Object.assign(new AuditEntryModel(), {
      id: entry.id,
      createdAt: entry.createdAt,
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: entry.targetLabel,
      params: JSON.stringify(entry.params ?? {}),
      changes: keys.map((field) => ({ field, before: json(entry.before, field), after: json(entry.after, field) })),
      ip: entry.ip,
      requestId: entry.requestId,
    });
  }
}

export const AuditEntryConnection = Connection(AuditEntryModel, 'AuditEntry');

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'One of auditActions.' })
  action?: string | null;

  @Field(() => String, { nullable: true })
  targetType?: string | null;

  @Field(() => String, { nullable: true })
  targetId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time, inclusive.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time, inclusive.' })
  to?: string | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditFilterInput, { nullable: true })
  filter?: AuditFilterInput | null;
}
