import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@alliance/server-config';
import { RateLimitService } from '@alliance/server-graphql';
import { UsersService } from '@alliance/server-identity';
import { LIMITS } from '@alliance/shared-core';
import { LearningFile } from '@alliance/server-learning';
import { createApi } from './bootstrap';

const ADMIN = { email: 'downloads-admin@alianza.example', password: 'Downloads-Clave-2026' };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

/**
 * Downloads served by the API's own controllers (lesson documents and covers, CSV exports): markup
 * is refused on upload, and whatever is served is an attachment or a type a browser cannot run,
 * always with nosniff. Evidence files and working-table documents share libs/server/storage's
 * sendStoredFile (libs/server/storage/src/hostile-files.spec.ts).
 */
describe('downloads keep uploaded markup inert', () => {
  let app: NestExpressApplication;
  let url: string;
  let cookie: string;

  beforeAll(async () => {
    process.env.QUEUE_DRIVER = 'bullmq';
    app = await createApi(loadConfig());
    await app.init();
    await app.get(UsersService).ensureAdmin(ADMIN.email, ADMIN.password);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }', variables: { input: ADMIN } }),
    });
    cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toMatch(/alliance_session=/);
  });

  afterAll(async () => {
    await app?.close();
  });

  const uploadLessonFile = (bytes: Buffer, filename: string, type: string, locale = 'en') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
    return fetch(`${url}/api/learning/files`, { method: 'POST', headers: { cookie, 'x-requested-with': 'fetch', 'accept-language': locale }, body: form });
  };

  it.each([
    ['an HTML page', '<!doctype html><html><script>alert(document.cookie)</script></html>', 'leccion.html', 'text/html'],
    ['an SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', 'portada.svg', 'image/svg+xml'],
    ['HTML named as a PNG', '<html><body onload="alert(1)"></body></html>', 'portada.png', 'image/png'],
  ])('refuses %s as a lesson document or cover, with a translated message', async (_label, content, filename, type) => {
    for (const [locale, text] of [
      ['en', /type/i],
      ['es', /tipo/i],
      ['pt', /tipo/i],
      ['fr', /type/i],
    ] as const) {
      const res = await uploadLessonFile(Buffer.from(content), filename, type, locale);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe('learning:fileTypeNotAllowed');
      expect(body.message).toMatch(text);
    }
  });

  it('serves an accepted image inline, but only with nosniff and a sandboxing CSP', async () => {
    const res = await uploadLessonFile(PNG, 'portada.png', 'image/png');
    expect(res.status).toBe(201);
    const { url: fileUrl } = (await res.json()) as { url: string };
    const download = await fetch(`${url}${fileUrl}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^inline; filename="portada.png"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('serves a stored SVG or HTML row (from before detection, or put there by hand) as an attachment', async () => {
    const repo = app.get(DataSource).getRepository(LearningFile);
    const [users] = await app.get(DataSource).query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    for (const [contentType, filename, content] of [
      ['image/svg+xml', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['text/html', 'pagina.html', '<script>alert(1)</script>'],
    ]) {
      const data = Buffer.from(content);
      const row = await repo.save(
        repo.create({ filename, contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data, uploadedById: users.id }),
      );
      const download = await fetch(`${url}/api/learning/files/${row.id}`, { headers: { cookie } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
  });

  it('sends CSV exports as attachments with nosniff', async () => {
    const res = await fetch(`${url}/api/alliance/members.csv`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 429 with Retry-After and a translated message beyond the per-person upload limit, before reading the file', async () => {
    const admin = await app.get(UsersService).findByEmail(ADMIN.email);
    const limits = app.get(RateLimitService);
    const { points, minutes } = LIMITS.rateLimits.uploadPerAccount;
    // As if this person had already uploaded `points` files within the window.
    for (let i = 0; i < points; i++) await limits.hit('uploadPerAccount', admin!.id);
    try {
      const before = await app.get(DataSource).getRepository(LearningFile).count();
      const res = await uploadLessonFile(PNG, 'de-mas.png', 'image/png', 'pt');
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(minutes * 60 - 60);
      expect(await res.json()).toEqual({ code: 'errors:rateLimited', message: `Muitas tentativas. Tente novamente em ${minutes} minutos.` });
      expect(await app.get(DataSource).getRepository(LearningFile).count()).toBe(before);
    } finally {
      await limits.reset('uploadPerAccount', admin!.id);
    }
    expect((await uploadLessonFile(PNG, 'de-novo.png', 'image/png')).status).toBe(201);
  });
});
