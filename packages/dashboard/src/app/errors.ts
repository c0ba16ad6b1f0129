import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/**
 * The codes the API puts in a GraphQL error's `extensions.code`. Anything else
 * (or nothing) is treated as INTERNAL_SERVER_ERROR.
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

/** One error from the API, reduced to what the dashboard acts on. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For BAD_USER_INPUT: the input field at fault, when the API names one. */
  field?: string;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function toCode(value: unknown): ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value)
    ? (value as ErrorCode)
    : 'INTERNAL_SERVER_ERROR';
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function fromFormatted(error: FormattedError): ApiError {
  const extensions = error.extensions ?? {};
  const field = extensions['field'];
  return {
    code: toCode(extensions['code']),
    message: typeof error.message === 'string' ? error.message : '',
    ...(typeof field === 'string' ? { field } : {}),
  };
}

function fromServerError(error: ServerError): ApiError[] {
  // A non-2xx answer sent as application/json: the body may still hold GraphQL errors.
  try {
    const body = JSON.parse(error.bodyText) as { errors?: unknown };
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      return (body.errors as FormattedError[]).map(fromFormatted);
    }
  } catch {
    // Not JSON: fall back on the status code.
  }
  return [{ code: STATUS_CODES[error.statusCode] ?? 'INTERNAL_SERVER_ERROR', message: '' }];
}

/**
 * The API errors in anything an Apollo hook or link reports. Empty when the
 * error did not come from the API (the network is down, the response was not
 * JSON, a bug in the dashboard).
 */
export function apiErrors(error: unknown): ApiError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(fromFormatted);
  if (ServerError.is(error)) return fromServerError(error);
  return [];
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return apiErrors(error).some((e) => e.code === code);
}

/**
 * The one code to act on: the first API error's code, or NETWORK when there
 * was an error but the API did not describe it. Undefined when there is no error.
 */
export function primaryErrorCode(error: unknown): ErrorCode | 'NETWORK' | undefined {
  if (!error) return undefined;
  return apiErrors(error)[0]?.code ?? 'NETWORK';
}

/** A plain-English title and explanation for an error, for the error state. */
export function describeError(error: unknown): { title: string; message: string } {
  switch (primaryErrorCode(error)) {
    case 'UNAUTHENTICATED':
      return { title: 'You have been signed out', message: 'Sign in again to continue.' };
    case 'FORBIDDEN':
      return {
        title: 'You do not have access to this',
        message:
          'Your role in this organisation does not let you see this. If you need it, ask your organisation admin.',
      };
    case 'NOT_FOUND':
      return {
        title: 'We could not find this',
        message: 'It may have been removed, or it may belong to a different organisation.',
      };
    case 'BAD_USER_INPUT':
      return {
        title: 'Something in the request was not right',
        message: apiErrors(error)[0]?.message || 'Check what you entered and try again.',
      };
    case 'CONFLICT':
      return {
        title: 'This was changed at the same time',
        message: 'Someone else changed this while you were working on it. Reload and try again.',
      };
    case 'TOO_MANY_REQUESTS':
      return {
        title: 'Too many requests',
        message: 'Too many attempts. Wait a few minutes and try again.',
      };
    case 'SERVICE_UNAVAILABLE':
      // The server says which: the database is briefly away, or the question took too long.
      return {
        title: 'Holdspace is not available right now',
        message: apiErrors(error)[0]?.message || 'Try again in a few minutes.',
      };
    case 'NETWORK':
      return {
        title: 'We could not reach Holdspace',
        message: 'Check your internet connection and try again.',
      };
    default:
      return {
        title: 'Sorry, there is a problem with the service',
        message: 'Try again later.',
      };
  }
}
