import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from './file-storage';

export interface StoredFileRef {
  key: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Types a browser may show in the tab (inline); everything else is downloaded. Never SVG or HTML. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** RFC 5987 ext-value: UTF-8, percent-encoding everything outside attr-char. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Disposition with an ASCII fallback name and the exact UTF-8 name in filename*. */
export function contentDisposition(filename: string, inline: boolean): string {
  const ascii = filename.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/**
 * Sends a stored file with headers that keep it inert in the browser: the detected Content-Type with
 * nosniff, a sandboxing CSP, Content-Disposition attachment (inline only for PDF and raster images)
 * with an RFC 5987 filename*, ETag = the SHA-256 (304 for If-None-Match), Cache-Control private
 * (revalidated on every use, as access may be withdrawn) unless publicCache. The caller has already
 * decided the reader may see the file. Missing bytes in storage answer 404. Resolves when the
 * response is complete or the client went away.
 */
export async function sendStoredFile(
  res: Response,
  req: Request,
  file: StoredFileRef,
  storage: FileStorage,
  options: { publicCache: boolean },
): Promise<void> {
  const etag = `"${file.sha256}"`;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // The bytes under a file id never change; whether a reader may have them can.
  if (options.publicCache) {
    res.setHeader('Cache-Control', 'public, max-age=3600');
  } else {
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Cookie');
  }
  res.setHeader('ETag', etag);
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  const stream = await storage.read(file.key);
  if (!stream) {
    res.removeHeader('ETag');
    res.setHeader('Cache-Control', 'no-store');
    res.status(404).end();
    return;
  }
  const contentType = file.contentType.startsWith('text/') && !/charset=/i.test(file.contentType) ? `${file.contentType}; charset=utf-8` : file.contentType;
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', contentDisposition(file.filename, INLINE_TYPES.has(file.contentType)));
  if (req.method === 'HEAD') {
    stream.destroy();
    res.end();
    return;
  }
  try {
    await pipeline(stream, res);
  } catch {
    // The client went away or storage failed midway: the response is already cut, nothing to send.
    stream.destroy();
    if (!res.destroyed) res.destroy();
  }
}
