/** The sign-in address that brings the person back to where they were. */
export function signInPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const back = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  return `/sign-in?next=${encodeURIComponent(back)}`;
}
