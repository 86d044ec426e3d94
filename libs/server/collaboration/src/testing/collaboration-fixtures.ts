import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { nameKey } from '@alliance/server-alliance';
import type { SessionUser } from '@alliance/server-graphql';
import type { UsersService } from '@alliance/server-identity';
import type { Role } from '@alliance/shared-core';
import type { PartyRole, SpaceKind, SpaceStatus } from '../collaboration.constants';

/** Test data for the collaboration specs and journeys, written straight to the tables. Test-only. */
export const collabTag = (): string => randomBytes(4).toString('hex');

/** A verified fictional person and the session user the services take. */
export async function makePerson(users: UsersService, name: string, roles: Role[] = [], countryCode = 'PE'): Promise<SessionUser> {
  const user = await users.createUser({ name, email: `collab.${collabTag()}@example.org`, password: 'correct horse battery', countryCode, verified: true, roles });
  return { id: user.id, sessionId: 'test', name: user.name, email: user.email, roles, locale: 'es' };
}

/** An active member ministry of education of a country; returns its id. */
export async function makeMinistry(dataSource: DataSource, countryCode: string, name = `Ministerio de Educación ${countryCode}`): Promise<string> {
  const slug = `${name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-')}-${collabTag()}`;
  const [{ id }]: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO organisations (slug, name, name_key, type, country_code, description) VALUES ($1, $2, $3, 'MINISTRY_OF_EDUCATION', $4, 'Ministerio de educación.') RETURNING id`,
    [slug, name, nameKey(name), countryCode],
  );
  await dataSource.query(`INSERT INTO memberships (organisation_id, category) VALUES ($1, 'MEMBER_STATE')`, [id]);
  return id;
}

/** Gives a person a role (REPRESENTATIVE, MEMBER or FOCAL_POINT) in an organisation. */
export async function grantOrganisationRole(dataSource: DataSource, userId: string, organisationId: string, role: 'REPRESENTATIVE' | 'MEMBER' | 'FOCAL_POINT'): Promise<void> {
  await dataSource.query(`INSERT INTO organisation_roles (user_id, organisation_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, organisationId, role]);
}

export interface SpaceFixtureParty {
  organisationId: string;
  role?: PartyRole;
  participantIds: string[];
}

export interface SpaceFixture {
  kind?: SpaceKind;
  status?: SpaceStatus;
  title?: string;
  moderatorId?: string | null;
  parties: SpaceFixtureParty[];
  rotationMonths?: number | null;
  rotationStartsOn?: string | null;
}

/** A space with confirmed parties and their participant lists (OPEN unless told); returns its id and party ids in order. */
export async function insertSpace(dataSource: DataSource, fixture: SpaceFixture): Promise<{ spaceId: string; partyIds: string[] }> {
  const kind = fixture.kind ?? 'TABLE';
  const [{ id: spaceId }]: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO collab_spaces (kind, status, title, description, agenda, time_zone, first_session_at, requested_at, moderator_id, rotation_months, rotation_starts_on)
     VALUES ($1::text, $2, $3, 'Intercambio de experiencias entre ministerios.', '1. Presentaciones\n2. Experiencias', 'America/Lima',
             CASE WHEN $1::text = 'TABLE' THEN now() + interval '20 days' END, now(), $4, $5, $6) RETURNING id`,
    [kind, fixture.status ?? 'OPEN', fixture.title ?? `Mesa de trabajo ${collabTag()}`, fixture.moderatorId ?? null, fixture.rotationMonths ?? null, fixture.rotationStartsOn ?? null],
  );
  const partyIds: string[] = [];
  for (const [index, party] of fixture.parties.entries()) {
    const role = party.role ?? (kind === 'GROUP' ? 'MEMBER' : index === 0 ? 'REQUESTER' : 'INVITED');
    const [{ id: partyId }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO collab_space_parties (space_id, organisation_id, role, status, responded_at, rotation_order) VALUES ($1, $2, $3, 'CONFIRMED', now(), $4) RETURNING id`,
      [spaceId, party.organisationId, role, index],
    );
    partyIds.push(partyId);
    for (const userId of party.participantIds) {
      await dataSource.query(`INSERT INTO collab_space_participants (space_id, party_id, user_id) VALUES ($1, $2, $3)`, [spaceId, partyId, userId]);
    }
  }
  return { spaceId, partyIds };
}
