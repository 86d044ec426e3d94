import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Not, type DataSource } from 'typeorm';
import type { JobContext } from '@alliance/server-queue';
import { CredentialService } from '../credentials';
import { Certificate } from '../entities';
import { formatCertificateCode } from '../code';
import { CertificatesService } from '../certificates.service';
import { renderCertificatePdf } from '../pdf/certificate-pdf';
import { CERTIFICATE_STORAGE, type CertificateFileStorage } from '../storage/certificate-storage';

const MAX_ERROR_LENGTH = 4000;

/**
 * `certificates/certificate.render`: PDF, signed credential, then "rendered" and the announcement
 * in one transaction. The certificate row is locked for the whole run, so a job delivered twice
 * (or run concurrently) renders once: the second run waits, then sees "rendered" and stops. The
 * render itself is one short page (tens of milliseconds), so the worker's lock renewal keeps up.
 */
@Injectable()
export class CertificateRenderJob {
  private readonly logger = new Logger('CertificateRenderJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly certificates: CertificatesService,
    private readonly credentials: CredentialService,
    @Inject(CERTIFICATE_STORAGE) private readonly storage: CertificateFileStorage,
  ) {}

  readonly handle = async (job: JobContext): Promise<void> => {
    try {
      await this.dataSource.transaction(async (manager) => {
        const certificate = await manager.findOne(Certificate, { where: { id: job.id }, lock: { mode: 'pessimistic_write' } });
        if (!certificate) {
          this.logger.warn(`Certificate ${job.id} does not exist; nothing to render`);
          return;
        }
        if (certificate.renderStatus === 'rendered') return;
        const code = formatCertificateCode(certificate.code);
        const verificationUrl = this.certificates.verificationUrl(certificate.code);
        const pdf = await renderCertificatePdf({
          code,
          kind: certificate.kind,
          locale: certificate.locale,
          recipientName: certificate.recipientName,
          title: certificate.title,
          hours: certificate.hours,
          startDate: certificate.startDate,
          endDate: certificate.endDate,
          issuerName: certificate.issuerName,
          coIssuers: certificate.coIssuers,
          signatories: certificate.signatories,
          issuedAt: certificate.issuedAt,
          verificationUrl,
        });
        const pdfKey = `${certificate.code}.pdf`;
        const { sha256 } = await this.storage.put(pdfKey, pdf);
        const credential = await this.credentials.issue({
          code,
          recipientName: certificate.recipientName,
          recipientEmail: certificate.recipientEmail,
          locale: certificate.locale,
          kind: certificate.kind,
          title: certificate.title,
          hours: certificate.hours,
          startDate: certificate.startDate,
          endDate: certificate.endDate,
          issuerName: certificate.issuerName,
          issuedAt: certificate.issuedAt,
          statusListIndex: certificate.statusListIndex,
          verificationUrl,
        });
        await manager.update(
          Certificate,
          { id: certificate.id },
          { renderStatus: 'rendered', renderedAt: new Date(), pdfKey, pdfSha256: sha256, credential: credential as never, lastError: null, renderAttempts: () => 'render_attempts + 1' },
        );
        // A certificate revoked before it was rendered still gets its files, but no "issued" notice.
        if (certificate.status === 'issued') await this.certificates.announce(manager, certificate, 'certificate.issued');
      });
    } catch (error) {
      // Recorded outside the rolled-back transaction, so administrators see why and how often.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await this.dataSource
        .getRepository(Certificate)
        .update(
          { id: job.id, renderStatus: Not('rendered') },
          { renderAttempts: () => 'render_attempts + 1', lastError: message.slice(0, MAX_ERROR_LENGTH), renderStatus: job.isLastAttempt ? 'failed' : 'pending' },
        );
      throw error;
    }
  };
}
