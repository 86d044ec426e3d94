import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** HMAC signing with secrets kept in the database, so every api and worker process agrees on them. */
@Injectable()
export class SigningSecrets {
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sign(name: string, message: string): Promise<string> {
    return createHmac('sha256', await this.secret(name)).update(message).digest('base64url');
  }

  async verify(name: string, message: string, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(name, message));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private secret(name: string): Promise<Buffer> {
    let secret = this.cache.get(name);
    if (!secret) {
      secret = this.load(name);
      this.cache.set(name, secret);
      secret.catch(() => this.cache.delete(name));
    }
    return secret;
  }

  /** First use creates it; concurrent first uses agree through the unique name. */
  private async load(name: string): Promise<Buffer> {
    await this.dataSource.query(`INSERT INTO signing_secret (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      randomBytes(32).toString('base64url'),
    ]);
    const [row] = (await this.dataSource.query(`SELECT secret FROM signing_secret WHERE name = $1`, [name])) as Array<{ secret: string }>;
    return Buffer.from(row.secret, 'base64url');
  }
}
