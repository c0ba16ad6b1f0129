import type { RunningHoldspace } from '../server';
import {
  asTenant,
  callerOf,
  expectError,
  organisationWithAdmin,
  startTestServer,
} from '../../test/helpers';
import { pathOfNulCharacter } from './validation';

describe('pathOfNulCharacter', () => {
  it('names the first string holding U+0000, through objects and lists', () => {
    expect(pathOfNulCharacter({ input: { name: 'Ann', ref: 'a\u0000b' } })).toBe('input.ref');
    expect(pathOfNulCharacter({ ids: ['x', 'y', '\u0000'] })).toBe('ids.2');
    expect(pathOfNulCharacter({ input: { name: 'Ann', fte: 1, tags: null } })).toBeNull();
    expect(pathOfNulCharacter({})).toBeNull();
  });
});

describe('text with U+0000 (which PostgreSQL cannot store)', () => {
  let server: RunningHoldspace;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  const call = callerOf(() => server);

  it('is refused with the field named, and nothing is written', async () => {
    const { org, admin } = await organisationWithAdmin(server);
    const result = await call(
      admin,
      'mutation($input: ExternalSupervisorInput!) { createExternalSupervisor(input: $input) { id } }',
      { input: { name: 'Dr \u0000 Null' } },
    );
    expectError(result, 'BAD_USER_INPUT', 'input.name');
    const rows = await asTenant(server.dataSource, org.id, 'SELECT id FROM supervisors');
    expect(rows).toEqual([]);
  });
});
