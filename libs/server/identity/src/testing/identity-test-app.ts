import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutgoingEmail } from '@alliance/server-mail';
import { IdentityModule } from '../identity.module';
import { createModuleTestApp } from './module-test-app';

/**
 * The identity module as the api runs it, on this Jest run's real database (migrated by the
 * global setup) and real Redis (under the run's QUEUE_PREFIX). Test-only.
 */
export function createIdentityTestApp(): Promise<INestApplicationContext> {
  return createModuleTestApp({ module: IdentityModule, poolSize: 12, applicationName: 'identity-test', queue: { role: 'api' }, logger: false });
}

export function unique(prefix = 'person'): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.org`;
}

/** A random private address so tests never share an IP rate-limit bucket. */
export function randomIp(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** E-mails queued for an address, oldest first, as the mail outbox stored them. */
export async function emailsTo(dataSource: DataSource, address: string): Promise<OutgoingEmail[]> {
  return dataSource.getRepository(OutgoingEmail).find({ where: { toAddress: address }, order: { createdAt: 'ASC' } });
}

/** The token inside the last e-mailed link of a template. */
export async function tokenFromLastEmail(dataSource: DataSource, address: string, template: string): Promise<string> {
  const emails = (await emailsTo(dataSource, address)).filter((email) => email.template === template);
  const link = String(emails[emails.length - 1]?.params.link ?? '');
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no ${template} link e-mailed to ${address}`);
  return token;
}
