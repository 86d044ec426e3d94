import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceBank1796190740660 implements MigrationInterface {
  name = 'EvidenceBank1796190740660';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: the evidence bank's search needs unaccent and pg_trgm, and a text search
    // configuration without stemming that folds accents (indexed beside each language's stemmed one,
    // since unaccenting before stemming breaks Spanish and Portuguese stems).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION alliance_unaccent (COPY = simple)`);
    await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION alliance_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`);
    await queryRunner.query(`CREATE TABLE "evidence_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "type" character varying(20) NOT NULL, "language" character varying(2) NOT NULL, "visibility" character varying(10) NOT NULL, "year" integer NOT NULL, "licence" character varying(24) NOT NULL, "authors" jsonb NOT NULL DEFAULT '[]', "publisher" character varying(200), "external_url" character varying(2000), "doi" character varying(300), "submitter_id" uuid NOT NULL, "organisation_id" uuid, "download_count" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "reviewed_by_id" uuid, "last_review_note" text, CONSTRAINT "chk_evidence_items_downloads" CHECK ("download_count" >= 0), CONSTRAINT "chk_evidence_items_licence" CHECK ("licence" IN ('CC_BY_4_0', 'CC_BY_SA_4_0', 'CC_BY_NC_4_0', 'CC_BY_NC_SA_4_0', 'CC_BY_ND_4_0', 'CC_BY_NC_ND_4_0', 'CC0_1_0', 'ALL_RIGHTS_RESERVED')), CONSTRAINT "chk_evidence_items_visibility" CHECK ("visibility" IN ('PUBLIC', 'MEMBERS')), CONSTRAINT "chk_evidence_items_language" CHECK ("language" IN ('es', 'en', 'pt', 'fr')), CONSTRAINT "chk_evidence_items_type" CHECK ("type" IN ('CASE_STUDY', 'GOOD_PRACTICE', 'POLICY_DOCUMENT', 'RESEARCH', 'DATASET', 'TOOLKIT', 'VIDEO', 'OTHER')), CONSTRAINT "chk_evidence_items_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED')), CONSTRAINT "PK_5c67144bedcbdc385c0716d8e50" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_licence" ON "evidence_items"  ("licence") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_language" ON "evidence_items"  ("language") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_type" ON "evidence_items"  ("type") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_year" ON "evidence_items"  ("year") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_submitter" ON "evidence_items"  ("submitter_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_listing" ON "evidence_items"  ("status", "visibility", "published_at") `);
    await queryRunner.query(`CREATE TABLE "evidence_texts" ("item_id" uuid NOT NULL, "locale" character varying(2) NOT NULL, "title" character varying(300) NOT NULL, "abstract" character varying(5000) NOT NULL, "original" boolean NOT NULL DEFAULT false, "search" tsvector NOT NULL, "plain" text NOT NULL, CONSTRAINT "PK_9ecb9931d24ad7bad22545e3ed7" PRIMARY KEY ("item_id", "locale"))`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_texts_item" ON "evidence_texts"  ("item_id") `);
    // Hand-written (declared with synchronize: false on the entity): full-text and trigram indexes.
    await queryRunner.query(`CREATE INDEX "idx_evidence_texts_search" ON "evidence_texts" USING GIN ("search")`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_texts_plain" ON "evidence_texts" USING GIN ("plain" gin_trgm_ops)`);
    await queryRunner.query(`CREATE TABLE "evidence_item_countries" ("item_id" uuid NOT NULL, "country_code" character varying(2) NOT NULL, CONSTRAINT "PK_65f4a30ab58d63607d8a1fe25ab" PRIMARY KEY ("item_id", "country_code"))`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_item_countries_country" ON "evidence_item_countries"  ("country_code") `);
    await queryRunner.query(`CREATE TABLE "evidence_item_focus_areas" ("item_id" uuid NOT NULL, "focus_area_id" uuid NOT NULL, CONSTRAINT "PK_b56a49d3f3a5b06e82b5540d719" PRIMARY KEY ("item_id", "focus_area_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_item_focus_areas_area" ON "evidence_item_focus_areas"  ("focus_area_id") `);
    await queryRunner.query(`CREATE TABLE "evidence_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "item_id" uuid NOT NULL, "version" integer NOT NULL, "filename" character varying(200) NOT NULL, "content_type" character varying(120) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(500) NOT NULL, "uploaded_by_id" uuid, "download_count" integer NOT NULL DEFAULT '0', CONSTRAINT "chk_evidence_files_downloads" CHECK ("download_count" >= 0), CONSTRAINT "chk_evidence_files_size" CHECK ("size" >= 0), CONSTRAINT "PK_f8d1a9a8e0430b749e2f4694460" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evidence_files_version" ON "evidence_files"  ("item_id", "version") `);
    await queryRunner.query(`CREATE TABLE "evidence_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "item_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(20) NOT NULL, "note" text, CONSTRAINT "chk_evidence_events_action" CHECK ("action" IN ('CREATED', 'EDITED', 'FILE_ADDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED')), CONSTRAINT "PK_8292ef0bc707397b1293647a4ec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_events_item" ON "evidence_events"  ("item_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "course_evidence_links" ("course_id" uuid NOT NULL, "evidence_item_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_8690e0eb8c092d3a787c9b731a4" PRIMARY KEY ("course_id", "evidence_item_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_course_evidence_links_item" ON "course_evidence_links"  ("evidence_item_id") `);
    await queryRunner.query(`ALTER TABLE "workshop_materials" ADD "evidence_item_id" uuid`);
    await queryRunner.query(`CREATE INDEX "idx_workshop_materials_evidence" ON "workshop_materials"  ("evidence_item_id") `);
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_fa51a80ffc44b324554a478231f" FOREIGN KEY ("submitter_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_c2ce51586ab29670f3a385c682b" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_0e3a1866ab4310ac464f426281f" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_texts" ADD CONSTRAINT "FK_5a02f0b33f71ccb954009d3d69e" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_item_countries" ADD CONSTRAINT "FK_a47e248d6c35e7120f184acde85" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_item_focus_areas" ADD CONSTRAINT "FK_c62a6650fa1913bcdd79cd7e809" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_item_focus_areas" ADD CONSTRAINT "FK_452157ff55a135e6acf2fb538b8" FOREIGN KEY ("focus_area_id") REFERENCES "alliance_focus_areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_7e89248b15a9b5a6c3e920d1e9a" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD CONSTRAINT "FK_f4c8c98612d8a539b9a648c6d2f" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_events" ADD CONSTRAINT "FK_68476bd64c1874c0cea0dc712a3" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_events" ADD CONSTRAINT "FK_b8a86702a629255a1acf55ada62" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_evidence_links" ADD CONSTRAINT "FK_6287dffd09f733de29bb886c156" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_evidence_links" ADD CONSTRAINT "FK_9b3ef6c9f92ad17a473f7cff196" FOREIGN KEY ("evidence_item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "workshop_materials" ADD CONSTRAINT "FK_e84a2c65e023056d37c504a52da" FOREIGN KEY ("evidence_item_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workshop_materials" DROP CONSTRAINT "FK_e84a2c65e023056d37c504a52da"`);
    await queryRunner.query(`ALTER TABLE "course_evidence_links" DROP CONSTRAINT "FK_9b3ef6c9f92ad17a473f7cff196"`);
    await queryRunner.query(`ALTER TABLE "course_evidence_links" DROP CONSTRAINT "FK_6287dffd09f733de29bb886c156"`);
    await queryRunner.query(`ALTER TABLE "evidence_events" DROP CONSTRAINT "FK_b8a86702a629255a1acf55ada62"`);
    await queryRunner.query(`ALTER TABLE "evidence_events" DROP CONSTRAINT "FK_68476bd64c1874c0cea0dc712a3"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_f4c8c98612d8a539b9a648c6d2f"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP CONSTRAINT "FK_7e89248b15a9b5a6c3e920d1e9a"`);
    await queryRunner.query(`ALTER TABLE "evidence_item_focus_areas" DROP CONSTRAINT "FK_452157ff55a135e6acf2fb538b8"`);
    await queryRunner.query(`ALTER TABLE "evidence_item_focus_areas" DROP CONSTRAINT "FK_c62a6650fa1913bcdd79cd7e809"`);
    await queryRunner.query(`ALTER TABLE "evidence_item_countries" DROP CONSTRAINT "FK_a47e248d6c35e7120f184acde85"`);
    await queryRunner.query(`ALTER TABLE "evidence_texts" DROP CONSTRAINT "FK_5a02f0b33f71ccb954009d3d69e"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_0e3a1866ab4310ac464f426281f"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_c2ce51586ab29670f3a385c682b"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_fa51a80ffc44b324554a478231f"`);
    await queryRunner.query(`DROP INDEX "public"."idx_workshop_materials_evidence"`);
    await queryRunner.query(`ALTER TABLE "workshop_materials" DROP COLUMN "evidence_item_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_course_evidence_links_item"`);
    await queryRunner.query(`DROP TABLE "course_evidence_links"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_events_item"`);
    await queryRunner.query(`DROP TABLE "evidence_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_evidence_files_version"`);
    await queryRunner.query(`DROP TABLE "evidence_files"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_item_focus_areas_area"`);
    await queryRunner.query(`DROP TABLE "evidence_item_focus_areas"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_item_countries_country"`);
    await queryRunner.query(`DROP TABLE "evidence_item_countries"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_texts_plain"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_texts_search"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_texts_item"`);
    await queryRunner.query(`DROP TABLE "evidence_texts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_listing"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_submitter"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_year"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_language"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_licence"`);
    await queryRunner.query(`DROP TABLE "evidence_items"`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS alliance_unaccent`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
