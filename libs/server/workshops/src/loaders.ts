import { In, type DataSource } from 'typeorm';
import { byKeys, type RequestContext } from '@alliance/server-graphql';
import { AllianceCountry, FocusArea } from '@alliance/server-alliance';
import { User } from '@alliance/server-identity';
import {
  Workshop,
  WorkshopAgendaItem,
  WorkshopCountrySeats,
  WorkshopMaterial,
  WorkshopOrganiser,
  WorkshopQuestion,
  WorkshopSession,
} from './entities';
import { isUuid } from './util';

export const group = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] => {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
};

/** Per-request batched look-ups of the organising side's field resolvers (one query per kind and request). */
export function workshopLoaders(ctx: RequestContext, dataSource: DataSource) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  const viewer = ctx.user?.id ?? '';
  return {
    workshop: ctx.loaders.get<string, Workshop | null>('workshops.workshop', async (keys) =>
      byKeys(keys, await dataSource.getRepository(Workshop).findBy({ id: In(ids(keys)) }), (w) => w.id),
    ),
    sessions: ctx.loaders.get<string, WorkshopSession[]>('workshops.sessions', async (keys) =>
      group(keys, await dataSource.getRepository(WorkshopSession).find({ where: { workshopId: In(ids(keys)) }, order: { startsAt: 'ASC', id: 'ASC' } }), (s) => s.workshopId),
    ),
    agenda: ctx.loaders.get<string, WorkshopAgendaItem[]>('workshops.agenda', async (keys) =>
      group(keys, await dataSource.getRepository(WorkshopAgendaItem).find({ where: { sessionId: In(ids(keys)) }, order: { startsAt: 'ASC', position: 'ASC' } }), (a) => a.sessionId),
    ),
    questions: ctx.loaders.get<string, WorkshopQuestion[]>('workshops.questions', async (keys) =>
      group(keys, await dataSource.getRepository(WorkshopQuestion).find({ where: { workshopId: In(ids(keys)) }, order: { position: 'ASC' } }), (q) => q.workshopId),
    ),
    materials: ctx.loaders.get<string, WorkshopMaterial[]>('workshops.materials', async (keys) =>
      group(keys, await dataSource.getRepository(WorkshopMaterial).find({ where: { workshopId: In(ids(keys)) }, order: { phase: 'DESC', position: 'ASC' } }), (m) => m.workshopId),
    ),
    countrySeats: ctx.loaders.get<string, WorkshopCountrySeats[]>('workshops.countrySeats', async (keys) =>
      group(keys, await dataSource.getRepository(WorkshopCountrySeats).find({ where: { workshopId: In(ids(keys)) }, order: { countryCode: 'ASC' } }), (s) => s.workshopId),
    ),
    organisers: ctx.loaders.get<string, Array<{ id: string; name: string }>>('workshops.organisers', async (keys) => {
      const links = await dataSource.getRepository(WorkshopOrganiser).find({ where: { workshopId: In(ids(keys)) }, order: { createdAt: 'ASC' } });
      const users = links.length ? await dataSource.getRepository(User).findBy({ id: In([...new Set(links.map((l) => l.userId))]) }) : [];
      const byId = new Map(users.map((u) => [u.id, u]));
      return group(keys, links, (l) => l.workshopId).map((list) => list.map((l) => ({ id: l.userId, name: byId.get(l.userId)?.name ?? '' })));
    }),
    country: ctx.loaders.get<string, AllianceCountry | null>('workshops.country', async (keys) =>
      byKeys(keys, await dataSource.getRepository(AllianceCountry).findBy({ code: In([...keys]) }), (c) => c.code),
    ),
    focusArea: ctx.loaders.get<string, FocusArea | null>('workshops.focusArea', async (keys) =>
      byKeys(keys, await dataSource.getRepository(FocusArea).findBy({ id: In(ids(keys)) }), (f) => f.id),
    ),
    waitlistCount: ctx.loaders.get<string, number>('workshops.waitlistCount', async (keys) => {
      const rows: Array<{ workshop_id: string; n: number }> = await dataSource.query(
        `SELECT workshop_id, count(*)::int AS n FROM workshop_registrations WHERE workshop_id = ANY($1) AND status = 'WAITLISTED' GROUP BY workshop_id`,
        [ids(keys)],
      );
      const map = new Map(rows.map((r) => [r.workshop_id, r.n]));
      return keys.map((k) => map.get(k) ?? 0);
    }),
    /** Workshop ids the viewer organises (admins are handled by the caller). */
    organisedByViewer: ctx.loaders.get<string, boolean>('workshops.organisedByViewer', async (keys) => {
      if (!viewer) return keys.map(() => false);
      const rows: Array<{ workshop_id: string }> = await dataSource.query(`SELECT workshop_id FROM workshop_organisers WHERE user_id = $1 AND workshop_id = ANY($2)`, [viewer, ids(keys)]);
      const set = new Set(rows.map((r) => r.workshop_id));
      return keys.map((k) => set.has(k));
    }),
    /** The viewer's registration status per workshop (null when none). */
    viewerStatus: ctx.loaders.get<string, string | null>('workshops.viewerStatus', async (keys) => {
      if (!viewer) return keys.map(() => null);
      const rows: Array<{ workshop_id: string; status: string }> = await dataSource.query(
        `SELECT workshop_id, status FROM workshop_registrations WHERE user_id = $1 AND workshop_id = ANY($2)`,
        [viewer, ids(keys)],
      );
      const map = new Map(rows.map((r) => [r.workshop_id, r.status]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  };
}
