import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { LIMITS } from '@alliance/shared-core';
import { AppError } from './app-error';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: LIMITS.pageSizeDefault, description: `At most ${LIMITS.pageSizeMax}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay-style connection type for a node type: `UserConnection { edges { cursor node } pageInfo totalCount }`. */
export function Connection<T>(nodeType: Type<T>, name = nodeType.name): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): Array<string | number> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => ['string', 'number'].includes(typeof v))) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.badInput([{ field: 'after', key: 'errors:invalidCursor' }], 'errors:invalidCursor');
}

export interface KeysetOrder<T> {
  /** SQL expression of the sort column, e.g. `u.created_at`. */
  column: string;
  direction: 'ASC' | 'DESC';
  /** The sort value of a row, as stored in the cursor. */
  valueOf(row: T): string | number;
  /** SQL expression of the unique tie-breaker, e.g. `u.id`. */
  idColumn: string;
  idOf(row: T): string;
}

/**
 * Keyset pagination: stable under inserts and fast on deep pages (no OFFSET).
 * The query builder must already hold the filters; ordering is added here.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order: KeysetOrder<T>,
): Promise<ConnectionShape<T>> {
  const first = args.first ?? LIMITS.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) {
    throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
  }
  const totalCount = await qb.clone().getCount();
  const page = qb.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after, 2);
    const op = order.direction === 'DESC' ? '<' : '>';
    page.andWhere(`(${order.column}, ${order.idColumn}) ${op} (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: id });
  }
  page.orderBy(order.column, order.direction).addOrderBy(order.idColumn, order.direction).take(first + 1);
  const rows = await page.getMany();
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor([order.valueOf(node), order.idOf(node)]), node }));
  return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}
