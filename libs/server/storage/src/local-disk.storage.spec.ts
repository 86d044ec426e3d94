import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskStorage } from './local-disk.storage';
import { filesUnder } from './testing/fixtures';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-local-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes, reads and deletes a file, reporting its size and SHA-256', async () => {
    const content = 'Guía de buenas prácticas: tutorías entre pares en escuelas rurales de Bolivia';
    const stored = await storage.write('evidence/item-1/v1.pdf', Readable.from([Buffer.from(content)]));
    expect(stored).toEqual({ size: Buffer.byteLength(content), sha256: sha256(content) });
    expect(fs.readFileSync(path.join(root, 'evidence', 'item-1', 'v1.pdf'), 'utf8')).toBe(content);
    expect(await text((await storage.read('evidence/item-1/v1.pdf'))!)).toBe(content);

    await storage.delete('evidence/item-1/v1.pdf');
    expect(await storage.read('evidence/item-1/v1.pdf')).toBeNull();
    await expect(storage.delete('evidence/item-1/v1.pdf')).resolves.toBeUndefined();
    expect(filesUnder(root)).toEqual([]);
  });

  it('answers null for a key never written', async () => {
    expect(await storage.read('evidence/none.pdf')).toBeNull();
  });

  it('shows nothing under the key until the write completes', async () => {
    const body = new PassThrough();
    const writing = storage.write('evidence/slow.csv', body);
    body.write('país,año\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(await storage.read('evidence/slow.csv')).toBeNull();
    body.end('Chile,2024\n');
    await writing;
    expect(await text((await storage.read('evidence/slow.csv'))!)).toBe('país,año\nChile,2024\n');
  });

  it('leaves nothing behind when the body fails or is destroyed midway', async () => {
    const failing = new PassThrough();
    const first = storage.write('evidence/broken.pdf', failing);
    failing.write(Buffer.alloc(100_000, 1));
    setTimeout(() => failing.destroy(new Error('connection reset')), 20);
    await expect(first).rejects.toThrow('connection reset');

    const abandoned = new PassThrough();
    const second = storage.write('evidence/abandoned.pdf', abandoned);
    abandoned.write(Buffer.alloc(100_000, 2));
    setTimeout(() => abandoned.destroy(), 20);
    await expect(second).rejects.toThrow();

    expect(filesUnder(root)).toEqual([]);
  });

  it('replaces a file atomically when the same key is written again', async () => {
    await storage.write('a.csv', Readable.from([Buffer.from('v,1\n')]));
    const broken = new PassThrough();
    const failed = storage.write('a.csv', broken);
    broken.write('v,2\n');
    setTimeout(() => broken.destroy(new Error('gone')), 20);
    await expect(failed).rejects.toThrow('gone');
    expect(await text((await storage.read('a.csv'))!)).toBe('v,1\n');
    expect(filesUnder(root).map((f) => path.relative(root, f))).toEqual(['a.csv']);
  });

  it('refuses keys that could leave the uploads directory', async () => {
    for (const key of ['../outside.pdf', '/etc/passwd', 'a//b.pdf', 'a/../../b.pdf', '', 'a\\b.pdf', '.hidden']) {
      await expect(storage.write(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/Invalid storage key/);
      await expect(storage.read(key)).rejects.toThrow(/Invalid storage key/);
    }
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
