import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@alliance/server-graphql';
import { LocaleEnum } from '@alliance/server-identity';
import { translator } from '@alliance/shared-i18n';
import type { Locale } from '@alliance/shared-core';
import type { Certificate, CertificateKind, CertificateRenderStatus, CertificateStatus } from '../entities';
import { formatCertificateCode } from '../code';
import { CertificateKindEnum, CertificateRenderStatusEnum, CertificateStatusEnum } from './enums';

@ObjectType()
export class Signatory {
  @Field() name: string;
  @Field() title: string;
  @Field() organisation: string;
}

@InputType()
export class SignatoryInput {
  @Field() name: string;
  @Field() title: string;
  @Field() organisation: string;
}

/** What a reissue stores as the reason, translated for the reader. */
function reasonFor(certificate: Certificate, locale: Locale): string | null {
  if (certificate.revocationReason === 'replaced') return String(translator(locale)('certificates:replacedReason'));
  return certificate.revocationReason;
}

/** Public: what was issued, without the e-mail or any other personal data beyond the printed name. */
@ObjectType()
export class CertificateVerification {
  @Field() code: string;
  @Field(() => CertificateKindEnum) kind: CertificateKind;
  @Field() recipientName: string;
  @Field() title: string;
  @Field(() => Float, { nullable: true }) hours: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startDate: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endDate: string | null;
  @Field() issuerName: string;
  @Field(() => [String]) coIssuers: string[];
  @Field(() => [Signatory]) signatories: Signatory[];
  @Field() issuedAt: Date;
  @Field(() => CertificateStatusEnum) status: CertificateStatus;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revocationReason: string | null;
  @Field(() => LocaleEnum, { description: 'Language the certificate was issued in.' }) locale: Locale;

  static from(c: Certificate, readerLocale: Locale): CertificateVerification {
    return Object.assign(new CertificateVerification(), {
      code: formatCertificateCode(c.code),
      kind: c.kind,
      recipientName: c.recipientName,
      title: c.title,
      hours: c.hours,
      startDate: c.startDate,
      endDate: c.endDate,
      issuerName: c.issuerName,
      coIssuers: c.coIssuers,
      signatories: c.signatories,
      issuedAt: c.issuedAt,
      status: c.status,
      revokedAt: c.revokedAt,
      revocationReason: reasonFor(c, readerLocale),
      locale: c.locale,
    });
  }
}

@ObjectType('Certificate')
export class CertificateModel extends CertificateVerification {
  @Field(() => ID) id: string;
  @Field() recipientEmail: string;
  @Field(() => CertificateRenderStatusEnum) renderStatus: CertificateRenderStatus;
  @Field(() => String, { nullable: true, description: 'Once rendered; for the recipient or an administrator.' }) pdfUrl: string | null;
  @Field(() => String, { nullable: true, description: 'Once rendered; for the recipient or an administrator.' }) credentialUrl: string | null;
  @Field() verificationUrl: string;

  static fromCertificate(c: Certificate, readerLocale: Locale, verificationUrl: string): CertificateModel {
    const code = formatCertificateCode(c.code);
    const rendered = c.renderStatus === 'rendered';
    return Object.assign(new CertificateModel(), CertificateVerification.from(c, readerLocale), {
      id: c.id,
      recipientEmail: c.recipientEmail,
      renderStatus: c.renderStatus,
      pdfUrl: rendered ? `/api/certificates/${code}/pdf` : null,
      credentialUrl: rendered ? `/api/certificates/${code}/credential` : null,
      verificationUrl,
    });
  }
}

export const CertificateConnection = Connection(CertificateModel, 'Certificate');

@ObjectType('CertificateBatch')
export class CertificateBatchModel {
  @Field(() => ID) id: string;
  @Field(() => Int) total: number;
  @Field(() => Int) rendered: number;
  @Field(() => Int) failed: number;
  @Field() done: boolean;
  @Field() createdAt: Date;
}
