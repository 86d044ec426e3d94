import type { DataSource } from 'typeorm';

export interface EvidenceFixture {
  status?: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED';
  visibility?: 'PUBLIC' | 'MEMBERS';
  /** Title per locale; the first is the original language. */
  titles: Array<[string, string]>;
}

/**
 * An evidence bank item written straight to the tables (test-only), for later domains whose specs
 * are about linking items, not the evidence workflow, so they skip submission and review.
 */
export async function insertEvidenceItem(dataSource: DataSource, submitterId: string, fixture: EvidenceFixture): Promise<string> {
  const status = fixture.status ?? 'PUBLISHED';
  const [{ id }] = await dataSource.query(
    `INSERT INTO evidence_items (status, type, language, visibility, year, licence, authors, submitter_id, published_at)
     VALUES ($1, 'GOOD_PRACTICE', $2, $3, 2024, 'CC_BY_4_0', '[{"name":"Lucía Paredes"}]', $4, $5) RETURNING id`,
    [status, fixture.titles[0][0], fixture.visibility ?? 'PUBLIC', submitterId, status === 'PUBLISHED' ? new Date() : null],
  );
  for (const [i, [locale, title]] of fixture.titles.entries()) {
    await dataSource.query(
      `INSERT INTO evidence_texts (item_id, locale, title, abstract, original, search)
       VALUES ($1, $2, $3::text, $4, $5, to_tsvector('simple', $3::text))`,
      [id, locale, title, `Resumen de la experiencia ${title}, con resultados medidos en escuelas rurales.`, i === 0],
    );
  }
  return id;
}
