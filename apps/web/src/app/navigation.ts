import { LIMITS, isSafeReturnPath } from '@alliance/shared-core';

// In its own module so the shell (RequireAuth) does not pull in the validation chunk (zod) with isSafeReturnPath.
export { signInPathFor } from './sign-in-path';

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
