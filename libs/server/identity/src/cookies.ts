import { parse } from 'cookie';
import type { AppConfig } from '@alliance/server-config';
import type { RequestContext } from '@alliance/server-graphql';

/** The session cookie's name over plain http (local development, tests). */
export const SESSION_COOKIE_NAME = 'alliance_session';

/**
 * The name whenever the cookie is Secure. Browsers accept a `__Host-` cookie only when it is Secure,
 * has Path=/ and no Domain, so no sibling subdomain or plain-http page can set or shadow it
 * (session fixation by cookie tossing).
 */
export const SECURE_SESSION_COOKIE_NAME = '__Host-alliance_session';

type Req = Pick<RequestContext['req'], 'secure' | 'headers'>;
type Res = Pick<RequestContext['res'], 'cookie' | 'clearCookie'>;
export type CookieConfig = Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'> & Partial<Pick<AppConfig, 'SESSION_ABSOLUTE_DAYS'>>;

/**
 * Secure when told so, or ('auto') when this request came over HTTPS (req.secure honours Express's
 * trust proxy setting) or the public address is https.
 */
export function isSecureCookie(config: Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'>, req?: Pick<Req, 'secure'>): boolean {
  if (config.COOKIE_SECURE === 'true') return true;
  if (config.COOKIE_SECURE === 'false') return false;
  return Boolean(req?.secure) || config.publicUrl.startsWith('https://');
}

/** The cookie name that fits this request: `__Host-alliance_session` when Secure, else `alliance_session`. */
export function sessionCookieName(config: Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'>, req?: Pick<Req, 'secure'>): string {
  return isSecureCookie(config, req) ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME;
}

export function setSessionCookie(res: Res, token: string, config: CookieConfig, req?: Pick<Req, 'secure'>): void {
  const secure = isSecureCookie(config, req);
  // No Domain attribute, ever: the cookie belongs to this exact host (required by __Host-).
  res.cookie(secure ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: (config.SESSION_ABSOLUTE_DAYS ?? 30) * 24 * 60 * 60 * 1000,
  });
}

/** Clears the cookie of the name that fits the request; without the configuration, both names. */
export function clearSessionCookie(res: Res, config?: Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'>, req?: Pick<Req, 'secure'>): void {
  const secure = config ? [isSecureCookie(config, req)] : [false, true];
  for (const s of secure) {
    // A browser drops a __Host- cookie only through a Set-Cookie that is itself Secure.
    res.clearCookie(s ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME, { httpOnly: true, sameSite: 'lax', path: '/', ...(s ? { secure: true } : {}) });
  }
}

/**
 * The raw session token from the Cookie header, if any (no cookie-parser middleware needed). Only
 * the name that fits the request is read: where cookies are Secure, a plain `alliance_session`
 * (which any sibling subdomain could have planted) is ignored.
 */
export function sessionTokenFromRequest(req: Pick<Req, 'headers' | 'secure'>, config: Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'>): string | undefined {
  const header = req.headers?.cookie;
  if (!header) return undefined;
  return parse(header)[sessionCookieName(config, req)] || undefined;
}
