import {
  BadRequestException,
  CanActivate,
  Controller,
  ExecutionContext,
  ForbiddenException,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Injectable,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { Request, Response } from 'express';
import { AppError, RateLimitService, rateLimitedError, type SessionUser } from '@alliance/server-graphql';
import { SessionService } from '@alliance/server-identity';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { LearningFileModel } from './dto/models';
import { FilesService } from './files.service';
import { LEARNING_LIMITS } from './learning.constants';
import { isEditor } from './util';

type SessionRequest = Request & { learningUser?: SessionUser };

/** The same list as the storage library's downloads: PDF and raster images. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function localeOf(req: Request, user?: SessionUser): Locale {
  const wanted = (req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
  return isLocale(wanted) ? wanted : (user?.locale ?? DEFAULT_LOCALE);
}

/**
 * Uploads: signed-in organisers and administrators only, checked before the body is read. Like the
 * GraphQL endpoint's CSRF rule, a custom header is required: a cross-site HTML form cannot send
 * one, and a script on another site would need a CORS preflight this API does not grant.
 */
@Injectable()
export class EditorUploadGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionService,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<SessionRequest>();
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' && v.trim().length > 0;
    };
    if (!header('apollo-require-preflight') && !header('x-apollo-operation-name') && !header('x-requested-with')) {
      throw new BadRequestException({ code: 'CSRF', message: String(translator(localeOf(req))('learning:uploadHeaderMissing')) });
    }
    const user = await this.sessions.resolveRequest(req);
    if (!user) throw new UnauthorizedException();
    if (!isEditor(user)) throw new ForbiddenException();
    // Counted before the interceptor reads the file: refused uploads cost no memory.
    const outcome = await this.limits.hit('uploadPerAccount', user.id);
    if (!outcome.allowed) {
      const error = rateLimitedError(outcome.retryAfterSeconds);
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(outcome.retryAfterSeconds));
      throw new HttpException({ code: error.messageKey, message: String(translator(localeOf(req, user))(error.messageKey, error.params)) }, HttpStatus.TOO_MANY_REQUESTS);
    }
    req.learningUser = user;
    return true;
  }
}

/** Lesson documents and cover images: POST /api/learning/files, GET /api/learning/files/:id. */
@Controller('api/learning/files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly sessions: SessionService,
  ) {}

  @Post()
  @HttpCode(201)
  @UseGuards(EditorUploadGuard)
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: LEARNING_LIMITS.fileBytesMax, files: 1, fields: 5 } }))
  async upload(@Req() req: SessionRequest, @UploadedFile() file: Express.Multer.File | undefined): Promise<LearningFileModel> {
    const user = req.learningUser!;
    const t = translator(localeOf(req, user));
    if (!file) throw new BadRequestException({ code: 'learning:fileMissing', message: String(t('learning:fileMissing')) });
    try {
      // Multipart file names arrive as UTF-8 bytes that busboy reads as latin1.
      const utf8 = Buffer.from(file.originalname, 'latin1').toString('utf8');
      const name = utf8.includes('\uFFFD') ? file.originalname : utf8;
      return LearningFileModel.from(await this.files.upload(user, name, file.buffer));
    } catch (error) {
      if (error instanceof AppError) throw new BadRequestException({ code: error.messageKey, message: String(t(error.messageKey)) });
      throw error;
    }
  }

  @Get(':id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.sessions.resolveRequest(req);
    const found = await this.files.read(id, user);
    if (!found) throw new NotFoundException();
    const { file } = found;
    const etag = `"${file.sha256}"`;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // Files never change under an id; private ones stay out of shared caches.
    res.setHeader('Cache-Control', found.public ? 'public, max-age=86400, immutable' : 'private, max-age=3600');
    if (!found.public) res.setHeader('Vary', 'Cookie');
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    // Shown in the tab only for types a browser cannot run: never SVG, HTML or XML (even if such a
    // row existed, e.g. from before detection), which would execute as a page of this origin.
    const inline = INLINE_TYPES.has(file.contentType);
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.end(file.data);
  }
}
