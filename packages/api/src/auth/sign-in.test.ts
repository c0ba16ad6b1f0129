import argon2 from 'argon2';
import type { RunningHoldspace } from '../server';
import {
  TEST_PASSWORD,
  addMembership,
  connect,
  createOrganisation,
  createUser,
  errorCode,
  gql,
  ownerUrl,
  signInToken,
  startTestServer,
} from '../../test/helpers';
import { SIGN_IN_FAILED } from './auth.service';
import { ARGON2_OPTIONS } from './password';

const SIGN_IN =
  'mutation($input: SignInInput!) { signIn(input: $input) { token expiresAt viewer { user { email } } } }';
const VIEWER =
  '{ viewer { user { email } memberships { role organisation { id } } currentMembership { role } } }';

describe('sign-in', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer({
      SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3',
      SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '8',
    });
  });
  afterAll(() => server.stop());

  const signIn = (
    email: string,
    password: string,
    issueBearerToken = false,
    headers?: Record<string, string>,
  ) => gql(server.url, SIGN_IN, { input: { email, password, issueBearerToken } }, { headers });

  it('stores passwords as Argon2id at or above the OWASP minimum', async () => {
    const user = await createUser(server.dataSource);
    const [row] = await server.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
    const [, m, t, p] = /m=(\d+),t=(\d+),p=(\d+)/.exec(row.password_hash)!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
    expect(ARGON2_OPTIONS.type).toBe(argon2.argon2id);
  });

  it('sets an HttpOnly, SameSite session cookie that signs the dashboard in', async () => {
    const user = await createUser(server.dataSource);
    const result = await signIn(user.email.toUpperCase(), TEST_PASSWORD);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.signIn.token).toBeNull(); // the dashboard never sees the token
    const cookie = result.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hs_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const viewer = await gql(server.url, VIEWER, {}, { cookie: cookie.split(';')[0] });
    expect(viewer.body.data?.viewer.user.email).toBe(user.email);
  });

  it('stores only a hash of the token', async () => {
    const user = await createUser(server.dataSource);
    const token = await signInToken(server.url, user.email);
    const rows = await server.dataSource.query(
      `SELECT encode(token_hash, 'hex') AS h FROM auth_sessions WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].h).toHaveLength(64);
    expect(rows[0].h).not.toContain(Buffer.from(token).toString('hex'));
  });

  it('gives the same answer, after the same work, for an unknown email and a wrong password', async () => {
    const user = await createUser(server.dataSource);
    const verify = jest.spyOn(argon2, 'verify');
    const unknown = await signIn(`nobody-${Date.now()}@example.org`, TEST_PASSWORD);
    const unknownVerifications = verify.mock.calls.length;
    const wrong = await signIn(user.email, 'not the password');
    const wrongVerifications = verify.mock.calls.length - unknownVerifications;
    verify.mockRestore();
    for (const r of [unknown, wrong]) {
      expect(r.body.errors?.[0].message).toBe(SIGN_IN_FAILED);
      expect(errorCode(r)).toBe('UNAUTHENTICATED');
      expect(r.body.data).toBeNull();
    }
    expect(unknownVerifications).toBe(1); // a dummy hash is verified, as for a real account
    expect(wrongVerifications).toBe(1);
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const user = await createUser(server.dataSource);
    for (let i = 0; i < 3; i++)
      expect(errorCode(await signIn(user.email, `wrong-${i}`))).toBe('UNAUTHENTICATED');
    const blocked = await signIn(user.email, TEST_PASSWORD);
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    // Another account from the same address is unaffected (per-address limit is higher).
    const other = await createUser(server.dataSource);
    expect((await signIn(other.email, TEST_PASSWORD)).body.errors).toBeUndefined();
  });

  it('gives aliased attempts in one request no extra guesses', async () => {
    const user = await createUser(server.dataSource);
    // A wrong password, then the right one and more, as aliases of one mutation: mutations
    // run one after another and signIn is non-null, so the first failure ends the request
    // and nothing after it is tried or answered.
    const tries = ['wrong-0', TEST_PASSWORD, 'wrong-2', TEST_PASSWORD];
    const query = `mutation { ${tries
      .map(
        (password, i) =>
          `a${i}: signIn(input: { email: ${JSON.stringify(user.email)}, password: ${JSON.stringify(password)} }) { token }`,
      )
      .join(' ')} }`;
    const result = await gql(server.url, query, {});
    expect(result.body.data ?? null).toBeNull();
    expect((result.body.errors ?? []).map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
      ['a0', 'UNAUTHENTICATED'],
    ]);
    // The failure counted, and the right password after it was never tried (it would have
    // cleared the count): two more failures reach the limit of 3.
    for (const password of ['wrong-3', 'wrong-4'])
      expect(errorCode(await signIn(user.email, password))).toBe('UNAUTHENTICATED');
    expect(errorCode(await signIn(user.email, TEST_PASSWORD))).toBe('TOO_MANY_REQUESTS');
  });

  it('throttles an address that tries many accounts', async () => {
    const strict = await startTestServer({
      SIGNIN_MAX_FAILURES_PER_ADDRESS: '4',
      TRUST_PROXY: 'true',
    });
    try {
      const from = { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200) + 1}` };
      const attempt = (email: string, password: string) =>
        gql(strict.url, SIGN_IN, { input: { email, password } }, { headers: from });
      for (let i = 0; i < 4; i++)
        expect(errorCode(await attempt(`x${i}-${Date.now()}@example.org`, 'guess'))).toBe(
          'UNAUTHENTICATED',
        );
      const user = await createUser(strict.dataSource);
      expect(errorCode(await attempt(user.email, TEST_PASSWORD))).toBe('TOO_MANY_REQUESTS');
    } finally {
      await strict.stop();
    }
  });

  it('revokes the session on the server at sign-out', async () => {
    const user = await createUser(server.dataSource);
    const token = await signInToken(server.url, user.email);
    expect((await gql(server.url, VIEWER, {}, { token })).body.data?.viewer).not.toBeNull();
    const out = await gql(server.url, 'mutation { signOut }', {}, { token });
    expect(out.body.data?.signOut).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/hs_session=;/);
    expect((await gql(server.url, VIEWER, {}, { token })).body.data?.viewer).toBeNull();
    expect(errorCode(await gql(server.url, 'mutation { signOut }', {}, { token }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('ends a session after the idle period and at its absolute expiry', async () => {
    const owner = await connect(ownerUrl(), 1);
    try {
      const idle = await createUser(server.dataSource);
      const idleToken = await signInToken(server.url, idle.email);
      await owner.query(
        `UPDATE auth_sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
        [idle.id],
      );
      expect(
        (await gql(server.url, VIEWER, {}, { token: idleToken })).body.data?.viewer,
      ).toBeNull();

      const old = await createUser(server.dataSource);
      const oldToken = await signInToken(server.url, old.email);
      await owner.query(
        `UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [old.id],
      );
      expect((await gql(server.url, VIEWER, {}, { token: oldToken })).body.data?.viewer).toBeNull();

      const fresh = await createUser(server.dataSource);
      const freshToken = await signInToken(server.url, fresh.email);
      const [s] = await owner.query(
        `SELECT expires_at - created_at AS lifetime FROM auth_sessions WHERE user_id = $1`,
        [fresh.id],
      );
      expect(s.lifetime.hours).toBe(8);
      expect(
        (await gql(server.url, VIEWER, {}, { token: freshToken })).body.data?.viewer,
      ).not.toBeNull();
    } finally {
      await owner.destroy();
    }
  });

  it('acts in an organisation only while a membership there exists, checked on every request', async () => {
    const user = await createUser(server.dataSource);
    const a = await createOrganisation(server.dataSource);
    const b = await createOrganisation(server.dataSource);
    const stranger = await createOrganisation(server.dataSource);
    const membership = await addMembership(server.dataSource, a.id, user.id, 'ANALYST');
    await addMembership(server.dataSource, b.id, user.id, 'ORG_ADMIN');
    const token = await signInToken(server.url, user.email);

    const inA = await gql(server.url, VIEWER, {}, { token, org: a.id });
    expect(inA.body.data?.viewer.currentMembership.role).toBe('ANALYST');
    expect(inA.body.data?.viewer.memberships).toHaveLength(2);
    // Several organisations and no choice: none is assumed.
    expect(
      (await gql(server.url, VIEWER, {}, { token })).body.data?.viewer.currentMembership,
    ).toBeNull();

    const foreign = await gql(server.url, VIEWER, {}, { token, org: stranger.id });
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const malformed = await gql(server.url, VIEWER, {}, { token, org: 'not-an-id' });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');

    const owner = await connect(ownerUrl(), 1);
    try {
      await owner.transaction(async (m) => {
        await m.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.id]);
        await m.query('DELETE FROM memberships WHERE tenant_id = $1 AND id = $2', [
          a.id,
          membership.id,
        ]);
      });
    } finally {
      await owner.destroy();
    }
    expect(errorCode(await gql(server.url, VIEWER, {}, { token, org: a.id }))).toBe('FORBIDDEN');
  });

  it('refuses malformed input with field-level errors that do not echo the password', async () => {
    const result = await signIn('not-an-email', 'secret-value-123');
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0].extensions?.field).toBe('email');
    expect(JSON.stringify(result.body)).not.toContain('secret-value-123');
  });
});
