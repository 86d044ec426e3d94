import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { ALL_ROLES, DEFAULT_LOCALE, emailSchema, passwordSchema, Role, signUpSchema, updateProfileSchema, type Locale } from '@alliance/shared-core';
import { User, UserRole } from './entities';
import { PasswordService } from './password.service';
import { isUniqueViolation } from './db-errors';
import { AuditService } from './audit/audit.service';
import type { AuditAction } from './audit/audit-actions';

export interface CreateUserInput {
  name: string;
  email: string;
  password: string;
  countryCode: string;
  preferredLocale?: Locale;
  /** Seeded and bootstrap accounts skip the e-mail confirmation. */
  verified?: boolean;
  roles?: Role[];
}

export interface UserListArgs extends PageArgs {
  search?: string | null;
  role?: Role | null;
}

// Serialises revocations of ADMIN so two admins removing each other cannot leave nobody in charge.
export const ADMIN_ROLE_LOCK = 727_002;

// Accented letters of the region's languages folded to ASCII before lower(): needs no extension
// (PGlite has no unaccent) and works whatever the database's ctype.
/** Any uuid in its canonical text form (what PostgreSQL's uuid type accepts from the API's ids). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCENTED = 'ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ';
const PLAIN = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  findById(id: string): Promise<User | null> {
    // Not a uuid: no such user (PostgreSQL would refuse the value with an internal error).
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
  }

  countUsers(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  /** Roles of many users in one query, in the order of the ids (for the per-request DataLoader). */
  async rolesByUserIds(userIds: readonly string[]): Promise<Role[][]> {
    const rows = await this.dataSource.getRepository(UserRole).find({ where: { userId: In([...userIds]) }, order: { role: 'ASC' } });
    const byUser = new Map<string, Role[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.role]);
    return userIds.map((id) => byUser.get(id) ?? []);
  }

  /** For the demo seed and bootstrap: an account with a password, optionally verified and with roles. */
  async createUser(input: CreateUserInput): Promise<User> {
    const values = parseInput(signUpSchema, { ...input, preferredLocale: input.preferredLocale ?? DEFAULT_LOCALE });
    const roles = parseInput(z.array(z.enum(Role, { error: 'validation:roleInvalid' })), input.roles ?? []);
    const passwordHash = await this.passwords.hash(values.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(User, {
            email: values.email,
            name: values.name,
            passwordHash,
            countryCode: values.countryCode,
            preferredLocale: values.preferredLocale,
            emailVerifiedAt: input.verified ? new Date() : null,
          }),
        );
        for (const role of new Set(roles)) {
          await manager.insert(UserRole, { userId: user.id, role, grantedById: null });
        }
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw AppError.conflict('errors:emailTaken');
      throw error;
    }
  }

  /**
   * Makes sure ADMIN_EMAIL is an administrator: creates the account (verified) if missing, else only
   * adds the role. An existing password is left alone, so a password changed in the portal survives
   * restarts.
   */
  async ensureAdmin(email: string, password: string): Promise<User> {
    const normalised = parseInput(emailSchema, email);
    parseInput(passwordSchema, password);
    let user = await this.findByEmail(normalised);
    if (!user) {
      try {
        // Placeholder profile (name from the address, the secretariat's host country); editable later.
        const name = normalised.split('@')[0].slice(0, 120).padEnd(2, '_');
        return await this.createUser({ name, email: normalised, password, countryCode: 'PA', verified: true, roles: [Role.Admin] });
      } catch (error) {
        // Another process created it at the same moment: fall through and just ensure the role.
        if (!(error instanceof AppError)) throw error;
        user = await this.findByEmail(normalised);
        if (!user) throw error;
      }
    }
    await this.dataSource.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT (user_id, role) DO NOTHING`, [user.id, Role.Admin]);
    if (!user.emailVerifiedAt) {
      await this.dataSource.query(`UPDATE users SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email_verified_at IS NULL`, [user.id]);
    }
    return (await this.findById(user.id))!;
  }

  async updateProfile(userId: string, input: unknown): Promise<User> {
    const values = parseInput(updateProfileSchema, input);
    const result = await this.dataSource.getRepository(User).update({ id: userId }, values);
    if (!result.affected) throw AppError.notFound();
    return (await this.findById(userId))!;
  }

  /** Admin list: newest first, searchable by name or e-mail (case- and accent-insensitive), filterable by role. */
  list(args: UserListArgs): Promise<ConnectionShape<User>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    const search = args.search?.trim();
    if (search) {
      qb.andWhere(`(lower(translate(u.name, :accented, :plain)) ILIKE :pattern OR u.email ILIKE :pattern)`, {
        accented: ACCENTED,
        plain: PLAIN,
        pattern: `%${escapeLike(fold(search))}%`,
      });
    }
    if (args.role) {
      if (!ALL_ROLES.includes(args.role)) throw AppError.badInput([{ field: 'role', key: 'validation:roleInvalid' }]);
      qb.andWhere(`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = :role)`, { role: args.role });
    }
    // Truncated to milliseconds so the cursor (a JS Date) compares exactly with the sort key.
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', u.created_at)`,
      direction: 'DESC',
      valueOf: (user) => user.createdAt.toISOString(),
      idColumn: 'u.id',
      idOf: (user) => user.id,
    });
  }

  async grantRole(grantedById: string, userId: string, role: Role): Promise<User> {
    this.assertRole(role);
    const user = await this.findById(userId);
    if (!user) throw AppError.notFound();
    await this.dataSource.transaction(async (manager) => {
      // Granting twice keeps the first grant (and who made it), and logs nothing the second time.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO user_roles (user_id, role, granted_by_id) VALUES ($1, $2, $3) ON CONFLICT (user_id, role) DO NOTHING RETURNING id`,
        [userId, role, grantedById],
      );
      if (inserted.length) await this.recordRoleChange(manager, grantedById, 'user.role.grant', user, role, true);
    });
    return user;
  }

  async revokeRole(userId: string, role: Role, revokedById: string | null = null): Promise<User> {
    this.assertRole(role);
    const user = await this.findById(userId);
    if (!user) throw AppError.notFound();
    await this.dataSource.transaction(async (manager) => {
      if (role === Role.Admin) {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_ROLE_LOCK]);
        const [{ admins, holds }]: Array<{ admins: number; holds: boolean }> = await manager.query(
          `SELECT count(*)::int AS admins, bool_or(user_id = $1) AS holds FROM user_roles WHERE role = $2`,
          [userId, Role.Admin],
        );
        if (holds && admins <= 1) throw AppError.conflict('errors:lastAdmin');
      }
      const result = await manager.delete(UserRole, { userId, role });
      if (result.affected) await this.recordRoleChange(manager, revokedById, 'user.role.revoke', user, role, false);
    });
    return user;
  }

  private async recordRoleChange(manager: EntityManager, actorId: string | null, action: AuditAction, user: User, role: Role, held: boolean): Promise<void> {
    await this.audit.record(manager, {
      actorId,
      action,
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.name,
      params: { role },
      before: { [`role.${role}`]: !held },
      after: { [`role.${role}`]: held },
    });
  }

  private assertRole(role: Role): void {
    if (!ALL_ROLES.includes(role)) throw AppError.badInput([{ field: 'role', key: 'validation:roleInvalid' }]);
  }
}
