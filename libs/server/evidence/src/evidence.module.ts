import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllianceModule } from '@alliance/server-alliance';
import { RateLimitModule } from '@alliance/server-graphql';
import { IdentityModule } from '@alliance/server-identity';
import { NotificationsModule } from '@alliance/server-notifications';
import { StorageModule } from '@alliance/server-storage';
import { EVIDENCE_ENTITIES } from './entities';
import { EvidenceAccessService } from './access';
import { EvidenceItemsService } from './items.service';
import { EvidenceItemFieldsResolver, EvidenceItemsResolver } from './items.resolver';
import { EvidenceFilesController } from './files.controller';
import { SEARCH_PROVIDERS } from './search/search.providers';
import { EvidenceUsageRegistry } from './search/usage-registry';
import { EvidencePersonalData } from './personal-data';

/**
 * Evidence bank: items with texts in several languages, files (through @alliance/server-storage),
 * moderation, history and multilingual search. Needs the global ConfigModule and QueueModule and
 * the app's TypeORM root.
 */
@Module({
  // StorageModule is global in the apps; importing it here too keeps the module whole in tests.
  imports: [TypeOrmModule.forFeature(EVIDENCE_ENTITIES), IdentityModule, RateLimitModule, NotificationsModule, AllianceModule, StorageModule],
  providers: [
    // Services and resolvers are listed here, one per line.
    EvidenceAccessService,
    EvidencePersonalData,
    EvidenceItemsService,
    EvidenceItemsResolver,
    EvidenceItemFieldsResolver,
    ...SEARCH_PROVIDERS,
  ],
  controllers: [
    // Controllers, one per line.
    EvidenceFilesController,
  ],
  exports: [EvidenceItemsService, EvidenceAccessService, EvidenceUsageRegistry],
})
export class EvidenceModule {}
