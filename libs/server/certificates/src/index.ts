// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- vendor.d.ts is a script of ambient module declarations, not importable
/// <reference path="./credentials/vendor.d.ts" />
// ^ The credentials folder types its JavaScript-only dependencies there; every project that
// compiles this library (platform, apps) needs those declarations too.
export * from './entities';
export { CertificatesModule } from './certificates.module';
export {
  CertificatesService,
  CERTIFICATE_RENDER_JOB,
  REPLACED_REASON,
  type CertificateRequest,
  type ParticipationInput,
  type BatchProgress,
  type BatchIssueInput,
} from './certificates.service';
export { CertificateRenderJob } from './jobs/certificate-render.job';
export { formatCertificateCode, normaliseCertificateCode, generateCertificateCode } from './code';
export { CERTIFICATE_LIMITS } from './certificate-input';
export { renderCertificatePdf, certificateTexts, type CertificatePdfData } from './pdf/certificate-pdf';
export { CERTIFICATE_STORAGE, LocalCertificateStorage, ObjectCertificateStorage, createCertificateStorage, type CertificateFileStorage } from './storage/certificate-storage';
export { CertificateModel, CertificateVerification, CertificateBatchModel } from './dto/certificate.model';
export * from './credentials';
export { Signatory, SignatoryInput } from './dto/certificate.model';
