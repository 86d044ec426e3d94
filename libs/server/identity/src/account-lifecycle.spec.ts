import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountLifecycle } from './account-lifecycle';
import { AccountService } from './account.service';
import { User } from './entities';
import { createIdentityTestApp, tokenFromLastEmail, unique } from './testing/identity-test-app';

const PASSWORD = 'Correct-Horse-Battery-9';

describe('AccountLifecycle: listeners of e-mail verification', () => {
  let app: INestApplicationContext;
  let accounts: AccountService;
  let db: DataSource;
  const seen: string[] = [];
  let failFor: string | null = null;

  beforeAll(async () => {
    app = await createIdentityTestApp();
    accounts = app.get(AccountService);
    db = app.get(DataSource);
    app.get(AccountLifecycle).onEmailVerified(async (manager, account) => {
      // Writes through the verifying transaction, so a failure here must undo the verification.
      await manager.query(`SELECT 1 FROM users WHERE id = $1`, [account.id]);
      if (account.email === failFor) throw new Error('listener failed');
      seen.push(account.email);
    });
  });
  afterAll(() => app.close());

  async function signUp(email: string): Promise<void> {
    await accounts.signUp({ name: 'Lucía Fernández', email, password: PASSWORD, countryCode: 'UY', preferredLocale: 'es' });
  }

  it('tells listeners once, on the first verification only', async () => {
    const email = unique();
    await signUp(email);
    const token = await tokenFromLastEmail(db, email, 'verify');
    await accounts.verifyEmail(token);
    expect(seen.filter((e) => e === email)).toHaveLength(1);
    // A second link for an already verified address changes nothing and tells nobody.
    await accounts.resendVerification(email);
    expect(seen.filter((e) => e === email)).toHaveLength(1);
  });

  it('a failing listener rolls the verification back', async () => {
    const email = unique();
    await signUp(email);
    failFor = email;
    await expect(accounts.verifyEmail(await tokenFromLastEmail(db, email, 'verify'))).rejects.toThrow('listener failed');
    failFor = null;
    expect((await db.getRepository(User).findOneByOrFail({ email })).emailVerifiedAt).toBeNull();
  });

  it('a password reset that confirms an unverified address tells listeners too', async () => {
    const email = unique();
    await signUp(email);
    await accounts.requestPasswordReset(email);
    await accounts.resetPassword({ token: await tokenFromLastEmail(db, email, 'reset'), newPassword: 'Another-Horse-Battery-7' });
    expect(seen.filter((e) => e === email)).toHaveLength(1);
  });
});
