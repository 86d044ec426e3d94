import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log of administrative and moderation actions (identity's AuditEntry), append-only. */
export class AuditLog1796300001000 implements MigrationInterface {
  name = 'AuditLog1796300001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" character varying(120), "action" character varying(60) NOT NULL, "target_type" character varying(40) NOT NULL, "target_id" character varying(100), "target_label" character varying(300), "params" jsonb NOT NULL DEFAULT '{}', "before" jsonb, "after" jsonb, "ip" character varying(64), "request_id" character varying(100), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_target" ON "audit_log"  ("target_type", "target_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_action" ON "audit_log"  ("action", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_actor" ON "audit_log"  ("actor_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_created" ON "audit_log"  ("created_at", "id") `);
    // Append-only in the database too, so no code path (nor a mistaken script through the app's
    // role) can rewrite history. The one allowed update changes nothing but the two name snapshots
    // (actor_name, target_label), so erasing a person's account can also blank their name here
    // while the facts stay. TRUNCATE is left to whoever owns the database (test resets).
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.id, NEW.created_at, NEW.actor_id, NEW.action, NEW.target_type, NEW.target_id, NEW.params, NEW.before, NEW.after, NEW.ip, NEW.request_id)
         IS NOT DISTINCT FROM (OLD.id, OLD.created_at, OLD.actor_id, OLD.action, OLD.target_type, OLD.target_id, OLD.params, OLD.before, OLD.after, OLD.ip, OLD.request_id)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_action"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_target"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
