import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type AnonymiseContext, type PersonalDataContributor } from '@alliance/server-identity';

/**
 * The alliance's share of a person's data: their roles in organisations, focal-point terms,
 * membership applications they made and invitations addressed to them. Roles and focal-point terms
 * are access rights, so deletion removes them (as it removes portal roles); applications and the
 * organisations they created stay (they are the organisation's record), with the applicant's own
 * words about themselves blanked and their name replaced in the history.
 */
@Injectable()
export class AlliancePersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'alliance';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const organisationRoles = await manager.query(
      `SELECT o.name AS organisation, r.role, r.created_at AS "since"
         FROM organisation_roles r JOIN organisations o ON o.id = r.organisation_id WHERE r.user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
    const focalPoints = await manager.query(
      `SELECT o.name AS organisation, f.key AS "focusArea", p.role, p.start_date AS "startDate", p.end_date AS "endDate", p.consent_to_publish AS "consentToPublish"
         FROM focal_points p JOIN organisations o ON o.id = p.organisation_id JOIN alliance_focus_areas f ON f.id = p.focus_area_id
        WHERE p.user_id = $1 ORDER BY p.start_date`,
      [userId],
    );
    const applications = await manager.query(
      `SELECT organisation_name AS "organisationName", organisation_type AS "organisationType", country_code AS "countryCode", website,
              description, applicant_role AS "applicantRole", motivation, status, submitted_at AS "submittedAt"
         FROM membership_applications WHERE applicant_id = $1 ORDER BY submitted_at`,
      [userId],
    );
    const invitations = await manager.query(
      `SELECT o.name AS organisation, i.role, i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt"
         FROM organisation_invitations i JOIN organisations o ON o.id = i.organisation_id
        WHERE i.accepted_by_id = $1 OR i.email = (SELECT email FROM users WHERE id = $1)
        ORDER BY i.created_at`,
      [userId],
    );
    return { organisationRoles, focalPoints, applications, invitations };
  }

  async anonymise(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void> {
    await manager.query(`DELETE FROM organisation_roles WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM focal_points WHERE user_id = $1`, [userId]);
    await manager.query(`UPDATE membership_applications SET applicant_role = '', motivation = '', updated_at = now() WHERE applicant_id = $1`, [userId]);
    await manager.query(`UPDATE membership_application_events SET actor_name = $2 WHERE actor_id = $1`, [userId, context.placeholderName]);
    await manager.query(`UPDATE membership_events SET actor_name = $2 WHERE actor_id = $1`, [userId, context.placeholderName]);
    await manager.query(`UPDATE organisation_invitations SET invited_by_name = $2 WHERE invited_by_id = $1`, [userId, context.placeholderName]);
    // Invitations still open for the old address end now: the address may belong to a new account.
    await manager.query(
      `UPDATE organisation_invitations SET email = $2, expires_at = LEAST(expires_at, now()), updated_at = now() WHERE email = $1 AND accepted_at IS NULL`,
      [context.previousEmail, context.placeholderEmail],
    );
    await manager.query(`UPDATE organisation_invitations SET email = $2, updated_at = now() WHERE email = $1`, [context.previousEmail, context.placeholderEmail]);
  }
}
