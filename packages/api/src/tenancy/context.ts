import type DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Role } from '@holdspace/shared';
import type { AuthService, AuthenticatedSession } from '../auth/auth.service';
import { tokenFromRequest } from '../auth/tokens';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { AppError, badInput, forbidden, unauthenticated } from '../errors/app-errors';
import { isDatabaseUnavailable } from '../errors/database-errors';
import { RequestDb } from './request-db';

/** The organisation a request acts in, and the caller's role there. */
export interface ActiveMembership {
  id: string;
  tenantId: string;
  role: Role;
  /** For service managers: the services they manage. */
  managedServiceIds: string[];
}

export interface RequestContext {
  requestId: string;
  /** The client's address (for sign-in throttling). */
  address: string;
  res: Response;
  auth: AuthenticatedSession | null;
  membership: ActiveMembership | null;
  db: RequestDb;
  /** Per-request DataLoaders (see loaders.ts). */
  loaders: Map<string, DataLoader<unknown, unknown>>;
  deps: ContextDeps;
  logger: Logger;
}

export interface ContextDeps {
  config: Config;
  dataSource: DataSource;
  auth: AuthService;
  logger: Logger;
  /** Called after each GraphQL request's transaction ends (tests count statements with it). */
  onRequestFinished?: (ctx: RequestContext) => void;
}

export const ORG_HEADER = 'x-holdspace-org';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Errors raised before execution need their HTTP status set for Apollo. */
function withHttpStatus(error: AppError): AppError {
  (error.extensions as Record<string, unknown>).http = { status: error.httpStatus };
  return error;
}

/**
 * Builds a request's context: who is signed in (cookie or Bearer token), and
 * which organisation the request acts in. The membership is read from the
 * database on every request, never trusted from the client: the header only
 * says which of the caller's organisations they mean.
 */
export async function buildContext(
  req: Request,
  res: Response,
  deps: ContextDeps,
): Promise<RequestContext> {
  const requestId = String(res.locals.requestId ?? '');
  const logger = deps.logger.child({ requestId });
  const token = tokenFromRequest(req.headers);
  const auth = token ? await deps.auth.authenticate(token).catch(unavailableOrRethrow) : null;

  const rawOrg = req.headers[ORG_HEADER];
  const requestedOrg = Array.isArray(rawOrg) ? rawOrg[0] : rawOrg;
  if (requestedOrg !== undefined && !UUID.test(requestedOrg)) {
    throw withHttpStatus(
      badInput(ORG_HEADER, 'The X-Holdspace-Org header must be an organisation id.'),
    );
  }

  // Tenant work in a request acting in no organisation fails closed, with the caller's error.
  const db = new RequestDb(deps.dataSource, { userId: auth?.userId ?? null, tenantId: null }, () =>
    auth ? forbidden('Choose an organisation (header X-Holdspace-Org).') : unauthenticated(),
  );
  const context: RequestContext = {
    requestId,
    address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    res,
    auth,
    membership: null,
    db,
    loaders: new Map(),
    deps,
    logger,
  };
  if (!auth) return context;

  try {
    const memberships = await db.query<{ id: string; tenant_id: string; role: Role }>(
      'SELECT id, tenant_id, role FROM memberships WHERE user_id = $1',
      [auth.userId],
    );
    const chosen = requestedOrg
      ? memberships.find((m) => m.tenant_id === requestedOrg.toLowerCase())
      : memberships.length === 1
        ? memberships[0]
        : undefined;
    if (requestedOrg && !chosen) {
      throw withHttpStatus(forbidden('You are not a member of that organisation.'));
    }
    if (chosen) {
      await db.actAs(chosen.tenant_id);
      const managed = await db.query<{ service_id: string }>(
        'SELECT service_id FROM membership_services WHERE tenant_id = $1 AND membership_id = $2',
        [chosen.tenant_id, chosen.id],
      );
      context.membership = {
        id: chosen.id,
        tenantId: chosen.tenant_id,
        role: chosen.role,
        managedServiceIds: managed.map((m) => m.service_id),
      };
    }
    return context;
  } catch (error) {
    await db.finish(false).catch(() => undefined);
    return unavailableOrRethrow(error);
  }
}

/** The database being away before execution is a 503 with its code, not a 500. */
function unavailableOrRethrow(error: unknown): never {
  if (isDatabaseUnavailable(error)) {
    throw withHttpStatus(
      new AppError(
        'SERVICE_UNAVAILABLE',
        'The service is briefly unavailable. Please try again in a few seconds.',
      ),
    );
  }
  throw error;
}
