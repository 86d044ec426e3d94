import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DELETED_ACCOUNT_NAME, PersonalDataService, SessionService, UsersService } from '@alliance/server-identity';
import { createAllianceTestApp } from './testing/alliance-test-app';

const PASSWORD = 'correct horse battery';

describe('Alliance personal data (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createAllianceTestApp();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('exports organisation roles and invitations; deletion removes the roles, renames the history and ends open invitations', async () => {
    const t = randomBytes(4).toString('hex');
    const email = `rep.${t}@ministerio.example`;
    const rep = await app.get(UsersService).createUser({ name: 'Rafael Representante', email, password: PASSWORD, countryCode: 'EC', verified: true });
    const [org] = await db.query(
      `INSERT INTO organisations (slug, name, name_key, type, country_code, description, focus_area_ids)
       VALUES ($1, $2, $1, 'MINISTRY_OF_EDUCATION', 'EC', 'Ministerio', '{}') RETURNING id`,
      [`ministerio-${t}`, `Ministerio ${t}`],
    );
    await db.query(`INSERT INTO organisation_roles (user_id, organisation_id, role) VALUES ($1, $2, 'REPRESENTATIVE')`, [rep.id, org.id]);
    // He invited someone (his name is copied onto the invitation) and is himself invited elsewhere.
    await db.query(
      `INSERT INTO organisation_invitations (organisation_id, email, role, token_hash, expires_at, invited_by_id, invited_by_name)
       VALUES ($1, $2, 'MEMBER', $3, now() + interval '7 days', $4, 'Rafael Representante'),
              ($1, $5, 'MEMBER', $6, now() + interval '7 days', NULL, 'Secretaría')`,
      [org.id, `colega.${t}@ministerio.example`, 'a'.repeat(56) + t, rep.id, email, 'b'.repeat(56) + t],
    );

    const exported = (await app.get(PersonalDataService).export(rep.id)) as {
      sections: { alliance: { organisationRoles: Array<{ organisation: string; role: string }>; invitations: unknown[] } };
    };
    expect(exported.sections.alliance.organisationRoles).toEqual([expect.objectContaining({ organisation: `Ministerio ${t}`, role: 'REPRESENTATIVE' })]);
    expect(exported.sections.alliance.invitations).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain('a'.repeat(56));

    const sessions = app.get(SessionService);
    const { token } = await sessions.create(rep.id);
    await app.get(PersonalDataService).deleteAccount((await sessions.resolve(token))!, { password: PASSWORD });

    expect(await db.query(`SELECT count(*)::int AS n FROM organisation_roles WHERE user_id = $1`, [rep.id])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT invited_by_name FROM organisation_invitations WHERE invited_by_id = $1`, [rep.id])).toEqual([{ invited_by_name: DELETED_ACCOUNT_NAME }]);
    const [open] = await db.query(`SELECT email, expires_at <= now() AS expired FROM organisation_invitations WHERE token_hash = $1`, ['b'.repeat(56) + t]);
    expect(open).toEqual({ email: expect.stringMatching(/@deleted\.invalid$/), expired: true });
  });
});
