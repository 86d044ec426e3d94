import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { byKeys, type RequestContext } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { AllianceCountry, FocusArea, Membership, Organisation } from './entities';
import { isUuid } from './alliance-input';

/** Per-request batched look-ups used by the alliance field resolvers. */
export function allianceLoaders(ctx: RequestContext, dataSource: DataSource) {
  return {
    country: ctx.loaders.get<string, AllianceCountry | null>('alliance.country', async (codes) =>
      byKeys(codes, await dataSource.getRepository(AllianceCountry).findBy({ code: In([...codes]) }), (c) => c.code),
    ),
    focusArea: ctx.loaders.get<string, FocusArea | null>('alliance.focusArea', async (ids) =>
      byKeys(ids, await dataSource.getRepository(FocusArea).findBy({ id: In(ids.filter(isUuid)) }), (f) => f.id),
    ),
    user: ctx.loaders.get<string, User | null>('alliance.user', async (ids) =>
      byKeys(ids, await dataSource.getRepository(User).findBy({ id: In(ids.filter(isUuid)) }), (u) => u.id),
    ),
    organisation: ctx.loaders.get<string, Organisation | null>('alliance.organisation', async (ids) =>
      byKeys(ids, await dataSource.getRepository(Organisation).findBy({ id: In(ids.filter(isUuid)) }), (o) => o.id),
    ),
    membership: ctx.loaders.get<string, Membership | null>('alliance.membership', async (ids) =>
      byKeys(ids, await dataSource.getRepository(Membership).findBy({ organisationId: In(ids.filter(isUuid)) }), (m) => m.organisationId),
    ),
  };
}
