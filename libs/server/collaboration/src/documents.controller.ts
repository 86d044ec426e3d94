import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import Busboy from 'busboy';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError, RateLimitService, type SessionUser } from '@alliance/server-graphql';
import { SessionService } from '@alliance/server-identity';
import { FILE_STORAGE, UploadRefused, receiveUpload, sendStoredFile, type FileStorage, type ReceivedFile } from '@alliance/server-storage';
import { ErrorCode, resolveLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { CollaborationAccessService, isUuid, type CollaborationViewer } from './access';
import { collaborationDocumentUrl } from './collaboration.constants';
import { DocumentsService, type StoredDocumentFile } from './documents.service';
import type { SpaceDocument, SpaceDocumentVersion } from './entities';

function localeOf(req: Request, user?: SessionUser | null): Locale {
  return resolveLocale(req.headers['accept-language'], user?.locale);
}

function refuse(res: Response, req: Request, status: number, code: string, user?: SessionUser | null, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json({ code, message: String(translator(localeOf(req, user))(code)), ...extra });
}

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Forbidden]: 404,
  [ErrorCode.Unauthenticated]: 404,
};

/** A service's AppError as an HTTP answer: never "forbidden" (the space's existence would leak), field errors kept. */
function refuseWith(res: Response, req: Request, error: AppError, user?: SessionUser | null): void {
  const code = error.extensions.code as ErrorCode;
  const status = STATUS_OF[code] ?? 400;
  if (status === 404) return refuse(res, req, 404, 'collaboration:notFound', user);
  const fields = (error.extensions.fields as Array<{ field: string; key: string }> | undefined) ?? [];
  const key = fields[0]?.key ?? error.messageKey;
  return refuse(res, req, status, key, user, fields.length ? { fields } : {});
}

/** Field name -> the key of its "invalid" message, for text fields cut off by the parser's size limit. */
const FIELD_KEYS: Record<string, string> = {
  title: 'collaborationRecords:documentTitleInvalid',
  description: 'collaborationRecords:documentDescriptionInvalid',
  note: 'collaborationRecords:versionNoteInvalid',
};
/** Room for the longest text field (10,000 characters of up to 4 UTF-8 bytes each). */
const FIELD_BYTES_MAX = 48 * 1024;

/**
 * The small text fields of a multipart upload (title, description, note). receiveUpload reads the
 * `file` part only, so a second parser reads the same body for the text fields and lets the file's
 * bytes pass by. It must be attached before receiveUpload starts reading; it settles once the body
 * is read, with null when the body could not be parsed. Fields longer than FIELD_BYTES_MAX are
 * reported as invalid rather than silently cut.
 */
function readTextFields(req: Request, names: readonly string[]): Promise<Map<string, string> | AppError | null> {
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 20, fieldSize: FIELD_BYTES_MAX, parts: 40, headerPairs: 50 } });
  } catch {
    // Not multipart: receiveUpload answers storage:fileMissing.
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    let tooLong: string | null = null;
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('field', (name, value, info) => {
      if (!names.includes(name) || fields.has(name)) return;
      if (info.valueTruncated && !tooLong) tooLong = name;
      fields.set(name, value);
    });
    parser.on('close', () => resolve(tooLong ? AppError.badInput([{ field: tooLong, key: FIELD_KEYS[tooLong] ?? 'validation:invalid' }]) : fields));
    parser.on('error', () => resolve(null));
    req.pipe(parser);
  });
}

function versionBody(document: SpaceDocument, version: SpaceDocumentVersion) {
  return {
    id: version.id,
    documentId: document.id,
    spaceId: document.spaceId,
    title: document.title,
    version: version.version,
    filename: version.filename,
    contentType: version.contentType,
    size: version.size,
    sha256: version.sha256,
    note: version.note,
    url: collaborationDocumentUrl(version.id),
  };
}

/**
 * Shared documents of working tables and technical groups over plain HTTP (never through GraphQL):
 * uploads stream into file storage under collaboration/<space>/<document>/<version>.<ext>, downloads
 * stream out of it. Whoever is not a member of the space (anonymous visitors, outsiders, members of
 * other spaces) gets the same 404 as for an id that does not exist.
 */
@Controller('api/collaboration')
export class CollaborationDocumentsController {
  private readonly logger = new Logger(CollaborationDocumentsController.name);

  constructor(
    private readonly documents: DocumentsService,
    private readonly access: CollaborationAccessService,
    private readonly sessions: SessionService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: RateLimitService,
  ) {}

  /** POST /api/collaboration/spaces/:spaceId/documents (multipart: `title`, optional `description`, then `file`): a new document. */
  @Post('spaces/:spaceId/documents')
  async create(@Param('spaceId') spaceId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    if (!caller) return;
    const { user, viewer } = caller;
    try {
      await this.documents.uploadTarget(viewer, spaceId);
    } catch (error) {
      if (error instanceof AppError) return refuseWith(res, req, error, user);
      throw error;
    }
    if (!(await this.limits.allowHttp('uploadPerAccount', user.id, res, localeOf(req, user)))) return;
    const documentId = randomUUID();
    await this.receive(req, res, user, `collaboration/${spaceId}/${documentId}`, ['title', 'description'], async (fields, file) => {
      const saved = await this.documents.createDocument(viewer, spaceId, documentId, { title: fields.get('title') ?? '', description: fields.get('description') ?? null }, file);
      return versionBody(saved.document, saved.version);
    });
  }

  /** POST /api/collaboration/documents/:documentId/versions (multipart: optional `note`, then `file`): the document's next version. Any member may add one. */
  @Post('documents/:documentId/versions')
  async addVersion(@Param('documentId') documentId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.caller(req, res);
    if (!caller) return;
    const { user, viewer } = caller;
    let spaceId: string;
    try {
      spaceId = (await this.documents.versionTarget(viewer, documentId)).document.spaceId;
    } catch (error) {
      if (error instanceof AppError) return refuseWith(res, req, error, user);
      throw error;
    }
    if (!(await this.limits.allowHttp('uploadPerAccount', user.id, res, localeOf(req, user)))) return;
    await this.receive(req, res, user, `collaboration/${spaceId}/${documentId}`, ['note'], async (fields, file) => {
      const saved = await this.documents.addVersion(viewer, documentId, { note: fields.get('note') ?? null }, file);
      return versionBody(saved.document, saved.version);
    });
  }

  /** GET /api/collaboration/documents/:versionId: any version of a document, for members of its space. */
  @Get('documents/:versionId')
  async download(@Param('versionId') versionId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.sessions.resolveRequest(req);
    const viewer = this.access.viewerFor(user, localeOf(req, user));
    const version = isUuid(versionId) ? await this.documents.downloadable(viewer, versionId) : null;
    if (!version) return refuse(res, req, 404, 'collaboration:notFound', user);
    // Private to the space: never in a shared cache, revalidated (access re-checked) on every use.
    await sendStoredFile(
      res,
      req,
      { key: version.storageKey, filename: version.filename, contentType: version.contentType, size: version.size, sha256: version.sha256 },
      this.storage,
      { publicCache: false },
    );
  }

  /** The CSRF header rule, then the session; anonymous callers get the same 404 as outsiders. */
  private async caller(req: Request, res: Response): Promise<{ user: SessionUser; viewer: CollaborationViewer } | null> {
    // Like the GraphQL endpoint's CSRF rule: a cross-site form cannot send a custom header, and a
    // script on another site would need a CORS preflight this API does not grant.
    const header = req.headers['x-requested-with'];
    if (typeof header !== 'string' || !header.trim()) {
      refuse(res, req, 400, 'storage:uploadHeaderMissing');
      return null;
    }
    const user = await this.sessions.resolveRequest(req);
    const viewer = this.access.viewerFor(user, localeOf(req, user));
    if (!user || !viewer) {
      refuse(res, req, 404, 'collaboration:notFound');
      return null;
    }
    return { user, viewer };
  }

  /**
   * Streams the file into storage (same limit, type detection and checks as evidence), then records
   * it with `record`. Bytes stored but not recorded (refused, failed, space closed meanwhile) are
   * deleted, so storage never keeps a file the database does not know.
   */
  private async receive(
    req: Request,
    res: Response,
    user: SessionUser,
    prefix: string,
    fieldNames: readonly string[],
    record: (fields: Map<string, string>, file: StoredDocumentFile) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const versionId = randomUUID();
    let key: string | null = null;
    // Attached before receiveUpload, so both parsers see the body from its first byte.
    const fieldsRead = readTextFields(req, fieldNames);
    let received: ReceivedFile | null = null;
    try {
      received = await receiveUpload(req, {
        storage: this.storage,
        maxBytes: this.config.evidenceUploadMaxBytes,
        // Every type detectContentType recognises (PDF, office documents, CSV, images) is welcome.
        allow: () => true,
        keyFor: (type) => (key = `${prefix}/${versionId}.${type.extension}`),
      });
      const fields = await fieldsRead;
      if (fields === null) throw new UploadRefused(400, 'storage:uploadFailed');
      if (fields instanceof AppError) throw fields;
      const body = await record(fields, {
        versionId,
        filename: received.filename,
        contentType: received.contentType,
        size: received.size,
        sha256: received.sha256,
        storageKey: received.key,
      });
      res.status(201).json(body);
    } catch (error) {
      // Stored but not recorded: remove the bytes so nothing is left behind.
      if (received || key) await this.storage.delete(received?.key ?? key!).catch(() => undefined);
      if (error instanceof UploadRefused) return refuse(res, req, error.status, error.code, user);
      if (error instanceof AppError) return refuseWith(res, req, error, user);
      this.logger.error(`Collaboration document upload failed: ${(error as Error).message}`);
      return refuse(res, req, 500, 'storage:uploadFailed', user);
    }
  }
}
