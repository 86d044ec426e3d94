import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createModuleTestApp } from '@alliance/server-identity';
import type { Locale } from '@alliance/shared-core';
import type { EvidenceViewer } from '../access';
import type { EvidenceAuthorData } from '../entities';
import { EvidenceModule } from '../evidence.module';
import type { EvidenceLicence, EvidenceStatus, EvidenceType, EvidenceVisibility } from '../evidence.constants';
import { TEXT_SEARCH_CONFIG, UNACCENT_CONFIG } from '../evidence.constants';
import { EVIDENCE_TEST_ENTITIES } from '../testing/evidence-test-app';

/** Test-only helpers of the search specs. */
export const tag = () => randomBytes(4).toString('hex');

/** The evidence module on this Jest run's real database, with the in-process queue driver. */
export function createSearchTestApp(): Promise<INestApplicationContext> {
  return createModuleTestApp({ module: EvidenceModule, entities: EVIDENCE_TEST_ENTITIES, poolSize: 8, applicationName: 'evidence-search-test' });
}

export function viewer(id: string, member: boolean, locale: Locale = 'es'): EvidenceViewer {
  return { id, name: 'Test', roles: [], locale, member, reviewer: false };
}

export interface ItemSpec {
  submitterId: string;
  texts: Array<{ locale: Locale; title: string; abstract: string }>;
  status?: EvidenceStatus;
  type?: EvidenceType;
  visibility?: EvidenceVisibility;
  year?: number;
  licence?: EvidenceLicence;
  authors?: EvidenceAuthorData[];
  publisher?: string | null;
  doi?: string | null;
  externalUrl?: string | null;
  countryCodes?: string[];
  focusAreaIds?: string[];
  publishedAt?: Date;
}

/**
 * Writes an item with the same columns EvidenceItemsService fills (the first text is the original;
 * search vectors computed in SQL exactly as the service does).
 */
export async function insertItem(dataSource: DataSource, spec: ItemSpec): Promise<string> {
  const status = spec.status ?? 'PUBLISHED';
  const published = status === 'PUBLISHED';
  const [{ id }]: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO evidence_items (status, type, language, visibility, year, licence, authors, publisher, external_url, doi, submitter_id, submitted_at, published_at)
     VALUES ($1::varchar, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, CASE WHEN $1::varchar <> 'DRAFT' THEN now() END, $12) RETURNING id`,
    [
      status,
      spec.type ?? 'CASE_STUDY',
      spec.texts[0].locale,
      spec.visibility ?? 'PUBLIC',
      spec.year ?? 2024,
      spec.licence ?? 'CC_BY_4_0',
      JSON.stringify(spec.authors ?? [{ name: 'Rosa Quispe Mamani', affiliation: 'Ministerio de Educación' }]),
      spec.publisher ?? null,
      spec.externalUrl ?? 'https://example.org/evidencia',
      spec.doi ?? null,
      spec.submitterId,
      published ? (spec.publishedAt ?? new Date()) : null,
    ],
  );
  for (const [i, t] of spec.texts.entries()) {
    await dataSource.query(
      `INSERT INTO evidence_texts (item_id, locale, title, abstract, original, search)
       VALUES ($1, $2, $3::text, $4::text, $5,
         setweight(to_tsvector($6::regconfig, $3), 'A') || setweight(to_tsvector($6::regconfig, $4), 'B')
           || setweight(to_tsvector('${UNACCENT_CONFIG}', $3), 'A') || setweight(to_tsvector('${UNACCENT_CONFIG}', $4), 'B'))`,
      [id, t.locale, t.title, t.abstract, i === 0, TEXT_SEARCH_CONFIG[t.locale]],
    );
  }
  for (const code of spec.countryCodes ?? []) await dataSource.query(`INSERT INTO evidence_item_countries (item_id, country_code) VALUES ($1, $2)`, [id, code]);
  for (const fa of spec.focusAreaIds ?? []) await dataSource.query(`INSERT INTO evidence_item_focus_areas (item_id, focus_area_id) VALUES ($1, $2)`, [id, fa]);
  return id;
}
