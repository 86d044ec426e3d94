import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { LocalDiskStorage } from './local-disk.storage';
import { receiveUpload, UploadRefused, MULTIPART_OVERHEAD_BYTES } from './receive-upload';
import { sendStoredFile } from './send-file';
import { docx, elf, filesUnder, pdf, png, windowsExe } from './testing/fixtures';

const MAX = 1024 * 1024; // 1 MiB keeps the oversize cases quick
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
type Answer = { id: string; key: string; code?: string; filename: string; contentType: string; extension: string; size: number; sha256: string };
const answer = async (response: globalThis.Response): Promise<Answer> => (await response.json()) as Answer;

describe('receiveUpload and sendStoredFile over real HTTP', () => {
  let root: string;
  let storage: LocalDiskStorage;
  let server: http.Server;
  let base: string;
  let port: number;
  /** Bytes the server had read from the connection when receiveUpload refused the upload. */
  let bytesReadAtRefusal = 0;
  let lastRefusal: unknown;
  const stored = new Map<string, { key: string; filename: string; contentType: string; size: number; sha256: string }>();

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-upload-'));
    storage = new LocalDiskStorage(root);
    const app = express();
    app.post(['/upload', '/upload-small'], async (req: Request, res: Response) => {
      try {
        const file = await receiveUpload(req, {
          storage,
          maxBytes: req.path === '/upload-small' ? 10_000 : MAX,
          allow: (type) => type.kind !== 'image' || type.extension === 'png',
          keyFor: (type) => `evidence/${randomUUID()}.${type.extension}`,
        });
        const id = randomUUID();
        stored.set(id, file);
        res.status(201).json({ id, ...file });
      } catch (error) {
        bytesReadAtRefusal = req.socket.bytesRead;
        lastRefusal = error;
        if (error instanceof UploadRefused) res.status(error.status).json({ code: error.code });
        else res.status(500).json({ code: 'internal', message: String(error) });
      }
    });
    app.get('/files/:id', async (req: Request, res: Response) => {
      const file = stored.get(String(req.params.id));
      if (!file) return void res.status(404).end();
      await sendStoredFile(res, req, file, storage, { publicCache: req.query.public === '1' });
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  afterEach(() => {
    // Each refusal must leave the uploads directory as it found it; clear accepted files between tests.
    for (const file of filesUnder(root)) fs.rmSync(file);
  });

  const upload = (content: Buffer, filename: string, extra?: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(extra ?? {})) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), filename);
    return fetch(`${base}/upload`, { method: 'POST', body: form });
  };

  it('stores an accepted PDF with its SHA-256 and a safe UTF-8 file name', async () => {
    const content = pdf(300_000); // several chunks, beyond the detection head
    const response = await upload(content, 'Evaluación de tutorías – Perú "2023".pdf', { title: 'ignored' });
    expect(response.status).toBe(201);
    const body = await answer(response);
    expect(body).toMatchObject({ filename: 'Evaluación de tutorías – Perú 2023.pdf', contentType: 'application/pdf', extension: 'pdf', size: content.length, sha256: sha256(content) });
    expect(body.key).toMatch(/^evidence\/[0-9a-f-]{36}\.pdf$/);
    expect(fs.readFileSync(path.join(root, body.key)).equals(content)).toBe(true);
  });

  it('accepts a file of exactly the limit', async () => {
    const content = pdf(MAX - pdf().length);
    expect(content.length).toBe(MAX);
    const response = await upload(content, 'limite.pdf');
    expect(response.status).toBe(201);
    expect((await answer(response)).sha256).toBe(sha256(content));
  });

  it('detects the type from the bytes, not from the name or the browser', async () => {
    const response = await upload(docx(), 'plan.pdf');
    expect(response.status).toBe(201);
    expect(await answer(response)).toMatchObject({ filename: 'plan.docx', extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  });

  it('refuses a renamed executable with 415 and stores nothing', async () => {
    for (const content of [windowsExe(), elf()]) {
      const response = await upload(content, 'informe.pdf');
      expect(response.status).toBe(415);
      expect(await answer(response)).toEqual({ code: 'storage:fileTypeNotAllowed' });
    }
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a type the endpoint does not allow (415)', async () => {
    const response = await upload(Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'), 'logo.gif');
    expect(response.status).toBe(415);
    expect((await upload(png(), 'logo.png')).status).toBe(201);
  });

  it('refuses a CSV that turns binary after its first bytes (415) and keeps nothing', async () => {
    const content = Buffer.concat([Buffer.from('país,año\n'), Buffer.alloc(100_000, 'Guyana,2021\n'), Buffer.from([0, 1, 2, 3])]);
    const response = await upload(content, 'datos.csv');
    expect(response.status).toBe(415);
    expect(filesUnder(root)).toEqual([]);
  });

  it('answers 400 when the file field is missing or empty, or the body is not multipart', async () => {
    const form = new FormData();
    form.append('title', 'Sin archivo');
    form.append('document', new Blob([new Uint8Array(pdf())]), 'wrong-field.pdf');
    const missing = await fetch(`${base}/upload`, { method: 'POST', body: form });
    expect(missing.status).toBe(400);
    expect(await answer(missing)).toEqual({ code: 'storage:fileMissing' });

    const empty = await upload(Buffer.alloc(0), 'vacio.pdf');
    expect(empty.status).toBe(400);
    expect(await answer(empty)).toEqual({ code: 'storage:fileEmpty' });

    const json = await fetch(`${base}/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect(await answer(json)).toEqual({ code: 'storage:fileMissing' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses by Content-Length with 413 before reading the body', async () => {
    const boundary = '----alliance' + randomUUID();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/upload',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(MAX * 50) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
      // Only the start of the body is ever sent: the answer must not wait for the rest.
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="grande.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({ code: 'storage:fileTooLarge' });
    expect(bytesReadAtRefusal).toBeLessThan(64 * 1024); // the request head and at most the first chunk
    expect(filesUnder(root)).toEqual([]);
  });

  it('cuts off an oversized streamed body (no Content-Length) with 413, deleting the partial file without reading the rest', async () => {
    const boundary = '----alliance' + randomUUID();
    const total = 256 * MAX; // far more than would ever be read or kept
    let sent = 0;
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/upload',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      let answered = false;
      request.on('response', (response) => {
        answered = true;
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', (error) => (answered ? undefined : reject(error)));
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enorme.pdf"\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      chunk.write('%PDF-1.7\n');
      // Sends with back-pressure, so `sent` is what the server actually took (plus socket buffers).
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        if (!answered) request.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({ code: 'storage:fileTooLarge' });
    // The server had read only a little past the limit when it refused (what the client counts as
    // sent adds the socket buffers), and the answer made the client stop long before the end.
    expect(bytesReadAtRefusal).toBeGreaterThan(MAX);
    expect(bytesReadAtRefusal).toBeLessThan(MAX + 512 * 1024);
    expect(sent).toBeLessThan(total / 8);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a body that passes the Content-Length check but whose file exceeds the limit', async () => {
    const content = pdf(MAX); // MAX + a few bytes: within the multipart allowance
    expect(content.length - MAX).toBeLessThan(MULTIPART_OVERHEAD_BYTES);
    const response = await upload(content, 'justo-encima.pdf');
    expect(response.status).toBe(413);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a file over a limit smaller than the detection head', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf(20_000))]), 'pequeño.pdf');
    const response = await fetch(`${base}/upload-small`, { method: 'POST', body: form });
    expect(response.status).toBe(413);
    expect(filesUnder(root)).toEqual([]);
  });

  it('removes the partial file when the client disconnects midway', async () => {
    lastRefusal = undefined;
    const boundary = '----alliance' + randomUUID();
    const request = http.request({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    request.on('error', () => undefined);
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cortado.pdf"\r\n\r\n`);
    request.write(pdf(300_000));
    await new Promise((r) => setTimeout(r, 100));
    request.destroy();
    for (let i = 0; i < 50 && !lastRefusal; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lastRefusal).toBeInstanceOf(UploadRefused);
    expect((lastRefusal as UploadRefused).code).toBe('storage:uploadFailed');
    expect(filesUnder(root)).toEqual([]);
  });

  describe('sendStoredFile', () => {
    it('sends the bytes with inert, cache-aware headers and answers 304 to a matching ETag', async () => {
      const content = pdf(10_000);
      const { id } = await answer(await upload(content, 'Política de inclusión – Haïti.pdf'));
      const response = await fetch(`${base}/files/${id}`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
      const h = response.headers;
      expect(h.get('content-type')).toBe('application/pdf');
      expect(h.get('content-length')).toBe(String(content.length));
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(h.get('cache-control')).toMatch(/^private/);
      expect(h.get('etag')).toBe(`"${sha256(content)}"`);
      expect(h.get('content-disposition')).toBe(
        `inline; filename="Politica de inclusion _ Haiti.pdf"; filename*=UTF-8''${encodeURIComponent('Política de inclusión – Haïti.pdf')}`,
      );

      const cached = await fetch(`${base}/files/${id}?public=1`, { headers: { 'if-none-match': `"${sha256(content)}"` } });
      expect(cached.status).toBe(304);
      expect(cached.headers.get('cache-control')).toMatch(/^public/);
    });

    it('makes office documents and CSV downloads, never inline', async () => {
      const csv = Buffer.from("escuela,comuna\nLiceo Gabriela Mistral,Ñuñoa (Santiago)'\n");
      const { id } = await answer(await upload(csv, "Matrícula (2024)'s.csv"));
      const response = await fetch(`${base}/files/${id}`);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Matricula (2024)'s.csv"; filename*=UTF-8''Matr%C3%ADcula%20%282024%29%27s.csv`);
      expect(await response.text()).toBe(csv.toString());
    });

    it('answers 404 when the bytes are gone from storage', async () => {
      const { id, key } = await answer(await upload(png(), 'logo.png'));
      await storage.delete(key);
      const response = await fetch(`${base}/files/${id}`);
      expect(response.status).toBe(404);
    });
  });
});
