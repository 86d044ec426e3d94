import { parse } from 'cookie';
import type { AppConfig } from '@alliance/server-config';
import type { RequestContext } from '@alliance/server-graphql';
import { LIMITS } from '@alliance/shared-core';

export const SESSION_COOKIE_NAME = 'alliance_session';

type Req = Pick<RequestContext['req'], 'secure' | 'headers'>;
type Res = Pick<RequestContext['res'], 'cookie' | 'clearCookie'>;

/**
 * Secure when told so, or ('auto') when this request came over HTTPS (req.secure honours Express's
 * trust proxy setting) or the public address is https.
 */
export function isSecureCookie(config: Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'>, req?: Pick<Req, 'secure'>): boolean {
  if (config.COOKIE_SECURE === 'true') return true;
  if (config.COOKIE_SECURE === 'false') return false;
  return Boolean(req?.secure) || config.publicUrl.startsWith('https://');
}

export function setSessionCookie(res: Res, token: string, config: Pick<AppConfig, 'COOKIE_SECURE' | 'publicUrl'>, req?: Pick<Req, 'secure'>): void {
  res.cookie(SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureCookie(config, req),
    path: '/',
    maxAge: LIMITS.sessionDays * 24 * 60 * 60 * 1000,
  });
}

export function clearSessionCookie(res: Res): void {
  res.clearCookie(SESSION_COOKIE_NAME, { httpOnly: true, sameSite: 'lax', path: '/' });
}

/** The raw session token from the Cookie header, if any (no cookie-parser middleware needed). */
export function sessionTokenFromRequest(req: Pick<Req, 'headers'>): string | undefined {
  const header = req.headers?.cookie;
  if (!header) return undefined;
  return parse(header)[SESSION_COOKIE_NAME] || undefined;
}
