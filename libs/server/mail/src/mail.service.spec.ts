import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MailService } from './mail.service';
import { renderEmail } from './render';

describe('MailService (file transport)', () => {
  let dataDir: string;
  let mail: MailService;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-mail-'));
    mail = new MailService({ dataDir, MAIL_FROM: 'Alianza ALC <no-reply@alianza.example>', SMTP_URL: undefined });
  });
  afterEach(() => {
    mail.onApplicationShutdown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes an RFC 822 .eml in the recipient language, with text and HTML parts', async () => {
    const link = 'https://portal.example/verify?token=a1&lang=pt';
    const result = await mail.sendTemplate({ to: 'ana@example.org', toName: 'Ana Souza', locale: 'pt', template: 'verify', params: { name: 'Ana', link, hours: 24 } });
    expect(mail.mode).toBe('file');
    const file = path.join(dataDir, 'mail', `${result.mailboxId}.eml`);
    const raw = fs.readFileSync(file, 'utf8');
    expect(raw).toMatch(/^Subject: Confirme o seu e-mail\r$/m);
    expect(raw).toMatch(/^To: Ana Souza <ana@example\.org>\r$/m);
    expect(raw).toMatch(/^From: Alianza ALC <no-reply@alianza\.example>\r$/m);
    expect(raw).toMatch(/^Message-ID: <.+>\r$/m);
    expect(raw).toContain('Content-Type: multipart/alternative');
    expect(raw).toContain('Content-Type: text/plain; charset=utf-8');
    expect(raw).toContain('Content-Type: text/html; charset=utf-8');

    const [entry] = await mail.mailbox.list();
    expect(entry).toMatchObject({ id: result.mailboxId, to: 'Ana Souza <ana@example.org>', subject: 'Confirme o seu e-mail', links: [link] });
    expect(entry.text).toContain('válido por 24 horas');
    expect(entry.text).toContain('Aliança para a Transformação Educacional');
    expect((await mail.mailbox.raw(result.mailboxId!))?.toString('utf8')).toBe(raw);
  });

  it('encodes non-ASCII subjects and lists the newest message first', async () => {
    await mail.sendTemplate({ to: 'a@example.org', toName: 'A', locale: 'es', template: 'reset', params: { name: 'A', link: 'https://x.example/r', minutes: 30 } });
    await new Promise((r) => setTimeout(r, 5));
    await mail.sendTemplate({ to: 'b@example.org', toName: 'B', locale: 'fr', template: 'reset', params: { name: 'B', link: 'https://x.example/r', minutes: 30 } });
    const list = await mail.mailbox.list();
    expect(list.map((e) => e.subject)).toEqual(['Réinitialisez votre mot de passe', 'Restablezca su contraseña']);
    const raw = (await mail.mailbox.raw(list[0].id))!.toString('utf8');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?.+\?=/m);
  });

  it('refuses ids that are not mailbox ids (no path traversal)', async () => {
    expect(await mail.mailbox.raw('../../etc/passwd')).toBeNull();
    expect(await mail.mailbox.raw('1234567890123-deadbeef')).toBeNull();
  });
});

describe('renderEmail', () => {
  it('escapes the text in HTML and makes links clickable', () => {
    const { html, text, subject } = renderEmail('verify', 'en', { name: '<b>Eve</b> & co', link: 'https://portal.example/v?t=1&x=2', hours: 24 });
    expect(subject).toBe('Confirm your e-mail address');
    expect(text).toContain('Hello <b>Eve</b> & co,');
    expect(html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt; &amp; co,');
    expect(html).toContain('<a href="https://portal.example/v?t=1&amp;x=2">https://portal.example/v?t=1&amp;x=2</a>');
    expect(html).not.toContain('<b>Eve');
    expect(html).toContain('Alliance for Educational Transformation in Latin America and the Caribbean');
  });

  it('falls back to Spanish for an unknown language', () => {
    expect(renderEmail('passwordChanged', 'de', { name: 'X', link: 'https://x.example' }).subject).toBe('Su contraseña cambió');
  });
});
