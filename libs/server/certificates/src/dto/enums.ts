import { registerEnumType } from '@nestjs/graphql';
import { CERTIFICATE_KINDS } from '../entities/certificate.entity';

export const CertificateKindEnum = Object.fromEntries(CERTIFICATE_KINDS.map((kind) => [kind, kind])) as Record<(typeof CERTIFICATE_KINDS)[number], string>;
registerEnumType(CertificateKindEnum, { name: 'CertificateKind', description: 'What a certificate is for.' });

// GraphQL names map to the values stored in the database (lower case).
export const CertificateStatusEnum = { ISSUED: 'issued', REVOKED: 'revoked' } as const;
registerEnumType(CertificateStatusEnum, { name: 'CertificateStatus', description: 'Issued (valid) or revoked.' });

export const CertificateRenderStatusEnum = { PENDING: 'pending', RENDERED: 'rendered', FAILED: 'failed' } as const;
registerEnumType(CertificateRenderStatusEnum, {
  name: 'CertificateRenderStatus',
  description: 'Whether the PDF and the credential have been produced (FAILED: retries are exhausted).',
});
