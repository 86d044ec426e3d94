import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificatesDomain1795443012323 implements MigrationInterface {
  name = 'CertificatesDomain1795443012323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "certificate_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(300) NOT NULL, "total" integer NOT NULL, "created_by_id" uuid, CONSTRAINT "PK_9358f0ebfa17fe9e85bae1822d3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character(12) NOT NULL, "kind" character varying(32) NOT NULL, "recipient_user_id" uuid, "recipient_name" character varying(200) NOT NULL, "recipient_email" character varying(254) NOT NULL, "recipient_key" character varying(300) NOT NULL, "achievement_key" character varying(200) NOT NULL, "batch_id" uuid, "locale" character varying(5) NOT NULL, "title" character varying(300) NOT NULL, "hours" numeric(7,2), "start_date" date, "end_date" date, "issuer_name" character varying(200) NOT NULL, "co_issuers" jsonb NOT NULL DEFAULT '[]', "signatories" jsonb NOT NULL DEFAULT '[]', "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(16) NOT NULL DEFAULT 'issued', "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "replaced_by_id" uuid, "status_list_index" integer NOT NULL, "render_status" character varying(16) NOT NULL DEFAULT 'pending', "render_attempts" integer NOT NULL DEFAULT '0', "last_error" text, "rendered_at" TIMESTAMP WITH TIME ZONE, "pdf_key" character varying(300), "pdf_sha256" character(64), "credential" jsonb, CONSTRAINT "chk_certificates_revocation" CHECK (("status" = 'revoked') = ("revoked_at" IS NOT NULL)), CONSTRAINT "chk_certificates_email_lower_case" CHECK ("recipient_email" = lower("recipient_email")), CONSTRAINT "chk_certificates_locale" CHECK ("locale" IN ('es', 'en', 'pt', 'fr')), CONSTRAINT "chk_certificates_render_status" CHECK ("render_status" IN ('pending', 'rendered', 'failed')), CONSTRAINT "chk_certificates_status" CHECK ("status" IN ('issued', 'revoked')), CONSTRAINT "chk_certificates_kind" CHECK ("kind" IN ('COURSE_COMPLETION', 'PROGRAMME_COMPLETION', 'WORKSHOP_ATTENDANCE', 'PARTICIPATION')), CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_certificates_issued_at" ON "certificates"  ("issued_at") `);
    await queryRunner.query(`CREATE INDEX "idx_certificates_batch" ON "certificates"  ("batch_id", "render_status") `);
    await queryRunner.query(`CREATE INDEX "idx_certificates_recipient_email" ON "certificates"  ("recipient_email") `);
    await queryRunner.query(`CREATE INDEX "idx_certificates_recipient_user" ON "certificates"  ("recipient_user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificates_issued_recipient_achievement" ON "certificates"  ("recipient_key", "achievement_key") WHERE "status" = 'issued'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificates_status_list_index" ON "certificates"  ("status_list_index") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificates_code" ON "certificates"  ("code") `);
    await queryRunner.query(`CREATE TABLE "certificate_lookup_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ip" character varying(64) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_31991fddeb9ee2881f8ba41597f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_certificate_lookup_windows_window" ON "certificate_lookup_windows"  ("window_start") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_lookup_windows_ip_window" ON "certificate_lookup_windows"  ("ip", "window_start") `);
    await queryRunner.query(`ALTER TABLE "certificates" ADD CONSTRAINT "FK_b092e15d748861af2f0133558ce" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "certificates" ADD CONSTRAINT "FK_e22bbd3f0c47b543ce91e16ddde" FOREIGN KEY ("batch_id") REFERENCES "certificate_batches"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "FK_e22bbd3f0c47b543ce91e16ddde"`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "FK_b092e15d748861af2f0133558ce"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_lookup_windows_ip_window"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificate_lookup_windows_window"`);
    await queryRunner.query(`DROP TABLE "certificate_lookup_windows"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_status_list_index"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_issued_recipient_achievement"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificates_recipient_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificates_recipient_email"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificates_batch"`);
    await queryRunner.query(`DROP INDEX "public"."idx_certificates_issued_at"`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP TABLE "certificate_batches"`);
  }
}
