import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { ErrorCode, Role } from '@alliance/shared-core';
import { UsersService } from './users.service';
import { PasswordService } from './password.service';
import { UserRole } from './entities';
import { createIdentityTestApp, unique } from './testing/identity-test-app';

// The last-administrator rule counts every administrator of the test database, so this project's
// spec files run one after another (maxWorkers: 1 in jest.config.cjs).
describe('UsersService', () => {
  let app: INestApplicationContext;
  let users: UsersService;
  let db: DataSource;

  beforeAll(async () => {
    app = await createIdentityTestApp();
    users = app.get(UsersService);
    db = app.get(DataSource);
  });
  afterAll(() => app.close());

  const person = (name = 'Lucía Fernández', roles: Role[] = []) =>
    users.createUser({ name, email: unique(), password: 'Long-enough-password', countryCode: 'UY', preferredLocale: 'es', verified: true, roles });

  it('creates seed accounts verified, with roles and a real password', async () => {
    const user = await person('Diego Hernández', [Role.Organiser]);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await users.rolesByUserIds([user.id])).toEqual([[Role.Organiser]]);
    expect(await app.get(PasswordService).verify(user.passwordHash, 'Long-enough-password')).toBe(true);
    await expect(users.createUser({ name: 'x', email: 'bad', password: '1', countryCode: 'ZZ' })).rejects.toMatchObject({
      extensions: { code: ErrorCode.BadUserInput },
    });
  });

  it('ensureAdmin creates the administrator once and keeps a password changed later', async () => {
    const email = unique('Admin');
    const first = await users.ensureAdmin(email, 'First-admin-password');
    expect(first.email).toBe(email.toLowerCase());
    expect(first.emailVerifiedAt).toBeInstanceOf(Date);
    await db.query(`UPDATE users SET password_hash = 'changed' WHERE id = $1`, [first.id]);
    const again = await users.ensureAdmin(email.toLowerCase(), 'First-admin-password');
    expect(again.id).toBe(first.id);
    expect(again.passwordHash).toBe('changed');
    expect(await users.rolesByUserIds([first.id])).toEqual([[Role.Admin]]);
    // An existing participant becomes an administrator.
    const participant = await person();
    await users.ensureAdmin(participant.email, 'Whatever-password-1');
    expect(await users.rolesByUserIds([participant.id])).toEqual([[Role.Admin]]);
  });

  it('grants a role once, remembering who granted it, and revokes it', async () => {
    const admin = await person('Valentina Rojas', [Role.Admin]);
    const target = await person();
    await users.grantRole(admin.id, target.id, Role.Moderator);
    await users.grantRole(admin.id, target.id, Role.Moderator);
    const rows = await db.getRepository(UserRole).findBy({ userId: target.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: Role.Moderator, grantedById: admin.id });
    expect(rows[0].grantedAt).toBeInstanceOf(Date);
    await users.revokeRole(target.id, Role.Moderator);
    expect(await users.rolesByUserIds([target.id, admin.id])).toEqual([[], [Role.Admin]]);
    await expect(users.grantRole(admin.id, '00000000-0000-4000-8000-000000000000', Role.Moderator)).rejects.toMatchObject({
      extensions: { code: ErrorCode.NotFound },
    });
    await expect(users.grantRole(admin.id, target.id, 'OWNER' as Role)).rejects.toMatchObject({ extensions: { code: ErrorCode.BadUserInput } });
  });

  it('never removes the last administrator, even when every administrator is revoked at once', async () => {
    await person('Admin Uno', [Role.Admin]);
    await person('Admin Dos', [Role.Admin]);
    await person('Admin Tres', [Role.Admin]);
    const admins: Array<{ user_id: string }> = await db.query(`SELECT user_id FROM user_roles WHERE role = 'ADMIN'`);
    expect(admins.length).toBeGreaterThanOrEqual(3);
    const results = await Promise.allSettled(admins.map(({ user_id }) => users.revokeRole(user_id, Role.Admin)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(AppError);
      expect(reason).toMatchObject({ messageKey: 'errors:lastAdmin', extensions: { code: ErrorCode.Conflict } });
    }
    expect(refused).toHaveLength(1);
    const remaining: Array<{ user_id: string }> = await db.query(`SELECT user_id FROM user_roles WHERE role = 'ADMIN'`);
    expect(remaining).toHaveLength(1);
    // The survivor cannot lose the role either, but other roles of theirs come and go freely.
    const last = remaining[0].user_id;
    await expect(users.revokeRole(last, Role.Admin)).rejects.toMatchObject({ messageKey: 'errors:lastAdmin' });
    await users.grantRole(last, last, Role.Organiser);
    await users.revokeRole(last, Role.Organiser);
  });

  it('lists people newest first in pages, searching name and e-mail without regard to case or accents', async () => {
    const marker = `Ñandú${Math.random().toString(36).slice(2, 8)}`;
    const a = await person(`José ${marker} Álvarez`);
    const b = await person(`María ${marker} Peña`, [Role.Organiser]);
    const c = await person(`Zoë ${marker} Müller`);
    const search = marker.toUpperCase().replace('Ñ', 'N').replace('Ú', 'U');
    const page1 = await users.list({ first: 2, search });
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.id)).toEqual([c.id, b.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await users.list({ first: 2, after: page1.pageInfo.endCursor, search });
    expect(page2.edges.map((e) => e.node.id)).toEqual([a.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await users.list({ search: `${marker} pena` })).edges.map((e) => e.node.id)).toEqual([b.id]);
    expect((await users.list({ search: 'maria ' + marker.toLowerCase() })).edges.map((e) => e.node.id)).toEqual([b.id]);
    expect((await users.list({ search: a.email.toUpperCase() })).edges.map((e) => e.node.id)).toEqual([a.id]);
    expect((await users.list({ search, role: Role.Organiser })).edges.map((e) => e.node.id)).toEqual([b.id]);
    // LIKE wildcards in the search are taken literally.
    expect((await users.list({ search: '%' + marker })).totalCount).toBe(0);
  });

  it('keeps pages stable when rows share a millisecond', async () => {
    const marker = `Tick${Math.random().toString(36).slice(2, 8)}`;
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => person(`Persona ${i} ${marker}`)));
    await db.query(`UPDATE users SET created_at = '2026-01-01T00:00:00.123456Z' WHERE id = ANY($1)`, [created.map((u) => u.id)]);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<UsersService['list']>> = await users.list({ first: 2, after, search: marker });
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(created.map((u) => u.id).sort());
  });

  it('updates the profile with the shared validation', async () => {
    const user = await person();
    const updated = await users.updateProfile(user.id, { name: '  Marie-Claude Joseph ', countryCode: 'HT', preferredLocale: 'fr' });
    expect(updated).toMatchObject({ name: 'Marie-Claude Joseph', countryCode: 'HT', preferredLocale: 'fr' });
    await expect(users.updateProfile(user.id, { name: 'Marie', countryCode: 'HT', preferredLocale: 'xx' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'preferredLocale', key: 'validation:localeInvalid' }],
    });
  });
});
