import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the opaque sign-in token (never stored). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The throttling key for an account: a hash, so the table holds no address. */
export function accountKey(normalisedEmail: string): Buffer {
  return createHash('sha256').update(`signin:${normalisedEmail}`, 'utf8').digest();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const SESSION_COOKIE = 'hs_session';

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** The token from `Authorization: Bearer …`, else from the session cookie. */
export function tokenFromRequest(headers: {
  authorization?: string;
  cookie?: string;
}): string | null {
  const auth = headers.authorization;
  if (auth) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(auth.trim());
    return match ? match[1] : null;
  }
  return readCookie(headers.cookie, SESSION_COOKIE);
}
