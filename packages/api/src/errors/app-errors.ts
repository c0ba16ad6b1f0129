import { GraphQLError } from 'graphql';

/**
 * The error codes a client can receive (docs/errors.md). Every error that leaves
 * the server carries exactly one of these in `extensions.code`.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** An error meant for the client: its message is safe to show as it is. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
  /** The HTTP status for errors raised before execution (context, transport). */
  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export const unauthenticated = (message = 'Sign in to continue.') =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('FORBIDDEN', message);
/** Used for ids that do not exist and for ids of another organisation alike. */
export const notFound = (entity: string) => new AppError('NOT_FOUND', `${entity} not found.`);
export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field });
export const conflict = (message: string, field?: string) =>
  new AppError('CONFLICT', message, field ? { field } : {});
export const tooManyRequests = (message: string) => new AppError('TOO_MANY_REQUESTS', message);

/** A programming error that must never reach a client as it is (it is masked). */
export class InternalError extends Error {}
