import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import type { EvidenceViewer } from '@alliance/server-evidence';
import { NotificationsService } from '@alliance/server-notifications';
import { Workshop, WorkshopAgendaItem, WorkshopMaterial, WorkshopSession } from './entities';
import { WorkshopEvidenceService } from './material-evidence.service';
import { WorkshopRemindersService, notifyRegistrants } from './reminders.service';
import { isUuid, requireManagedWorkshop, type WorkshopActor } from './util';
import { agendaItemSchema, materialSchema, sessionSchema } from './workshops-input';
import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH, WORKSHOP_LIMITS } from './workshops.constants';

/** A fresh self check-in code of unambiguous characters. */
export function checkInCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)];
  return code;
}

const FROZEN = ['HELD', 'ARCHIVED', 'CANCELLED'];

/**
 * Sessions, agenda and materials. Every change of the sessions keeps workshops.starts_at/ends_at
 * equal to the first start and last end; when those times (or any session's times) change for a
 * workshop with registrations, registrants are notified once ('workshop.changed') and the
 * reminders move with the date.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly reminders: WorkshopRemindersService,
    private readonly evidence: WorkshopEvidenceService,
  ) {}

  async saveSession(actor: WorkshopActor, workshopId: string, id: string | null | undefined, input: unknown): Promise<Workshop> {
    const values = parseInput(sessionSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (FROZEN.includes(workshop.status)) throw AppError.conflict('workshops:notEditable');
      const before = await this.schedule(manager, workshop.id);
      if (id) {
        const session = isUuid(id) ? await manager.findOneBy(WorkshopSession, { id, workshopId: workshop.id }) : null;
        if (!session) throw AppError.notFound('workshops:sessionNotFound');
        const shift = values.startsAt.getTime() - session.startsAt.getTime();
        await manager.update(WorkshopSession, { id: session.id }, { title: values.title, startsAt: values.startsAt, endsAt: values.endsAt });
        // The agenda moves with its session; items that no longer fit are refused.
        if (shift !== 0) {
          await manager.query(
            `UPDATE workshop_agenda_items SET starts_at = starts_at + ($2 || ' milliseconds')::interval, ends_at = ends_at + ($2 || ' milliseconds')::interval, updated_at = now()
              WHERE session_id = $1`,
            [session.id, String(shift)],
          );
        }
        const [{ outside }] = await manager.query(
          `SELECT count(*)::int AS outside FROM workshop_agenda_items WHERE session_id = $1 AND (starts_at < $2 OR ends_at > $3)`,
          [session.id, values.startsAt, values.endsAt],
        );
        if (outside) throw AppError.conflict('workshops:agendaOutsideSession');
      } else {
        if (before.length >= WORKSHOP_LIMITS.sessionsMax) throw AppError.conflict('workshops:tooManySessions');
        await manager.insert(WorkshopSession, {
          workshopId: workshop.id,
          position: before.length,
          title: values.title,
          startsAt: values.startsAt,
          endsAt: values.endsAt,
          checkInCode: checkInCode(),
        });
      }
      return this.afterScheduleChange(manager, workshop, before);
    });
  }

  /** The last session of a workshop that is no longer a draft cannot be deleted, nor one with attendance. */
  async deleteSession(actor: WorkshopActor, id: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const session = isUuid(id) ? await manager.findOneBy(WorkshopSession, { id }) : null;
      if (!session) throw AppError.notFound('workshops:sessionNotFound');
      const workshop = await requireManagedWorkshop(manager, actor, session.workshopId, true);
      if (FROZEN.includes(workshop.status)) throw AppError.conflict('workshops:notEditable');
      const before = await this.schedule(manager, workshop.id);
      if (before.length <= 1 && workshop.status !== 'DRAFT') throw AppError.conflict('workshops:lastSession');
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM workshop_attendance WHERE session_id = $1`, [session.id]);
      if (n) throw AppError.conflict('workshops:sessionHasAttendance');
      await manager.delete(WorkshopSession, { id: session.id });
      return this.afterScheduleChange(manager, workshop, before);
    });
  }

  async saveAgendaItem(actor: WorkshopActor, id: string | null | undefined, input: unknown): Promise<Workshop> {
    const values = parseInput(agendaItemSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(WorkshopSession, { id: values.sessionId });
      if (!session) throw AppError.notFound('workshops:sessionNotFound');
      const workshop = await requireManagedWorkshop(manager, actor, session.workshopId, true);
      if (FROZEN.includes(workshop.status)) throw AppError.conflict('workshops:notEditable');
      if (values.startsAt < session.startsAt || values.endsAt > session.endsAt) {
        throw AppError.badInput([{ field: 'startsAt', key: 'workshops:agendaOutsideSession' }], 'workshops:agendaOutsideSession');
      }
      const columns = {
        workshopId: workshop.id,
        sessionId: session.id,
        title: values.title,
        description: values.description,
        speakers: values.speakers,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
      };
      if (id) {
        const item = isUuid(id) ? await manager.findOneBy(WorkshopAgendaItem, { id, workshopId: workshop.id }) : null;
        if (!item) throw AppError.notFound('workshops:agendaItemNotFound');
        await manager.update(WorkshopAgendaItem, { id: item.id }, columns);
      } else {
        const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM workshop_agenda_items WHERE workshop_id = $1`, [workshop.id]);
        if (n >= WORKSHOP_LIMITS.agendaItemsMax) throw AppError.conflict('workshops:tooManyAgendaItems');
        await manager.insert(WorkshopAgendaItem, { ...columns, position: 0 });
      }
      await this.renumberAgenda(manager, session.id);
      if (id) await this.renumberAgendaOfWorkshop(manager, workshop.id);
      return this.bump(manager, workshop.id);
    });
  }

  async deleteAgendaItem(actor: WorkshopActor, id: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const item = isUuid(id) ? await manager.findOneBy(WorkshopAgendaItem, { id }) : null;
      if (!item) throw AppError.notFound('workshops:agendaItemNotFound');
      const workshop = await requireManagedWorkshop(manager, actor, item.workshopId, true);
      if (FROZEN.includes(workshop.status)) throw AppError.conflict('workshops:notEditable');
      await manager.delete(WorkshopAgendaItem, { id: item.id });
      await this.renumberAgenda(manager, item.sessionId);
      return this.bump(manager, workshop.id);
    });
  }

  /**
   * Materials may be added after the workshop (recordings, reports), but not once archived. An
   * evidence bank item must be published and visible to the organiser (`viewer`, worked out from
   * the actor when not given); its page is the link and its title the default title.
   */
  async addMaterial(actor: WorkshopActor, workshopId: string, input: unknown, viewer?: EvidenceViewer): Promise<Workshop> {
    const values = parseInput(materialSchema, input);
    if (values.evidenceItemId) {
      const { item, title } = await this.evidence.requireLinkable(actor, values.evidenceItemId, viewer);
      values.url = `/evidence/${item.id}`;
      values.title = (values.title ?? title).slice(0, WORKSHOP_LIMITS.materialTitleMax);
    }
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (workshop.status === 'ARCHIVED') throw AppError.conflict('workshops:notEditable');
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM workshop_materials WHERE workshop_id = $1`, [workshop.id]);
      if (n >= WORKSHOP_LIMITS.materialsMax) throw AppError.conflict('workshops:tooManyMaterials');
      await manager.insert(WorkshopMaterial, {
        workshopId: workshop.id,
        phase: values.phase,
        title: values.title ?? '',
        url: values.url ?? '',
        evidenceItemId: values.evidenceItemId,
        position: n,
      });
      return this.bump(manager, workshop.id);
    });
  }

  async removeMaterial(actor: WorkshopActor, id: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const material = isUuid(id) ? await manager.findOneBy(WorkshopMaterial, { id }) : null;
      if (!material) throw AppError.notFound('workshops:materialNotFound');
      const workshop = await requireManagedWorkshop(manager, actor, material.workshopId, true);
      if (workshop.status === 'ARCHIVED') throw AppError.conflict('workshops:notEditable');
      await manager.delete(WorkshopMaterial, { id: material.id });
      return this.bump(manager, workshop.id);
    });
  }

  /** Session times in order, as comparable strings. */
  private async schedule(manager: EntityManager, workshopId: string): Promise<string[]> {
    const rows: Array<{ id: string; s: string }> = await manager.query(
      `SELECT id, extract(epoch FROM starts_at)::text || '-' || extract(epoch FROM ends_at)::text AS s FROM workshop_sessions WHERE workshop_id = $1 ORDER BY starts_at, id`,
      [workshopId],
    );
    return rows.map((r) => `${r.id}:${r.s}`);
  }

  /**
   * Renumbers sessions by start, derives the workshop's span and, when session times changed
   * for a workshop with registrants, notifies them once and moves the reminders.
   */
  private async afterScheduleChange(manager: EntityManager, workshop: Workshop, before: string[]): Promise<Workshop> {
    await manager.query(
      `UPDATE workshop_sessions s SET position = o.rn - 1 FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS rn FROM workshop_sessions WHERE workshop_id = $1) o
        WHERE s.id = o.id AND s.position <> o.rn - 1`,
      [workshop.id],
    );
    await manager.query(
      `UPDATE workshops w SET starts_at = COALESCE(x.first, w.starts_at), ends_at = COALESCE(x.last, w.starts_at), revision = revision + 1, updated_at = now()
         FROM (SELECT min(starts_at) AS first, max(ends_at) AS last FROM workshop_sessions WHERE workshop_id = $1) x
        WHERE w.id = $1`,
      [workshop.id],
    );
    const after = await this.schedule(manager, workshop.id);
    const updated = await manager.findOneByOrFail(Workshop, { id: workshop.id });
    if (after.join('|') !== before.join('|')) {
      // One notification per change: the revision is bumped by every change.
      await notifyRegistrants(manager, this.notifications, updated, 'workshop.changed', {}, `workshop.changed:${updated.id}:r${updated.revision}`);
      await this.reminders.sync(manager, workshop.id);
    }
    return updated;
  }

  private async renumberAgenda(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(
      `UPDATE workshop_agenda_items a SET position = o.rn - 1 FROM (SELECT id, row_number() OVER (ORDER BY starts_at, ends_at, id) AS rn FROM workshop_agenda_items WHERE session_id = $1) o
        WHERE a.id = o.id AND a.position <> o.rn - 1`,
      [sessionId],
    );
  }

  private async renumberAgendaOfWorkshop(manager: EntityManager, workshopId: string): Promise<void> {
    const sessions: Array<{ id: string }> = await manager.query(`SELECT id FROM workshop_sessions WHERE workshop_id = $1`, [workshopId]);
    for (const s of sessions) await this.renumberAgenda(manager, s.id);
  }

  private async bump(manager: EntityManager, workshopId: string): Promise<Workshop> {
    await manager.query(`UPDATE workshops SET revision = revision + 1, updated_at = now() WHERE id = $1`, [workshopId]);
    return manager.findOneByOrFail(Workshop, { id: workshopId });
  }
}
