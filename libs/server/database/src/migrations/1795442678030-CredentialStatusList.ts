import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialStatusList1795442678030 implements MigrationInterface {
  name = 'CredentialStatusList1795442678030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "credential_status_list" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "list_number" integer NOT NULL, "capacity" integer NOT NULL DEFAULT '131072', "bits" bytea NOT NULL, "version" integer NOT NULL DEFAULT '0', "signed_credential" jsonb, "signed_version" integer, CONSTRAINT "chk_credential_status_list_size" CHECK (octet_length(bits) * 8 = capacity), CONSTRAINT "PK_ee480da4963859af3899c8f8fd6" PRIMARY KEY ("id"))`);
    // Status list indexes come from this sequence: unique across processes without locks.
    await queryRunner.query(`CREATE SEQUENCE "credential_status_index_seq" AS bigint MINVALUE 0 START WITH 0`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_credential_status_list_number" ON "credential_status_list"  ("list_number") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "credential_status_index_seq"`);
    await queryRunner.query(`DROP INDEX "public"."uq_credential_status_list_number"`);
    await queryRunner.query(`DROP TABLE "credential_status_list"`);
  }
}
