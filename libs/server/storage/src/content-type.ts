export interface DetectedType {
  contentType: string;
  extension: string;
  kind: 'pdf' | 'office' | 'opendocument' | 'csv' | 'image';
}

/**
 * How many leading bytes receiveUpload hands to detectContentType. More than the 4,100 most
 * signatures need, because ZIP-based documents (docx, xlsx, pptx) name their parts in local headers
 * that some producers place after a few kilobytes of metadata, and an OLE2 directory may sit a few
 * sectors in.
 */
export const DETECTION_HEAD_BYTES = 64 * 1024;

const type = (contentType: string, extension: string, kind: DetectedType['kind']): DetectedType => ({ contentType, extension, kind });

const PDF = type('application/pdf', 'pdf', 'pdf');
const PNG = type('image/png', 'png', 'image');
const JPEG = type('image/jpeg', 'jpg', 'image');
const GIF = type('image/gif', 'gif', 'image');
const WEBP = type('image/webp', 'webp', 'image');
const CSV = type('text/csv', 'csv', 'csv');
const DOC = type('application/msword', 'doc', 'office');
const XLS = type('application/vnd.ms-excel', 'xls', 'office');
const PPT = type('application/vnd.ms-powerpoint', 'ppt', 'office');
const DOCX = type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'office');
const XLSX = type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'office');
const PPTX = type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'office');
const OPENDOCUMENT: Record<string, DetectedType> = {
  'application/vnd.oasis.opendocument.text': type('application/vnd.oasis.opendocument.text', 'odt', 'opendocument'),
  'application/vnd.oasis.opendocument.spreadsheet': type('application/vnd.oasis.opendocument.spreadsheet', 'ods', 'opendocument'),
  'application/vnd.oasis.opendocument.presentation': type('application/vnd.oasis.opendocument.presentation', 'odp', 'opendocument'),
};

const startsWith = (data: Buffer, bytes: readonly number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/**
 * The type of a file from its first bytes (never from the browser's claim): PDF, Word/Excel/
 * PowerPoint (OLE2 and Office Open XML), OpenDocument text/spreadsheet/presentation, CSV as UTF-8
 * text, PNG, JPEG, GIF and WebP. Null for anything else (executables, archives, HTML, SVG...).
 *
 * `originalName` is consulted in one case only: an OLE2 file whose directory lies beyond the head,
 * where the name's extension picks doc, xls or ppt (the content is still known to be OLE2).
 */
export function detectContentType(head: Buffer, originalName?: string): DetectedType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return GIF; // GIF87a / GIF89a
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return WEBP; // RIFF....WEBP
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return detectZip(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectOle2(head, originalName);
  if (looksLikeCsv(head)) return CSV;
  return null;
}

// --- ZIP: OpenDocument and Office Open XML -------------------------------------------------------

/** Entry names of every local file header (PK\3\4) and central directory header (PK\1\2) in data. */
function zipEntryNames(data: Buffer): string[] {
  const names: string[] = [];
  for (let at = data.indexOf('PK', 0, 'latin1'); at >= 0 && at + 4 <= data.length; at = data.indexOf('PK', at + 2, 'latin1')) {
    const local = data[at + 2] === 0x03 && data[at + 3] === 0x04;
    const central = data[at + 2] === 0x01 && data[at + 3] === 0x02;
    if (!local && !central) continue;
    const nameOffset = at + (local ? 30 : 46);
    if (nameOffset > data.length) break;
    const nameLength = data.readUInt16LE(at + (local ? 26 : 28));
    if (nameLength === 0 || nameOffset + nameLength > data.length) continue;
    names.push(data.toString('latin1', nameOffset, nameOffset + nameLength));
  }
  return names;
}

function detectZip(head: Buffer): DetectedType | null {
  // OpenDocument: the first entry is an uncompressed "mimetype" file holding the document's type.
  const firstNameLength = head.length >= 30 ? head.readUInt16LE(26) : 0;
  if (firstNameLength === 8 && head.toString('latin1', 30, 38) === 'mimetype') {
    const method = head.readUInt16LE(8);
    const dataStart = 30 + 8 + head.readUInt16LE(28);
    const mimetype = head.toString('latin1', dataStart, dataStart + head.readUInt32LE(18)).trim();
    return method === 0 ? (OPENDOCUMENT[mimetype] ?? null) : null;
  }
  // Office Open XML: a package ([Content_Types].xml or _rels/.rels) with the part folder of its kind.
  const names = zipEntryNames(head);
  const isPackage = names.some((n) => n === '[Content_Types].xml' || n === '_rels/.rels');
  if (!isPackage) return null;
  if (names.some((n) => n.startsWith('word/'))) return DOCX;
  if (names.some((n) => n.startsWith('xl/'))) return XLSX;
  if (names.some((n) => n.startsWith('ppt/'))) return PPTX;
  return null;
}

// --- OLE2 (Compound File Binary): doc, xls, ppt --------------------------------------------------

const FREE_OR_END = 0xfffffffa; // sector ids at or above this are markers (end of chain, free...)
const NO_STREAM = 0xffffffff;

/** Root-storage class ids of the Office binary formats, and of Windows Installer packages (refused). */
const OFFICE_CLSIDS: Record<string, DetectedType> = {
  '00020906-0000-0000-c000-000000000046': DOC, // Word.Document.8
  '00020900-0000-0000-c000-000000000046': DOC, // Word 6/95
  '00020820-0000-0000-c000-000000000046': XLS, // Excel.Sheet.8
  '00020810-0000-0000-c000-000000000046': XLS, // Excel 5/95
  '64818d10-4f9b-11cf-86ea-00aa00b929e8': PPT, // PowerPoint.Show.8
};
const INSTALLER_CLSIDS = new Set(['000c1084-0000-0000-c000-000000000046', '000c1086-0000-0000-c000-000000000046', '000c1082-0000-0000-c000-000000000046']);

/** The streams at the root of each format, in the order that settles files holding several. */
const OFFICE_STREAMS: Array<[string, DetectedType]> = [
  ['WordDocument', DOC],
  ['PowerPoint Document', PPT],
  ['Workbook', XLS],
  ['Book', XLS],
];

interface OleEntry {
  name: string;
  left: number;
  right: number;
  child: number;
  clsid: string;
}

function clsidAt(data: Buffer, at: number): string {
  const hex = (from: number, to: number) => data.subarray(from, to).toString('hex');
  const le = (from: number, length: number) => Buffer.from(data.subarray(from, from + length)).reverse().toString('hex');
  return `${le(at, 4)}-${le(at + 4, 2)}-${le(at + 6, 2)}-${hex(at + 8, at + 10)}-${hex(at + 10, at + 16)}`;
}

/**
 * Reads the OLE2 directory as far as the head allows (following the FAT chain when the FAT sectors
 * are in the head too). `complete` is false when part of it lies beyond the head.
 */
function oleDirectory(head: Buffer): { entries: Map<number, OleEntry>; complete: boolean } {
  const entries = new Map<number, OleEntry>();
  if (head.length < 512) return { entries, complete: false };
  const sectorShift = head.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return { entries, complete: false };
  const sectorSize = 1 << sectorShift;
  const sectorAt = (sid: number) => (sid + 1) * sectorSize;
  const nextSector = (sid: number): number | undefined => {
    const perFatSector = sectorSize / 4;
    const fatIndex = Math.floor(sid / perFatSector);
    if (fatIndex >= 109) return undefined; // further FAT sectors are listed in DIFAT sectors: not worth it
    const fatSid = head.readUInt32LE(0x4c + fatIndex * 4);
    if (fatSid >= FREE_OR_END) return undefined;
    const at = sectorAt(fatSid) + (sid % perFatSector) * 4;
    return at + 4 <= head.length ? head.readUInt32LE(at) : undefined;
  };
  let sid = head.readUInt32LE(0x30);
  let index = 0;
  const seen = new Set<number>();
  while (sid < FREE_OR_END) {
    if (seen.has(sid) || seen.size > 256) return { entries, complete: false };
    seen.add(sid);
    const start = sectorAt(sid);
    if (start + sectorSize > head.length) return { entries, complete: false };
    for (let at = start; at < start + sectorSize; at += 128, index++) {
      const nameBytes = Math.min(head.readUInt16LE(at + 0x40), 64);
      const name = head.toString('utf16le', at, at + Math.max(0, nameBytes - 2));
      if (head[at + 0x42] === 0) continue; // unused entry
      entries.set(index, { name, left: head.readUInt32LE(at + 0x44), right: head.readUInt32LE(at + 0x48), child: head.readUInt32LE(at + 0x4c), clsid: clsidAt(head, at + 0x50) });
    }
    const next = nextSector(sid);
    if (next === undefined) return { entries, complete: false };
    sid = next;
  }
  return { entries, complete: true };
}

/** Names of the root storage's direct children (a red-black tree of siblings), or null if cut off. */
function rootChildren(entries: Map<number, OleEntry>): string[] | null {
  const root = entries.get(0);
  if (!root) return null;
  const names: string[] = [];
  const stack = [root.child];
  const seen = new Set<number>();
  while (stack.length) {
    const id = stack.pop()!;
    if (id === NO_STREAM || seen.has(id)) continue;
    seen.add(id);
    const entry = entries.get(id);
    if (!entry) return null;
    names.push(entry.name);
    stack.push(entry.left, entry.right);
  }
  return names;
}

function detectOle2(head: Buffer, originalName: string | undefined): DetectedType | null {
  const { entries, complete } = oleDirectory(head);
  const root = entries.get(0);
  if (root) {
    if (INSTALLER_CLSIDS.has(root.clsid)) return null;
    if (OFFICE_CLSIDS[root.clsid]) return OFFICE_CLSIDS[root.clsid];
  }
  const children = rootChildren(entries);
  if (children) {
    for (const [stream, detected] of OFFICE_STREAMS) if (children.includes(stream)) return detected;
    // The whole directory was read and holds none of the Office streams: some other OLE2 file
    // (Outlook message, installer, Visio...).
    if (complete) return null;
  }
  // Part of the directory is beyond the head: look for the stream names anywhere in it...
  for (const [stream, detected] of OFFICE_STREAMS) if (head.includes(Buffer.from(`${stream}\0`, 'utf16le'))) return detected;
  // ...and failing that, trust the name's extension, but only among the three OLE2 Office formats.
  const extension = /\.([A-Za-z]{3})$/.exec(originalName ?? '')?.[1]?.toLowerCase();
  return extension === 'doc' ? DOC : extension === 'xls' ? XLS : extension === 'ppt' ? PPT : null;
}

// --- CSV -----------------------------------------------------------------------------------------

/** Length of data without a UTF-8 sequence cut off at its end (the head may end mid-character). */
function withoutTruncatedTail(data: Buffer): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? data.length - back : data.length;
  }
  return data.length;
}

const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|link|style)\b/i;

/**
 * Valid UTF-8 (an optional BOM) without NUL or other control characters than tab, CR, LF and form
 * feed, whose first line holds a comma, semicolon or tab between values, and which does not look
 * like markup: a browser must never be able to take it for HTML or SVG.
 */
function looksLikeCsv(head: Buffer): boolean {
  if (head.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, withoutTruncatedTail(head)));
  } catch {
    return false;
  }
  text = text.replace(/^\uFEFF/, '');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  if (text.trimStart().startsWith('<') || MARKUP.test(text)) return false;
  const firstLine = text.split(/\r?\n/, 1)[0];
  return /[,;\t]/.test(firstLine) && firstLine.trim().length > 1;
}

/** A streaming check that the rest of a CSV file stays UTF-8 text without NUL or control bytes. */
export class CsvBodyCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** False as soon as the bytes seen so far cannot be CSV text. */
  push(chunk: Buffer): boolean {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      // eslint-disable-next-line no-control-regex
      return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
    } catch {
      return false;
    }
  }

  /** False when the file ends in the middle of a UTF-8 sequence. */
  end(): boolean {
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/** Characters that let a name spoof its extension or break a header: controls and bidi overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>|*?:\\/]/g;

/**
 * A file name safe to store and send back: no folders, control or bidirectional-override
 * characters, quotes or reserved characters; at most 150 characters; always the detected extension
 * (whatever extension the original had is replaced).
 */
export function safeFilename(original: string | undefined, extension: string): string {
  const withoutFolders = (original ?? '').normalize('NFC').replace(/^.*[\\/]/, '');
  const cleaned = withoutFolders
    .replace(UNSAFE_NAME_CHARS, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  const base = Array.from(cleaned).slice(0, 150).join('').trim();
  return `${base || 'file'}.${extension}`;
}
