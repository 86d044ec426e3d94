import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import express, { type Request, type Response } from 'express';
import { LocalDiskStorage } from './local-disk.storage';
import { receiveUpload, UploadRefused } from './receive-upload';
import { sendStoredFile, type StoredFileRef } from './send-file';
import { filesUnder } from './testing/fixtures';

/**
 * Files that a browser would run if it took them for a page: HTML, SVG, XHTML, XML, whatever name
 * or type the sender claims. Every evidence file and working-table document goes in through
 * receiveUpload and out through sendStoredFile, so these two are the whole defence.
 */
const HOSTILE: Array<[label: string, bytes: string, filename: string]> = [
  ['HTML page', '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>', 'informe.html'],
  ['HTML named as a PDF', '<html><script>alert(1)</script></html>', 'informe.pdf'],
  ['HTML fragment named as a CSV', '<script>alert(1)</script>,a,b\n1,2,3\n', 'datos.csv'],
  ['leading-space HTML', '   \n<body onload=alert(1)>', 'x.txt'],
  ['SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg'],
  ['SVG with onload, named as a PNG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'logo.png'],
  ['XML prolog then SVG', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'figura.xml'],
  ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', 'p.xhtml'],
  ['UTF-8 BOM then HTML', '\uFEFF<html><script>alert(1)</script></html>', 'bom.csv'],
  ['UTF-16 HTML', Buffer.from('<html><script>alert(1)</script></html>', 'utf16le').toString('latin1'), 'u16.csv'],
];

describe('hostile files: refused on the way in, inert on the way out', () => {
  let root: string;
  let storage: LocalDiskStorage;
  let server: http.Server;
  let base: string;
  const stored = new Map<string, StoredFileRef>();

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-hostile-'));
    storage = new LocalDiskStorage(root);
    const app = express();
    app.post('/upload', async (req: Request, res: Response) => {
      try {
        // The evidence endpoint's rule: every detected type is allowed (it has no allow-list for markup to slip into).
        const file = await receiveUpload(req, { storage, maxBytes: 1024 * 1024, allow: () => true, keyFor: (type) => `evidence/${randomUUID()}.${type.extension}` });
        res.status(201).json(file);
      } catch (error) {
        if (error instanceof UploadRefused) res.status(error.status).json({ code: error.code });
        else res.status(500).json({ message: String(error) });
      }
    });
    app.get('/files/:id', async (req: Request, res: Response) => {
      const file = stored.get(String(req.params.id));
      if (!file) return void res.status(404).end();
      await sendStoredFile(res, req, file, storage, { publicCache: false });
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(HOSTILE)('refuses %s with 415 and keeps nothing', async (_label, content, filename) => {
    for (const claimed of ['text/html', 'image/svg+xml', 'application/pdf', 'text/csv']) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(Buffer.from(content, 'latin1'))], { type: claimed }), filename);
      const res = await fetch(`${base}/upload`, { method: 'POST', body: form });
      expect({ claimed, status: res.status, body: await res.json() }).toEqual({ claimed, status: 415, body: { code: 'storage:fileTypeNotAllowed' } });
    }
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps a CSV whose cells hold markup as CSV, downloaded as a text/csv attachment with nosniff', async () => {
    // Cells may legitimately hold "<" (a formula, a quoted tag): the answer is the download headers.
    const content = 'escuela,nota\n<img src=x onerror=alert(1)>,<a href="javascript:alert(1)">x</a>\n';
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(content))], { type: 'text/html' }), 'datos.html');
    const res = await fetch(`${base}/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const file = (await res.json()) as StoredFileRef;
    expect(file).toMatchObject({ contentType: 'text/csv', filename: 'datos.csv' });
    const id = randomUUID();
    stored.set(id, file);
    const download = await fetch(`${base}/files/${id}`);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="datos.csv"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    await storage.delete(file.key);
  });

  // Rows from before content detection, a file put into storage by hand, a future detector bug:
  // even then the browser must download the bytes, never render them as a page of this origin.
  it.each([
    ['text/html', 'page.html', '<script>alert(1)</script>'],
    ['image/svg+xml', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['application/xhtml+xml', 'p.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'],
    ['text/xml', 'x.xml', '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'],
    ['application/octet-stream', 'x.bin', '<html><script>alert(1)</script></html>'],
  ])('serves a stored %s file as an inert attachment', async (contentType, filename, content) => {
    const key = `evidence/${randomUUID()}`;
    const bytes = Buffer.from(content);
    await storage.write(key, Readable.from([bytes]));
    const id = randomUUID();
    stored.set(id, { key, filename, contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const res = await fetch(`${base}/files/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Opened anyway (a download manager, "open in browser"): no script, no plugin, an opaque origin.
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await res.text()).toBe(content);
  });

  it('keeps a hostile file name from breaking out of Content-Disposition', async () => {
    const key = `evidence/${randomUUID()}`;
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    await storage.write(key, Readable.from([bytes]));
    const id = randomUUID();
    const filename = 'a";\r\nSet-Cookie: x=1; filename="evil.html';
    stored.set(id, { key, filename, contentType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const res = await fetch(`${base}/files/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const disposition = res.headers.get('content-disposition')!;
    // One quoted ASCII name without quotes, semicolons or line breaks, then the exact name percent-encoded.
    expect(disposition).toMatch(/^inline; filename="[^";\r\n]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
  });
});
