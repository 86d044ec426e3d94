import { In, type DataSource } from 'typeorm';
import { AllianceCountry, FocusArea } from '@alliance/server-alliance';
import type { RequestContext } from '@alliance/server-graphql';
import type { EvidenceFile, EvidenceText } from './entities';
import type { EvidenceItemsService } from './items.service';

/**
 * Per-request batched look-ups for EvidenceItem's fields: a list of 20 items costs one query per
 * kind of field, not one per item. Never shared between requests (or people).
 */
export function evidenceLoaders(ctx: Pick<RequestContext, 'loaders'>, items: EvidenceItemsService, dataSource: DataSource) {
  return {
    texts: ctx.loaders.get<string, EvidenceText[]>('evidence.texts', async (keys) => {
      const rows = await items.textsOf(keys);
      return keys.map((k) => rows.filter((r) => r.itemId === k));
    }),
    countries: ctx.loaders.get<string, AllianceCountry[]>('evidence.countries', async (keys) => {
      const codes = await items.countryCodesOf(keys);
      const all = [...new Set([...codes.values()].flat())];
      const rows = all.length ? await dataSource.getRepository(AllianceCountry).findBy({ code: In(all) }) : [];
      const byCode = new Map(rows.map((c) => [c.code.trim(), c]));
      return keys.map((k) => (codes.get(k) ?? []).map((c) => byCode.get(c)).filter((c): c is AllianceCountry => !!c));
    }),
    focusAreas: ctx.loaders.get<string, FocusArea[]>('evidence.focusAreas', async (keys) => {
      const ids = await items.focusAreaIdsOf(keys);
      const all = [...new Set([...ids.values()].flat())];
      const rows = all.length ? await dataSource.getRepository(FocusArea).findBy({ id: In(all) }) : [];
      const byId = new Map(rows.map((f) => [f.id, f]));
      return keys.map((k) => (ids.get(k) ?? []).map((id) => byId.get(id)).filter((f): f is FocusArea => !!f));
    }),
    files: ctx.loaders.get<string, EvidenceFile[]>('evidence.files', async (keys) => {
      const files = await items.filesOf(keys);
      return keys.map((k) => files.get(k) ?? []);
    }),
    userName: ctx.loaders.get<string, string | null>('evidence.userName', async (keys) => {
      const names = await items.userNames(keys);
      return keys.map((k) => names.get(k) ?? null);
    }),
    organisationName: ctx.loaders.get<string, string | null>('evidence.organisationName', async (keys) => {
      const names = await items.organisationNames(keys);
      return keys.map((k) => names.get(k) ?? null);
    }),
  };
}

/** The text to show a reader: theirs when translated, else the original (else any). */
export function textFor(texts: readonly EvidenceText[], locale: string): EvidenceText | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.original) ?? texts[0];
}
