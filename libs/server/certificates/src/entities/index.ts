import { Certificate } from './certificate.entity';
import { CertificateBatch } from './certificate-batch.entity';
import { CertificateLookupWindow } from './certificate-lookup-window.entity';

export * from './certificate.entity';
export * from './certificate-batch.entity';
export * from './certificate-lookup-window.entity';

/** This domain's tables, without the credentials folder's (it lists its own). */
export const CERTIFICATE_ENTITIES = [Certificate, CertificateBatch, CertificateLookupWindow];
