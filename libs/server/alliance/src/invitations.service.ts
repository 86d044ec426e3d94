import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError, parseInput } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { MailOutbox } from '@alliance/server-mail';
import { DEFAULT_LOCALE, ErrorCode, type Locale } from '@alliance/shared-core';
import { INVITATION_DAYS, type FocalPointRole, type InvitationRole } from './alliance.constants';
import { invitationSchema } from './alliance-input';
import type { Actor } from './actor';
import { FocusArea, Invitation, Membership, Organisation } from './entities';
import { FocalPointsService, today } from './focal-points.service';
import { OrganisationRolesService } from './organisation-roles.service';
import { OrganisationsService } from './organisations.service';

export interface InvitationRequest {
  email: string;
  role: InvitationRole;
  focusAreaId?: string | null;
  focalRole?: FocalPointRole | null;
}

export interface InvitationPreview {
  organisationName: string;
  role: InvitationRole;
  invitedBy: string;
  email: string;
  expired: boolean;
  accepted: boolean;
}

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const looksLikeToken = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Invitations to an organisation by e-mail. The link works for people without an account: they
 * sign up (or in) with the invited address, then accept. Only the token's hash is stored.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailOutbox,
    private readonly organisations: OrganisationsService,
    private readonly roles: OrganisationRolesService,
    private readonly focalPoints: FocalPointsService,
  ) {}

  async invite(actor: Actor & { locale?: Locale }, organisationId: string, request: InvitationRequest): Promise<Invitation> {
    const organisation = await this.organisations.managed(actor, organisationId, false);
    const values = parseInput(invitationSchema, request);
    const membership = await this.dataSource.getRepository(Membership).findOneBy({ organisationId: organisation.id });
    if (membership?.status !== 'ACTIVE') throw AppError.conflict('alliance:membershipNotActive');
    if (values.focusAreaId && !(await this.dataSource.getRepository(FocusArea).existsBy({ id: values.focusAreaId, active: true }))) {
      throw AppError.badInput([{ field: 'focusAreaId', key: 'alliance:focusAreasInvalid' }]);
    }
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.save(
        manager.create(Invitation, {
          organisationId: organisation.id,
          email: values.email,
          role: values.role,
          focusAreaId: values.role === 'FOCAL_POINT' ? values.focusAreaId! : null,
          focalRole: values.role === 'FOCAL_POINT' ? values.focalRole! : null,
          tokenHash: hash(token),
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
          invitedById: actor.id,
          invitedByName: actor.name,
        }),
      );
      const account = await manager.findOneBy(User, { email: values.email });
      await this.mail.queueEmail(manager, {
        to: values.email,
        toName: account?.name ?? values.email,
        locale: account?.preferredLocale ?? actor.locale ?? DEFAULT_LOCALE,
        template: 'invitation',
        params: {
          name: account?.name ?? values.email,
          inviter: actor.name,
          organisation: organisation.name,
          role: values.role,
          days: INVITATION_DAYS,
          link: `${this.config.publicUrl}/invitations/${token}`,
        },
      });
      return invitation;
    });
  }

  async list(actor: Actor, organisationId: string): Promise<Invitation[]> {
    const organisation = await this.organisations.managed(actor, organisationId, true);
    return this.dataSource.getRepository(Invitation).find({ where: { organisationId: organisation.id }, order: { createdAt: 'DESC' } });
  }

  async preview(token: string): Promise<InvitationPreview | null> {
    const invitation = await this.byToken(token);
    if (!invitation) return null;
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: invitation.organisationId });
    return {
      organisationName: organisation.name,
      role: invitation.role,
      invitedBy: invitation.invitedByName,
      email: invitation.email,
      expired: invitation.expiresAt.getTime() < Date.now(),
      accepted: invitation.acceptedAt !== null,
    };
  }

  /**
   * The signed-in person takes the invitation: the account's e-mail must be the invited one. Grants
   * the role (a FOCAL_POINT invitation also designates them from today). Accepting twice is harmless.
   */
  async accept(actor: Actor, token: string): Promise<Organisation> {
    if (!looksLikeToken(token)) throw AppError.notFound('alliance:invitationNotFound');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, { where: { tokenHash: hash(token) }, lock: { mode: 'pessimistic_write' } });
      if (!invitation) throw AppError.notFound('alliance:invitationNotFound');
      const account = await manager.findOneByOrFail(User, { id: actor.id });
      if (account.email !== invitation.email) throw new AppError(ErrorCode.Forbidden, 'alliance:invitationWrongAccount', { email: invitation.email });
      const organisation = await manager.findOneByOrFail(Organisation, { id: invitation.organisationId });
      if (invitation.acceptedAt) {
        if (invitation.acceptedById === actor.id) return organisation;
        throw AppError.conflict('alliance:invitationUsed');
      }
      if (invitation.expiresAt.getTime() < Date.now()) throw AppError.conflict('alliance:invitationExpired');
      const membership = await manager.findOneBy(Membership, { organisationId: organisation.id });
      if (membership?.status !== 'ACTIVE') throw AppError.conflict('alliance:membershipNotActive');
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date(), acceptedById: actor.id });
      if (invitation.role === 'REPRESENTATIVE') await this.roles.grant(manager, actor.id, organisation.id, 'REPRESENTATIVE');
      else await this.roles.grant(manager, actor.id, organisation.id, 'MEMBER');
      if (invitation.role === 'FOCAL_POINT') {
        await this.focalPoints.designateIn(manager, organisation.id, {
          userId: actor.id,
          focusAreaId: invitation.focusAreaId!,
          role: invitation.focalRole!,
          startDate: today(),
          endDate: null,
        });
      }
      return organisation;
    });
  }

  private async byToken(token: string): Promise<Invitation | null> {
    if (!looksLikeToken(token)) return null;
    return this.dataSource.getRepository(Invitation).findOneBy({ tokenHash: hash(token) });
  }
}
