import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type AnonymiseContext, type PersonalDataContributor } from '@alliance/server-identity';
import { formatCertificateCode } from './code';

/**
 * Certificates' share of a person's data. Deletion KEEPS the recipient's name on issued
 * certificates: a certificate is a record issued to a named person, its signed credential and its
 * PDF (whose SHA-256 is stored) carry that name, and verification exists to confirm who earned it.
 * Replacing the name would make the verification page contradict the document in the holder's
 * hands. The e-mail goes (the credential holds only a salted hash of it) and the certificate is no
 * longer reachable through the person's account or the old address, which a new account may reuse.
 */
@Injectable()
export class CertificatesPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'certificates';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const rows = (await manager.query(
      `SELECT c.code, c.kind, c.title, c.recipient_name AS "recipientName", c.recipient_email AS "recipientEmail", c.locale, c.hours,
              c.start_date AS "startDate", c.end_date AS "endDate", c.issuer_name AS "issuerName", c.issued_at AS "issuedAt",
              c.status, c.revoked_at AS "revokedAt", c.revocation_reason AS "revocationReason"
         FROM certificates c
        WHERE c.recipient_user_id = $1
           OR (c.recipient_email = (SELECT email FROM users WHERE id = $1 AND email_verified_at IS NOT NULL))
        ORDER BY c.issued_at, c.code`,
      [userId],
    )) as Array<{ code: string }>;
    // The code as printed on the certificate and typed on the verification page.
    return rows.map((row) => ({ ...row, code: formatCertificateCode(row.code) }));
  }

  async anonymise(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void> {
    // The recipient key may spell the address ('email:<address>'); each certificate gets its own
    // key so the unique index on (key, achievement) can never collide.
    await manager.query(
      `UPDATE certificates
          SET recipient_email = $2,
              recipient_key = CASE WHEN recipient_key LIKE 'email:%' THEN 'deleted:' || id::text ELSE recipient_key END,
              updated_at = now()
        WHERE recipient_user_id = $1 OR recipient_email = $3`,
      [userId, context.placeholderEmail, context.previousEmail],
    );
  }
}
