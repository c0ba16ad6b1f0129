/**
 * Recognises errors that mean "the database is away" (restarting, connections
 * killed, refused): these become SERVICE_UNAVAILABLE / HTTP 503, not a crash.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '53300', // too_many_connections
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
  // TypeORM, when the connection died between two statements of one request:
  'Query runner already released',
  'Database connection provided by a query runner was already released',
];

/** The error and the errors it wraps (TypeORM's driverError, a cause), outermost first. */
function* errorChain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    yield e;
    current = e.driverError ?? e.cause;
  }
}

/** A statement cancelled by the server's statement timeout (57014, query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  for (const e of errorChain(error)) if (e.code === '57014') return true;
  return false;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, message } of errorChain(error)) {
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))
    ) {
      return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) {
      return true;
    }
  }
  return false;
}

/** The SQLSTATE and constraint of a database error (pg's, possibly wrapped by TypeORM). */
export function databaseError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  const driver = (e?.driverError ?? e) as { code?: unknown; constraint?: unknown };
  return {
    code: typeof driver?.code === 'string' ? driver.code : undefined,
    constraint: typeof driver?.constraint === 'string' ? driver.constraint : undefined,
  };
}

/** A unique violation (23505) of the named constraint. */
export const isUniqueViolation = (error: unknown, constraint: string) => {
  const { code, constraint: name } = databaseError(error);
  return code === '23505' && name === constraint;
};
