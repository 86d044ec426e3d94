import { LIMITS, isSafeReturnPath } from '@alliance/shared-core';

/**
 * Where to go after signing in. Only paths inside this site are accepted (the same rule the API
 * applies to a sign-up's return path), so a crafted "?next=https://evil.example" link cannot send
 * people elsewhere.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || next.length > LIMITS.returnToMax || !isSafeReturnPath(next)) return fallback;
  if (next.startsWith('/sign-in') || next.startsWith('/sign-up')) return fallback;
  return next;
}

/** The safe return path carried in `?next=`, or null when there is none (or it is not safe). */
export function returnPathFrom(params: URLSearchParams): string | null {
  return safeNextPath(params.get('next'), '') || null;
}

/** `path` with `?next=<returnTo>` added when there is somewhere to come back to. */
export function withNext(path: string, returnTo: string | null): string {
  if (!returnTo) return path;
  return `${path}${path.includes('?') ? '&' : '?'}next=${encodeURIComponent(returnTo)}`;
}

/** The sign-in address that brings the person back to where they were. */
export function signInPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const back = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  return `/sign-in?next=${encodeURIComponent(back)}`;
}
