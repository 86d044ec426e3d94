export { CredentialsModule } from './credentials.module';
export { CredentialService, StatusListNotFoundError } from './credential.service';
export type { CredentialSubjectData, CredentialVerification } from './credential.types';
export { CredentialStatusList, STATUS_LIST_CAPACITY } from './entities/credential-status-list.entity';
export { didWebFromUrl, didDocumentUrl } from './issuer-identity';
export { IssuerKeyError } from './issuer-key.store';
import { CredentialStatusList } from './entities/credential-status-list.entity';

/** Entities of this folder, for ALL_ENTITIES. */
export const CREDENTIAL_ENTITIES = [CredentialStatusList];
