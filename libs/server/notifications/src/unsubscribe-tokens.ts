import { Injectable } from '@nestjs/common';
import { SigningSecrets } from './signing-secrets.service';

const SECRET_NAME = 'unsubscribe';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an unsubscribe link switches off: one type, or every type in a digest ('digest.daily'). */
export interface UnsubscribeScope {
  userId: string;
  scope: string;
}

/** `<base64url(userId:scope)>.<HMAC>`: no expiry (links in old e-mails keep working), unforgeable. */
@Injectable()
export class UnsubscribeTokens {
  constructor(private readonly secrets: SigningSecrets) {}

  /** Loads the signing secret now, so later calls need no database connection. */
  async warm(): Promise<void> {
    await this.secrets.sign(SECRET_NAME, '');
  }

  async create({ userId, scope }: UnsubscribeScope): Promise<string> {
    const payload = Buffer.from(`${userId}:${scope}`).toString('base64url');
    return `${payload}.${await this.secrets.sign(SECRET_NAME, payload)}`;
  }

  /** The scope of a genuine token; null for anything tampered with or malformed. */
  async read(token: unknown): Promise<UnsubscribeScope | null> {
    if (typeof token !== 'string' || token.length > 600) return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    if (!(await this.secrets.verify(SECRET_NAME, payload, signature))) return null;
    const decoded = Buffer.from(payload, 'base64url').toString('utf8');
    const colon = decoded.indexOf(':');
    const userId = decoded.slice(0, colon);
    const scope = decoded.slice(colon + 1);
    if (colon < 0 || !UUID.test(userId) || !scope) return null;
    return { userId, scope };
  }
}
