import Busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { CsvBodyCheck, detectContentType, DETECTION_HEAD_BYTES, safeFilename, type DetectedType } from './content-type';
import type { FileStorage } from './file-storage';

/**
 * Why an upload was refused: `status` is the HTTP status to answer with, `code` an i18n key of the
 * `storage` namespace (storage:fileMissing, storage:fileEmpty, storage:fileTooLarge,
 * storage:fileTypeNotAllowed, storage:uploadHeaderMissing, storage:uploadFailed).
 */
export class UploadRefused extends Error {
  constructor(
    public status: 400 | 413 | 415,
    public code: string,
  ) {
    super(code);
    this.name = 'UploadRefused';
  }
}

export interface ReceivedFile {
  /** The sender's file name made safe, with the detected extension. */
  filename: string;
  contentType: string;
  extension: string;
  size: number;
  sha256: string;
  /** Where the bytes are stored (the key keyFor returned). */
  key: string;
}

export interface ReceiveUploadOptions {
  storage: FileStorage;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Whether this endpoint accepts the detected type (415 otherwise). */
  allow: (type: DetectedType) => boolean;
  /** The storage key of the file, once its type is known. */
  keyFor: (type: DetectedType) => string;
}

/**
 * Room for the multipart framing around the file (boundaries, part headers, a few small fields) when
 * the request's Content-Length is compared with maxBytes: a file of exactly maxBytes must pass.
 */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const tooLarge = () => new UploadRefused(413, 'storage:fileTooLarge');
const notAllowed = () => new UploadRefused(415, 'storage:fileTypeNotAllowed');

/**
 * Stops reading the request body: what the client still sends is not wanted. The response then
 * closes the connection, so the client stops sending rather than the server draining it.
 */
function stopReading(req: Request, busboy?: NodeJS.WritableStream): void {
  if (busboy) req.unpipe(busboy as never);
  req.pause();
  if (!req.complete && req.res && !req.res.headersSent) req.res.setHeader('Connection', 'close');
}

/**
 * Reads the one multipart field `file` from req and stores it, never holding more than its first
 * DETECTION_HEAD_BYTES in memory:
 * - a Content-Length above maxBytes (plus the multipart framing) is refused with 413 before reading;
 * - the type comes from the first bytes (detectContentType), and must pass `allow` (415);
 * - the bytes stream into storage.write(keyFor(type)), hashed on the way; a file that grows past
 *   maxBytes is cut off at that point (413) and what was written is removed;
 * - a CSV must stay UTF-8 text without control bytes to its end (415);
 * - no `file` field gives 400 storage:fileMissing, an empty one 400 storage:fileEmpty, a malformed
 *   or interrupted body 400 storage:uploadFailed.
 * Refusals reject with UploadRefused; a failure of the storage itself rejects with its own error.
 * The promise settles only once nothing partial is left in storage.
 */
export function receiveUpload(req: Request, options: ReceiveUploadOptions): Promise<ReceivedFile> {
  const { storage, maxBytes, allow, keyFor } = options;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    stopReading(req);
    return Promise.reject(tooLarge());
  }
  let busboy: Busboy.Busboy;
  try {
    busboy = Busboy({
      headers: req.headers,
      // Browsers send file names as raw UTF-8; busboy's default would read them as latin1.
      defParamCharset: 'utf8',
      // One byte more than allowed: busboy hands over that byte, so store() sees the file is too
      // large, and emits 'limit', on which reading stops (busboy would otherwise read the rest of
      // the part to discard it).
      limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 8 * 1024, parts: 40, headerPairs: 50 },
    });
  } catch {
    // Not multipart/form-data (or no boundary): there is no file field to read.
    return Promise.reject(new UploadRefused(400, 'storage:fileMissing'));
  }

  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    let fileSeen = false;
    let bodyDone = false;
    let activeFile: Readable | undefined;
    let work: Promise<void> | undefined;
    let received: ReceivedFile | undefined;

    const onRequestClose = () => {
      if (!req.complete) fail(new UploadRefused(400, 'storage:uploadFailed'));
    };
    const onRequestError = () => fail(new UploadRefused(400, 'storage:uploadFailed'));

    const finish = () => {
      if (settled || !received || !bodyDone) return;
      settled = true;
      req.off('close', onRequestClose).off('error', onRequestError);
      resolve(received);
    };

    function fail(error: unknown): void {
      if (settled) return;
      settled = true;
      req.off('close', onRequestClose).off('error', onRequestError);
      stopReading(req, busboy);
      // Makes a pending read of the file fail, so that storage.write rejects and cleans up.
      activeFile?.destroy(error instanceof Error ? error : new Error(String(error)));
      void (async () => {
        await work?.catch(() => undefined);
        // The file was stored, but the rest of the body was broken: the upload as a whole failed.
        if (received) await storage.delete(received.key).catch(() => undefined);
        reject(error);
      })();
    }

    busboy.on('file', (name, stream, info) => {
      if (name !== 'file' || fileSeen || settled) {
        stream.resume();
        return;
      }
      fileSeen = true;
      activeFile = stream;
      // busboy reached maxBytes + 1 and would now read and discard the rest of the part: stop reading
      // at once (store() refuses when it reaches that last byte).
      stream.once('limit', () => stopReading(req, busboy));
      // Browsers (per the HTML standard) escape these three characters of a file name as %22, %0D and %0A.
      const filename = info.filename?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
      work = store(stream, filename).then((file) => {
        received = file;
        finish();
      }, fail);
    });
    busboy.on('close', () => {
      bodyDone = true;
      if (!fileSeen) fail(new UploadRefused(400, 'storage:fileMissing'));
      else finish();
    });
    busboy.on('error', () => fail(new UploadRefused(400, 'storage:uploadFailed')));
    req.on('close', onRequestClose).on('error', onRequestError);
    req.pipe(busboy);

    async function store(file: Readable, originalName: string | undefined): Promise<ReceivedFile> {
      const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const headChunks: Buffer[] = [];
      let headLength = 0;
      let ended = false;
      while (headLength < DETECTION_HEAD_BYTES && headLength <= maxBytes) {
        const next = await chunks.next();
        if (next.done) {
          ended = true;
          break;
        }
        headChunks.push(next.value);
        headLength += next.value.length;
      }
      if (headLength === 0) throw new UploadRefused(400, 'storage:fileEmpty');
      if (headLength > maxBytes) throw tooLarge();
      const head = Buffer.concat(headChunks);
      const type = detectContentType(head.subarray(0, DETECTION_HEAD_BYTES), originalName);
      if (!type || !allow(type)) throw notAllowed();

      const csv = type.kind === 'csv' ? new CsvBodyCheck() : undefined;
      let size = 0;
      // The reason the body was refused midway, if it was (storage drivers may wrap the error).
      let refusal: UploadRefused | undefined;
      const accept = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) refusal = tooLarge();
        else if (csv && !csv.push(chunk)) refusal = notAllowed();
        if (refusal) {
          // Stop reading now, not once storage has cleaned up: the client may be sending fast.
          stopReading(req, busboy);
          throw refusal;
        }
      };
      async function* body(): AsyncGenerator<Buffer> {
        accept(head);
        yield head;
        while (!ended) {
          const next = await chunks.next();
          if (next.done) break;
          accept(next.value);
          yield next.value;
        }
        if (csv && !csv.end()) throw (refusal = notAllowed());
      }

      const key = keyFor(type);
      let stored;
      try {
        stored = await storage.write(key, Readable.from(body(), { objectMode: false }));
      } catch (error) {
        throw refusal ?? error;
      }
      return {
        filename: safeFilename(originalName, type.extension),
        contentType: type.contentType,
        extension: type.extension,
        size: stored.size,
        sha256: stored.sha256,
        key,
      };
    }
  });
}
