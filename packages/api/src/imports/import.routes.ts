import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { csvTemplate, isImportKind, type ImportKind } from '@holdspace/shared';
import { AppError, badInput } from '../errors/app-errors';
import { classifyError } from '../errors/format-error';
import { buildContext, type ContextDeps } from '../tenancy/context';
import { RequestDb } from '../tenancy/request-db';
import { tooLargeMessage } from './csv-parser';
import { exportRecords, UTF8_BOM } from './export.service';
import { assertCanExport, assertCanImport, recheckMembership } from './import.access';
import { importRecords } from './import.service';
import { importSizeLimit, type SizeLimit } from './limits';

/**
 * The import and export endpoints (HTTP, not GraphQL: a file of up to the size
 * limit is streamed, which a JSON GraphQL body of at most 1 MB cannot carry).
 *
 *   POST /imports/:kind?dryRun=true&createMissingServices=true   body: the CSV file
 *   GET  /exports/:kind                                          the records as CSV
 *   GET  /imports/:kind/template                                 header + example row
 *
 * Signed in as for /graphql (Bearer token or session cookie, `X-Holdspace-Org`),
 * organisation admins only. Against cross-site requests, an import must be a
 * request a browser would preflight (`Content-Type: text/csv` or the header
 * `X-Requested-With: holdspace`), and an export must carry that header.
 * Errors have the GraphQL error shape: `{ errors: [{ message, extensions: { code } }] }`.
 */

const KIND_MESSAGE = 'Unknown record type: use staff, agreements, sessions or absences.';
const CSRF_MESSAGE =
  'Send the file with Content-Type: text/csv or the header X-Requested-With: holdspace (cross-site requests are refused).';

function sendError(res: Response, error: unknown, deps: ContextDeps): void {
  const classified = classifyError(error);
  if (classified.internal) deps.logger.error({ err: error }, 'import/export error (masked)');
  const status =
    error instanceof AppError
      ? error.httpStatus
      : classified.code === 'SERVICE_UNAVAILABLE'
        ? 503
        : 500;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).json({
    errors: [
      {
        message: classified.message,
        extensions: { code: classified.code, ...classified.extensions },
      },
    ],
  });
}

function kindParam(req: Request): ImportKind {
  const kind = req.params.kind;
  if (!isImportKind(kind)) throw badInput('kind', KIND_MESSAGE);
  return kind;
}

function flag(req: Request, name: string): boolean {
  const raw = req.query[name];
  if (raw === undefined) return false;
  if (typeof raw === 'string' && /^(true|1|yes)$/i.test(raw)) return true;
  if (typeof raw === 'string' && /^(false|0|no)$/i.test(raw)) return false;
  throw badInput(name, `${name} must be true or false.`);
}

const hasHeader = (req: Request) =>
  String(req.headers['x-requested-with'] ?? '').toLowerCase() === 'holdspace';

function isCsvUpload(req: Request): boolean {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  return type === 'text/csv' || type === 'application/csv';
}

/** Writes the request body to `file`; false (and the rest discarded) when over the limit. */
function spool(req: Request, file: string, maxBytes: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    let total = 0;
    let over = false;
    let ended = false;
    out.on('error', reject);
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      total += chunk.length;
      if (total > maxBytes) {
        over = true;
        out.end();
        req.resume(); // discard the rest; the answer says why
        resolve(false);
        return;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      ended = true;
      if (!over) out.end(() => resolve(true));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended && !over)
        reject(badInput('body', 'The upload was interrupted before the end of the file.'));
    });
  });
}

function tooLarge(res: Response, limit: SizeLimit): void {
  res.setHeader('Connection', 'close');
  res.status(413).json({
    errors: [{ message: tooLargeMessage(limit), extensions: { code: 'BAD_USER_INPUT' } }],
  });
}

export function importRoutes(deps: ContextDeps): express.Router {
  const router = express.Router();

  router.get('/imports/:kind/template', (req, res) => {
    try {
      const kind = kindParam(req);
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${kind}-template.csv"`)
        .send(`${UTF8_BOM}${csvTemplate(kind)}`);
    } catch (error) {
      sendError(res, error, deps);
    }
  });

  router.post('/imports/:kind', async (req, res) => {
    let dir: string | null = null;
    try {
      if (!hasHeader(req) && !isCsvUpload(req)) throw badInput('content-type', CSRF_MESSAGE);
      const kind = kindParam(req);
      const dryRun = flag(req, 'dryRun');
      const createMissingServices = flag(req, 'createMissingServices');
      const limit = importSizeLimit();

      const ctx = await buildContext(req, res, deps);
      let membership;
      try {
        membership = assertCanImport(ctx);
      } finally {
        await ctx.db.finish(true); // read-only so far; the import has its own transaction
      }
      const userId = ctx.auth!.userId;

      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > limit.maxBytes) return tooLarge(res, limit);
      dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'holdspace-import-'));
      const file = path.join(dir, `${kind}.csv`);
      if (!(await spool(req, file, limit.maxBytes))) return tooLarge(res, limit);

      const db = new RequestDb(deps.dataSource, { userId, tenantId: membership.tenantId });
      let report;
      try {
        await recheckMembership(db, membership.id);
        report = await importRecords(
          db,
          { userId, requestId: String(res.locals.requestId ?? '') || null },
          fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
          { kind, dryRun, createMissingServices, sizeLimit: limit },
        );
        await db.finish(report.committed);
      } catch (error) {
        await db.finish(false).catch(() => undefined);
        throw error;
      }
      ctx.logger.info(
        { kind, dryRun, ok: report.ok, counts: report.counts, problems: report.problemCount },
        'import',
      );
      res.status(report.ok ? 200 : 422).json(report);
    } catch (error) {
      sendError(res, error, deps);
    } finally {
      if (dir) await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  });

  router.get('/exports/:kind', async (req, res) => {
    try {
      if (!hasHeader(req)) throw badInput('x-requested-with', CSRF_MESSAGE);
      const kind = kindParam(req);
      const ctx = await buildContext(req, res, deps);
      try {
        assertCanExport(ctx);
        await ctx.db.query(
          `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, request_id)
           VALUES ($1, gen_random_uuid(), $2, $3, 'Export', NULL, $4)`,
          [ctx.db.tenantId, ctx.auth!.userId, `export.${kind}`, ctx.requestId || null],
        );
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', `attachment; filename="${kind}.csv"`)
          .setHeader('Cache-Control', 'no-store');
        for await (const text of exportRecords(ctx.db, kind)) {
          if (!res.write(text)) {
            await new Promise((resolve) => {
              res.once('drain', resolve);
              res.once('close', resolve);
            });
          }
          if (res.destroyed) throw new Error('the client closed the connection during an export');
        }
        await ctx.db.finish(true);
        res.end();
      } catch (error) {
        await ctx.db.finish(false).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      sendError(res, error, deps);
    }
  });

  return router;
}
