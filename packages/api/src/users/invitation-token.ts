import { createHash, randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

const TOKEN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * The id of the invitation row, derived from the inviting organisation and the
 * token's hash: `user_invitations` is a global table with no tenant column,
 * and this lets an organisation recognise the invitations it issued (a version
 * 8 UUID built from a SHA-256). It reveals nothing about the token.
 */
export function invitationIdFor(tenantId: string, tokenHash: Buffer): string {
  const digest = createHash('sha256')
    .update(`holdspace-invitation:${tenantId}:`, 'utf8')
    .update(tokenHash)
    .digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8 (custom)
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A new invitation token: the inviting organisation's id and 256 random bits.
 * Only its SHA-256 is stored; the organisation part says where acceptance is
 * audited, and cannot be altered without changing the hash.
 */
export function newInvitationToken(tenantId: string): { token: string; hash: Buffer; id: string } {
  const token = `${tenantId}.${randomBytes(32).toString('base64url')}`;
  const hash = hashToken(token);
  return { token, hash, id: invitationIdFor(tenantId, hash) };
}

/** The organisation and hash of a well-formed token, or null. */
export function parseInvitationToken(token: string): { tenantId: string; hash: Buffer } | null {
  const match = TOKEN.exec(token.trim());
  if (!match) return null;
  const tenantId = match[1];
  return { tenantId, hash: hashToken(`${tenantId}.${match[2]}`) };
}

/** True when `row` was issued by `tenantId`. */
export const issuedBy = (tenantId: string, row: { id: string; token_hash: Buffer }) =>
  invitationIdFor(tenantId, row.token_hash) === row.id;
