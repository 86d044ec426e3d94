import type { MigrationInterface } from 'typeorm';
import { AuditLog1796300001000 } from './1796300001000-AuditLog';
import { AccountDeletion1796300002000 } from './1796300002000-AccountDeletion';
import { CollaborationSpaces1796218754227 } from './1796218754227-CollaborationSpaces';
import { EvidenceSearchDocuments1796206013475 } from './1796206013475-EvidenceSearchDocuments';
import { EvidenceBank1796190740660 } from './1796190740660-EvidenceBank';
import { WorkshopsDomain1795454345408 } from './1795454345408-WorkshopsDomain';
import { LearningDomain1795452185937 } from './1795452185937-LearningDomain';
import { AllianceDomain1795444343841 } from './1795444343841-AllianceDomain';
import { CertificatesDomain1795443012323 } from './1795443012323-CertificatesDomain';
import { NotificationsCentre1795442918705 } from './1795442918705-NotificationsCentre';
import { CredentialStatusList1795442678030 } from './1795442678030-CredentialStatusList';
import { AddOutboxAndOutgoingEmail1795440722562 } from './1795440722562-AddOutboxAndOutgoingEmail';
import { IdentityAccounts1795440704124 } from './1795440704124-IdentityAccounts';

// Every migration, oldest first. Append new ones at the end (generate them with
// `npm run migration:generate -- <Name>`), never edit one that has landed.
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  IdentityAccounts1795440704124,
  AddOutboxAndOutgoingEmail1795440722562,
  CredentialStatusList1795442678030,
  NotificationsCentre1795442918705,
  CertificatesDomain1795443012323,
  AllianceDomain1795444343841,
  LearningDomain1795452185937,
  WorkshopsDomain1795454345408,
  EvidenceBank1796190740660,
  EvidenceSearchDocuments1796206013475,
  CollaborationSpaces1796218754227,
  AuditLog1796300001000,
  AccountDeletion1796300002000,
];
