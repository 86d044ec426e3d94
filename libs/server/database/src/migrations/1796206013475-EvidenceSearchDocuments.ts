import type { MigrationInterface, QueryRunner } from 'typeorm';

// Tables whose rows feed an item's search document, with the column holding the item id.
const SOURCES: Array<[table: string, itemColumn: string]> = [
  ['evidence_items', 'id'],
  ['evidence_texts', 'item_id'],
  ['evidence_item_countries', 'item_id'],
  ['evidence_item_focus_areas', 'item_id'],
];
const EVENTS = ['INSERT', 'UPDATE', 'DELETE'] as const;

export class EvidenceSearchDocuments1796206013475 implements MigrationInterface {
  name = 'EvidenceSearchDocuments1796206013475';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written. Searching evidence_texts meant reading every matching text and joining four
    // tables per search: about a second for a common word at 100,000 items. This table holds one
    // row per published item with everything a search matches, filters and counts by (all its
    // texts' vectors in one tsvector), kept current by triggers so no write path can forget it.
    // Long rows (several translations) keep only their small columns in line (toast_tuple_target),
    // so the rows a count reads stay few pages.
    await queryRunner.query(`CREATE TABLE "evidence_search_documents" (
      "item_id" uuid NOT NULL PRIMARY KEY REFERENCES "evidence_items"("id") ON DELETE CASCADE,
      "members_only" boolean NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "type" character varying(20) NOT NULL,
      "language" character varying(2) NOT NULL,
      "year" integer NOT NULL,
      "licence" character varying(24) NOT NULL,
      "country_codes" character varying(2)[] NOT NULL,
      "focus_area_ids" uuid[] NOT NULL,
      "locales" character varying(2)[] NOT NULL,
      "document" tsvector NOT NULL
    ) WITH (toast_tuple_target = 128)`);
    // Small columns stay in the row when it is toasted; only the document goes out of line.
    for (const column of ['country_codes', 'focus_area_ids', 'locales']) {
      await queryRunner.query(`ALTER TABLE "evidence_search_documents" ALTER COLUMN "${column}" SET STORAGE MAIN`);
    }
    await queryRunner.query(`CREATE INDEX "idx_evidence_search_documents_document" ON "evidence_search_documents" USING GIN ("document")`);
    // The words of published texts (unaccented, lower case): a misspelt query word is replaced by
    // the known words most like it (trigram similarity over short words is cheap; over whole
    // titles it cost 200 ms at 100,000 items). Words are only ever added.
    await queryRunner.query(`CREATE TABLE "evidence_search_words" ("word" text NOT NULL PRIMARY KEY)`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_search_words_trigrams" ON "evidence_search_words" USING GIN ("word" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_search_documents_newest" ON "evidence_search_documents" ("published_at" DESC, "item_id" DESC)`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_search_documents_year" ON "evidence_search_documents" ("year" DESC, "published_at" DESC, "item_id" DESC)`);

    // Bumped in the same transaction as any change to the documents: search results cached under
    // one generation can never outlive the data they were computed from, in any API process.
    await queryRunner.query(`CREATE TABLE "evidence_search_state" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "generation" bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO "evidence_search_state" ("generation") VALUES (1)`);
    await queryRunner.query(`CREATE AGGREGATE evidence_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`);
    // Rebuilds the documents of the given items: published ones are (re)written, others removed.
    await queryRunner.query(`CREATE FUNCTION evidence_refresh_search_documents(targets uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        removed bigint;
        written bigint;
      BEGIN
        DELETE FROM evidence_search_documents d
        WHERE d.item_id = ANY(targets)
          AND NOT EXISTS (SELECT 1 FROM evidence_items i WHERE i.id = d.item_id AND i.status = 'PUBLISHED');
        GET DIAGNOSTICS removed = ROW_COUNT;
        INSERT INTO evidence_search_documents AS d
          (item_id, members_only, published_at, type, language, year, licence, country_codes, focus_area_ids, locales, document)
        SELECT i.id, i.visibility <> 'PUBLIC', coalesce(i.published_at, i.updated_at), i.type, i.language, i.year, i.licence,
               coalesce((SELECT array_agg(c.country_code ORDER BY c.country_code) FROM evidence_item_countries c WHERE c.item_id = i.id), '{}'),
               coalesce((SELECT array_agg(f.focus_area_id ORDER BY f.focus_area_id) FROM evidence_item_focus_areas f WHERE f.item_id = i.id), '{}'),
               coalesce((SELECT array_agg(t.locale ORDER BY t.locale) FROM evidence_texts t WHERE t.item_id = i.id), '{}'),
               coalesce((SELECT evidence_tsvector_agg(t.search ORDER BY t.original DESC, t.locale) FROM evidence_texts t WHERE t.item_id = i.id), '')
        FROM evidence_items i
        WHERE i.id = ANY(targets) AND i.status = 'PUBLISHED'
        ON CONFLICT (item_id) DO UPDATE SET
          members_only = EXCLUDED.members_only, published_at = EXCLUDED.published_at, type = EXCLUDED.type,
          language = EXCLUDED.language, year = EXCLUDED.year, licence = EXCLUDED.licence,
          country_codes = EXCLUDED.country_codes, focus_area_ids = EXCLUDED.focus_area_ids, locales = EXCLUDED.locales,
          document = EXCLUDED.document;
        GET DIAGNOSTICS written = ROW_COUNT;
        INSERT INTO evidence_search_words (word)
        SELECT DISTINCT w.word
        FROM evidence_texts t JOIN evidence_items i ON i.id = t.item_id AND i.status = 'PUBLISHED',
             unnest(tsvector_to_array(to_tsvector('alliance_unaccent', t.title || ' ' || t.abstract))) AS w(word)
        WHERE t.item_id = ANY(targets) AND length(w.word) BETWEEN 3 AND 40
        ON CONFLICT DO NOTHING;
        IF removed + written > 0 THEN
          UPDATE evidence_search_state SET generation = generation + 1;
        END IF;
      END $$`);
    // Statement-level triggers with transition tables: a bulk insert refreshes each item once.
    for (const [table, itemColumn] of SOURCES) {
      for (const event of EVENTS) {
        const fn = `evidence_search_${table}_${event.toLowerCase()}`;
        if (table === 'evidence_items' && event === 'UPDATE') {
          // Per row, and only when a searched column changes (a download count does not).
          const searched = ['status', 'visibility', 'published_at', 'type', 'language', 'year', 'licence'];
          await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM evidence_refresh_search_documents(ARRAY[NEW.id]);
              RETURN NULL;
            END $$`);
          await queryRunner.query(`CREATE TRIGGER ${fn} AFTER UPDATE ON "${table}" FOR EACH ROW
            WHEN (${searched.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')}) EXECUTE FUNCTION ${fn}()`);
          continue;
        }
        const rows = event === 'DELETE' ? 'old_rows' : 'new_rows';
        await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM evidence_refresh_search_documents(ARRAY(SELECT DISTINCT ${itemColumn} FROM ${rows}));
            RETURN NULL;
          END $$`);
        const referencing = event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows';
        await queryRunner.query(`CREATE TRIGGER ${fn} AFTER ${event} ON "${table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
    }
    // Superseded by the documents' own index and the published words (typo correction).
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_texts_search"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_texts_plain"`);
    await queryRunner.query(`ALTER TABLE "evidence_texts" DROP COLUMN "plain"`);
    await queryRunner.query(`SELECT evidence_refresh_search_documents(ARRAY(SELECT id FROM evidence_items WHERE status = 'PUBLISHED'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_texts" ADD "plain" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`UPDATE "evidence_texts" SET "plain" = lower(unaccent("title"))`);
    await queryRunner.query(`ALTER TABLE "evidence_texts" ALTER COLUMN "plain" DROP DEFAULT`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_texts_plain" ON "evidence_texts" USING GIN ("plain" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_texts_search" ON "evidence_texts" USING GIN ("search")`);
    for (const [table] of SOURCES) {
      for (const event of EVENTS) {
        const fn = `evidence_search_${table}_${event.toLowerCase()}`;
        await queryRunner.query(`DROP TRIGGER ${fn} ON "${table}"`);
        await queryRunner.query(`DROP FUNCTION ${fn}()`);
      }
    }
    await queryRunner.query(`DROP FUNCTION evidence_refresh_search_documents(uuid[])`);
    await queryRunner.query(`DROP AGGREGATE evidence_tsvector_agg(tsvector)`);
    await queryRunner.query(`DROP TABLE "evidence_search_documents"`);
    await queryRunner.query(`DROP TABLE "evidence_search_state"`);
    await queryRunner.query(`DROP TABLE "evidence_search_words"`);
  }
}
