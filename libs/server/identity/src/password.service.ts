import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';

/** OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
// `Algorithm` is an ambient const enum (unusable with isolatedModules); 2 is Argon2id, and the test
// checks the resulting hash says so.
export const ARGON2_OPTIONS: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordService {
  // Hashed once per process; verifying against it makes unknown e-mails cost as much as known ones.
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a failed sign-in, not a crash.
      return false;
    }
  }

  /** Burns the same time as a real verification, for e-mails without an account. */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-' + Math.random());
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
