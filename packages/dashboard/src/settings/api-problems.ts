import { CombinedGraphQLErrors } from '@apollo/client';
import { apiErrors, describeError, primaryErrorCode, type ErrorCode } from '../app/errors';

/*
 * What a form tells the user when the API refuses a change. The API names the
 * field at fault as `input.<field>` (in `extensions.field`, and for schema
 * validation every problem in `extensions.problems`); those go by the field and
 * in the error summary. Everything else is about the form as a whole.
 */

/** One problem the API reported. */
export interface ApiProblem {
  code: ErrorCode;
  message: string;
  /** The API's field path, e.g. `input.email`, when it names one. */
  field?: string;
}

interface RawError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function isProblemList(value: unknown): value is { field: string; message: string }[] {
  return (
    Array.isArray(value) &&
    value.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as { field?: unknown }).field === 'string' &&
        typeof (p as { message?: unknown }).message === 'string',
    )
  );
}

/** Schema validation messages read "input.name: Message"; the field is shown elsewhere. */
function withoutFieldPrefix(message: string, field: string | undefined): string {
  if (field && message.startsWith(`${field}: `)) return message.slice(field.length + 2);
  return message;
}

/** Every problem in an error from an Apollo hook, one per field where the API lists them. */
export function apiProblems(error: unknown): ApiProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return apiErrors(error);
  const codes = apiErrors(error);
  return (error.errors as readonly RawError[]).flatMap((raw, index): ApiProblem[] => {
    const code = codes[index]?.code ?? 'INTERNAL_SERVER_ERROR';
    const extensions = raw.extensions ?? {};
    const problems = extensions['problems'];
    if (isProblemList(problems) && problems.length > 0) {
      return problems.map((p) => ({ code, field: p.field, message: p.message }));
    }
    const field = typeof extensions['field'] === 'string' ? extensions['field'] : undefined;
    const message = typeof raw.message === 'string' ? raw.message : '';
    return [{ code, message: withoutFieldPrefix(message, field), ...(field ? { field } : {}) }];
  });
}

/** Codes whose message is written for the person using the form. */
const USER_FACING: readonly ErrorCode[] = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'];

export interface FormProblems<F extends string> {
  fields: Partial<Record<F, string>>;
  /** Problems with the form as a whole, in the order reported. */
  form: string[];
}

/**
 * Sorts the API's problems onto a form's fields. `fieldFor` turns an API field
 * path into the form's field (or undefined when the form has no such field).
 * A field keeps its first message. Problems the user cannot fix by editing a
 * field (no access, the service is down) are worded as the error state words them.
 */
export function formProblems<F extends string>(
  error: unknown,
  fieldFor: (apiField: string) => F | undefined,
): FormProblems<F> {
  const result: FormProblems<F> = { fields: {}, form: [] };
  const problems = apiProblems(error);
  for (const problem of problems) {
    const userFacing = USER_FACING.includes(problem.code) && problem.message !== '';
    const field = userFacing && problem.field ? fieldFor(problem.field) : undefined;
    if (field) {
      result.fields[field] ??= problem.message;
    } else if (userFacing) {
      if (!result.form.includes(problem.message)) result.form.push(problem.message);
    } else {
      const message = generalMessage(error);
      if (!result.form.includes(message)) result.form.push(message);
    }
  }
  if (problems.length === 0) result.form.push(generalMessage(error));
  return result;
}

/** An error the user cannot fix by editing a field, worded as the error state words it. */
function generalMessage(error: unknown): string {
  const described = describeError(error);
  // "Too many attempts. Wait a few minutes and try again." says it all.
  if (primaryErrorCode(error) === 'TOO_MANY_REQUESTS') return described.message;
  return `${described.title}. ${described.message}`;
}

/** `input.email` → `email` when the form has that field. */
export function inputField<F extends string>(fields: readonly F[]) {
  return (apiField: string): F | undefined => {
    const name = apiField.startsWith('input.') ? apiField.slice('input.'.length) : apiField;
    return (fields as readonly string[]).includes(name) ? (name as F) : undefined;
  };
}
