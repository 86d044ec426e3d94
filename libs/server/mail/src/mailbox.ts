import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** What the dev mailbox lists about one message (kept beside the .eml so listing needs no MIME parser). */
export interface MailboxEntry {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  links: string[];
}

const ID_PATTERN = /^\d{13}-[0-9a-f]{8}$/;

/**
 * Development mail drop: each message is an RFC 822 `<id>.eml` file under `<dataDir>/mail/` plus a
 * small `<id>.json` summary. Ids start with the time in milliseconds, so names sort by age.
 */
export class FileMailbox {
  constructor(readonly dir: string) {}

  async write(raw: Buffer, summary: Omit<MailboxEntry, 'id'>): Promise<string> {
    await fs.mkdir(this.dir, { recursive: true });
    const id = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    await fs.writeFile(path.join(this.dir, `${id}.eml`), raw);
    // The summary appears last and atomically, so a listed message always has its .eml.
    const tmp = path.join(this.dir, `.${id}.json.tmp`);
    await fs.writeFile(tmp, JSON.stringify({ id, ...summary }));
    await fs.rename(tmp, path.join(this.dir, `${id}.json`));
    return id;
  }

  /** Newest first. */
  async list(limit = 200): Promise<MailboxEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const ids = names
      .filter((n) => n.endsWith('.json') && ID_PATTERN.test(n.slice(0, -5)))
      .map((n) => n.slice(0, -5))
      .sort()
      .reverse()
      .slice(0, limit);
    const entries = await Promise.all(
      ids.map(async (id) => {
        try {
          return JSON.parse(await fs.readFile(path.join(this.dir, `${id}.json`), 'utf8')) as MailboxEntry;
        } catch {
          return null;
        }
      }),
    );
    return entries.filter((e): e is MailboxEntry => e !== null);
  }

  /** The raw message, or null for an unknown (or malformed) id. */
  async raw(id: string): Promise<Buffer | null> {
    if (!ID_PATTERN.test(id)) return null;
    try {
      return await fs.readFile(path.join(this.dir, `${id}.eml`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
