import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllianceModule } from '@alliance/server-alliance';
import { CertificatesModule } from '@alliance/server-certificates';
import { EvidenceModule } from '@alliance/server-evidence';
import { RateLimitModule } from '@alliance/server-graphql';
import { IdentityModule } from '@alliance/server-identity';
import { MailModule } from '@alliance/server-mail';
import { NotificationsModule } from '@alliance/server-notifications';
import { LEARNING_ENTITIES } from './entities';
import { EnrolmentService } from './enrolment.service';
import { NominationsService } from './nominations.service';
import { ProgressService } from './progress.service';
import { ReportsService } from './reports.service';
import { ReportCsvController } from './report-csv.controller';
import { CourseEnrolmentFieldsResolver, EnrolmentResolver, LessonProgressResolver, ProgrammeProgressResolver, QuizProgressResolver } from './enrolment.resolver';
import { AuthoringResolver } from './authoring.resolver';
import { CatalogueResolver, CountrySeatsResolver, CourseModuleResolver, LessonContentResolver, OfferingResolver, ProgrammeFieldsResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';
import { CatalogueCache } from './catalogue-cache';
import { CoursesService } from './courses.service';
import { CourseEvidenceResolver } from './course-evidence.resolver';
import { CourseEvidenceService } from './course-evidence.service';
import { EditorUploadGuard, FilesController } from './files.controller';
import { FilesService } from './files.service';
import { OfferingsService } from './offerings.service';
import { ProgrammesService } from './programmes.service';
import { StructureService } from './structure.service';
import { LearningPersonalData } from './personal-data';

/**
 * Learning: courses, modules, lessons, quizzes, offerings, programmes, enrolments (self, approval,
 * invitation, team nomination), progress and completion. Needs the global ConfigModule and
 * QueueModule and the app's TypeORM root.
 */
@Module({
  imports: [TypeOrmModule.forFeature(LEARNING_ENTITIES), IdentityModule, RateLimitModule, MailModule, NotificationsModule, CertificatesModule, AllianceModule, EvidenceModule],
  providers: [
    // Services and resolvers are listed here, one per line.
    CoursesService,
    LearningPersonalData,
    StructureService,
    OfferingsService,
    ProgrammesService,
    CatalogueService,
    CatalogueCache,
    FilesService,
    EditorUploadGuard,
    CatalogueResolver,
    CourseModuleResolver,
    LessonContentResolver,
    OfferingResolver,
    CountrySeatsResolver,
    ProgrammeFieldsResolver,
    AuthoringResolver,
    EnrolmentService,
    NominationsService,
    ProgressService,
    ReportsService,
    EnrolmentResolver,
    CourseEnrolmentFieldsResolver,
    LessonProgressResolver,
    QuizProgressResolver,
    ProgrammeProgressResolver,
    CourseEvidenceService,
    CourseEvidenceResolver,
  ],
  controllers: [ReportCsvController, FilesController],
  exports: [EnrolmentService, ProgressService, CoursesService, StructureService, OfferingsService, ProgrammesService, CatalogueService, CatalogueCache, FilesService, CourseEvidenceService],
})
export class LearningModule {}
