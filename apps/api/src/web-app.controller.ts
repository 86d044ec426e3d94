import fs from 'node:fs';
import path from 'node:path';
import { Controller, Get, Inject, Next, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';

/**
 * Serves the built single-page app's index.html for every client-side route (static assets are
 * served by express.static in bootstrap.ts). API paths pass on to their own handlers: GraphQL's is
 * mounted after controllers, so this route must hand them over rather than answer 404.
 */
@Controller()
export class WebAppController {
  private readonly indexFile: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.indexFile = path.join(webDistDir(config), 'index.html');
  }

  @Get('{*path}')
  index(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    if (/^\/(graphql|api|health|ready|\.well-known|did\.json)(\/|$)/.test(req.path) || !fs.existsSync(this.indexFile)) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(this.indexFile);
  }
}

export function webDistDir(config: AppConfig): string {
  return path.resolve(config.WEB_DIST_DIR ?? path.join(process.cwd(), 'dist/apps/web'));
}
