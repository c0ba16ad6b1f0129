import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, type Connection } from 'pg';
import { formatCsvRow } from '@holdspace/shared';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import { migrate, provideDatabase } from '../src/db/database';
import { withCredentials, withDatabase } from '../src/db/roles';
import { importRecords, type ImportOptions } from '../src/imports/import.service';
import { connectApp } from '../src/server';
import { RequestDb, withTenant } from '../src/tenancy/request-db';

/**
 * The import benchmark: 100,000 staff rows and 1,000,000 session rows through
 * the real import (parse, validate, stage, classify, write, in one transaction),
 * against a raw COPY of the same rows into the same tables in the same run
 * (the floor: no parsing in Node, no validation, no upsert). Aim: within 2×.
 *
 *   node dist/bench/import-bench.js        (BENCH_STAFF, BENCH_SESSIONS to resize)
 *
 * Uses the database `holdspace_bench` on DATABASE_URL's server (created if
 * missing), or the embedded PostgreSQL. Each run makes two new organisations.
 */

const STAFF = Number(process.env.BENCH_STAFF || 100_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS || 1_000_000);
const BENCH_DATABASE = 'holdspace_bench';

/** COPY … FROM STDIN on a pg client, without a dependency (what pg-copy-streams does). */
function copyIn(client: Client, sql: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const submittable = {
      submit(connection: Connection) {
        (connection as unknown as { query(text: string): void }).query(sql);
      },
      async handleCopyInResponse(connection: Connection) {
        const con = connection as unknown as {
          sendCopyFromChunk(chunk: Buffer): void;
          endCopyFrom(): void;
        };
        for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }))
          con.sendCopyFromChunk(chunk as Buffer);
        con.endCopyFrom();
      },
      handleCommandComplete() {},
      handleReadyForQuery() {
        resolve();
      },
      // pg forgets the query on an error: no ReadyForQuery reaches it.
      handleError(error: Error) {
        reject(error);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleCopyData() {},
    };
    client.query(submittable as never);
  });
}

const progress = (message: string) => process.stderr.write(`  ${message}\n`);

async function timed<T>(
  label: string,
  fn: () => Promise<T>,
): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  progress(`${label}: ${seconds.toFixed(2)} s`);
  return { seconds, result };
}

function writeLines(file: string, count: number, line: (i: number) => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    out.on('error', reject);
    let i = 0;
    const pump = () => {
      while (i < count) {
        const ok = out.write(line(i++));
        if (!ok) return void out.once('drain', pump);
      }
      out.end(resolve);
    };
    pump();
  });
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dateOf = (i: number) => {
  const d = new Date(Date.UTC(2022, 0, 1) + (i % 1000) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** A superuser connection to the bench database: CI's trusted `postgres`, or the embedded one's. */
async function superuserUrl(ownerUrl: string): Promise<string> {
  const tried: string[] = [];
  for (const password of ['', 'holdspace_embedded']) {
    const url = withCredentials(ownerUrl, 'postgres', password);
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query(
        'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      await client.end();
      if (rows[0]?.rolsuper) return url;
      tried.push('postgres is not a superuser');
    } catch (error) {
      tried.push((error as Error).message);
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`The COPY baseline needs a superuser connection (tried: ${tried.join('; ')}).`);
}

export async function runImportBench(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('warn');
  if (config.databaseUrl) {
    const admin = new Client({ connectionString: withDatabase(config.databaseUrl, 'postgres') });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      BENCH_DATABASE,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    await admin.end();
  }
  const database = await provideDatabase(config, logger, { database: BENCH_DATABASE });
  await migrate(database.ownerUrl);
  const ds = await connectApp(database.appUrl, config, logger);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdspace-bench-'));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const userId = randomUUID();
    await ds.query('INSERT INTO users (id, email, display_name) VALUES ($1, $2, $3)', [
      userId,
      `bench-${userId}@example.org`,
      'Bench',
    ]);
    const makeOrg = async () => {
      const id = randomUUID();
      const serviceId = randomUUID();
      await withTenant(ds, { userId: null, tenantId: id }, async (db) => {
        await db.query(
          `INSERT INTO organisations (id, name, slug, kind) VALUES ($1, 'Bench', $2, 'NGO')`,
          [id, `bench-${id}`],
        );
        await db.query(
          `INSERT INTO services (tenant_id, id, name) VALUES ($1, $2, 'Bench Service')`,
          [id, serviceId],
        );
      });
      return { id, serviceId };
    };
    const importing = await makeOrg();
    const copying = await makeOrg();

    // ---- the files ----
    progress(`writing ${STAFF} staff and ${SESSIONS} session rows`);
    const staffRef = (i: number) => `BS-${pad(i, 6)}`;
    const staffCsv = path.join(dir, 'staff.csv');
    await writeLines(staffCsv, STAFF + 1, (i) =>
      i === 0
        ? 'staff_ref,display_name,service,role_title,practitioner_type,fte,start_date,end_date,leaving_reason,requires_supervision\r\n'
        : formatCsvRow([
            staffRef(i),
            `Person ${i}`,
            'Bench Service',
            'Practitioner',
            'Counsellor',
            i % 5 === 0 ? '0.6' : '1',
            dateOf(i),
            i % 7 === 0 ? '2024-12-31' : '',
            i % 7 === 0 ? 'RESIGNATION' : '',
            'true',
          ]),
    );
    const sessionRow = (i: number) => {
      const group = i % 10 === 0;
      const attendees = group
        ? [1, 2, 3].map((k) => staffRef(((i + k * 7919) % STAFF) + 1)).join(';')
        : staffRef((i % STAFF) + 1);
      return formatCsvRow([
        `SE-${pad(i, 7)}`,
        dateOf(i),
        60,
        group ? 'GROUP' : 'ONE_TO_ONE',
        'HELD',
        '',
        'Dr Bench',
        attendees,
        'NORMATIVE;RESTORATIVE',
      ]);
    };
    const sessionsCsv = path.join(dir, 'sessions.csv');
    await writeLines(sessionsCsv, SESSIONS + 1, (i) =>
      i === 0
        ? 'session_ref,date,duration_minutes,format,status,supervisor_staff_ref,external_supervisor,attendee_refs,functions\r\n'
        : sessionRow(i),
    );

    const importFile = async (kind: ImportOptions['kind'], file: string) => {
      const db = new RequestDb(ds, { userId, tenantId: importing.id });
      try {
        const report = await importRecords(
          db,
          { userId, requestId: 'bench' },
          fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
          {
            kind,
            dryRun: false,
            createMissingServices: false,
            sizeLimit: { maxBytes: 2 * 1024 ** 3, limitLabel: '2 GB' },
          },
        );
        await db.finish(report.committed);
        if (!report.ok)
          throw new Error(`bench import failed: ${JSON.stringify(report.problems.slice(0, 5))}`);
        return report;
      } catch (error) {
        await db.finish(false).catch(() => undefined);
        throw error;
      }
    };

    // ---- the raw COPY files (the same rows, already resolved to ids) ----
    let staffIds: string[] | null = Array.from({ length: STAFF + 1 }, () => randomUUID());
    const supervisorId = randomUUID();
    const copyStaff = path.join(dir, 'copy-staff.csv');
    await writeLines(copyStaff, STAFF, (k) => {
      const i = k + 1;
      const leaver = i % 7 === 0;
      return `${copying.id},${staffIds![i]},${copying.serviceId},${staffRef(i)},Person ${i},Practitioner,Counsellor,${i % 5 === 0 ? '0.6' : '1'},${dateOf(i)},${leaver ? '2024-12-31' : ''},${leaver ? 'RESIGNATION' : ''},true\n`;
    });
    const copySessions = path.join(dir, 'copy-sessions.csv');
    const copyAttendees = path.join(dir, 'copy-attendees.csv');
    const sessionId = (i: number) => `00000000-0000-4000-8000-${pad(i, 12)}`;
    await writeLines(copySessions, SESSIONS, (k) => {
      const i = k + 1;
      const format = i % 10 === 0 ? 'GROUP' : 'ONE_TO_ONE';
      return `${copying.id},${sessionId(i)},SE-${pad(i, 7)},${dateOf(i)},60,${format},HELD,${supervisorId},"{NORMATIVE,RESTORATIVE}"\n`;
    });
    await writeLines(copyAttendees, SESSIONS, (k) => {
      const i = k + 1;
      const staff =
        i % 10 === 0 ? [1, 2, 3].map((n) => ((i + n * 7919) % STAFF) + 1) : [(i % STAFF) + 1];
      return staff.map((s) => `${copying.id},${sessionId(i)},${staffIds![s]}\n`).join('');
    });
    staffIds = null; // the import is measured without the benchmark's own arrays in memory

    // COPY FROM is refused on tables with row-level security (even forced on
    // their owner), so the floor is measured as a superuser.
    const superuser = await superuserUrl(database.ownerUrl);
    const copyAll = async (steps: Array<[string, string]>) => {
      const client = new Client({ connectionString: superuser });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [copying.id]);
        for (const [sql, file] of steps) await copyIn(client, sql, file);
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
    };

    // ---- measure ----
    const results: Array<{
      what: string;
      rows: number;
      importSeconds: number;
      copySeconds: number;
    }> = [];
    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    peakRss = baselineRss;
    const staffImport = await timed('import staff', () => importFile('staff', staffCsv));
    const staffCopy = await timed('COPY staff', () =>
      copyAll([
        [
          `COPY staff_members (tenant_id, id, service_id, staff_ref, display_name, role_title, practitioner_type, fte, start_date, end_date, leaving_reason, requires_supervision) FROM STDIN (FORMAT csv)`,
          copyStaff,
        ],
      ]),
    );
    results.push({
      what: 'staff',
      rows: STAFF,
      importSeconds: staffImport.seconds,
      copySeconds: staffCopy.seconds,
    });

    await withTenant(ds, { userId: null, tenantId: copying.id }, (db) =>
      db.query(
        `INSERT INTO supervisors (tenant_id, id, kind, name) VALUES ($1, $2, 'EXTERNAL', 'Dr Bench')`,
        [copying.id, supervisorId],
      ),
    );
    const sessionsImport = await timed('import sessions', () =>
      importFile('sessions', sessionsCsv),
    );
    const importPeakRss = peakRss;
    const sessionsCopy = await timed('COPY sessions', () =>
      copyAll([
        [
          `COPY supervision_sessions (tenant_id, id, session_ref, date, duration_minutes, format, status, supervisor_id, functions) FROM STDIN (FORMAT csv)`,
          copySessions,
        ],
        [
          `COPY session_attendees (tenant_id, session_id, staff_id) FROM STDIN (FORMAT csv)`,
          copyAttendees,
        ],
      ]),
    );
    results.push({
      what: 'sessions',
      rows: SESSIONS,
      importSeconds: sessionsImport.seconds,
      copySeconds: sessionsCopy.seconds,
    });
    const reimport = await timed('re-import sessions', () => importFile('sessions', sessionsCsv));
    if (reimport.result.counts.unchanged !== SESSIONS)
      throw new Error('re-import changed sessions');

    const sizes = {
      staff: fs.statSync(staffCsv).size,
      sessions: fs.statSync(sessionsCsv).size,
    };
    console.log('\nImport benchmark (the import vs a raw COPY of the same rows)\n');
    console.log('file       rows        MB   import s   COPY s   ratio');
    for (const r of results) {
      const mb = (sizes[r.what as keyof typeof sizes] / 1024 ** 2).toFixed(1);
      console.log(
        `${r.what.padEnd(10)} ${String(r.rows).padStart(9)} ${mb.padStart(6)} ${r.importSeconds.toFixed(2).padStart(10)} ${r.copySeconds.toFixed(2).padStart(8)} ${(r.importSeconds / r.copySeconds).toFixed(2).padStart(7)}×`,
      );
    }
    console.log(
      `\nRe-import of the unchanged sessions file: ${reimport.seconds.toFixed(2)} s. Memory while importing: ${(baselineRss / 1024 ** 2).toFixed(0)} MB before, peak ${(importPeakRss / 1024 ** 2).toFixed(0)} MB.\n`,
    );
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
    await database.stop();
  }
}

if (require.main === module) {
  runImportBench().then(
    () => process.stdout.write('', () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
