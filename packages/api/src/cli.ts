import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import {
  csvTemplate,
  isImportKind,
  type ImportKind,
  type ImportReport,
  type Role,
} from '@holdspace/shared';
import { AuthService } from './auth/auth.service';
import { ConfigError, loadConfig } from './config/config';
import { provideDatabase, type ProvidedDatabase } from './db/database';
import { exportRecords } from './imports/export.service';
import { IMPORT_ROLES } from './imports/import.access';
import { importRecords } from './imports/import.service';
import { connectApp } from './server';
import { RequestDb } from './tenancy/request-db';

/**
 * The command line, for admins who script their loads:
 *
 *   pnpm holdspace import --org <slug> --kind <kind> --file <file.csv> [--dry-run] [--create-missing-services] [--json]
 *   pnpm holdspace export --org <slug> --kind <kind> [--file <out.csv>]
 *   pnpm holdspace template --kind <kind> [--file <out.csv>]
 *
 * It signs in with a Bearer token from HOLDSPACE_TOKEN (the signIn mutation with
 * issueBearerToken: true), acts as that user in the organisation with that slug
 * (which must be one of theirs, as an admin), and gets its database exactly as
 * the server does (DATABASE_URL, or the embedded PostgreSQL, shared with a
 * running server). Exit code: 0 done, 1 problems or failure, 2 wrong usage.
 */

const USAGE = `Usage:
  pnpm holdspace import --org <slug> --kind <kind> --file <file.csv> [--dry-run] [--create-missing-services] [--json]
  pnpm holdspace export --org <slug> --kind <kind> [--file <out.csv>]
  pnpm holdspace template --kind <kind> [--file <out.csv>]

  <kind> is staff, agreements, sessions or absences.
  Set HOLDSPACE_TOKEN to a Bearer token of an organisation admin (the signIn
  mutation with issueBearerToken: true).`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}
class CliError extends Error {}

interface Args {
  command: string;
  org?: string;
  kind?: ImportKind;
  file?: string;
  dryRun: boolean;
  createMissingServices: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const args: Args = { command, dryRun: false, createMissingServices: false, json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value.`);
      return v;
    };
    switch (name) {
      case '--org':
        args.org = value();
        break;
      case '--kind': {
        const kind = value();
        if (!isImportKind(kind))
          throw new UsageError(
            `Unknown kind "${kind}": use staff, agreements, sessions or absences.`,
          );
        args.kind = kind;
        break;
      }
      case '--file':
        args.file = value();
        break;
      case '--dry-run':
        args.dryRun = true;
        break;
      case '--create-missing-services':
        args.createMissingServices = true;
        break;
      case '--json':
        args.json = true;
        break;
      default:
        throw new UsageError(`Unknown option "${arg}".`);
    }
  }
  return args;
}

/** Relative paths are the caller's: pnpm runs the script in packages/api, and says where it was started. */
function resolvePath(file: string, env: NodeJS.ProcessEnv): string {
  return path.resolve(env.INIT_CWD || process.cwd(), file);
}

export function formatReport(report: ImportReport): string {
  const { counts } = report;
  const lines: string[] = [];
  const file = `${report.kind}.csv`;
  if (report.ok) {
    lines.push(
      `${file}: ${counts.rows} rows: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged.`,
    );
    if (report.servicesCreated.length > 0)
      lines.push(`Services created: ${report.servicesCreated.join(', ')}.`);
    if (report.supervisorsCreated > 0)
      lines.push(`Supervisor records created: ${report.supervisorsCreated}.`);
    lines.push(
      report.dryRun
        ? 'Dry run: the file is valid; nothing was written.'
        : 'Imported: the changes are saved.',
    );
  } else {
    lines.push(
      `${file}: ${report.problemCount} problem${report.problemCount === 1 ? '' : 's'}; nothing was written.`,
    );
    for (const p of report.problems) {
      const where = [
        p.row === null ? 'file' : `row ${p.row}`,
        p.column,
        p.value !== null ? JSON.stringify(p.value) : null,
      ]
        .filter((x) => x !== null)
        .join(', ');
      lines.push(`  ${where}: ${p.message}`);
    }
    if (report.problemCount > report.problems.length)
      lines.push(`  … and ${report.problemCount - report.problems.length} more.`);
  }
  return `${lines.join('\n')}\n`;
}

/** Signs in with the token and finds the caller's admin membership in the organisation `slug`. */
async function actAsAdmin(
  dataSource: DataSource,
  config: ReturnType<typeof loadConfig>,
  token: string,
  slug: string,
): Promise<{ db: RequestDb; userId: string }> {
  const session = await new AuthService(dataSource, config).authenticate(token);
  if (!session)
    throw new CliError(
      'HOLDSPACE_TOKEN is not a valid sign-in (it may have expired): sign in again.',
    );
  // Own memberships and their organisations are visible with only app.user_id set.
  const db = new RequestDb(dataSource, { userId: session.userId, tenantId: null });
  try {
    const rows = await db.query<{ id: string; tenant_id: string; role: Role }>(
      `SELECT m.id, m.tenant_id, m.role FROM memberships m
         JOIN organisations o ON o.id = m.tenant_id
        WHERE m.user_id = $1 AND o.slug = $2`,
      [session.userId, slug],
    );
    if (!rows[0]) throw new CliError(`You are not a member of an organisation "${slug}".`);
    if (!IMPORT_ROLES.includes(rows[0].role))
      throw new CliError('Only organisation admins can import and export records.');
    await db.actAs(rows[0].tenant_id);
    return { db, userId: session.userId };
  } catch (error) {
    await db.finish(false).catch(() => undefined);
    throw error;
  }
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  },
): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (!['import', 'export', 'template'].includes(args.command))
      throw new UsageError(args.command ? `Unknown command "${args.command}".` : 'Give a command.');
    if (!args.kind) throw new UsageError('--kind is required.');
    if (args.command !== 'template' && !args.org) throw new UsageError('--org is required.');
    if (args.command === 'import' && !args.file) throw new UsageError('--file is required.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const kind = args.kind!;

  if (args.command === 'template') {
    const text = csvTemplate(kind);
    if (args.file) fs.writeFileSync(resolvePath(args.file, env), text);
    else io.out(text);
    return 0;
  }

  const token = env.HOLDSPACE_TOKEN;
  if (!token) {
    io.err(
      'Set HOLDSPACE_TOKEN to an admin’s Bearer token (the signIn mutation with issueBearerToken: true).\n',
    );
    return 2;
  }

  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Logs go to stderr, so an export to stdout stays clean.
  const logger = pino({ level: env.LOG_LEVEL || 'warn' }, pino.destination(2));

  let database: ProvidedDatabase | null = null;
  let dataSource: DataSource | null = null;
  try {
    database = await provideDatabase(config, logger);
    dataSource = await connectApp(database.appUrl, config, logger);
    const { db, userId } = await actAsAdmin(dataSource, config, token, args.org!);

    if (args.command === 'import') {
      const file = resolvePath(args.file!, env);
      if (!fs.existsSync(file)) {
        await db.finish(false);
        io.err(`No such file: ${file}\n`);
        return 1;
      }
      let report: ImportReport;
      try {
        report = await importRecords(
          db,
          { userId, requestId: `cli-${randomUUID()}` },
          fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
          {
            kind,
            dryRun: args.dryRun,
            createMissingServices: args.createMissingServices,
          },
        );
        await db.finish(report.committed);
      } catch (error) {
        await db.finish(false).catch(() => undefined);
        throw error;
      }
      io.out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      return report.ok ? 0 : 1;
    }

    // export
    try {
      await db.query(
        `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, request_id)
         VALUES ($1, gen_random_uuid(), $2, $3, 'Export', NULL, $4)`,
        [db.tenantId, userId, `export.${kind}`, `cli-${randomUUID()}`],
      );
      if (args.file) {
        const target = resolvePath(args.file, env);
        const partial = `${target}.partial`;
        const out = fs.createWriteStream(partial);
        try {
          for await (const text of exportRecords(db, kind)) {
            if (!out.write(text))
              await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          }
          await new Promise<void>((resolve, reject) =>
            out.end((e?: Error | null) => (e ? reject(e) : resolve())),
          );
          fs.renameSync(partial, target);
        } catch (error) {
          out.destroy();
          fs.rmSync(partial, { force: true });
          throw error;
        }
        io.err(`Exported ${kind} to ${target}\n`);
      } else {
        for await (const text of exportRecords(db, kind, { bom: false })) io.out(text);
      }
      await db.finish(true);
    } catch (error) {
      await db.finish(false).catch(() => undefined);
      throw error;
    }
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`Failed: ${message}\n${args.command === 'import' ? 'Nothing was written.\n' : ''}`);
    return 1;
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.stop();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
