import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllianceModule } from '@alliance/server-alliance';
import { RateLimitModule } from '@alliance/server-graphql';
import { IdentityModule } from '@alliance/server-identity';
import { NotificationsModule } from '@alliance/server-notifications';
import { StorageModule } from '@alliance/server-storage';
import { WorkshopsModule } from '@alliance/server-workshops';
import { COLLABORATION_ENTITIES } from './entities';
import { CollaborationAccessService } from './access';
import { SpacesService } from './spaces.service';
import { SpacesResolver } from './spaces.resolver';
import { MeetingsService } from './meetings.service';
import { MeetingsResolver } from './meetings.resolver';
import { ForumService } from './forum.service';
import { ForumResolver } from './forum.resolver';
import { DocumentsService } from './documents.service';
import { DocumentsResolver } from './documents.resolver';
import { CollaborationDocumentsController } from './documents.controller';
import { CommitmentsService } from './commitments.service';
import { CommitmentsResolver } from './commitments.resolver';
import { AccountabilityController } from './accountability.controller';
import { GroupsService } from './groups.service';
import { GroupsResolver } from './groups.resolver';
import { CollaborationPersonalData } from './personal-data';

/**
 * Working tables and technical groups: private spaces between member organisations, with sessions,
 * a forum, shared documents, commitments and accountability. Needs the global ConfigModule and
 * QueueModule and the app's TypeORM root.
 */
@Module({
  // StorageModule is global in the apps; importing it here too keeps the module whole in tests.
  imports: [TypeOrmModule.forFeature(COLLABORATION_ENTITIES), IdentityModule, RateLimitModule, NotificationsModule, AllianceModule, WorkshopsModule, StorageModule],
  providers: [
    // Services and resolvers, one per line.
    CollaborationAccessService,
    CollaborationPersonalData,
    SpacesService,
    SpacesResolver,
    MeetingsService,
    MeetingsResolver,
    ForumService,
    ForumResolver,
    DocumentsService,
    DocumentsResolver,
    CommitmentsService,
    CommitmentsResolver,
    GroupsService,
    GroupsResolver,
  ],
  controllers: [
    // Controllers, one per line.
    CollaborationDocumentsController,
    AccountabilityController,
  ],
  exports: [CollaborationAccessService, SpacesService],
})
export class CollaborationModule {}
