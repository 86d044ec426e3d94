import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { RateLimitService, type SessionUser } from '@alliance/server-graphql';
import { SessionService } from '@alliance/server-identity';
import { FILE_STORAGE, UploadRefused, receiveUpload, sendStoredFile, type FileStorage } from '@alliance/server-storage';
import { resolveLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { EvidenceAccessService } from './access';
import { evidenceFileUrl } from './evidence.constants';
import { isUuid } from './evidence-input';
import { EvidenceItemsService } from './items.service';

function localeOf(req: Request, user?: SessionUser | null): Locale {
  return resolveLocale(req.headers['accept-language'], user?.locale);
}

function refuse(res: Response, req: Request, status: number, code: string, user?: SessionUser | null): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).json({ code, message: String(translator(localeOf(req, user))(code)) });
}

/**
 * Evidence files over plain HTTP (never through GraphQL): uploads stream into file storage,
 * downloads stream out of it. Items the caller may not see or edit answer 404, as if absent.
 */
@Controller('api/evidence')
export class EvidenceFilesController {
  private readonly logger = new Logger(EvidenceFilesController.name);

  constructor(
    private readonly items: EvidenceItemsService,
    private readonly access: EvidenceAccessService,
    private readonly sessions: SessionService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: RateLimitService,
  ) {}

  /** POST /api/evidence/items/:id/files (multipart, field `file`): a new version of the item's file. */
  @Post('items/:id/files')
  async upload(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Like the GraphQL endpoint's CSRF rule: a cross-site form cannot send a custom header, and a
    // script on another site would need a CORS preflight this API does not grant.
    const header = req.headers['x-requested-with'];
    if (typeof header !== 'string' || !header.trim()) return refuse(res, req, 400, 'storage:uploadHeaderMissing');
    const user = await this.sessions.resolveRequest(req);
    if (!user) return refuse(res, req, 401, 'errors:unauthenticated');
    const viewer = await this.access.viewerFor(user, localeOf(req, user));
    const item = isUuid(id) ? await this.items.editableItem(viewer, id) : null;
    if (!item || !viewer) return refuse(res, req, 404, 'evidence:notFound', user);
    // Counted before a byte is read: refused uploads cost no storage.
    if (!(await this.limits.allowHttp('uploadPerAccount', user.id, res, localeOf(req, user)))) return;

    const fileId = randomUUID();
    let key: string | null = null;
    try {
      const received = await receiveUpload(req, {
        storage: this.storage,
        maxBytes: this.config.evidenceUploadMaxBytes,
        // Every type detectContentType recognises is on the evidence allow-list.
        allow: () => true,
        keyFor: (type) => (key = `evidence/${item.id}/${fileId}.${type.extension}`),
      });
      const saved = await this.items.addFile(viewer, item.id, {
        id: fileId,
        filename: received.filename,
        contentType: received.contentType,
        size: received.size,
        sha256: received.sha256,
        storageKey: received.key,
      });
      if (!saved) {
        // The item stopped being editable while the bytes arrived (e.g. it was reviewed).
        await this.storage.delete(received.key).catch(() => undefined);
        return refuse(res, req, 404, 'evidence:notFound', user);
      }
      res.status(201).json({
        id: saved.id,
        version: saved.version,
        filename: saved.filename,
        contentType: saved.contentType,
        size: saved.size,
        sha256: saved.sha256,
        url: evidenceFileUrl(saved.id),
      });
    } catch (error) {
      if (error instanceof UploadRefused) return refuse(res, req, error.status, error.code, user);
      // Stored but not recorded: remove the bytes so nothing is left behind.
      if (key) await this.storage.delete(key).catch(() => undefined);
      this.logger.error(`Evidence upload failed: ${(error as Error).message}`);
      return refuse(res, req, 500, 'storage:uploadFailed', user);
    }
  }

  /** GET /api/evidence/files/:fileId: any version of a file of an item the caller may see. */
  @Get('files/:fileId')
  async download(@Param('fileId') fileId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.sessions.resolveRequest(req);
    const viewer = await this.access.viewerFor(user, localeOf(req, user));
    const found = await this.items.downloadable(viewer, fileId);
    if (!found) return refuse(res, req, 404, 'evidence:notFound', user);
    const { file, item } = found;
    const publicCache = item.status === 'PUBLISHED' && item.visibility === 'PUBLIC';
    // Counted before the bytes go out, so whoever reads the item after the download sees it counted;
    // revalidations (304) and HEAD requests are not downloads.
    const etag = `"${file.sha256}"`;
    const revalidation = (req.headers['if-none-match'] ?? '').split(',').some((v) => [etag, `W/${etag}`, '*'].includes(v.trim()));
    if (req.method !== 'HEAD' && !revalidation) await this.items.countDownload(file);
    await sendStoredFile(res, req, { key: file.storageKey, filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 }, this.storage, {
      publicCache,
    });
  }
}
