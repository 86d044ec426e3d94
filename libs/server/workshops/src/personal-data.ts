import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type AnonymiseContext, type PersonalDataContributor } from '@alliance/server-identity';
import { Workshop, WorkshopRegistration } from './entities';
import { RegistrationsService } from './registrations.service';

/** Registrations a deleted account gives up: still active, in a workshop that has not been held. */
const ACTIVE_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED'];
const FINISHED_WORKSHOPS = ['HELD', 'ARCHIVED', 'CANCELLED'];

/**
 * Workshops' share of a person's data: registrations with their answers, attendance, poll ballots
 * and the workshops they organise. Deletion cancels the registrations of workshops still to come
 * exactly as the person cancelling would (the seat goes back and the waiting list moves on), and
 * keeps every row of past ones, so figures, attendance and certificates stay as they were; the
 * free-text answers and the consent to appear in participant lists go.
 */
@Injectable()
export class WorkshopsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'workshops';

  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly registrations: RegistrationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const registrations = await manager.query(
      `SELECT r.id, w.slug AS workshop, w.title AS "workshopTitle", w.starts_at AS "workshopStartsAt", r.status, r.answers,
              r.consent_to_list AS "consentToList", r.country_code AS "countryCode", r.organisation_name AS "organisationName",
              r.created_at AS "registeredAt", r.waitlisted_at AS "waitlistedAt", r.cancelled_at AS "cancelledAt"
         FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id WHERE r.user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
    const attendance = await manager.query(
      `SELECT a.registration_id AS "registrationId", s.title AS session, s.starts_at AS "sessionStartsAt", a.method, a.created_at AS "recordedAt"
         FROM workshop_attendance a JOIN workshop_registrations r ON r.id = a.registration_id JOIN workshop_sessions s ON s.id = a.session_id
        WHERE r.user_id = $1 ORDER BY s.starts_at`,
      [userId],
    );
    const ballots = await manager.query(
      `SELECT b.registration_id AS "registrationId", b.action_ids AS "actionIds", b.submitted_at AS "submittedAt"
         FROM workshop_ballots b JOIN workshop_registrations r ON r.id = b.registration_id WHERE r.user_id = $1 ORDER BY b.submitted_at`,
      [userId],
    );
    const organising = await manager.query(
      `SELECT w.slug AS workshop, w.title AS "workshopTitle", o.created_at AS "since"
         FROM workshop_organisers o JOIN workshops w ON w.id = o.workshop_id WHERE o.user_id = $1 ORDER BY o.created_at`,
      [userId],
    );
    return { registrations, attendance, ballots, organising };
  }

  async anonymise(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void> {
    const upcoming = (await manager.query(
      `SELECT r.id FROM workshop_registrations r JOIN workshops w ON w.id = r.workshop_id
        WHERE r.user_id = $1 AND r.status = ANY ($2) AND NOT (w.status = ANY ($3))
        ORDER BY r.id FOR UPDATE OF r`,
      [userId, ACTIVE_STATUSES, FINISHED_WORKSHOPS],
    )) as Array<{ id: string }>;
    for (const { id } of upcoming) {
      const registration = await manager.findOneByOrFail(WorkshopRegistration, { id });
      const workshop = await manager.findOneByOrFail(Workshop, { id: registration.workshopId });
      // The same steps as RegistrationsService's own cancellation: status and event, seat back, waitlist.
      await this.registrations.transition(manager, registration, 'CANCELLED', null, null, {
        holdsSeat: false,
        seatCountryCode: null,
        offerExpiresAt: null,
        cancelledAt: new Date(),
      });
      if (registration.holdsSeat) {
        await this.registrations.releaseSeat(manager, workshop.id, registration.seatCountryCode);
        await this.registrations.promoteWaitlisted(manager, workshop);
      }
    }
    await manager.query(`UPDATE workshop_registrations SET answers = '[]'::jsonb, consent_to_list = false, updated_at = now() WHERE user_id = $1`, [userId]);
    await manager.query(`UPDATE workshop_registration_events SET actor_name = $2 WHERE actor_id = $1 AND actor_name IS NOT NULL`, [userId, context.placeholderName]);
    await manager.query(`DELETE FROM workshop_organisers WHERE user_id = $1`, [userId]);
    await manager.query(`UPDATE workshop_invitations SET email = $2, updated_at = now() WHERE email = $1`, [context.previousEmail, context.placeholderEmail]);
  }
}
