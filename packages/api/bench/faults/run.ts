import 'reflect-metadata';
import os from 'node:os';
import { Client } from 'pg';
import { addDays } from '@holdspace/shared';
import type { ProvidedDatabase } from '../../src/db/database';
import {
  authHeaders,
  intSetting,
  progress,
  queryOnce,
  runConfig,
  runLogger,
  runMain,
  seedOrganisation,
  startDatabaseAndApi,
  startRunDatabase,
  superuserUrlFor,
  type DatabaseChoice,
  type SeededOrganisation,
} from '../load/environment';
import { RECORD_SESSION, STAFF_LIST } from '../load/operations';

/**
 * The fault run (`pnpm faults`, about 2 minutes): the API in this process, on a
 * dedicated embedded PostgreSQL (.data/postgres-faults), under a moderate mixed
 * load (FAULTS_CLIENTS clients, each in a loop: a page of the staff list, or a
 * supervisor recording a session; every acknowledged write is remembered by id).
 *
 *   A. PostgreSQL is stopped (fast shutdown, as a restart does), kept down for
 *      FAULTS_DOWN_SECONDS, and started again.
 *   B. Every connection of the API (application_name holdspace-api) is ended
 *      from the database side with pg_terminate_backend, FAULTS_KILLS times.
 *   C. A large sessions import (FAULTS_IMPORT_ROWS rows) is cut off in its write
 *      phase by ending its connection; then the same file is imported whole.
 *
 * It shows, with figures: the process stays up (no uncaught exception or
 * unhandled rejection, /healthz answers throughout); while the database is away
 * every answer is 503 SERVICE_UNAVAILABLE, quickly (no hang); it recovers by
 * itself (time to the first successful request once the database is back);
 * every acknowledged write is in the database; the cut-off import left nothing.
 * Exits 1 when any of these does not hold. Only 127.0.0.1; every loop is bounded.
 *
 *   FAULTS_CLIENTS (8)  FAULTS_DOWN_SECONDS (5)  FAULTS_KILLS (3)
 *   FAULTS_IMPORT_ROWS (120000)  FAULTS_STAFF (200)  FAULTS_PG_PORT (54359)
 */

const CLIENTS = intSetting('FAULTS_CLIENTS', 8, 1, 100);
const DOWN_SECONDS = intSetting('FAULTS_DOWN_SECONDS', 5, 1, 120);
const KILLS = intSetting('FAULTS_KILLS', 3, 1, 20);
const IMPORT_ROWS = intSetting('FAULTS_IMPORT_ROWS', 120_000, 1000, 1_000_000);
const STAFF = intSetting('FAULTS_STAFF', 200, 50, 5000);
const PG_PORT = intSetting('FAULTS_PG_PORT', 54359, 1024, 65535);
/** The longest any request may take: longer counts as a hang. */
const REQUEST_TIMEOUT_MS = 20_000;
/** Recovery slower than this fails the run. */
const MAX_RECOVERY_MS = 10_000;
/** Hard cap on the whole run's traffic. */
const TRAFFIC_CAP_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

interface Outcome {
  op: 'read' | 'write';
  start: number;
  end: number;
  status: number;
  /** OK, the error's extensions.code, NETWORK or TIMEOUT. */
  code: string;
  id?: string;
  ref: string | null;
}

/** Mixed reads and writes from CLIENTS loops, until stopped (or the cap). */
function startTraffic(url: string, org: SeededOrganisation) {
  const outcomes: Outcome[] = [];
  let stopping = false;
  const began = now();
  const readBody = JSON.stringify({
    query: STAFF_LIST,
    variables: { filter: { status: 'IN_POST' }, page: { first: 25 } },
  });
  const one = async (op: Outcome['op'], ref: string | null) => {
    const start = now();
    const body =
      op === 'read'
        ? readBody
        : JSON.stringify({
            query: RECORD_SESSION,
            variables: {
              input: {
                supervisorId: org.supervisor.supervisorId,
                attendeeIds: [org.superviseeId],
                date: org.sessionDate,
                durationMinutes: 60,
                format: 'ONE_TO_ONE',
                functions: ['RESTORATIVE'],
                sessionRef: ref,
              },
            },
          });
    const token = op === 'read' ? org.admin.token : org.supervisor.token;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: authHeaders(token, org.tenantId),
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let code = 'OK';
      let id: string | undefined;
      try {
        const parsed = JSON.parse(text) as {
          data?: Record<string, { id?: string } | null> | null;
          errors?: Array<{ extensions?: { code?: string } }>;
        };
        if (parsed.errors?.length) code = parsed.errors[0].extensions?.code ?? 'UNCODED';
        else if (!parsed.data) code = 'NO_DATA';
        id = parsed.data?.recordHeldSession?.id;
      } catch {
        code = 'NOT_JSON';
      }
      if (code === 'OK' && response.status !== 200) code = `HTTP_${response.status}`;
      outcomes.push({ op, start, end: now(), status: response.status, code, id, ref });
    } catch (error) {
      const name = (error as Error).name;
      const code = name === 'TimeoutError' || name === 'AbortError' ? 'TIMEOUT' : 'NETWORK';
      outcomes.push({ op, start, end: now(), status: 0, code, ref });
    }
  };
  const loops = Array.from({ length: CLIENTS }, async (_, client) => {
    for (let i = 0; i < 1_000_000 && !stopping && now() - began < TRAFFIC_CAP_MS; i++) {
      await one(i % 2 === 0 ? 'read' : 'write', i % 2 === 0 ? null : `FT-${client}-${i}`);
      await sleep(10);
    }
  });
  return {
    outcomes,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

/** /readyz and /healthz every 250 ms, until stopped (or the cap). */
function startProbes(url: string) {
  const samples: Array<{ at: number; ready: number; health: number; ms: number }> = [];
  let stopping = false;
  const began = now();
  const status = (path: string) =>
    fetch(`${url}${path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    );
  const loop = (async () => {
    while (!stopping && now() - began < TRAFFIC_CAP_MS) {
      const at = now();
      const [ready, health] = await Promise.all([status('/readyz'), status('/healthz')]);
      samples.push({ at, ready, health, ms: now() - at });
      await sleep(250);
    }
  })();
  return {
    samples,
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}

const overlaps = (o: Outcome, from: number, to: number) => o.end >= from && o.start <= to;

function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.code === 'OK' ? 'ok' : `${o.status} ${o.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
}

/** Waits (bounded) for the first successful request sent at or after `from`. */
async function firstSuccessAfter(outcomes: Outcome[], from: number): Promise<Outcome | null> {
  const deadline = now() + 60_000;
  while (now() < deadline) {
    const ok = outcomes.find((o) => o.start >= from && o.code === 'OK');
    if (ok) return ok;
    await sleep(20);
  }
  return null;
}

async function main(): Promise<void> {
  const started = now();
  const crashes: string[] = [];
  process.on('uncaughtException', (e) => crashes.push(`uncaughtException: ${e.message}`));
  process.on('unhandledRejection', (e) => crashes.push(`unhandledRejection: ${String(e)}`));
  const failures: string[] = [];
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    progress(line);
  };

  const config = runConfig({ embeddedOnly: true });
  const logger = runLogger(config);
  const choice: DatabaseChoice = {
    database: 'holdspace_faults',
    dataDirName: 'postgres-faults',
    port: PG_PORT,
  };
  progress(`database: embedded PostgreSQL on 127.0.0.1:${PG_PORT} (.data/postgres-faults)`);
  const provided = await startDatabaseAndApi(config, logger, choice);
  const api = provided.api;
  let database: ProvidedDatabase = provided.database;
  try {
    const superuser = await superuserUrlFor(database.ownerUrl);
    progress(`seeding ${STAFF} staff`);
    const org = await seedOrganisation(api, database.ownerUrl, {
      staffCount: STAFF,
      seed: 20261123,
      refPrefix: 'FT',
    });
    const traffic = startTraffic(api.url, org);
    const probes = startProbes(api.url);
    const { outcomes } = traffic;
    await sleep(5000);
    const steadyBefore = outcomes.length;
    say(`steady load: ${CLIENTS} clients, ${steadyBefore} requests in the first 5 s`);

    // ---- A. restart PostgreSQL ----
    const windows: Array<[number, number]> = [];
    const tStop = now();
    await database.stop();
    const tDown = now();
    await sleep(DOWN_SECONDS * 1000);
    const tStart = now();
    database = await startRunDatabase(config, logger, choice);
    const tUp = now();
    const recoveredA = await firstSuccessAfter(outcomes, tUp);
    await sleep(2000); // let the readiness probe see it too
    const readyA = probes.samples.find((s) => s.at >= tUp && s.ready === 200);
    const endA = recoveredA?.end ?? now();
    windows.push([tStop, endA]);
    const during = outcomes.filter((o) => overlaps(o, tDown, tStart));
    const aroundA = outcomes.filter((o) => overlaps(o, tStop, endA));
    const downProbes = probes.samples.filter((s) => s.at >= tDown && s.at + s.ms <= tStart);
    say('');
    say(
      `A. PostgreSQL restart: fast shutdown took ${((tDown - tStop) / 1000).toFixed(2)} s, down ${DOWN_SECONDS} s, start took ${((tUp - tStart) / 1000).toFixed(2)} s`,
    );
    say(
      `   while it was down: ${during.length} requests answered: ${tally(during)}; slowest answer ${Math.max(0, ...during.map((o) => o.end - o.start)).toFixed(0)} ms`,
    );
    say(
      `   /readyz while down: ${tally(downProbes.map((p) => ({ code: p.ready === 200 ? 'OK' : 'unavailable', status: p.ready }) as Outcome))}; /healthz: ${downProbes.every((p) => p.health === 200) ? 'always 200' : 'NOT always 200'}`,
    );
    say(
      `   recovery: first successful request ${recoveredA ? `${(recoveredA.end - tUp).toFixed(0)} ms` : 'NEVER'} after the database was back; /readyz 200 after ${readyA ? `${(readyA.at + readyA.ms - tUp).toFixed(0)} ms` : 'NEVER'}`,
    );
    say(`   all answers from stop to recovery: ${tally(aroundA)}`);
    if (!recoveredA || recoveredA.end - tUp > MAX_RECOVERY_MS)
      failures.push('A: no recovery within 10 s');
    if (during.length === 0)
      failures.push('A: no request was answered while the database was down');
    for (const o of aroundA)
      if (o.code !== 'OK' && !(o.status === 503 && o.code === 'SERVICE_UNAVAILABLE'))
        failures.push(`A: ${o.op} answered ${o.status} ${o.code}`);
    if (downProbes.some((p) => p.ready !== 503)) failures.push('A: /readyz was not 503 while down');
    if (downProbes.some((p) => p.health !== 200)) failures.push('A: /healthz failed while down');

    await sleep(5000);

    // ---- B. end the API's connections from the database side ----
    say('');
    for (let k = 1; k <= KILLS; k++) {
      const tKill = now();
      const [{ n }] = await queryOnce<{ n: number }>(
        superuser,
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
           FROM pg_stat_activity WHERE application_name = 'holdspace-api'`,
      );
      const recovered = await firstSuccessAfter(outcomes, tKill);
      const end = recovered?.end ?? now();
      windows.push([tKill, end]);
      const around = outcomes.filter((o) => overlaps(o, tKill, end));
      say(
        `B${k}. pg_terminate_backend on ${n} API connections: answers until recovery: ${tally(around)}; first success ${recovered ? `${(recovered.end - tKill).toFixed(0)} ms` : 'NEVER'} after`,
      );
      if (!recovered || recovered.end - tKill > MAX_RECOVERY_MS)
        failures.push(`B${k}: no recovery within 10 s`);
      if (n === 0) failures.push(`B${k}: no connection was terminated`);
      for (const o of around)
        if (o.code !== 'OK' && !(o.status === 503 && o.code === 'SERVICE_UNAVAILABLE'))
          failures.push(`B${k}: ${o.op} answered ${o.status} ${o.code}`);
      await sleep(3000);
    }

    // ---- C. an import cut off half way ----
    say('');
    const yesterday = addDays(new Date().toISOString().slice(0, 10), -1);
    const refs = org.inPostRefs;
    const csv = [
      'session_ref,date,duration_minutes,format,status,external_supervisor,attendee_refs,functions',
      ...Array.from(
        { length: IMPORT_ROWS },
        (_, i) =>
          `CUT-${String(i + 1).padStart(7, '0')},${yesterday},60,ONE_TO_ONE,HELD,Dr Cut Off,${refs[i % refs.length]},NORMATIVE`,
      ),
    ].join('\r\n');
    const upload = () =>
      fetch(`${api.url}/imports/sessions`, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          authorization: `Bearer ${org.admin.token}`,
          'x-holdspace-org': org.tenantId,
        },
        body: csv,
        signal: AbortSignal.timeout(300_000),
      }).then(async (r) => ({ status: r.status, body: await r.text() }));
    const leftovers = async () => {
      const [row] = await queryOnce<{ sessions: number; supervisors: number; audits: number }>(
        superuser,
        `SELECT (SELECT count(*) FROM supervision_sessions WHERE tenant_id = $1 AND session_ref LIKE 'CUT-%')::int AS sessions,
                (SELECT count(*) FROM supervisors WHERE tenant_id = $1 AND name = 'Dr Cut Off')::int AS supervisors,
                (SELECT count(*) FROM audit_events WHERE tenant_id = $1 AND action = 'import.sessions')::int AS audits`,
        [org.tenantId],
      );
      return row;
    };

    const watcher = new Client({ connectionString: superuser });
    watcher.on('error', () => undefined);
    await watcher.connect();
    const tImport = now();
    let settled = false;
    const importing = upload().finally(() => (settled = true));
    let cut: { pid: number; phase: string; at: number } | null = null;
    while (!settled && !cut && now() - tImport < 240_000) {
      const { rows } = await watcher.query<{ pid: number; query: string }>(
        `SELECT pid, query FROM pg_stat_activity
          WHERE application_name = 'holdspace-api' AND state = 'active'
            AND query LIKE '%import_plan%'`,
      );
      // The write phase: its first batch of sessions is written (not committed) once
      // the attendees of that batch are being inserted.
      const writing = rows.find((r) => /^\s*INSERT INTO session_attendees/.test(r.query));
      if (writing) {
        await watcher.query('SELECT pg_terminate_backend($1)', [writing.pid]);
        cut = { pid: writing.pid, phase: 'inserting the first batch’s attendees', at: now() };
      } else await sleep(10);
    }
    await watcher.end();
    const cutAnswer = await importing;
    const cutCode = (() => {
      try {
        return (
          (JSON.parse(cutAnswer.body) as { errors?: Array<{ extensions?: { code?: string } }> })
            .errors?.[0]?.extensions?.code ?? 'none'
        );
      } catch {
        return 'NOT_JSON';
      }
    })();
    const left = await leftovers();
    say(
      `C. import of ${IMPORT_ROWS.toLocaleString('en-GB')} session rows (${(csv.length / 1e6).toFixed(1)} MB): ${cut ? `connection ended ${((cut.at - tImport) / 1000).toFixed(1)} s in, while ${cut.phase} (at least ${Math.min(50_000, IMPORT_ROWS).toLocaleString('en-GB')} sessions written in its transaction)` : 'NOT CUT (it finished first: raise FAULTS_IMPORT_ROWS)'}`,
    );
    say(`   the import answered ${cutAnswer.status} ${cutCode}`);
    say(
      `   left behind: ${left.sessions} sessions, ${left.supervisors} supervisor records, ${left.audits} import audit events`,
    );
    if (!cut) failures.push('C: the import was not cut');
    if (cutAnswer.status !== 503 || cutCode !== 'SERVICE_UNAVAILABLE')
      failures.push(`C: the cut import answered ${cutAnswer.status} ${cutCode}`);
    if (left.sessions + left.supervisors + left.audits > 0)
      failures.push('C: the cut import left rows behind');

    const tWhole = now();
    const whole = await upload();
    const wholeSeconds = (now() - tWhole) / 1000;
    const after = await leftovers();
    const report = (() => {
      try {
        return JSON.parse(whole.body) as { counts?: { created?: number } };
      } catch {
        return {};
      }
    })();
    say(
      `   the same file again, undisturbed: ${whole.status}, ${report.counts?.created ?? '?'} created in ${wholeSeconds.toFixed(1)} s; now ${after.sessions} sessions, ${after.supervisors} supervisor, ${after.audits} audit event`,
    );
    if (whole.status !== 200 || after.sessions !== IMPORT_ROWS)
      failures.push('C: the same file did not import whole afterwards');

    await sleep(3000);
    await traffic.stop();
    await probes.stop();

    // ---- every acknowledged write is there ----
    const acknowledged = outcomes.filter((o) => o.op === 'write' && o.code === 'OK' && o.id);
    const ids = acknowledged.map((o) => o.id!);
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await queryOnce<{ id: string }>(
        superuser,
        'SELECT id FROM supervision_sessions WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
        [org.tenantId, ids.slice(i, i + 5000)],
      );
      for (const r of rows) found.add(r.id);
    }
    const missing = ids.filter((id) => !found.has(id));
    const refused = outcomes.filter((o) => o.op === 'write' && o.code !== 'OK').map((o) => o.ref!);
    const [{ n: committedAnyway }] = await queryOnce<{ n: number }>(
      superuser,
      'SELECT count(*)::int AS n FROM supervision_sessions WHERE tenant_id = $1 AND session_ref = ANY($2::text[])',
      [org.tenantId, refused],
    );
    const outside = outcomes.filter(
      (o) => o.code !== 'OK' && !windows.some(([from, to]) => overlaps(o, from, to)),
    );
    const slowest = Math.max(...outcomes.map((o) => o.end - o.start));
    const health = probes.samples.filter((s) => s.health !== 200).length;
    say('');
    say(
      `Totals: ${outcomes.length} requests (${outcomes.filter((o) => o.op === 'write').length} writes): ${tally(outcomes)}`,
    );
    say(
      `   acknowledged writes: ${ids.length}, all found in the database: ${missing.length === 0 ? 'yes' : `NO, ${missing.length} missing`}`,
    );
    say(
      `   writes answered with an error: ${refused.length}, of which committed anyway: ${committedAnyway}`,
    );
    say(
      `   errors outside the fault windows: ${outside.length}; slowest answer ${slowest.toFixed(0)} ms (limit ${REQUEST_TIMEOUT_MS} ms); /healthz failures ${health} of ${probes.samples.length}`,
    );
    say(
      `   machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} (1 min) at the end`,
    );
    say(
      `   process: up throughout (uncaught exceptions and unhandled rejections: ${crashes.length}); run took ${((now() - started) / 1000).toFixed(0)} s`,
    );
    if (missing.length) failures.push(`${missing.length} acknowledged writes are missing`);
    if (committedAnyway)
      failures.push(`${committedAnyway} writes answered with an error were committed`);
    if (outside.length)
      failures.push(`${outside.length} errors outside the fault windows: ${tally(outside)}`);
    if (outcomes.some((o) => o.code === 'TIMEOUT')) failures.push('a request hung (timed out)');
    if (health) failures.push('/healthz failed');
    if (crashes.length) failures.push(...crashes);
  } finally {
    await api.stop().catch((e) => failures.push(`stop: ${(e as Error).message}`));
    await database.stop();
  }
  const unique = [...new Set(failures)];
  process.stdout.write(
    `\n${lines.join('\n')}\n\n${
      unique.length
        ? `RESULT: FAILED\n${unique
            .slice(0, 30)
            .map((f) => `  - ${f}`)
            .join('\n')}`
        : 'RESULT: every fault held.'
    }\n`,
  );
  process.exit(unique.length ? 1 : 0);
}

runMain(main);
