import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import { tooManyRequests, unauthenticated } from '../errors/app-errors';
import { dummyPasswordHash, verifyPassword } from './password';
import { accountKey, hashToken, newSessionToken, normaliseEmail } from './tokens';

export interface AuthenticatedSession {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  expiresAt: Date;
}

/** The one message for an unknown email and a wrong password alike. */
export const SIGN_IN_FAILED = 'Email or password is not right.';

/**
 * Sign-in, sessions and sign-out. Users and sign-ins are global (not tenant)
 * tables; nothing here reads or writes an organisation's records.
 */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: Pick<Config, 'session' | 'signInThrottle'>,
  ) {}

  /**
   * The live session for a token, or null. A session ends at its absolute
   * expiry, after the idle period without use, or when revoked. Use refreshes
   * `last_seen_at` (at most every 30 seconds, to keep reads cheap).
   */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    const rows: Array<{
      id: string;
      user_id: string;
      expires_at: Date;
      email: string;
      display_name: string;
    }> = await this.dataSource.query(
      `WITH found AS (
           SELECT s.id, s.user_id, s.expires_at, s.last_seen_at, u.email, u.display_name
             FROM auth_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
              AND s.last_seen_at > now() - make_interval(mins => $2)
         ), touched AS (
           UPDATE auth_sessions SET last_seen_at = now()
             FROM found WHERE auth_sessions.id = found.id AND found.last_seen_at < now() - interval '30 seconds'
         )
         SELECT id, user_id, expires_at, email, display_name FROM found`,
      [hashToken(token), this.config.session.idleMinutes],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.id,
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      expiresAt: row.expires_at,
    };
  }

  /**
   * Checks the password and opens a session. Unknown email and wrong password
   * give the same answer after the same work (an Argon2 verification), and
   * both count against the account's and the address's throttles.
   */
  async signIn(
    email: string,
    password: string,
    address: string,
  ): Promise<{ token: string; session: AuthenticatedSession }> {
    const normalised = normaliseEmail(email);
    const key = accountKey(normalised);
    const { windowMinutes, maxFailuresPerAccount, maxFailuresPerAddress } =
      this.config.signInThrottle;

    const [counts] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM sign_in_failures WHERE account_key = $1 AND at > now() - make_interval(mins => $3))::int AS account,
              (SELECT count(*) FROM sign_in_failures WHERE address = $2 AND at > now() - make_interval(mins => $3))::int AS address`,
      [key, address, windowMinutes],
    )) as Array<{ account: number; address: number }>;
    if (counts.account >= maxFailuresPerAccount || counts.address >= maxFailuresPerAddress) {
      throw tooManyRequests(
        `Too many sign-in attempts. Wait ${windowMinutes} minutes and try again.`,
      );
    }

    const users = (await this.dataSource.query(
      'SELECT id, email, display_name, password_hash FROM users WHERE email = $1',
      [normalised],
    )) as Array<{ id: string; email: string; display_name: string; password_hash: string | null }>;
    const user = users[0];
    const verified = user?.password_hash
      ? await verifyPassword(user.password_hash, password)
      : (await verifyPassword(await dummyPasswordHash(), password)) && false;

    if (!user || !verified) {
      await this.dataSource.query(
        `WITH expired AS (DELETE FROM sign_in_failures WHERE at < now() - make_interval(mins => $3) AND (account_key = $1 OR address = $2))
         INSERT INTO sign_in_failures (account_key, address) VALUES ($1, $2)`,
        [key, address, windowMinutes],
      );
      throw unauthenticated(SIGN_IN_FAILED);
    }

    await this.dataSource.query('DELETE FROM sign_in_failures WHERE account_key = $1', [key]);
    const token = newSessionToken();
    const sessionId = randomUUID();
    const [created] = (await this.dataSource.query(
      `INSERT INTO auth_sessions (id, user_id, token_hash, last_seen_at, expires_at)
       VALUES ($1, $2, $3, now(), now() + make_interval(hours => $4)) RETURNING expires_at`,
      [sessionId, user.id, hashToken(token), this.config.session.absoluteHours],
    )) as Array<{ expires_at: Date }>;
    return {
      token,
      session: {
        sessionId,
        userId: user.id,
        email: user.email,
        displayName: user.display_name,
        expiresAt: created.expires_at,
      },
    };
  }

  /** Revokes the session on the server: the token stops working at once. */
  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE auth_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }
}
