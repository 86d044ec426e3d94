import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account deletion keeps the users row (so enrolments, registrations, certificates and figures keep
 * pointing at something) and only blanks its personal fields; deleted_at says it happened and when.
 */
export class AccountDeletion1796300002000 implements MigrationInterface {
  name = 'AccountDeletion1796300002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deleted_at"`);
  }
}
