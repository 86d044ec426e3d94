import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppError, parseInput, type SessionUser } from '@alliance/server-graphql';
import { Role } from '@alliance/shared-core';
import { PasswordService } from './password.service';
import { PersonalDataRegistry, type AnonymiseContext } from './personal-data.registry';
import { IdentityPersonalData } from './personal-data';
import { ADMIN_ROLE_LOCK } from './users.service';

/** Shown wherever the person's name appeared (forum posts, lists, events). Not translated: it is stored data. */
export const DELETED_ACCOUNT_NAME = 'Deleted account';

/** `.invalid` is reserved (RFC 2606): the address can never receive mail, and the user id keeps it unique. */
export function deletedAccountEmail(userId: string): string {
  return `deleted-${userId.toLowerCase()}@deleted.invalid`;
}

export const PERSONAL_DATA_FORMAT = 'alliance-personal-data/1';

const deleteInput = z.object({ password: z.string().min(1, { error: 'validation:required' }) });

/**
 * A person's data export and account deletion. Identity's own share is handled here directly (it
 * must be exported first and anonymised last); every later domain contributes through the registry.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly registry: PersonalDataRegistry,
    private readonly identity: IdentityPersonalData,
  ) {}

  /** Everything the portal holds about the person, read from one consistent snapshot. */
  async export(userId: string): Promise<Record<string, unknown>> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const account = await this.identity.export(userId, manager);
      const sections = await this.registry.exportAll(userId, manager);
      return { format: PERSONAL_DATA_FORMAT, exportedAt: new Date().toISOString(), userId, sections: { account, ...sections } };
    });
  }

  /**
   * Deletes the signed-in person's account after checking their password, in one transaction:
   * every domain blanks its personal fields (rows stay, so counts and reports do not change), then
   * the users row is anonymised, roles removed and every session revoked. The last administrator
   * cannot leave the portal without one.
   */
  async deleteAccount(current: SessionUser, input: unknown): Promise<true> {
    const { password } = parseInput(deleteInput, input);
    const [user] = (await this.dataSource.query(`SELECT id, email, password_hash, deleted_at FROM users WHERE id = $1`, [current.id])) as Array<{
      id: string;
      email: string;
      password_hash: string;
      deleted_at: Date | null;
    }>;
    if (!user || user.deleted_at) throw AppError.unauthenticated();
    if (!(await this.passwords.verify(user.password_hash, password))) {
      throw AppError.badInput([{ field: 'password', key: 'errors:wrongCurrentPassword' }], 'errors:wrongCurrentPassword');
    }
    await this.dataSource.transaction(async (manager) => {
      // The same lock as revoking ADMIN, so two administrators leaving at once cannot leave nobody in charge.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_ROLE_LOCK]);
      const [row] = (await manager.query(`SELECT email, deleted_at FROM users WHERE id = $1 FOR UPDATE`, [user.id])) as Array<{ email: string; deleted_at: Date | null }>;
      if (!row || row.deleted_at) throw AppError.unauthenticated();
      const [{ admins, holds }] = (await manager.query(
        `SELECT count(*)::int AS admins, coalesce(bool_or(user_id = $1), false) AS holds FROM user_roles WHERE role = $2`,
        [user.id, Role.Admin],
      )) as Array<{ admins: number; holds: boolean }>;
      if (holds && admins <= 1) throw AppError.conflict('errors:lastAdminDeletion');
      const context: AnonymiseContext = { placeholderName: DELETED_ACCOUNT_NAME, placeholderEmail: deletedAccountEmail(user.id), previousEmail: row.email };
      await this.registry.anonymiseAll(user.id, manager, context);
      await this.identity.anonymise(user.id, manager, context);
    });
    return true;
  }
}
