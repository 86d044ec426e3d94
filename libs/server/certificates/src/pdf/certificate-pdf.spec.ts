import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCALES, type Locale } from '@alliance/shared-core';
import PDFDocument from 'pdfkit';
import {
  QR_BOX,
  QR_QUIET,
  certificateFontParseCount,
  certificateFonts,
  certificateTexts,
  parsedCertificateFonts,
  qrModules,
  renderCertificatePdf,
  type CertificatePdfData,
} from './certificate-pdf';

// Reads the PDF back with poppler's pdftotext / pdftoppm (Debian package poppler-utils).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cert-pdf-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
  const file = path.join(work, `t-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pdfInfo(pdf: Buffer): string {
  const file = path.join(work, `i-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

/** Rasterises the page in grey and reads the QR code's modules back by sampling each module's centre. */
function readQrModules(pdf: Buffer, size: number): boolean[][] {
  const base = path.join(work, `r-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(`${base}.pdf`, pdf);
  const dpi = 200;
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', `${base}.pdf`, base]);
  const pgm = fs.readFileSync(`${base}.pgm`);
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = pgm.subarray(0, 50).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a PGM file');
  const [, w] = header.map(Number);
  const offset = header[0].length;
  const scale = dpi / 72;
  const cell = QR_BOX.size / (size + 2 * QR_QUIET);
  const rows: boolean[][] = [];
  for (let row = 0; row < size; row++) {
    const line: boolean[] = [];
    for (let col = 0; col < size; col++) {
      const px = Math.round((QR_BOX.x + (col + QR_QUIET + 0.5) * cell) * scale);
      const py = Math.round((QR_BOX.y + (row + QR_QUIET + 0.5) * cell) * scale);
      line.push(pgm[offset + py * w + px] < 128);
    }
    rows.push(line);
  }
  return rows;
}

function sample(overrides: Partial<CertificatePdfData> = {}): CertificatePdfData {
  return {
    code: 'AB12-CD34-EF56',
    kind: 'PARTICIPATION',
    locale: 'es',
    recipientName: 'José Ñúñez',
    title: 'Encuentro regional de innovación educativa',
    hours: 12.5,
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    issuerName: 'Secretaría de la Alianza',
    coIssuers: ['Ministerio de Educación de Chile', 'Red de Innovación Educativa'],
    signatories: [
      { name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' },
      { name: 'Marc Dubois', title: 'Coordinateur', organisation: 'Réseau Caraïbe' },
    ],
    issuedAt: new Date('2026-03-05T15:00:00Z'),
    verificationUrl: 'https://portal.example/verify/AB12-CD34-EF56',
    ...overrides,
  };
}

describe('certificate PDF', () => {
  const names = ['José Ñúñez', 'João Gonçalves', 'Anaïs Côté', 'Łukasz Wiśniewski', "Ngozi O'Connor-Smith"];
  const locales: Locale[] = ['es', 'pt', 'fr', 'en', 'es'];

  it.each(names.map((name, i) => [name, locales[i]] as const))('prints "%s" exactly, in %s, as extractable text', async (name, locale) => {
    const data = sample({ recipientName: name, locale });
    const pdf = await renderCertificatePdf(data);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const text = pdfText(pdf);
    const texts = certificateTexts(data);
    expect(text).toContain(name);
    expect(text).toContain(texts.kind);
    expect(text).toContain(texts.alliance.toUpperCase());
    expect(text).toContain(data.title);
    expect(text).toContain(data.verificationUrl);
    expect(text).toContain(data.code);
    expect(text).toContain(texts.issuedOn);
    expect(text).toContain('Ana Pérez');
    expect(text).toContain('Réseau Caraïbe');
  });

  it('writes everything in the certificate language, with dates and numbers formatted for it', async () => {
    const fr = pdfText(await renderCertificatePdf(sample({ locale: 'fr' })));
    expect(fr).toContain('Attestation de participation');
    expect(fr).toContain('Durée : 12,5 heures');
    expect(fr).toContain('Du 2 mars 2026 au 4 mars 2026');
    expect(fr).toContain('Délivré le 5 mars 2026');
    const en = pdfText(await renderCertificatePdf(sample({ locale: 'en', kind: 'COURSE_COMPLETION' })));
    expect(en).toContain('Certificate of Course Completion');
    expect(en).toContain('has successfully completed the course');
    expect(en).toContain('Duration: 12.5 hours');
    expect(en).toContain('From March 2, 2026 to March 4, 2026');
    const pt = pdfText(await renderCertificatePdf(sample({ locale: 'pt', hours: null, endDate: '2026-03-02' })));
    expect(pt).toContain('Realizado em 2 de março de 2026');
    expect(pt).not.toContain('Carga horária');
    expect(pt).toContain('Em parceria com Ministerio de Educación de Chile e Red de Innovación Educativa');
  });

  it('prints a QR code that encodes the verification URL', async () => {
    const data = sample({ verificationUrl: 'https://portal.example/verify/ZZ99-YY88-XX77' });
    const expected = qrModules(data.verificationUrl);
    const read = readQrModules(await renderCertificatePdf(data), expected.size);
    let mismatches = 0;
    for (let row = 0; row < expected.size; row++) for (let col = 0; col < expected.size; col++) if (read[row][col] !== expected.dark(row, col)) mismatches++;
    expect(mismatches).toBe(0);
    // ...and a different URL gives a different code, so the check above can fail.
    const other = qrModules('https://portal.example/verify/AAAA-BBBB-CCCC');
    let differences = 0;
    for (let row = 0; row < expected.size; row++) for (let col = 0; col < expected.size; col++) if (read[row][col] !== other.dark(row, col)) differences++;
    expect(differences).toBeGreaterThan(20);
  });

  it('embeds its fonts, declares PDF/A-2b and the language, and carries the metadata', async () => {
    const pdf = await renderCertificatePdf(sample({ locale: 'pt' }));
    const fontsFile = path.join(work, 'fonts.pdf');
    fs.writeFileSync(fontsFile, pdf);
    const fontList = execFileSync('pdffonts', [fontsFile], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fontList.length).toBeGreaterThanOrEqual(2);
    for (const line of fontList) {
      expect(line).toMatch(/DejaVuSans/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
    }
    const meta = pdfInfo(pdf);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const info = execFileSync('pdfinfo', [fontsFile], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Certificado de participação: Encuentro regional/);
    expect(info).toMatch(/Author:\s+Secretaría de la Alianza/);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(pt\)/);
  });

  it('gives the same bytes for the same certificate, so a re-render matches its stored hash', async () => {
    const data = sample({ locale: 'en' });
    const [a, b] = [await renderCertificatePdf(data), await renderCertificatePdf(data)];
    expect(a.equals(b)).toBe(true);
  });

  it('parses the fonts once per process, and the shared fonts and shaped words change no byte', async () => {
    const data = sample({ locale: 'fr', recipientName: 'Łukasz Wiśniewski' });
    const before = await renderCertificatePdf(data);
    // Other certificates in between warm the shared caches with other names, titles and languages.
    for (const [i, locale] of LOCALES.entries()) await renderCertificatePdf(sample({ locale, recipientName: `Anaïs Côté ${i}`, title: `Taller ${i}: evaluación` }));
    const after = await renderCertificatePdf(data);
    expect(after.equals(before)).toBe(true);
    expect(certificateFontParseCount()).toBe(1);
    expect(pdfText(after)).toContain('Łukasz Wiśniewski');
  });

  it('lays out and embeds exactly as pdfkit does from the font file itself', async () => {
    const render = (regular: unknown, bold: unknown) =>
      new Promise<Buffer>((resolve) => {
        const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0), ModDate: new Date(0) } });
        const chunks: Buffer[] = [];
        doc.on('data', (c: Buffer) => chunks.push(c));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.font(regular as string).fontSize(20).text('Łukasz Wiśniewski, José Ñúñez, Anaïs Côté, João Gonçalves', 50, 50, { width: 300, align: 'center' });
        doc.font(bold as string).fontSize(14).text('Encuentro regional de innovación educativa', 50, 200, { width: 300, align: 'center' });
        doc.end();
      });
    // The shared fonts, warmed (their shaping cache holds these words) ...
    await renderCertificatePdf(sample({ recipientName: 'Łukasz Wiśniewski, José Ñúñez, Anaïs Côté, João Gonçalves' }));
    const shared = parsedCertificateFonts();
    const warm = await render(shared.regular, shared.bold);
    // ... against pdfkit parsing the files afresh for this one document.
    const files = certificateFonts();
    const fresh = await render(files.regular, files.bold);
    expect(warm.equals(fresh)).toBe(true);
  });

  it('has every PDF text in all four languages', () => {
    for (const locale of LOCALES) {
      const texts = certificateTexts(sample({ locale }));
      for (const [key, value] of Object.entries(texts)) expect(`${key}: ${String(value).includes('certificates:')}`).toBe(`${key}: false`);
    }
  });
});
