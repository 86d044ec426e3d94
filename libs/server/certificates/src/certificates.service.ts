import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError, RateLimitService, paginate, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { AuditService, User } from '@alliance/server-identity';
import { MailOutbox } from '@alliance/server-mail';
import { NotificationsService } from '@alliance/server-notifications';
import { OutboxService, QueueName } from '@alliance/server-queue';
import { DEFAULT_LOCALE, emailSchema, isLocale, toFieldErrors, type FieldErrorDescriptor, type Locale } from '@alliance/shared-core';
import { CredentialService } from './credentials';
import { Certificate, CertificateBatch, type CertificateKind, type CertificateStatus, type SignatoryData } from './entities';
import { formatCertificateCode, generateCertificateCode, normaliseCertificateCode } from './code';
import {
  CERTIFICATE_LIMITS,
  achievementSchema,
  parseRecipientCsv,
  recipientNameSchema,
  revocationReasonSchema,
  validateRecipients,
  withCounts,
  type RecipientRow,
} from './certificate-input';

/** Job of the certificates queue that renders one certificate (PDF + credential) and announces it. */
export const CERTIFICATE_RENDER_JOB = 'certificate.render';
/** Stored as the revocation reason of a certificate replaced by a reissue; shown translated. */
export const REPLACED_REASON = 'replaced';

/** What another domain asks for, inside its own transaction. */
export interface CertificateRequest {
  /** The account, when known; otherwise the e-mail is matched against accounts. */
  recipientUserId?: string | null;
  /** Printed exactly as given. */
  recipientName: string;
  recipientEmail: string;
  /** Language of the certificate; defaults to the account's language, else Spanish. */
  locale?: Locale | null;
  kind: CertificateKind;
  /** What it is for, e.g. 'course:<id>': one issued certificate per recipient and achievement. */
  achievementKey: string;
  title: string;
  hours?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  issuerName: string;
  coIssuers?: string[] | null;
  signatories: SignatoryData[];
  batchId?: string | null;
}

export interface ParticipationInput {
  title: string;
  hours?: number | null;
  startDate: string;
  endDate: string;
  issuerName: string;
  coIssuers?: string[] | null;
  signatories: SignatoryData[];
  recipients?: Array<{ name: string; email: string; locale?: string | null }> | null;
  csv?: string | null;
}

/** issueBatch(): certificates of one achievement for a list of recipients (another domain's batch). */
export interface BatchIssueInput {
  kind: CertificateKind;
  /** One issued certificate per recipient and achievement, e.g. 'workshop:<id>'. */
  achievementKey: string;
  /** The batch's title, and each certificate's unless a recipient has their own (e.g. in their language). */
  title: string;
  recipients: Array<{ userId?: string | null; name: string; email: string; locale?: string | null; title?: string | null }>;
  hours?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  issuerName: string;
  coIssuers?: string[] | null;
  signatories: SignatoryData[];
  createdById?: string | null;
}

export interface BatchProgress {
  id: string;
  total: number;
  rendered: number;
  failed: number;
  done: boolean;
  createdAt: Date;
}

export interface CertificateListArgs extends PageArgs {
  search?: string | null;
  status?: CertificateStatus | null;
}

interface InsertRow {
  code: string;
  kind: CertificateKind;
  recipientUserId: string | null;
  recipientName: string;
  recipientEmail: string;
  recipientKey: string;
  achievementKey: string;
  batchId: string | null;
  locale: Locale;
  title: string;
  hours: number | null;
  startDate: string | null;
  endDate: string | null;
  issuerName: string;
  coIssuers: string[];
  signatories: SignatoryData[];
  statusListIndex: number;
}

const INSERT_COLUMNS = [
  'code', 'kind', 'recipient_user_id', 'recipient_name', 'recipient_email', 'recipient_key', 'achievement_key', 'batch_id', 'locale',
  'title', 'hours', 'start_date', 'end_date', 'issuer_name', 'co_issuers', 'signatories', 'status_list_index',
] as const;
const INSERT_CHUNK = 500;

function recipientKey(userId: string | null, email: string): string {
  return userId ? `user:${userId}` : `email:${email}`;
}

/**
 * Issuing, revoking and reissuing certificates, and reading them. The only place that writes the
 * certificates tables. Rendering (PDF, credential, announcement) happens in the certificate.render job.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly credentials: CredentialService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailOutbox,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
  ) {}

  verificationUrl(code: string): string {
    return `${this.config.publicUrl}/verify/${formatCertificateCode(code)}`;
  }

  /**
   * Asks for a certificate inside the caller's transaction: inserts it (or finds the one already
   * issued for this recipient and achievement) and queues its rendering, which happens only if the
   * caller commits. Safe to call twice, also concurrently: the database keeps one.
   */
  async requestCertificate(manager: EntityManager, request: CertificateRequest): Promise<{ certificate: Certificate; created: boolean }> {
    const achievement = achievementSchema.safeParse({ ...request });
    const name = recipientNameSchema.safeParse(request.recipientName);
    const email = emailSchema.safeParse(request.recipientEmail);
    const errors = [
      ...(achievement.success ? [] : withCounts(toFieldErrors(achievement.error))),
      ...(name.success ? [] : [{ field: 'recipientName', key: 'certificates:nameInvalid' }]),
      ...(email.success ? [] : [{ field: 'recipientEmail', key: 'validation:emailInvalid' }]),
      ...(request.achievementKey?.trim() ? [] : [{ field: 'achievementKey', key: 'validation:required' }]),
    ];
    if (!achievement.success || !name.success || !email.success || errors.length) throw AppError.badInput(errors);
    const account = request.recipientUserId
      ? await manager.findOneBy(User, { id: request.recipientUserId })
      : await manager.findOneBy(User, { email: email.data });
    const locale = isLocale(request.locale) ? request.locale : (account?.preferredLocale ?? DEFAULT_LOCALE);
    const userId = account?.id ?? null;
    const row: InsertRow = {
      code: generateCertificateCode(),
      kind: achievement.data.kind,
      recipientUserId: userId,
      recipientName: name.data,
      recipientEmail: email.data,
      recipientKey: recipientKey(userId, email.data),
      achievementKey: request.achievementKey.trim(),
      batchId: request.batchId ?? null,
      locale,
      title: achievement.data.title,
      hours: achievement.data.hours ?? null,
      startDate: achievement.data.startDate ?? null,
      endDate: achievement.data.endDate ?? null,
      issuerName: achievement.data.issuerName,
      coIssuers: achievement.data.coIssuers,
      signatories: achievement.data.signatories,
      statusListIndex: await this.credentials.allocateStatusIndex(manager),
    };
    const [inserted] = await this.insertCertificates(manager, [row]);
    if (inserted) return { certificate: await manager.findOneByOrFail(Certificate, { id: inserted }), created: true };
    // ON CONFLICT waited for a concurrent insert to commit; this statement's snapshot sees it.
    const existing = await manager.findOneBy(Certificate, { recipientKey: row.recipientKey, achievementKey: row.achievementKey, status: 'issued' });
    if (!existing) throw AppError.conflict();
    return { certificate: existing, created: false };
  }

  /** Multi-row INSERT ... ON CONFLICT DO NOTHING plus one outbox row per new certificate; returns new ids. */
  private async insertCertificates(manager: EntityManager, rows: InsertRow[]): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const values: unknown[] = [];
      const tuples = chunk.map((r, i) => {
        values.push(
          r.code, r.kind, r.recipientUserId, r.recipientName, r.recipientEmail, r.recipientKey, r.achievementKey, r.batchId, r.locale,
          r.title, r.hours, r.startDate, r.endDate, r.issuerName, JSON.stringify(r.coIssuers), JSON.stringify(r.signatories), r.statusListIndex,
        );
        const b = i * INSERT_COLUMNS.length;
        return `(${INSERT_COLUMNS.map((column, j) => `$${b + j + 1}${column === 'co_issuers' || column === 'signatories' ? '::jsonb' : ''}`).join(', ')})`;
      });
      const result: Array<{ id: string }> = await manager.query(
        `INSERT INTO certificates (${INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
         ON CONFLICT (recipient_key, achievement_key) WHERE status = 'issued' DO NOTHING RETURNING id`,
        values,
      );
      ids.push(...result.map((r) => r.id));
    }
    await this.outbox.enqueueMany(manager, ids.map((id) => ({ queue: QueueName.Certificates, name: CERTIFICATE_RENDER_JOB, id })));
    return ids;
  }

  /**
   * Hand-made participation certificates for a list of people (or CSV). Every row is checked first;
   * any bad row means BAD_USER_INPUT naming each bad row, and nothing is issued.
   */
  async issueParticipation(adminId: string, input: ParticipationInput): Promise<BatchProgress> {
    const errors: FieldErrorDescriptor[] = [];
    const achievement = achievementSchema.safeParse({ ...input, kind: 'PARTICIPATION' });
    if (!achievement.success) errors.push(...withCounts(toFieldErrors(achievement.error)));
    if (!input.startDate) errors.push({ field: 'startDate', key: 'certificates:dateInvalid' });
    if (!input.endDate) errors.push({ field: 'endDate', key: 'certificates:dateInvalid' });

    const hasList = Array.isArray(input.recipients) && input.recipients.length > 0;
    const hasCsv = typeof input.csv === 'string' && input.csv.trim().length > 0;
    let recipients: RecipientRow[] = [];
    if (hasList && hasCsv) errors.push({ field: 'recipients', key: 'certificates:recipientsAndCsv' });
    else if (!hasList && !hasCsv) errors.push({ field: 'recipients', key: 'certificates:recipientsMissing' });
    else {
      const raw = hasCsv ? parseRecipientCsv(input.csv!) : input.recipients!.map((r, i) => ({ ...r, line: i + 1 }));
      if (!Array.isArray(raw)) errors.push(raw);
      else if (raw.length === 0) errors.push({ field: 'recipients', key: 'certificates:recipientsMissing' });
      else if (raw.length > CERTIFICATE_LIMITS.bulkMax) errors.push({ field: 'recipients', key: 'certificates:tooManyRecipients', params: { count: CERTIFICATE_LIMITS.bulkMax } });
      else {
        const checked = validateRecipients(raw);
        errors.push(...checked.errors);
        recipients = checked.rows;
      }
    }
    if (errors.length || !achievement.success) throw AppError.badInput(errors);
    const data = achievement.data;

    const batch = await this.dataSource.transaction(async (manager) => {
      const created = await manager.save(manager.create(CertificateBatch, { title: data.title, total: recipients.length, createdById: adminId }));
      const accounts = await manager.find(User, { where: { email: In(recipients.map((r) => r.email)) } });
      const byEmail = new Map(accounts.map((user) => [user.email, user]));
      const rows: InsertRow[] = [];
      for (const recipient of recipients) {
        const account = byEmail.get(recipient.email);
        const userId = account?.id ?? null;
        rows.push({
          code: generateCertificateCode(),
          kind: 'PARTICIPATION',
          recipientUserId: userId,
          recipientName: recipient.name,
          recipientEmail: recipient.email,
          recipientKey: recipientKey(userId, recipient.email),
          achievementKey: `manual:${created.id}`,
          batchId: created.id,
          locale: recipient.locale ?? account?.preferredLocale ?? DEFAULT_LOCALE,
          title: data.title,
          hours: data.hours ?? null,
          startDate: data.startDate ?? null,
          endDate: data.endDate ?? null,
          issuerName: data.issuerName,
          coIssuers: data.coIssuers,
          signatories: data.signatories,
          statusListIndex: await this.credentials.allocateStatusIndex(manager),
        });
      }
      const ids = await this.insertCertificates(manager, rows);
      // The achievement key is new and the e-mails distinct, so every row must have gone in.
      if (ids.length !== rows.length) throw new Error(`Expected ${rows.length} new certificates, inserted ${ids.length}`);
      await this.audit.record(manager, {
        actorId: adminId,
        action: 'certificate.issueBatch',
        targetType: 'certificateBatch',
        targetId: created.id,
        targetLabel: data.title,
        params: { count: rows.length },
        before: null,
        after: { title: data.title, recipients: rows.length },
      });
      return created;
    });
    return (await this.batchProgress(batch.id))!;
  }

  /**
   * One batch of certificates for known recipients, asked for by another domain inside its own
   * transaction (e.g. a workshop's attendance certificates): the batch row, one certificate per
   * recipient (a recipient already holding this achievement keeps theirs and is not counted) and
   * their render jobs, all committed with the caller. Progress: batchProgress(batchId). Every row
   * is checked before any SQL, so a refusal leaves the caller's transaction usable.
   */
  async issueBatch(manager: EntityManager, input: BatchIssueInput): Promise<{ batchId: string; created: number }> {
    const errors: FieldErrorDescriptor[] = [];
    const achievement = achievementSchema.safeParse({ ...input });
    if (!achievement.success) errors.push(...withCounts(toFieldErrors(achievement.error)));
    if (!input.achievementKey?.trim()) errors.push({ field: 'achievementKey', key: 'validation:required' });
    if (input.recipients.length > CERTIFICATE_LIMITS.bulkMax) errors.push({ field: 'recipients', key: 'certificates:tooManyRecipients', params: { count: CERTIFICATE_LIMITS.bulkMax } });
    const recipients = input.recipients.map((r, i) => {
      const name = recipientNameSchema.safeParse(r.name);
      const email = emailSchema.safeParse(r.email);
      const title = r.title === undefined || r.title === null ? null : achievementSchema.safeParse({ ...input, title: r.title });
      if (!name.success) errors.push({ field: `recipients.${i}.name`, key: 'certificates:nameInvalid' });
      if (!email.success) errors.push({ field: `recipients.${i}.email`, key: 'validation:emailInvalid' });
      if (title && !title.success) errors.push({ field: `recipients.${i}.title`, key: 'certificates:titleInvalid' });
      return { ...r, name: name.data ?? '', email: email.data ?? '', title: title?.success ? title.data.title : null };
    });
    if (errors.length || !achievement.success) throw AppError.badInput(errors);
    const data = achievement.data;
    const achievementKey = input.achievementKey.trim();
    const batch = await manager.save(manager.create(CertificateBatch, { title: data.title.slice(0, 300), total: 0, createdById: input.createdById ?? null }));
    const emails = recipients.filter((r) => !r.userId).map((r) => r.email);
    const userIds = recipients.flatMap((r) => (r.userId ? [r.userId] : []));
    const accounts = [
      ...(emails.length ? await manager.find(User, { where: { email: In(emails) } }) : []),
      ...(userIds.length ? await manager.find(User, { where: { id: In(userIds) } }) : []),
    ];
    const byEmail = new Map(accounts.map((user) => [user.email, user]));
    const byId = new Map(accounts.map((user) => [user.id, user]));
    const rows: InsertRow[] = [];
    for (const r of recipients) {
      const account = (r.userId ? byId.get(r.userId) : undefined) ?? byEmail.get(r.email);
      const userId = r.userId ?? account?.id ?? null;
      rows.push({
        code: generateCertificateCode(),
        kind: data.kind,
        recipientUserId: userId,
        recipientName: r.name,
        recipientEmail: r.email,
        recipientKey: recipientKey(userId, r.email),
        achievementKey,
        batchId: batch.id,
        locale: isLocale(r.locale) ? r.locale : (account?.preferredLocale ?? DEFAULT_LOCALE),
        title: r.title ?? data.title,
        hours: data.hours ?? null,
        startDate: data.startDate ?? null,
        endDate: data.endDate ?? null,
        issuerName: data.issuerName,
        coIssuers: data.coIssuers,
        signatories: data.signatories,
        statusListIndex: await this.credentials.allocateStatusIndex(manager),
      });
    }
    const ids = await this.insertCertificates(manager, rows);
    await manager.update(CertificateBatch, { id: batch.id }, { total: ids.length });
    return { batchId: batch.id, created: ids.length };
  }

  async batchProgress(id: string): Promise<BatchProgress | null> {
    const [row]: Array<{ id: string; total: number; created_at: Date; rendered: number; failed: number }> = await this.dataSource.query(
      `SELECT b.id, b.total, b.created_at,
              count(c.id) FILTER (WHERE c.render_status = 'rendered')::int AS rendered,
              count(c.id) FILTER (WHERE c.render_status = 'failed')::int AS failed
         FROM certificate_batches b LEFT JOIN certificates c ON c.batch_id = b.id
        WHERE b.id = $1 GROUP BY b.id`,
      [id],
    );
    if (!row) return null;
    return { id: row.id, total: row.total, rendered: row.rendered, failed: row.failed, done: row.rendered + row.failed >= row.total, createdAt: row.created_at };
  }

  /** Revokes an issued certificate: its status, the credential's status-list bit and a notice, together. */
  /** `actorId`: the administrator, for the audit log (null when the system revokes). */
  async revoke(id: string, reasonInput: string, actorId: string | null = null): Promise<Certificate> {
    const reason = revocationReasonSchema.safeParse(reasonInput);
    if (!reason.success) throw AppError.badInput(withCounts(toFieldErrors(reason.error).map((e) => ({ ...e, field: 'reason' }))));
    return this.dataSource.transaction(async (manager) => {
      const revoked = await this.markRevoked(manager, id, reason.data);
      await this.audit.record(manager, {
        actorId,
        action: 'certificate.revoke',
        targetType: 'certificate',
        targetId: revoked.id,
        targetLabel: `${revoked.title} · ${revoked.recipientName}`,
        params: { reason: reason.data },
        before: { status: 'issued' },
        after: { status: 'revoked', revocationReason: reason.data },
      });
      await this.announce(manager, revoked, 'certificate.revoked');
      return revoked;
    });
  }

  /**
   * Revokes the certificate as "replaced" and issues a new code with the same data (and, when
   * given, a corrected name), in one transaction.
   */
  async reissue(id: string, recipientName?: string | null, actorId: string | null = null): Promise<Certificate> {
    let name: string | undefined;
    if (recipientName != null) {
      const parsed = recipientNameSchema.safeParse(recipientName);
      if (!parsed.success) throw AppError.badInput([{ field: 'recipientName', key: 'certificates:nameInvalid' }]);
      name = parsed.data;
    }
    return this.dataSource.transaction(async (manager) => {
      const old = await this.markRevoked(manager, id, REPLACED_REASON);
      const { certificate } = await this.requestCertificate(manager, {
        recipientUserId: old.recipientUserId,
        recipientName: name ?? old.recipientName,
        recipientEmail: old.recipientEmail,
        locale: old.locale,
        kind: old.kind,
        achievementKey: old.achievementKey,
        title: old.title,
        hours: old.hours,
        startDate: old.startDate,
        endDate: old.endDate,
        issuerName: old.issuerName,
        coIssuers: old.coIssuers,
        signatories: old.signatories,
        batchId: old.batchId,
      });
      await manager.update(Certificate, { id: old.id }, { replacedById: certificate.id });
      await this.audit.record(manager, {
        actorId,
        action: 'certificate.reissue',
        targetType: 'certificate',
        targetId: old.id,
        targetLabel: `${old.title} · ${old.recipientName}`,
        params: { replacedById: certificate.id },
        before: { status: 'issued', recipientName: old.recipientName },
        after: { status: 'revoked', recipientName: certificate.recipientName, replacedById: certificate.id },
      });
      return certificate;
    });
  }

  /** Conditional update, so two concurrent revocations cannot both succeed. */
  private async markRevoked(manager: EntityManager, id: string, reason: string): Promise<Certificate> {
    if (!isUuid(id)) throw AppError.notFound('certificates:notFound');
    const result = await manager
      .createQueryBuilder()
      .update(Certificate)
      .set({ status: 'revoked', revokedAt: () => 'now()', revocationReason: reason })
      .where('id = :id AND status = :issued', { id, issued: 'issued' })
      .returning('id')
      .execute();
    if (!result.affected) {
      const exists = await manager.existsBy(Certificate, { id });
      if (!exists) throw AppError.notFound('certificates:notFound');
      throw AppError.conflict('certificates:alreadyRevoked');
    }
    const certificate = await manager.findOneByOrFail(Certificate, { id });
    await this.credentials.setRevoked(certificate.statusListIndex, true, manager);
    return certificate;
  }

  /**
   * Tells the recipient, in the caller's transaction: a notification for people with an account,
   * an e-mail (issued only) for people without one.
   */
  async announce(manager: EntityManager, certificate: Certificate, type: 'certificate.issued' | 'certificate.revoked'): Promise<void> {
    const code = formatCertificateCode(certificate.code);
    if (certificate.recipientUserId) {
      await this.notifications.notify(manager, {
        userIds: [certificate.recipientUserId],
        type,
        data: { title: certificate.title, code },
        link: '/certificates',
        dedupeKey: certificate.id,
      });
    } else if (type === 'certificate.issued') {
      await this.mail.queueEmail(manager, {
        to: certificate.recipientEmail,
        toName: certificate.recipientName,
        locale: certificate.locale,
        template: 'certificateIssued',
        params: {
          name: certificate.recipientName,
          title: certificate.title,
          code,
          verifyLink: this.verificationUrl(certificate.code),
          link: `${this.config.publicUrl}/certificates`,
        },
      });
    }
  }

  /** Public look-up; null for unknown or malformed codes. */
  async findByCode(input: string): Promise<Certificate | null> {
    const code = normaliseCertificateCode(input);
    if (!code) return null;
    return this.dataSource.getRepository(Certificate).findOneBy({ code });
  }

  findById(id: string): Promise<Certificate | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(Certificate).findOneBy({ id });
  }

  /**
   * Counts one public look-up from an IP and refuses beyond CERTIFICATE_LIMITS.lookupsPerMinute.
   * Counted in Redis (RateLimitService, shared by all api processes): a public endpoint that wrote
   * a PostgreSQL row per request would hand whoever floods it the database's write capacity.
   */
  async countLookup(ip: string): Promise<void> {
    await this.limits.consume('certificateLookupPerIp', ip);
  }

  /** Whether this person may download the certificate's files: the recipient (by account or verified e-mail) or an admin. */
  async mayDownload(certificate: Certificate, user: { id: string; email: string; roles: string[] } | undefined): Promise<boolean> {
    if (!user) return false;
    if (user.roles.includes('ADMIN')) return true;
    if (certificate.recipientUserId === user.id) return true;
    if (certificate.recipientEmail !== user.email.toLowerCase()) return false;
    const account = await this.dataSource.getRepository(User).findOneBy({ id: user.id });
    return !!account?.emailVerifiedAt && account.email === certificate.recipientEmail;
  }

  /** The signed-in person's certificates: by account, or by their verified e-mail (issued before they signed up). */
  async listMine(user: { id: string }, args: PageArgs): Promise<ConnectionShape<Certificate>> {
    const account = await this.dataSource.getRepository(User).findOneBy({ id: user.id });
    const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c');
    if (account?.emailVerifiedAt) qb.where('(c.recipient_user_id = :id OR c.recipient_email = :email)', { id: user.id, email: account.email });
    else qb.where('c.recipient_user_id = :id', { id: user.id });
    return this.page(qb, args);
  }

  async list(args: CertificateListArgs): Promise<ConnectionShape<Certificate>> {
    const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c').where('true');
    if (args.status) qb.andWhere('c.status = :status', { status: args.status });
    const search = args.search?.trim();
    if (search) {
      const code = normaliseCertificateCode(search);
      const like = `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      qb.andWhere('(c.recipient_name ILIKE :like OR c.recipient_email ILIKE :like OR c.title ILIKE :like OR c.code = :code)', { like, code: code ?? '' });
    }
    return this.page(qb, args);
  }

  private page(qb: SelectQueryBuilder<Certificate>, args: PageArgs): Promise<ConnectionShape<Certificate>> {
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', c.issued_at)`,
      direction: 'DESC',
      valueOf: (c) => c.issuedAt.toISOString(),
      idColumn: 'c.id',
      idOf: (c) => c.id,
    });
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
