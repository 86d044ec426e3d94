import { Module } from '@nestjs/common';
import { CredentialService } from './credential.service';
import { CredentialsController } from './credentials.controller';
import { IssuerKeyStore } from './issuer-key.store';
import { StatusListStore } from './status-list.store';

/**
 * Open Badges 3.0 credentials, the did:web issuer and the revocation status lists. Needs the
 * global ConfigModule and a TypeORM DataSource; the controller is active only in the HTTP app.
 */
@Module({
  providers: [IssuerKeyStore, StatusListStore, CredentialService],
  controllers: [CredentialsController],
  exports: [CredentialService],
})
export class CredentialsModule {}
