import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, Role } from '@alliance/shared-core';
import type { SessionUser } from '@alliance/server-graphql';
import { AccountService } from './account.service';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { PersonalDataRegistry } from './personal-data.registry';
import { DELETED_ACCOUNT_NAME, PersonalDataService, deletedAccountEmail } from './personal-data.service';
import { createIdentityTestApp, randomIp, unique } from './testing/identity-test-app';

const PASSWORD = 'Long-enough-password';

// Counts administrators of the whole test database, so this project's specs run one after another.
describe('PersonalDataService', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let users: UsersService;
  let sessions: SessionService;
  let personalData: PersonalDataService;
  /** A later domain's contributor, standing in for the real ones (their own specs cover them). */
  const seen: Array<{ userId: string; inTransaction: boolean }> = [];
  let failNext = false;

  beforeAll(async () => {
    app = await createIdentityTestApp();
    db = app.get(DataSource);
    users = app.get(UsersService);
    sessions = app.get(SessionService);
    personalData = app.get(PersonalDataService);
    app.get(PersonalDataRegistry).register({
      section: 'probe',
      export: async (userId: string, manager: EntityManager) => ({ rows: await manager.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId]) }),
      anonymise: async (userId: string, manager: EntityManager) => {
        seen.push({ userId, inTransaction: Boolean(manager.queryRunner?.isTransactionActive) });
        if (failNext) {
          failNext = false;
          throw new Error('contributor failed');
        }
      },
    });
  });
  afterAll(() => app.close());

  async function signedIn(roles: Role[] = []): Promise<{ user: SessionUser; token: string }> {
    const created = await users.createUser({ name: 'Camila Souza', email: unique(), password: PASSWORD, countryCode: 'BR', preferredLocale: 'pt', verified: true, roles });
    const { token } = await sessions.create(created.id, { ip: randomIp(), userAgent: 'spec' });
    return { user: (await sessions.resolve(token))!, token };
  }

  it('exports the account and every registered section, without secrets', async () => {
    const { user } = await signedIn([Role.Organiser]);
    const data = (await personalData.export(user.id)) as {
      format: string;
      sections: { account: { profile: unknown; roles: unknown[]; sessions: unknown[] }; probe: unknown };
    };
    expect(data.format).toBe('alliance-personal-data/1');
    expect(data.sections.account.profile).toMatchObject({ name: 'Camila Souza', email: user.email, countryCode: 'BR' });
    expect(data.sections.account.roles).toEqual([expect.objectContaining({ role: Role.Organiser })]);
    expect(data.sections.account.sessions).toHaveLength(1);
    expect(data.sections.probe).toEqual({ rows: [{ n: 1 }] });
    const text = JSON.stringify(data);
    const [{ password_hash }] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    const [{ token_hash }] = await db.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [user.id]);
    expect(text).not.toContain(password_hash);
    expect(text).not.toContain(token_hash);
    expect(text).not.toMatch(/passwordHash|tokenHash|password_hash|token_hash/);
  });

  it('refuses a wrong or empty password and changes nothing', async () => {
    const { user, token } = await signedIn();
    seen.length = 0;
    await expect(personalData.deleteAccount(user, { password: 'not-the-password' })).rejects.toMatchObject({
      messageKey: 'errors:wrongCurrentPassword',
      extensions: { code: ErrorCode.BadUserInput },
    });
    await expect(personalData.deleteAccount(user, { password: '' })).rejects.toMatchObject({ extensions: { code: ErrorCode.BadUserInput } });
    expect(seen).toEqual([]);
    expect(await sessions.resolve(token)).toMatchObject({ id: user.id, name: 'Camila Souza' });
    expect(await db.query(`SELECT deleted_at FROM users WHERE id = $1`, [user.id])).toEqual([{ deleted_at: null }]);
  });

  it('anonymises the account in one transaction: name, e-mail, password, roles, sessions', async () => {
    const { user, token } = await signedIn([Role.Moderator]);
    const other = await sessions.create(user.id, { ip: randomIp() });
    seen.length = 0;
    await personalData.deleteAccount(user, { password: PASSWORD });
    expect(seen).toEqual([{ userId: user.id, inTransaction: true }]);
    const [row] = await db.query(`SELECT name, email, password_hash, email_verified_at, deleted_at FROM users WHERE id = $1`, [user.id]);
    expect(row).toMatchObject({ name: DELETED_ACCOUNT_NAME, email: deletedAccountEmail(user.id), password_hash: '!deleted', email_verified_at: null });
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect(await users.rolesByUserIds([user.id])).toEqual([[]]);
    expect(await sessions.resolve(token)).toBeUndefined();
    expect(await sessions.resolve(other.token)).toBeUndefined();
    expect(await db.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND (ip IS NOT NULL OR user_agent IS NOT NULL)`, [user.id])).toEqual([{ n: 0 }]);
    // The old address no longer signs in, and a new person may take it.
    const accounts = app.get(AccountService);
    await expect(accounts.signIn({ email: user.email, password: PASSWORD }, { ip: randomIp() })).rejects.toMatchObject({ extensions: { code: ErrorCode.Unauthenticated } });
    const again = await accounts.signUp({ name: 'New Person', email: user.email, password: PASSWORD, countryCode: 'AR', preferredLocale: 'es' });
    expect(again.id).not.toBe(user.id);
    // Deleting twice is refused: the first deletion ended the session.
    await expect(personalData.deleteAccount(user, { password: PASSWORD })).rejects.toMatchObject({ extensions: { code: ErrorCode.Unauthenticated } });
  });

  it('rolls everything back when a domain fails', async () => {
    const { user, token } = await signedIn();
    failNext = true;
    await expect(personalData.deleteAccount(user, { password: PASSWORD })).rejects.toThrow('contributor failed');
    expect(await sessions.resolve(token)).toMatchObject({ id: user.id, name: 'Camila Souza', email: user.email });
  });

  it('refuses to delete the last administrator', async () => {
    const { user: first } = await signedIn([Role.Admin]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM user_roles WHERE role = 'ADMIN'`);
    if (n === 1) {
      await expect(personalData.deleteAccount(first, { password: PASSWORD })).rejects.toMatchObject({
        messageKey: 'errors:lastAdminDeletion',
        extensions: { code: ErrorCode.Conflict },
      });
      expect(await users.rolesByUserIds([first.id])).toEqual([[Role.Admin]]);
    }
    const { user: second } = await signedIn([Role.Admin]);
    // With another administrator left, the first may go.
    await personalData.deleteAccount(first, { password: PASSWORD });
    expect(await users.rolesByUserIds([first.id])).toEqual([[]]);
    if (n === 1) {
      await expect(personalData.deleteAccount(second, { password: PASSWORD })).rejects.toMatchObject({ messageKey: 'errors:lastAdminDeletion' });
      expect(await users.rolesByUserIds([second.id])).toEqual([[Role.Admin]]);
    }
  });
});
