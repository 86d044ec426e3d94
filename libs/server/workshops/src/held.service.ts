import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CertificatesService, type BatchProgress } from '@alliance/server-certificates';
import { AppError, pickLocalized } from '@alliance/server-graphql';
import { Workshop, WorkshopSession } from './entities';
import { meetsAttendanceThreshold } from './registration-rules';
import { requireManagedWorkshop, type WorkshopActor } from './util';

/** The achievement key of a workshop's attendance certificates. */
export const workshopAchievementKey = (workshopId: string) => `workshop:${workshopId}`;

/** YYYY-MM-DD of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

/**
 * Marking a workshop held: CLOSED/OPEN -> HELD once (the workshop row is locked, so concurrent calls
 * serialise and the second finds it HELD), then one certificates batch for every CONFIRMED
 * registrant whose attended sessions meet the threshold, in the same transaction. Calling it again
 * changes nothing.
 */
@Injectable()
export class HeldService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly certificates: CertificatesService,
  ) {}

  async markHeld(actor: WorkshopActor, workshopId: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (workshop.status === 'HELD') return workshop;
      if (workshop.status !== 'CLOSED' && workshop.status !== 'OPEN') throw AppError.conflict('workshops:illegalTransition', { from: workshop.status, to: 'HELD' });
      const sessions = await manager.find(WorkshopSession, { where: { workshopId: workshop.id }, order: { startsAt: 'ASC' } });
      if (!sessions.length) throw AppError.conflict('workshopRegistration:noSessions');
      const rows = (await manager.query(
        `SELECT r.id, r.user_id, u.name, u.email, u.preferred_locale, count(a.session_id)::int AS attended
           FROM workshop_registrations r
           JOIN users u ON u.id = r.user_id
           LEFT JOIN workshop_attendance a ON a.registration_id = r.id
          WHERE r.workshop_id = $1 AND r.status = 'CONFIRMED'
          GROUP BY r.id, u.id
          ORDER BY u.name, r.id`,
        [workshop.id],
      )) as Array<{ id: string; user_id: string; name: string; email: string; preferred_locale: string; attended: number }>;
      const eligible = rows.filter((r) => meetsAttendanceThreshold(r.attended, sessions.length, workshop.attendanceThreshold));
      let batchId: string | null = null;
      if (eligible.length) {
        const hours = Math.round((sessions.reduce((sum, s) => sum + (s.endsAt.getTime() - s.startsAt.getTime()), 0) / 3_600_000) * 10) / 10;
        const issued = await this.certificates.issueBatch(manager, {
          kind: 'WORKSHOP_ATTENDANCE',
          achievementKey: workshopAchievementKey(workshop.id),
          title: pickLocalized(workshop.title, actor.locale ?? workshop.languages?.[0]),
          recipients: eligible.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, locale: r.preferred_locale, title: pickLocalized(workshop.title, r.preferred_locale) })),
          hours: hours > 0 ? hours : null,
          startDate: dayIn(sessions[0].startsAt, workshop.timeZone),
          endDate: dayIn(sessions.reduce((last, s) => (s.endsAt > last ? s.endsAt : last), sessions[0].endsAt), workshop.timeZone),
          issuerName: workshop.certificateIssuer,
          signatories: workshop.certificateSignatories ?? [],
          createdById: actor.id,
        });
        batchId = issued.batchId;
      }
      await manager.update(Workshop, { id: workshop.id }, { status: 'HELD', heldAt: new Date(), certificateBatchId: batchId, revision: () => 'revision + 1' });
      return manager.findOneByOrFail(Workshop, { id: workshop.id });
    });
  }

  /** Progress of the workshop's certificate batch (null before HELD or when nobody qualified). */
  async batchProgress(workshop: Pick<Workshop, 'certificateBatchId'>): Promise<BatchProgress | null> {
    return workshop.certificateBatchId ? this.certificates.batchProgress(workshop.certificateBatchId) : null;
  }
}
