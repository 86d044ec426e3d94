import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOutboxAndOutgoingEmail1795440722562 implements MigrationInterface {
  name = 'AddOutboxAndOutgoingEmail1795440722562';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "queue" character varying(64) NOT NULL, "job_name" character varying(128) NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_message_open" ON "outbox_message"  ("relayed_at") WHERE relayed_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_message_unrelayed" ON "outbox_message"  ("created_at") WHERE relayed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "outgoing_email" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "to_address" character varying(320) NOT NULL, "to_name" character varying(200) NOT NULL, "locale" character varying(8) NOT NULL, "template" character varying(64) NOT NULL, "params" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "sent_at" TIMESTAMP WITH TIME ZONE, "message_id" character varying(300), "last_error" text, CONSTRAINT "chk_outgoing_email_status" CHECK (status IN ('queued', 'sent', 'failed')), CONSTRAINT "PK_cfdf142b838062345830395e90f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_outgoing_email_status" ON "outgoing_email"  ("status", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outgoing_email_status"`);
    await queryRunner.query(`DROP TABLE "outgoing_email"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_message_unrelayed"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_message_open"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
  }
}
