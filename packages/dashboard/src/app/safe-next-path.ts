/**
 * Where to go after signing in. Only paths inside this site are followed, so a
 * crafted link (`/sign-in?next=https://evil.example`) cannot send a user
 * elsewhere; anything else goes to the home page.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/sign-in#'))
    return '/';
  return next;
}

/** The sign-in page's address, coming back to `path` afterwards. */
export function signInPath(path?: string): string {
  const next = safeNextPath(path);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
