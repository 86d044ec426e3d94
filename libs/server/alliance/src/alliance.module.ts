import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@alliance/server-identity';
import { MailModule } from '@alliance/server-mail';
import { NotificationsModule } from '@alliance/server-notifications';
import { ALLIANCE_ENTITIES } from './entities';
import { ApplicationsService } from './applications.service';
import { DashboardService } from './dashboard.service';
import { FocalPointsService } from './focal-points.service';
import { InvitationsService } from './invitations.service';
import { MembersCsvController } from './members-csv.controller';
import { OrganisationRolesService } from './organisation-roles.service';
import { OrganisationsService } from './organisations.service';
import { ReferenceService } from './reference.service';
import {
  AllianceReferenceResolver,
  FocalPointResolver,
  InvitationResolver,
  MembershipApplicationResolver,
  MembershipResolver,
  OrganisationResolver,
} from './alliance.resolver';
import { AlliancePersonalData } from './personal-data';

/**
 * The alliance: reference data, membership applications and their review, organisations and
 * memberships, invitations, focal points, the directory and the secretariat's figures.
 * Needs the global ConfigModule and QueueModule and the app's TypeORM root.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ALLIANCE_ENTITIES), IdentityModule, MailModule, NotificationsModule],
  providers: [
    ReferenceService,
    AlliancePersonalData,
    OrganisationRolesService,
    ApplicationsService,
    OrganisationsService,
    FocalPointsService,
    InvitationsService,
    DashboardService,
    AllianceReferenceResolver,
    MembershipApplicationResolver,
    OrganisationResolver,
    MembershipResolver,
    FocalPointResolver,
    InvitationResolver,
  ],
  controllers: [MembersCsvController],
  exports: [OrganisationRolesService, ReferenceService, OrganisationsService, FocalPointsService],
})
export class AllianceModule {}
