import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/** A ZIP archive of uncompressed entries, enough for the detector (and valid for unzip). */
export function zip(entries: Array<[name: string, content: string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const docx = () =>
  zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', '<?xml version="1.0"?><Relationships/>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document>Informe de evaluación, Ministerio de Educación de Guatemala</w:document>'],
    ['word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships/>'],
  ]);

export const opendocument = (mimetype: string) =>
  zip([
    ['mimetype', mimetype],
    ['content.xml', '<?xml version="1.0"?><office:document-content/>'],
    ['META-INF/manifest.xml', '<?xml version="1.0"?><manifest:manifest/>'],
  ]);

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A minimal Compound File (OLE2) with 512-byte sectors: header, one FAT sector, one directory
 * sector holding the root entry (with clsid) and the given streams as the root's children.
 * `directoryBeyondHead` points the directory at a sector the returned bytes do not contain, as in a
 * large file whose directory sits at its end.
 */
export function ole2(streams: string[], clsid = '00000000-0000-0000-0000-000000000000', directoryBeyondHead = false): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(directoryBeyondHead ? 40 : 1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(ENDOFCHAIN, 0x3c);
  header.writeUInt32LE(ENDOFCHAIN, 0x44);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 0x4c + i * 4);
  if (directoryBeyondHead) return header;

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);

  const directory = Buffer.alloc(512);
  const entry = (index: number, name: string, kind: number, child: number, right: number) => {
    const at = index * 128;
    const nameBytes = Buffer.from(`${name}\0`, 'utf16le');
    nameBytes.copy(directory, at);
    directory.writeUInt16LE(nameBytes.length, at + 0x40);
    directory[at + 0x42] = kind;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(NOSTREAM, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(ENDOFCHAIN, at + 0x74);
  };
  if (streams.length > 3) throw new Error('at most 3 streams fit this fixture');
  entry(0, 'Root Entry', 5, streams.length ? 1 : NOSTREAM, NOSTREAM);
  const parts = clsid.replace(/-/g, '');
  const clsidBytes = Buffer.concat([
    Buffer.from(parts.slice(0, 8), 'hex').reverse(),
    Buffer.from(parts.slice(8, 12), 'hex').reverse(),
    Buffer.from(parts.slice(12, 16), 'hex').reverse(),
    Buffer.from(parts.slice(16), 'hex'),
  ]);
  clsidBytes.copy(directory, 0x50);
  // The children as a chain of right siblings (a valid, if unbalanced, tree).
  streams.forEach((name, i) => entry(i + 1, name, 2, NOSTREAM, i + 2 <= streams.length ? i + 2 : NOSTREAM));
  return Buffer.concat([header, fat, directory]);
}

export const pdf = (extraBytes = 0) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1'),
    Buffer.alloc(extraBytes, 0x20),
    Buffer.from('\n%%EOF\n', 'latin1'),
  ]);

export const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

/** A Windows executable's first bytes ("MZ", DOS stub, PE offset). */
export const windowsExe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200), Buffer.from('This program cannot be run in DOS mode.\r\r\n$', 'latin1')]);

export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);

/** Every file under dir, recursively (hidden temporary files included). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
