import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { captureStatements, startBaseline, type BaselineRoute } from './baseline';
import { runCannon, type CannonJob, type CannonResult } from './cannon';
import {
  intSetting,
  progress,
  queryOnce,
  runConfig,
  runLogger,
  runMain,
  seedOrganisation,
  startDatabaseAndApi,
} from './environment';
import { withTenant } from '../../src/tenancy/request-db';
import { isGraphQLSuccess, loadOperations, type LoadOperation } from './operations';

/**
 * The load run (`pnpm load`): the API under 50 concurrent clients for 60 seconds
 * per request, against a plain Express + pg baseline doing the same database
 * work, in the same run, on the same database. About 8 minutes with the
 * defaults (3 requests × (API + baseline) × (60 s + 5 s warm-up), plus setup).
 *
 *   LOAD_SECONDS (60)  LOAD_CONNECTIONS (50)  LOAD_WARMUP_SECONDS (5)
 *   LOAD_STAFF (400)   LOAD_PG_PORT (54349, the embedded cluster in .data/postgres-load)
 *   LOAD_PRINT_SQL=1   print the statements captured for the baseline
 *
 * With DATABASE_URL set it uses that server (database holdspace_load, recreated);
 * otherwise a dedicated embedded PostgreSQL. Everything is on 127.0.0.1.
 * Exits 1 when the API answered any request with an error.
 */

const SECONDS = intSetting('LOAD_SECONDS', 60, 1, 3600);
const CONNECTIONS = intSetting('LOAD_CONNECTIONS', 50, 1, 1000);
const WARMUP = intSetting('LOAD_WARMUP_SECONDS', 5, 0, 600);
const STAFF = intSetting('LOAD_STAFF', 400, 50, 20_000);
const PG_PORT = intSetting('LOAD_PG_PORT', 54349, 1024, 65535);

const ms = (value: number | null) =>
  value === null || !Number.isFinite(value)
    ? '–'
    : value < 10
      ? value.toFixed(2)
      : value.toFixed(1);
const pad = (cells: string[]) => `| ${cells.join(' | ')} |`;

async function send(url: string, op: LoadOperation): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: op.headers,
    body: op.body.replaceAll('[<id>]', randomUUID()),
  });
  const text = await response.text();
  if (response.status !== 200 || !isGraphQLSuccess(text, op.field))
    throw new Error(`${op.name}: HTTP ${response.status} ${text.slice(0, 400)}`);
  return text;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  const config = runConfig({ embeddedOnly: false });
  const logger = runLogger(config);
  progress(
    config.databaseUrl
      ? 'database: holdspace_load on DATABASE_URL'
      : `database: embedded PostgreSQL on 127.0.0.1:${PG_PORT}`,
  );
  const { database, api } = await startDatabaseAndApi(config, logger, {
    database: 'holdspace_load',
    dataDirName: 'postgres-load',
    port: PG_PORT,
  });
  let baseline: Awaited<ReturnType<typeof startBaseline>> | null = null;
  let failed = false;
  try {
    progress(`seeding ${STAFF} staff with the demo generator`);
    const org = await seedOrganisation(api, database.ownerUrl, {
      staffCount: STAFF,
      seed: 20261122,
      refPrefix: 'LD',
    });
    const [{ server_version: version }] = await queryOnce<{ server_version: string }>(
      database.ownerUrl,
      'SHOW server_version',
    );
    const operations = loadOperations(org);

    // One of each through the API (warm), then once more while recording its SQL.
    const routes: Record<string, BaselineRoute> = {};
    for (const op of operations) {
      await send(api.url, op);
      let answer = '';
      const ref = `LOAD-${randomUUID()}`;
      const statements = await captureStatements(api.dataSource, async () => {
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: op.headers,
          body: op.body.replaceAll('LOAD-[<id>]', ref),
        });
        answer = await response.text();
      });
      if (!isGraphQLSuccess(answer, op.field))
        throw new Error(`${op.name}: ${answer.slice(0, 400)}`);
      const fresh: string[] = [];
      if (op.unique) {
        const id = (JSON.parse(answer) as { data: Record<string, { id: string }> }).data[op.field]
          .id;
        fresh.push(id, ref);
        // Every other generated uuid: the audit event's id and the request id.
        for (const s of statements.filter((s) => /INSERT INTO audit_events/.test(s.text)))
          fresh.push(String(s.values[1]), String(s.values[6]));
      }
      routes[slug(op.name)] = { statements, fresh };
      progress(`${op.name}: ${statements.length} statements per request`);
      if (process.env.LOAD_PRINT_SQL)
        for (const s of statements) progress(`    ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    baseline = await startBaseline(database.appUrl, config.dbPoolSize, routes);

    const job = (url: string, op: LoadOperation, seconds: number, api: boolean): CannonJob => ({
      url,
      connections: CONNECTIONS,
      seconds,
      method: 'POST',
      headers: op.headers,
      body: op.body,
      unique: api && op.unique,
      expect: api ? `"data":{"${op.field}":` : '"data":[',
    });
    const results: Array<{ op: LoadOperation; api: CannonResult; base: CannonResult }> = [];
    for (const op of operations) {
      const targets = {
        api: `${api.url}/graphql`,
        base: `${baseline.url}/${slug(op.name)}`,
      };
      const measured = {} as { api: CannonResult; base: CannonResult };
      for (const target of ['api', 'base'] as const) {
        const isApi = target === 'api';
        if (WARMUP > 0) await runCannon(job(targets[target], op, WARMUP, isApi));
        progress(`${op.name} → ${isApi ? 'API' : 'baseline'}: ${SECONDS} s`);
        measured[target] = await runCannon(job(targets[target], op, SECONDS, isApi));
        const r = measured[target];
        progress(
          `  ${r.rps.toFixed(0)} req/s, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, errors ${r.non2xx + r.badBodies + r.socketErrors}`,
        );
        if (r.samples.length) progress(`  first bad answers: ${r.samples.join(' || ')}`);
      }
      results.push({ op, ...measured });
    }

    const [{ sessions }] = await withTenant(
      api.dataSource,
      { userId: null, tenantId: org.tenantId },
      (db) =>
        db.query<{ sessions: number }>(
          `SELECT count(*)::int AS sessions FROM supervision_sessions
          WHERE tenant_id = $1 AND (session_ref LIKE 'LOAD-%' OR session_ref LIKE 'B-%')`,
          [org.tenantId],
        ),
    );

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const lines = [
      '',
      `Load run: ${CONNECTIONS} connections × ${SECONDS} s per request (after ${WARMUP} s warm-up), on 127.0.0.1.`,
      `Machine: ${os.cpus().length} × ${cpu}, Node ${process.version}, PostgreSQL ${version}` +
        `${config.databaseUrl ? ' (DATABASE_URL)' : ' (embedded)'}, API pool ${config.dbPoolSize} connections (baseline the same).`,
      `Other work on the machine: load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (1 min).`,
      `Data: one organisation, ${org.rows.staff} staff, ${org.rows.agreements} agreements, ${org.rows.sessions} sessions, ${org.rows.absences} absences (demo generator, 3 years).`,
      '',
      pad([
        'request',
        'target',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'requests',
        'non-2xx',
        'GraphQL errors in 2xx',
        'socket errors',
      ]),
      pad(['---', '---', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:']),
    ];
    for (const { op, api: a, base: b } of results) {
      for (const [label, r] of [
        ['API', a],
        ['baseline', b],
      ] as const) {
        lines.push(
          pad([
            op.name,
            label,
            r.rps.toFixed(0),
            ms(r.p50),
            ms(r.p95),
            ms(r.p99),
            ms(r.max),
            String(r.requests),
            String(r.non2xx),
            String(r.badBodies2xx),
            String(r.socketErrors),
          ]),
        );
      }
    }
    lines.push(
      '',
      pad([
        'request',
        'statements',
        'API/baseline req/s',
        'API/baseline p50',
        'API/baseline p95',
        'API/baseline p99',
      ]),
      pad(['---', '--:', '--:', '--:', '--:', '--:']),
    );
    for (const { op, api: a, base: b } of results) {
      lines.push(
        pad([
          op.name,
          String(routes[slug(op.name)].statements.length),
          (a.rps / b.rps).toFixed(2),
          `${(a.p50 / b.p50).toFixed(2)}×`,
          `${(a.p95 / b.p95).toFixed(2)}×`,
          `${(a.p99 / b.p99).toFixed(2)}×`,
        ]),
      );
      if (a.non2xx + a.badBodies + a.socketErrors + a.timeouts > 0) failed = true;
    }
    lines.push(
      '',
      `Sessions written by the run: ${sessions}. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      failed ? 'RESULT: the API answered some requests with errors.' : 'RESULT: no errors.',
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await baseline?.stop().catch(() => undefined);
    await api.stop();
    await database.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

const slug = (name: string) => name.replace(/\s+/g, '-');

runMain(main);
