import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import { AuditService } from '@alliance/server-identity';
import { designationSchema, isoDateSchema, isUuid } from './alliance-input';
import { isAdmin, returnedRows, type Actor } from './actor';
import type { FocalPointRole } from './alliance.constants';
import { FocalPoint, FocusArea } from './entities';
import { OrganisationRolesService } from './organisation-roles.service';
import { OrganisationsService } from './organisations.service';

export interface DesignationInput {
  userId: string;
  focusAreaId: string;
  role: FocalPointRole;
  startDate: string;
  endDate?: string | null;
}

/** Today's date in UTC as YYYY-MM-DD (designations are whole days). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isCurrent(f: Pick<FocalPoint, 'startDate' | 'endDate'>, on = today()): boolean {
  return f.startDate <= on && (!f.endDate || f.endDate >= on);
}

/** Focal points: designation with handover (history kept), ending, consent to publish the name. */
@Injectable()
export class FocalPointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly roles: OrganisationRolesService,
    private readonly audit: AuditService,
  ) {}

  async designate(actor: Actor, organisationId: string, input: DesignationInput): Promise<FocalPoint> {
    const organisation = await this.organisations.managed(actor, organisationId, false);
    const values = parseInput(designationSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const people = await this.roles.rolesIn(values.userId, organisation.id, manager);
      if (!people.length) throw AppError.badInput([{ field: 'userId', key: 'alliance:notOrganisationPerson' }], 'alliance:notOrganisationPerson');
      const created = await this.designateIn(manager, organisation.id, values);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'focalPoint.designate',
        targetType: 'organisation',
        targetId: organisation.id,
        targetLabel: organisation.name,
        params: { focalPointId: created.id },
        before: null,
        after: { userId: values.userId, focusAreaId: values.focusAreaId, role: values.role, startDate: values.startDate, endDate: values.endDate ?? null },
      });
      return created;
    });
  }

  /**
   * Ends the current designation for the same organisation, area and role the day before the new
   * one starts, then inserts the new one. The organisation row lock serialises concurrent handovers.
   */
  async designateIn(manager: EntityManager, organisationId: string, values: DesignationInput): Promise<FocalPoint> {
    const area = await manager.findOneBy(FocusArea, { id: values.focusAreaId, active: true });
    if (!area) throw AppError.badInput([{ field: 'focusAreaId', key: 'alliance:focusAreasInvalid' }]);
    await manager.query(`SELECT id FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
    const later: Array<{ id: string }> = await manager.query(
      `SELECT id FROM focal_points WHERE organisation_id = $1 AND focus_area_id = $2 AND role = $3 AND start_date > $4`,
      [organisationId, values.focusAreaId, values.role, values.startDate],
    );
    if (later.length) throw AppError.conflict('alliance:focalPointOverlap');
    const ended = returnedRows<{ user_id: string }>(await manager.query(
      `UPDATE focal_points SET end_date = $4::date - 1, updated_at = now()
        WHERE organisation_id = $1 AND focus_area_id = $2 AND role = $3 AND (end_date IS NULL OR end_date >= $4::date)
        RETURNING user_id`,
      [organisationId, values.focusAreaId, values.role, values.startDate],
    ));
    const created = await manager.save(
      manager.create(FocalPoint, {
        organisationId,
        userId: values.userId,
        focusAreaId: values.focusAreaId,
        role: values.role,
        startDate: values.startDate,
        endDate: values.endDate ?? null,
        consentToPublish: false,
      }),
    );
    for (const userId of new Set([...ended.map((e) => e.user_id), values.userId])) await this.roles.syncFocalRole(manager, userId, organisationId);
    return created;
  }

  async end(actor: Actor, id: string, endDate: string): Promise<FocalPoint> {
    const focal = await this.find(id);
    await this.organisations.managed(actor, focal.organisationId, true);
    const date = parseInput(isoDateSchema, endDate);
    if (date < focal.startDate) throw AppError.badInput([{ field: 'endDate', key: 'alliance:endBeforeStart' }], 'alliance:endBeforeStart');
    return this.dataSource.transaction(async (manager) => {
      await manager.update(FocalPoint, { id: focal.id }, { endDate: date });
      await this.roles.syncFocalRole(manager, focal.userId, focal.organisationId);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'focalPoint.end',
        targetType: 'organisation',
        targetId: focal.organisationId,
        params: { focalPointId: focal.id, userId: focal.userId, role: focal.role },
        before: { endDate: focal.endDate },
        after: { endDate: date },
      });
      return manager.findOneByOrFail(FocalPoint, { id: focal.id });
    });
  }

  async setConsent(actor: Actor, id: string, consent: boolean): Promise<FocalPoint> {
    const focal = await this.find(id);
    if (focal.userId !== actor.id) throw AppError.forbidden('alliance:notThisFocalPoint');
    await this.dataSource.getRepository(FocalPoint).update({ id: focal.id }, { consentToPublish: consent });
    return { ...focal, consentToPublish: consent } as FocalPoint;
  }

  async ofOrganisation(organisationId: string, includePast: boolean): Promise<FocalPoint[]> {
    const qb = this.dataSource
      .getRepository(FocalPoint)
      .createQueryBuilder('f')
      .where('f.organisation_id = :organisationId', { organisationId })
      .orderBy('f.start_date', 'DESC')
      .addOrderBy('f.id', 'ASC');
    if (!includePast) qb.andWhere('f.start_date <= current_date AND (f.end_date IS NULL OR f.end_date >= current_date)');
    return qb.getMany();
  }

  /** Current focal points of a country's active member organisations. */
  ofCountry(countryCode: string): Promise<FocalPoint[]> {
    return this.dataSource
      .getRepository(FocalPoint)
      .createQueryBuilder('f')
      .innerJoin('organisations', 'o', 'o.id = f.organisation_id')
      .innerJoin('memberships', 'm', `m.organisation_id = o.id AND m.status = 'ACTIVE'`)
      .where('o.country_code = :code', { code: String(countryCode ?? '').trim().toUpperCase() })
      .andWhere('f.start_date <= current_date AND (f.end_date IS NULL OR f.end_date >= current_date)')
      .orderBy('o.name_key', 'ASC')
      .addOrderBy('f.role', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  /** The name is public only with consent; the organisation's own people and administrators always see it. */
  async mayShowName(focal: FocalPoint, viewer: Actor | undefined): Promise<boolean> {
    if (focal.consentToPublish || isAdmin(viewer)) return true;
    if (!viewer) return false;
    if (viewer.id === focal.userId) return true;
    return (await this.roles.rolesIn(viewer.id, focal.organisationId)).length > 0;
  }

  private async find(id: string): Promise<FocalPoint> {
    const focal = isUuid(id) ? await this.dataSource.getRepository(FocalPoint).findOneBy({ id }) : null;
    if (!focal) throw AppError.notFound('alliance:focalPointNotFound');
    return focal;
  }
}
