import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsCentre1795442918705 implements MigrationInterface {
  name = 'NotificationsCentre1795442918705';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "type" character varying(64) NOT NULL, "data" jsonb NOT NULL, "link" character varying(500), "read_at" TIMESTAMP WITH TIME ZONE, "dedupe_key" character varying(200), "batch_id" uuid, "in_app" boolean NOT NULL DEFAULT true, "email_frequency" character varying(16) NOT NULL DEFAULT 'off', "email_queued_at" TIMESTAMP WITH TIME ZONE, "email_key" character varying(200), CONSTRAINT "chk_notification_email_frequency" CHECK (email_frequency IN ('immediately', 'daily', 'weekly', 'off')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notification_digest_pending" ON "notification"  ("email_frequency", "user_id") WHERE email_queued_at IS NULL AND email_frequency IN ('daily', 'weekly')`);
    await queryRunner.query(`CREATE INDEX "idx_notification_email_key" ON "notification"  ("email_key") WHERE email_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_notification_list" ON "notification"  ("user_id", "created_at", "id") WHERE in_app`);
    await queryRunner.query(`CREATE INDEX "idx_notification_unread" ON "notification"  ("user_id") WHERE read_at IS NULL AND in_app`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_batch_user" ON "notification"  ("batch_id", "user_id") WHERE batch_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_dedupe" ON "notification"  ("user_id", "type", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "notification_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(64) NOT NULL, "data" jsonb NOT NULL, "link" character varying(500), "recipients" uuid array NOT NULL, "dedupe_key" character varying(200), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4870319abc105d68aa2dd07d844" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "notification_preference" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "type" character varying(64) NOT NULL, "in_app" boolean NOT NULL, "email" character varying(16) NOT NULL, CONSTRAINT "chk_notification_preference_email" CHECK (email IN ('immediately', 'daily', 'weekly', 'off')), CONSTRAINT "PK_ba8d816b10f3dcfcd2e71ce5776" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_preference_user_type" ON "notification_preference"  ("user_id", "type") `);
    await queryRunner.query(`CREATE TABLE "reminder" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key" character varying(200) NOT NULL, "run_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_ids" uuid array NOT NULL, "type" character varying(64) NOT NULL, "data" jsonb NOT NULL, "link" character varying(500), "outbox_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9ec029d17cb8dece186b9221ede" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reminder_key" ON "reminder"  ("key") `);
    await queryRunner.query(`CREATE TABLE "signing_secret" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "secret" text NOT NULL, CONSTRAINT "PK_0045145ddac14a538cbe368432c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_signing_secret_name" ON "signing_secret"  ("name") `);
    await queryRunner.query(`ALTER TABLE "outgoing_email" ADD "dedupe_key" character varying(200)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outgoing_email_dedupe_key" ON "outgoing_email"  ("dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outgoing_email_dedupe_key"`);
    await queryRunner.query(`ALTER TABLE "outgoing_email" DROP COLUMN "dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."uq_signing_secret_name"`);
    await queryRunner.query(`DROP TABLE "signing_secret"`);
    await queryRunner.query(`DROP INDEX "public"."uq_reminder_key"`);
    await queryRunner.query(`DROP TABLE "reminder"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_preference_user_type"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "notification_batch"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_dedupe"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_batch_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_unread"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_list"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_digest_pending"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
