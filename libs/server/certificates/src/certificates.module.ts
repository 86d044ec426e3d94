import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from '@alliance/server-graphql';
import { IdentityModule } from '@alliance/server-identity';
import { MailModule } from '@alliance/server-mail';
import { NotificationsModule } from '@alliance/server-notifications';
import { APP_CONFIG } from '@alliance/server-config';
import { JobHandlerRegistry, QueueName } from '@alliance/server-queue';
import { FILE_STORAGE } from '@alliance/server-storage';
import { CredentialsModule } from './credentials';
import { CERTIFICATE_ENTITIES } from './entities';
import { CERTIFICATE_RENDER_JOB, CertificatesService } from './certificates.service';
import { CertificatesResolver } from './certificates.resolver';
import { CertificatesController } from './certificates.controller';
import { CertificateRenderJob } from './jobs/certificate-render.job';
import { CERTIFICATE_STORAGE, createCertificateStorage } from './storage/certificate-storage';
import { CertificatesPersonalData } from './personal-data';

/**
 * Certificates: issuing, rendering (worker), verification, downloads, and the Open Badges
 * credentials. Needs the global ConfigModule and QueueModule and the app's TypeORM root.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATE_ENTITIES), IdentityModule, RateLimitModule, MailModule, NotificationsModule, CredentialsModule],
  providers: [
    CertificatesService,
    CertificatesPersonalData,
    CertificatesResolver,
    CertificateRenderJob,
    // FILE_STORAGE is optional so that apps and tests on the local driver need not provide it.
    { provide: CERTIFICATE_STORAGE, inject: [APP_CONFIG, { token: FILE_STORAGE, optional: true }], useFactory: createCertificateStorage },
  ],
  controllers: [CertificatesController],
  exports: [CertificatesService, CredentialsModule, CERTIFICATE_STORAGE],
})
export class CertificatesModule implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly renderJob: CertificateRenderJob,
  ) {}

  onModuleInit(): void {
    this.registry.register(QueueName.Certificates, CERTIFICATE_RENDER_JOB, this.renderJob.handle);
  }
}
