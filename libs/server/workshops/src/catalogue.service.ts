import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppError, paginate, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { Workshop } from './entities';
import { ACCENTED, PLAIN, canManageWorkshop, isAdmin, isUuid, isOrganiserRole, searchWords, type WorkshopActor } from './util';
import { PUBLIC_WORKSHOP_STATUSES, WORKSHOP_MODES, WORKSHOP_STATUSES, type WorkshopMode, type WorkshopStatus } from './workshops.constants';

export interface CatalogueFilter {
  upcoming?: boolean | null;
  search?: string | null;
  mode?: WorkshopMode | null;
}

/**
 * Reading workshops: the public catalogue (OPEN, CLOSED and HELD), one workshop by slug (drafts,
 * cancelled and archived ones only for its managers) and the workshops a person manages. Also the
 * meeting-link rule: CONFIRMED registrants and managers only.
 */
@Injectable()
export class WorkshopCatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: CatalogueFilter, page: PageArgs): Promise<ConnectionShape<Workshop>> {
    const qb = this.dataSource.getRepository(Workshop).createQueryBuilder('w').where('w.status IN (:...statuses)', { statuses: PUBLIC_WORKSHOP_STATUSES });
    if (filter.upcoming) qb.andWhere('w.ends_at >= now()');
    if (filter.mode) {
      if (!(WORKSHOP_MODES as readonly string[]).includes(filter.mode)) throw AppError.badInput([{ field: 'mode', key: 'validation:invalid' }]);
      qb.andWhere('w.mode = :mode', { mode: filter.mode });
    }
    this.applySearch(qb, filter.search);
    // Upcoming: soonest first; otherwise most recent first.
    const direction = filter.upcoming ? 'ASC' : 'DESC';
    return paginate(qb, page, { column: 'w.starts_at', direction, valueOf: (w) => w.startsAt.toISOString(), idColumn: 'w.id', idOf: (w) => w.id });
  }

  async managed(actor: WorkshopActor, status: WorkshopStatus | null | undefined, page: PageArgs): Promise<ConnectionShape<Workshop>> {
    if (!isOrganiserRole(actor)) throw AppError.forbidden();
    const qb = this.dataSource.getRepository(Workshop).createQueryBuilder('w');
    if (!isAdmin(actor)) qb.where('EXISTS (SELECT 1 FROM workshop_organisers o WHERE o.workshop_id = w.id AND o.user_id = :me)', { me: actor.id });
    if (status) {
      if (!(WORKSHOP_STATUSES as readonly string[]).includes(status)) throw AppError.badInput([{ field: 'status', key: 'validation:invalid' }]);
      qb.andWhere('w.status = :status', { status });
    }
    return paginate(qb, page, { column: 'w.updated_at', direction: 'DESC', valueOf: (w) => w.updatedAt.toISOString(), idColumn: 'w.id', idOf: (w) => w.id });
  }

  /** DRAFT (and CANCELLED/ARCHIVED kept visible: registrants must see the cancellation) — drafts only for managers. */
  async bySlug(viewer: WorkshopActor | null, slug: string): Promise<Workshop | null> {
    if (typeof slug !== 'string' || !slug || slug.length > 80) return null;
    const workshop = await this.dataSource.getRepository(Workshop).findOneBy({ slug: slug.toLowerCase() });
    if (!workshop) return null;
    if (workshop.status === 'DRAFT' && !(await canManageWorkshop(this.dataSource.manager, viewer, workshop.id))) return null;
    return workshop;
  }

  /** The workshop by id, for its managers only (drafts included); null otherwise, so ids leak nothing. */
  async forManager(viewer: WorkshopActor | null, id: string): Promise<Workshop | null> {
    if (!viewer || !isUuid(id)) return null;
    if (!(await canManageWorkshop(this.dataSource.manager, viewer, id))) return null;
    return this.dataSource.getRepository(Workshop).findOneBy({ id });
  }

  /** Whether the viewer may see the meeting link: a manager, or a CONFIRMED registrant. */
  async mayJoin(viewer: Pick<WorkshopActor, 'id' | 'roles'> | null, workshopId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!viewer) return false;
    if (await canManageWorkshop(manager, viewer, workshopId)) return true;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM workshop_registrations WHERE workshop_id = $1 AND user_id = $2 AND status = 'CONFIRMED'`, [workshopId, viewer.id]);
    return rows.length > 0;
  }

  /** Whether the viewer has a live registration (not cancelled, rejected or expired). */
  async isRegistrant(viewer: Pick<WorkshopActor, 'id'> | null, workshopId: string): Promise<boolean> {
    if (!viewer) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM workshop_registrations WHERE workshop_id = $1 AND user_id = $2 AND status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED')`,
      [workshopId, viewer.id],
    );
    return rows.length > 0;
  }

  private applySearch(qb: SelectQueryBuilder<Workshop>, search: string | null | undefined): void {
    if (!search) return;
    const words = searchWords(search);
    for (const [i, word] of words.entries()) {
      qb.andWhere(`lower(translate(w.title::text || ' ' || w.description::text, :accented, :plain)) LIKE :w${i}`, { accented: ACCENTED, plain: PLAIN, [`w${i}`]: `%${word}%` });
    }
  }
}
