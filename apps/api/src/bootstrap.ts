import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import compression from 'compression';
import type { AppConfig } from '@alliance/server-config';
import { countQueries, installQueryCounter } from '@alliance/server-database';
import { VIDEO_FRAME_ORIGINS } from '@alliance/server-learning';
import { AppModule } from './app.module';
import { webDistDir } from './web-app.controller';

/** Builds the API application (used by main.ts and by the API journey tests). */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // Benchmarks only (QUERY_COUNT_HEADER=true): the number of SQL statements each request sent, in an
  // x-query-count response header, so a page's query count can be reported and kept bounded.
  if (process.env.QUERY_COUNT_HEADER === 'true') {
    installQueryCounter();
    app.use((req: unknown, res: import('express').Response, next: () => void) => {
      // The header is set when the response head goes out, after every statement of the request.
      const { counter } = countQueries(() => {
        const writeHead = res.writeHead;
        res.writeHead = function countedWriteHead(this: typeof res, ...args: unknown[]) {
          if (!res.headersSent) res.setHeader('x-query-count', String(counter.count));
          return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
        } as typeof res.writeHead;
        next();
      });
    });
  }
  // Security headers, with a Content-Security-Policy everywhere but development (where GraphiQL
  // loads its assets from a CDN). The web app needs nothing beyond 'self' plus inline styles, and
  // frames only for lesson videos from the privacy-friendly players of the allow-listed hosts.
  app.use(
    helmet({
      contentSecurityPolicy: config.NODE_ENV === 'development' ? false : { directives: { frameSrc: ["'self'", ...VIDEO_FRAME_ORIGINS] } },
      strictTransportSecurity: config.publicUrl.startsWith('https://'),
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  // Slow connections are the norm for many users: gzip every text response.
  app.use(compression());
  // Hashed build assets never change: cache them for a year (slow connections pay once).
  app.useStaticAssets(webDistDir(config), {
    index: false,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return app;
}
