import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { AppError, type ErrorCode } from './app-errors';
import { isDatabaseUnavailable, isStatementTimeout } from './database-errors';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Flattens class-validator's nested errors into `input.field: message` pairs. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const MASKED_MESSAGE = 'Something went wrong on our side. It has been logged; please try again.';
const UNAVAILABLE_MESSAGE =
  'The service is briefly unavailable. Please try again in a few seconds.';
const TIMEOUT_MESSAGE =
  'This took too long to answer and was stopped. Please try again, or ask for a shorter period or fewer services.';

export interface Classified {
  code: ErrorCode;
  message: string;
  extensions: Record<string, unknown>;
  /** True when the original error is internal and must be logged, never shown. */
  internal: boolean;
}

/**
 * The one place that decides what a client sees of an error. Known client
 * errors keep their message and code; everything else is masked.
 */
export function classifyError(error: unknown): Classified {
  const original =
    error instanceof GraphQLError && error.originalError ? error.originalError : error;

  if (original instanceof ArgumentValidationError) {
    const problems = fieldProblems(original.extensions.validationErrors);
    const first = problems[0];
    return {
      code: 'BAD_USER_INPUT',
      message: first ? `${first.field}: ${first.message}` : 'The input is not valid.',
      extensions: { field: first?.field, problems },
      internal: false,
    };
  }
  if (original instanceof AppError) {
    const { code: _code, ...rest } = original.extensions;
    return { code: original.code, message: original.message, extensions: rest, internal: false };
  }
  if (original instanceof AuthenticationError) {
    return {
      code: 'UNAUTHENTICATED',
      message: 'Sign in to continue.',
      extensions: {},
      internal: false,
    };
  }
  if (original instanceof AuthorizationError) {
    return {
      code: 'FORBIDDEN',
      message: 'You do not have permission to do that.',
      extensions: {},
      internal: false,
    };
  }
  if (isStatementTimeout(original)) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: TIMEOUT_MESSAGE,
      extensions: {},
      internal: true,
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: UNAVAILABLE_MESSAGE,
      extensions: {},
      internal: true,
    };
  }
  // Errors of the request itself (syntax, validation, variables, limits): graphql-js
  // and graphql-armor describe the query, never the server, so their text is safe.
  // Apollo wraps them (ValidationError, UserInputError…); the innermost error of a
  // chain of GraphQLErrors tells whether anything was thrown by our code.
  let innermost: unknown = error;
  while (innermost instanceof GraphQLError && innermost.originalError)
    innermost = innermost.originalError;
  if (innermost instanceof GraphQLError && error instanceof GraphQLError) {
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      return {
        code: 'INTERNAL_SERVER_ERROR',
        message: MASKED_MESSAGE,
        extensions: {},
        internal: true,
      };
    }
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: {}, internal: false };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: MASKED_MESSAGE, extensions: {}, internal: true };
}

/** Apollo's formatError: the coded, masked shape every client receives. */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError {
  const classified = classifyError(error);
  if (classified.internal) onInternal(error);
  const extensions: Record<string, unknown> = { code: classified.code };
  for (const [key, value] of Object.entries(classified.extensions)) {
    if (value !== undefined) extensions[key] = value;
  }
  return {
    message: classified.message,
    ...(formatted.locations && !classified.internal ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}
