import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllianceModule } from '@alliance/server-alliance';
import { CertificatesModule } from '@alliance/server-certificates';
import { EvidenceModule } from '@alliance/server-evidence';
import { RateLimitModule } from '@alliance/server-graphql';
import { IdentityModule } from '@alliance/server-identity';
import { MailModule } from '@alliance/server-mail';
import { NotificationsModule } from '@alliance/server-notifications';
import { WORKSHOP_ENTITIES } from './entities';
import { WorkshopRemindersService } from './reminders.service';
import { WorkshopsService } from './workshops.service';
import { SessionsService } from './sessions.service';
import { WorkshopCatalogueService } from './catalogue.service';
import { OrganisingResolver, WorkshopSessionResolver, WorkshopsResolver } from './workshops.resolver';
import { IcsController } from './ics.controller';
import { RegistrationsService } from './registrations.service';
import { AttendanceService } from './attendance.service';
import { PollService } from './poll.service';
import { HeldService } from './held.service';
import { FiguresService } from './figures.service';
import { RegistrationsResolver, SessionAttendanceResolver, WorkshopRegistrationFieldsResolver } from './registrations.resolver';
import { WorkshopCsvController } from './csv.controller';
import { WorkshopEvidenceService } from './material-evidence.service';
import { WorkshopMaterialEvidenceResolver } from './material-evidence.resolver';
import { WorkshopsPersonalData } from './personal-data';

/**
 * Workshops: organising (workshops, sessions, agenda, materials, invitations), registration with
 * waitlist and country seats, attendance, priority polls, follow-ups, figures and certificates.
 * Needs the global ConfigModule and QueueModule and the app's TypeORM root.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WORKSHOP_ENTITIES), IdentityModule, RateLimitModule, MailModule, NotificationsModule, CertificatesModule, AllianceModule, EvidenceModule],
  providers: [
    // Services and resolvers are listed here, one per line.
    WorkshopRemindersService,
    WorkshopsPersonalData,
    WorkshopsService,
    SessionsService,
    WorkshopCatalogueService,
    WorkshopsResolver,
    WorkshopSessionResolver,
    OrganisingResolver,
    RegistrationsService,
    AttendanceService,
    PollService,
    HeldService,
    FiguresService,
    RegistrationsResolver,
    WorkshopRegistrationFieldsResolver,
    SessionAttendanceResolver,
    WorkshopEvidenceService,
    WorkshopMaterialEvidenceResolver,
  ],
  controllers: [
    // Controllers, one per line.
    IcsController,
    WorkshopCsvController,
  ],
  exports: [
    // Exported services, one per line.
    WorkshopRemindersService,
    WorkshopsService,
    SessionsService,
    WorkshopCatalogueService,
    RegistrationsService,
    AttendanceService,
    PollService,
    HeldService,
    FiguresService,
    WorkshopEvidenceService,
  ],
})
export class WorkshopsModule {}
