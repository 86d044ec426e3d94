import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { Workshop, WorkshopAttendance, WorkshopRegistration, WorkshopSession } from './entities';
import { checkInCodeMatches, checkInOpen } from './registration-rules';
import { isUuid, requireManagedWorkshop, type WorkshopActor } from './util';

/** Workshops whose attendance can still be recorded. */
const ATTENDANCE_STATUSES: readonly Workshop['status'][] = ['OPEN', 'CLOSED', 'HELD'];

/**
 * Attendance per session: organisers mark it from the list, participants check themselves in with
 * the session's code during its window (start - 15 min .. end). One row per (session,
 * registration): the primary key keeps it unique, inserts are ON CONFLICT DO NOTHING.
 */
@Injectable()
export class AttendanceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async mark(actor: WorkshopActor, sessionId: string, registrationId: string, attended: boolean): Promise<WorkshopRegistration> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.session(manager, sessionId);
      const workshop = await requireManagedWorkshop(manager, actor, session.workshopId);
      const registration = isUuid(registrationId) ? await manager.findOneBy(WorkshopRegistration, { id: registrationId }) : null;
      if (!registration || registration.workshopId !== workshop.id) throw AppError.notFound('workshopRegistration:notFound');
      if (!ATTENDANCE_STATUSES.includes(workshop.status)) throw AppError.conflict('workshopRegistration:closed');
      if (attended) {
        if (registration.status !== 'CONFIRMED') throw AppError.conflict('workshopRegistration:notAttendable');
        await manager.query(
          `INSERT INTO workshop_attendance (session_id, registration_id, method, marked_by_id) VALUES ($1, $2, 'ORGANISER', $3) ON CONFLICT DO NOTHING`,
          [session.id, registration.id, actor.id],
        );
      } else {
        await manager.query(`DELETE FROM workshop_attendance WHERE session_id = $1 AND registration_id = $2`, [session.id, registration.id]);
      }
      return registration;
    });
  }

  async checkIn(actor: WorkshopActor, sessionId: string, code: string, now: Date = new Date()): Promise<WorkshopRegistration> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.session(manager, sessionId);
      const workshop = await manager.findOneByOrFail(Workshop, { id: session.workshopId });
      const registration = await manager.findOneBy(WorkshopRegistration, { workshopId: workshop.id, userId: actor.id });
      if (!registration || registration.status !== 'CONFIRMED') throw AppError.forbidden('workshopRegistration:notConfirmed');
      if (!ATTENDANCE_STATUSES.includes(workshop.status) || !checkInOpen(session, now)) throw AppError.conflict('workshopRegistration:checkInClosed');
      if (!checkInCodeMatches(session.checkInCode, code)) {
        throw AppError.badInput([{ field: 'code', key: 'workshopRegistration:checkInCodeWrong' }], 'workshopRegistration:checkInCodeWrong');
      }
      await manager.query(`INSERT INTO workshop_attendance (session_id, registration_id, method, marked_by_id) VALUES ($1, $2, 'SELF', $3) ON CONFLICT DO NOTHING`, [
        session.id,
        registration.id,
        actor.id,
      ]);
      return registration;
    });
  }

  /** Session ids attended, per registration id. */
  async attendedSessionIds(registrationIds: readonly string[]): Promise<Map<string, string[]>> {
    const valid = registrationIds.filter(isUuid);
    const map = new Map<string, string[]>();
    if (!valid.length) return map;
    const rows = await this.dataSource.getRepository(WorkshopAttendance).find({ where: { registrationId: In(valid) }, order: { createdAt: 'ASC' } });
    for (const row of rows) map.set(row.registrationId, [...(map.get(row.registrationId) ?? []), row.sessionId]);
    return map;
  }

  private async session(manager: EntityManager, sessionId: string): Promise<WorkshopSession> {
    const session = isUuid(sessionId) ? await manager.findOneBy(WorkshopSession, { id: sessionId }) : null;
    if (!session) throw AppError.notFound('workshopRegistration:sessionNotFound');
    return session;
  }
}
