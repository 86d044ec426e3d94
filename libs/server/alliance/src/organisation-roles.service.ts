import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationRole } from './alliance.constants';

export interface OrganisationRoleView {
  organisationId: string;
  organisationName: string;
  countryCode: string;
  role: OrganisationRole;
}

/**
 * People's roles in organisations. Later domains use rolesOf() and isFocalPointFor() (e.g. a
 * ministry's focal point enrolling the ministry's team).
 */
@Injectable()
export class OrganisationRolesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every role of a person, in organisations with an active membership. */
  async rolesOf(userId: string): Promise<OrganisationRoleView[]> {
    const rows: Array<{ organisation_id: string; name: string; country_code: string; role: OrganisationRole }> = await this.dataSource.query(
      `SELECT r.organisation_id, o.name, o.country_code, r.role
         FROM organisation_roles r JOIN organisations o ON o.id = r.organisation_id JOIN memberships m ON m.organisation_id = o.id
        WHERE r.user_id = $1 AND m.status = 'ACTIVE' ORDER BY o.name, r.role`,
      [userId],
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, countryCode: r.country_code, role: r.role }));
  }

  /** Whether the person is a current focal point of an active member organisation of that country. */
  async isFocalPointFor(userId: string, countryCode: string): Promise<boolean> {
    const [row]: Array<{ yes: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM focal_points f JOIN organisations o ON o.id = f.organisation_id JOIN memberships m ON m.organisation_id = o.id
          WHERE f.user_id = $1 AND o.country_code = $2 AND m.status = 'ACTIVE'
            AND f.start_date <= current_date AND (f.end_date IS NULL OR f.end_date >= current_date)) AS yes`,
      [userId, countryCode],
    );
    return row.yes;
  }

  /** The person's roles in one organisation (any membership status). */
  async rolesIn(userId: string | undefined, organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationRole[]> {
    if (!userId) return [];
    const rows: Array<{ role: OrganisationRole }> = await manager.query(
      `SELECT role FROM organisation_roles WHERE user_id = $1 AND organisation_id = $2 ORDER BY role`,
      [userId, organisationId],
    );
    return rows.map((r) => r.role);
  }

  async grant(manager: EntityManager, userId: string, organisationId: string, role: OrganisationRole): Promise<void> {
    await manager.query(
      `INSERT INTO organisation_roles (user_id, organisation_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, organisation_id, role) DO NOTHING`,
      [userId, organisationId, role],
    );
  }

  /** FOCAL_POINT follows the designations: held while one is current or upcoming. */
  async syncFocalRole(manager: EntityManager, userId: string, organisationId: string): Promise<void> {
    const [row]: Array<{ yes: boolean }> = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM focal_points WHERE user_id = $1 AND organisation_id = $2 AND (end_date IS NULL OR end_date >= current_date)) AS yes`,
      [userId, organisationId],
    );
    if (row.yes) await this.grant(manager, userId, organisationId, 'FOCAL_POINT');
    else await manager.query(`DELETE FROM organisation_roles WHERE user_id = $1 AND organisation_id = $2 AND role = 'FOCAL_POINT'`, [userId, organisationId]);
  }
}
