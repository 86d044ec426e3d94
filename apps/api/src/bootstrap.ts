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
  // loads its assets from a CDN). See securityHeaders() for why each directive is what it is.
  for (const middleware of securityHeaders(config)) app.use(middleware);
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

type Middleware = (req: import('express').Request, res: import('express').Response, next: (error?: unknown) => void) => void;

/**
 * The security headers of every response (test/browser/security-headers.browser.spec.ts loads the
 * main pages and fails on any CSP violation, apps/api/src/security-headers.spec.ts checks each one):
 * - CSP: scripts only from this origin (the built app has no inline script); styles also inline,
 *   because Mantine injects its CSS variables in <style> elements and sets style attributes; images
 *   also over https (lesson Markdown may show https images, nothing else: see renderMarkdown) and
 *   data: (Mantine's icons); frames only the allow-listed lesson video players; nobody may frame the
 *   portal (clickjacking); no plugins; forms post only here. upgrade-insecure-requests only when the
 *   portal is public over https, so a plain-http installation still loads its own assets.
 * - HSTS only behind https: on a request that came over https (req.secure, which believes
 *   X-Forwarded-Proto only with TRUST_PROXY, so a client cannot spoof it) or when PUBLIC_URL is https
 *   (browsers ignore HSTS on plain-http responses, RFC 6797 8.1). Pinning https on a plain-http
 *   portal would lock its users out.
 * - nosniff, Referrer-Policy strict-origin-when-cross-origin (no paths or tokens leak to other
 *   sites), Cross-Origin-Opener-Policy same-origin, X-Frame-Options DENY for old browsers.
 */
export function securityHeaders(config: Pick<AppConfig, 'NODE_ENV' | 'publicUrl'>): Middleware[] {
  const https = config.publicUrl.startsWith('https://');
  const csp = {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameSrc: ["'self'", ...VIDEO_FRAME_ORIGINS],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      ...(https ? { upgradeInsecureRequests: [] } : {}),
    },
  };
  const headers = helmet({
    contentSecurityPolicy: config.NODE_ENV === 'development' ? false : csp,
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    xContentTypeOptions: true,
  }) as Middleware;
  const hsts: Middleware = (req, res, next) => {
    if (https || req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
  return [headers, hsts];
}
