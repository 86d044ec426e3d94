import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AppError, paginate, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { AuditService, User } from '@alliance/server-identity';
import { ORGANISATION_TYPES, SUB_REGIONS, type AllianceSubRegion, type MembershipStatus, type OrganisationRole, type OrganisationType } from './alliance.constants';
import { isUuid, reasonSchema } from './alliance-input';
import { isAdmin, requireAdmin, returnedRows, type Actor } from './actor';
import { Membership, MembershipEvent, Organisation, OrganisationRoleGrant } from './entities';
import { searchKey } from './normalise';
import { OrganisationRolesService } from './organisation-roles.service';

export interface DirectoryArgs extends PageArgs {
  search?: string | null;
  countryCode?: string | null;
  subRegion?: AllianceSubRegion | null;
  type?: OrganisationType | null;
  focusAreaId?: string | null;
}

export interface PersonWithRoles {
  user: { id: string; name: string; email: string };
  roles: OrganisationRole[];
}

/** Organisations and memberships: the directory, each organisation's page, suspension and reinstatement. */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roles: OrganisationRolesService,
    private readonly audit: AuditService,
  ) {}

  /** Active members for everyone; a suspended one only for administrators and its own people. */
  async findBySlug(slug: string, viewer: Actor | undefined): Promise<Organisation | null> {
    if (typeof slug !== 'string' || slug.length > 100) return null;
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ slug });
    return organisation && (await this.visible(organisation, viewer)) ? organisation : null;
  }

  async visible(organisation: Organisation, viewer: Actor | undefined): Promise<boolean> {
    const membership = await this.dataSource.getRepository(Membership).findOneBy({ organisationId: organisation.id });
    if (!membership) return false;
    if (membership.status === 'ACTIVE' || isAdmin(viewer)) return true;
    return (await this.roles.rolesIn(viewer?.id, organisation.id)).length > 0;
  }

  /** An organisation the actor manages: its representative, or (when allowed) an administrator. */
  async managed(actor: Actor, organisationId: string, allowAdmin: boolean): Promise<Organisation> {
    const organisation = isUuid(organisationId) ? await this.dataSource.getRepository(Organisation).findOneBy({ id: organisationId }) : null;
    if (!organisation) throw AppError.notFound('alliance:organisationNotFound');
    if (allowAdmin && isAdmin(actor)) return organisation;
    const roles = await this.roles.rolesIn(actor.id, organisation.id);
    if (!roles.includes('REPRESENTATIVE')) throw AppError.forbidden('alliance:notRepresentative');
    return organisation;
  }

  byIds(ids: readonly string[]): Promise<Organisation[]> {
    return this.dataSource.getRepository(Organisation).findBy({ id: In(ids.filter(isUuid)) });
  }

  async mine(actor: Actor): Promise<Organisation[]> {
    return this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.id IN (SELECT organisation_id FROM organisation_roles WHERE user_id = :id)', { id: actor.id })
      .orderBy('o.name', 'ASC')
      .getMany();
  }

  membershipsOf(organisationIds: readonly string[]): Promise<Membership[]> {
    return this.dataSource.getRepository(Membership).findBy({ organisationId: In([...organisationIds]) });
  }

  membershipEvents(membershipId: string): Promise<MembershipEvent[]> {
    return this.dataSource.getRepository(MembershipEvent).find({ where: { membershipId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Representatives and members with their roles (for its representatives and administrators only; else empty). */
  async people(organisationId: string, viewer: Actor | undefined): Promise<PersonWithRoles[]> {
    if (!viewer) return [];
    if (!isAdmin(viewer) && !(await this.roles.rolesIn(viewer.id, organisationId)).includes('REPRESENTATIVE')) return [];
    const grants = await this.dataSource.getRepository(OrganisationRoleGrant).find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    const users = await this.dataSource.getRepository(User).findBy({ id: In([...new Set(grants.map((g) => g.userId))]) });
    const byId = new Map(users.map((u) => [u.id, u]));
    const people = new Map<string, PersonWithRoles>();
    for (const grant of grants) {
      const user = byId.get(grant.userId);
      if (!user) continue;
      const entry = people.get(user.id) ?? { user: { id: user.id, name: user.name, email: user.email }, roles: [] };
      entry.roles.push(grant.role);
      people.set(user.id, entry);
    }
    return [...people.values()];
  }

  suspend(actor: Actor, organisationId: string, reason: string): Promise<Organisation> {
    return this.setStatus(actor, organisationId, reason, 'ACTIVE', 'SUSPENDED');
  }

  reinstate(actor: Actor, organisationId: string, reason: string): Promise<Organisation> {
    return this.setStatus(actor, organisationId, reason, 'SUSPENDED', 'ACTIVE');
  }

  /** Conditional update, so a double click or two administrators record one event. */
  private async setStatus(actor: Actor, organisationId: string, reasonInput: string, from: MembershipStatus, to: MembershipStatus): Promise<Organisation> {
    requireAdmin(actor);
    const parsed = reasonSchema.safeParse(reasonInput);
    if (!parsed.success) throw AppError.badInput([{ field: 'reason', key: 'alliance:reasonRequired' }], 'alliance:reasonRequired');
    const organisation = isUuid(organisationId) ? await this.dataSource.getRepository(Organisation).findOneBy({ id: organisationId }) : null;
    if (!organisation) throw AppError.notFound('alliance:organisationNotFound');
    await this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ id: string }>(await manager.query(
        `UPDATE memberships SET status = $2, updated_at = now() WHERE organisation_id = $1 AND status = $3 RETURNING id`,
        [organisation.id, to, from],
      ));
      if (!rows.length) throw AppError.conflict(to === 'SUSPENDED' ? 'alliance:alreadySuspended' : 'alliance:notSuspended');
      await manager.save(
        manager.create(MembershipEvent, { membershipId: rows[0].id, action: to === 'SUSPENDED' ? 'SUSPENDED' : 'REINSTATED', reason: parsed.data, actorId: actor.id, actorName: actor.name }),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: to === 'SUSPENDED' ? 'organisation.suspend' : 'organisation.reinstate',
        targetType: 'organisation',
        targetId: organisation.id,
        targetLabel: organisation.name,
        params: { reason: parsed.data },
        before: { membershipStatus: from },
        after: { membershipStatus: to },
      });
    });
    return organisation;
  }

  /** Public: active members, accent-insensitive name search, filters, by name. */
  directory(args: DirectoryArgs): Promise<ConnectionShape<Organisation>> {
    const qb = this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .innerJoin(Membership, 'm', `m.organisation_id = o.id AND m.status = 'ACTIVE'`);
    const search = args.search?.trim();
    if (search) {
      const key = searchKey(search);
      if (key) qb.andWhere('o.name_key ILIKE :like', { like: `%${key}%` });
    }
    if (args.countryCode) qb.andWhere('o.country_code = :country', { country: args.countryCode.trim().toUpperCase() });
    if (args.subRegion) {
      if (!(SUB_REGIONS as readonly string[]).includes(args.subRegion)) throw AppError.badInput([{ field: 'subRegion', key: 'validation:invalid' }]);
      qb.andWhere('o.country_code IN (SELECT code FROM alliance_countries WHERE sub_region = :subRegion)', { subRegion: args.subRegion });
    }
    if (args.type) {
      if (!(ORGANISATION_TYPES as readonly string[]).includes(args.type)) throw AppError.badInput([{ field: 'type', key: 'validation:invalid' }]);
      qb.andWhere('o.type = :type', { type: args.type });
    }
    if (args.focusAreaId) {
      if (!isUuid(args.focusAreaId)) throw AppError.badInput([{ field: 'focusAreaId', key: 'validation:invalid' }]);
      qb.andWhere(':focusAreaId::uuid = ANY(o.focus_area_ids)', { focusAreaId: args.focusAreaId });
    }
    return paginate(qb, args, { column: 'o.name_key', direction: 'ASC', valueOf: (o) => o.nameKey, idColumn: 'o.id', idOf: (o) => o.id });
  }

  /** Rows of the members CSV (administrators). */
  async membersForExport(): Promise<Array<{ name: string; type: OrganisationType; countryCode: string; category: string; status: string; since: Date; website: string | null }>> {
    const rows: Array<{ name: string; type: OrganisationType; country_code: string; category: string; status: string; since: Date; website: string | null }> =
      await this.dataSource.query(
        `SELECT o.name, o.type, o.country_code, m.category, m.status, m.since, o.website
           FROM organisations o JOIN memberships m ON m.organisation_id = o.id ORDER BY o.name_key, o.id`,
      );
    return rows.map((r) => ({ name: r.name, type: r.type, countryCode: r.country_code, category: r.category, status: r.status, since: r.since, website: r.website }));
  }
}
