import { Controller, Get, NotFoundException, Param, Req, StreamableFile, Header, Inject } from '@nestjs/common';
import type { Request } from 'express';
import { SessionService } from '@alliance/server-identity';
import { CertificatesService } from './certificates.service';
import { formatCertificateCode } from './code';
import { CERTIFICATE_STORAGE, type CertificateFileStorage } from './storage/certificate-storage';

/**
 * Downloads of a certificate's PDF and signed credential: only the recipient (signed in, by account
 * or verified e-mail) or an administrator. Everyone else gets 404, so codes cannot be probed here.
 */
@Controller('api/certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly sessions: SessionService,
    @Inject(CERTIFICATE_STORAGE) private readonly storage: CertificateFileStorage,
  ) {}

  @Get(':code/pdf')
  @Header('Cache-Control', 'private, no-store')
  async pdf(@Param('code') code: string, @Req() req: Request): Promise<StreamableFile> {
    const certificate = await this.allowed(code, req);
    const pdf = certificate.pdfKey ? await this.storage.get(certificate.pdfKey) : null;
    if (!pdf) throw new NotFoundException();
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="certificate-${formatCertificateCode(certificate.code)}.pdf"`,
      length: pdf.length,
    });
  }

  @Get(':code/credential')
  @Header('Cache-Control', 'private, no-store')
  async credential(@Param('code') code: string, @Req() req: Request): Promise<StreamableFile> {
    const certificate = await this.allowed(code, req);
    if (!certificate.credential) throw new NotFoundException();
    const body = Buffer.from(JSON.stringify(certificate.credential, null, 2));
    return new StreamableFile(body, {
      type: 'application/vc+ld+json',
      disposition: `attachment; filename="credential-${formatCertificateCode(certificate.code)}.json"`,
      length: body.length,
    });
  }

  private async allowed(code: string, req: Request) {
    const certificate = await this.certificates.findByCode(code);
    if (!certificate || certificate.renderStatus !== 'rendered') throw new NotFoundException();
    const user = await this.sessions.resolveRequest(req);
    if (!(await this.certificates.mayDownload(certificate, user))) throw new NotFoundException();
    return certificate;
  }
}
