import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAccounts1795440704124 implements MigrationInterface {
  name = 'IdentityAccounts1795440704124';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "password_hash" text NOT NULL, "country_code" character(2) NOT NULL, "preferred_locale" character varying(5) NOT NULL DEFAULT 'es', "email_verified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "users_preferred_locale_valid" CHECK ("preferred_locale" IN ('es', 'en', 'pt', 'fr')), CONSTRAINT "users_email_lower_case" CHECK ("email" = lower("email")), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_unique" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TABLE "user_roles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "granted_by_id" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_roles_role_valid" CHECK ("role" IN ('ADMIN', 'ORGANISER', 'MODERATOR')), CONSTRAINT "PK_8acd5cf26ebd158416f477de799" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "user_roles_role" ON "user_roles"  ("role") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_roles_user_role_unique" ON "user_roles"  ("user_id", "role") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(512), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "sessions_user_id" ON "sessions"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "email_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "purpose" character varying(10) NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "email_tokens_purpose_valid" CHECK ("purpose" IN ('verify', 'reset')), CONSTRAINT "PK_08abb3fa348e894c274a6730d35" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "email_tokens_token_hash_unique" ON "email_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "email_tokens_user_purpose" ON "email_tokens"  ("user_id", "purpose") `);
    await queryRunner.query(`CREATE TABLE "login_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "ip" character varying(64) NOT NULL, "succeeded" boolean NOT NULL, CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "login_attempts_ip_created" ON "login_attempts"  ("ip", "created_at") `);
    await queryRunner.query(`CREATE INDEX "login_attempts_email_created" ON "login_attempts"  ("email", "created_at") `);
    await queryRunner.query(`ALTER TABLE "user_roles" ADD CONSTRAINT "FK_87b8888186ca9769c960e926870" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_roles" ADD CONSTRAINT "FK_ea5c1d658484d2e1e041d7f4ac1" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "email_tokens" ADD CONSTRAINT "FK_018295f41628791c301bfe8b625" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_tokens" DROP CONSTRAINT "FK_018295f41628791c301bfe8b625"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "FK_ea5c1d658484d2e1e041d7f4ac1"`);
    await queryRunner.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "FK_87b8888186ca9769c960e926870"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_email_created"`);
    await queryRunner.query(`DROP INDEX "public"."login_attempts_ip_created"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."email_tokens_user_purpose"`);
    await queryRunner.query(`DROP INDEX "public"."email_tokens_token_hash_unique"`);
    await queryRunner.query(`DROP TABLE "email_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_token_hash_unique"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."user_roles_user_role_unique"`);
    await queryRunner.query(`DROP INDEX "public"."user_roles_role"`);
    await queryRunner.query(`DROP TABLE "user_roles"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_unique"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
