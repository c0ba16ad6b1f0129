import type { GeneratedOrganisation } from './generate';

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** Multi-row INSERTs of at most `chunk` rows (PostgreSQL allows 65,535 parameters). */
export async function insertRows(
  query: Query,
  table: string,
  tenantId: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  chunk = 1000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const width = columns.length + 1;
  const size = Math.max(1, Math.min(chunk, Math.floor(60_000 / width)));
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    const params: unknown[] = [];
    const tuples = slice.map((row, r) => {
      params.push(tenantId, ...columns.map((c) => row[c]));
      return `(${Array.from({ length: width }, (_, k) => `$${r * width + k + 1}`).join(', ')})`;
    });
    await query(
      `INSERT INTO ${table} (tenant_id, ${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/**
 * Loads a generated organisation's records (the organisation row must exist; tenant set).
 * `chunk`: rows per INSERT (capped by the parameter limit); the benchmarks use large ones.
 */
export async function loadOrganisation(
  query: Query,
  tenantId: string,
  data: GeneratedOrganisation,
  chunk = 1000,
): Promise<void> {
  await insertRows(query, 'services', tenantId, data.services, chunk);
  await insertRows(
    query,
    'staff_members',
    tenantId,
    data.staff as unknown as Array<Record<string, unknown>>,
    chunk,
  );
  await insertRows(query, 'supervisors', tenantId, data.supervisors, chunk);
  await insertRows(query, 'supervision_agreements', tenantId, data.agreements, chunk);
  await insertRows(query, 'supervision_sessions', tenantId, data.sessions, chunk);
  await insertRows(query, 'session_attendees', tenantId, data.attendees, chunk);
  await insertRows(query, 'session_actions', tenantId, data.actions, chunk);
  await insertRows(query, 'absence_episodes', tenantId, data.absences, chunk);
}
