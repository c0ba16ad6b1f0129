import { CombinedGraphQLErrors } from '@apollo/client';
import { apiErrors, describeError } from '../app/errors';
import type { ErrorSummaryItem } from '../shell/error-summary';

/*
 * Turning a refused mutation into the GOV.UK error pattern: each problem the
 * API ties to an input field (`extensions.field` / `extensions.problems`, e.g.
 * `input.endDate`) goes by that field; anything else goes at the top of the
 * summary. The API's messages for its own errors are written for people, so
 * they are shown as they are; internal errors get the standard words.
 */

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormProblems<F extends string> {
  fields: FieldErrors<F>;
  /** Problems with the form as a whole. */
  form: string[];
}

interface RawProblem {
  field?: string;
  message: string;
  code?: string;
}

const SHOWABLE = new Set(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

function rawProblems(error: unknown): RawProblem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.flatMap((e): RawProblem[] => {
      const extensions = (e.extensions ?? {}) as Record<string, unknown>;
      const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
      const problems = extensions['problems'];
      if (Array.isArray(problems) && problems.length > 0) {
        return problems
          .filter(
            (p): p is { field?: unknown; message: string } =>
              typeof p === 'object' &&
              p !== null &&
              typeof (p as { message?: unknown }).message === 'string',
          )
          .map((p) => ({
            field: typeof p.field === 'string' ? p.field : undefined,
            message: p.message,
            code,
          }));
      }
      const field = extensions['field'];
      return [{ field: typeof field === 'string' ? field : undefined, message: e.message, code }];
    });
  }
  return apiErrors(error).map((e) => ({ field: e.field, message: e.message, code: e.code }));
}

/** `input.endDate` → `endDate` when that is one of the form's fields. */
function formField<F extends string>(
  field: string | undefined,
  fields: readonly F[],
): F | undefined {
  if (!field) return undefined;
  const name = field.replace(/^input\./, '');
  return (fields as readonly string[]).includes(name) ? (name as F) : undefined;
}

export function problemsFromApi<F extends string>(
  error: unknown,
  fields: readonly F[],
): FormProblems<F> {
  const result: FormProblems<F> = { fields: {}, form: [] };
  const problems = rawProblems(error);
  if (problems.length === 0) {
    const described = describeError(error);
    result.form.push(`${described.title}. ${described.message}`);
    return result;
  }
  for (const problem of problems) {
    const showable = problem.code !== undefined && SHOWABLE.has(problem.code) && problem.message;
    const field = formField(problem.field, fields);
    if (field && showable) {
      // "input.fte: FTE can be at most 1.5." — the field is already named by its label.
      result.fields[field] ??= problem.message.replace(/^input\.[\w.]+:\s*/, '');
    } else if (showable) {
      const message = problem.message.replace(/^input\.[\w.]+:\s*/, '');
      if (!result.form.includes(message)) result.form.push(message);
    } else {
      const described = describeError(error);
      const message = `${described.title}. ${described.message}`;
      if (!result.form.includes(message)) result.form.push(message);
    }
  }
  return result;
}

/** The summary's items: whole-form problems first, then the fields in page order. */
export function summaryItems<F extends string>(
  problems: FormProblems<F>,
  order: readonly F[],
): ErrorSummaryItem[] {
  return [
    ...problems.form.map((message) => ({ message })),
    ...order.flatMap((field) => {
      const message = problems.fields[field];
      return message ? [{ message, fieldId: field }] : [];
    }),
  ];
}

export function hasProblems<F extends string>(problems: FormProblems<F>): boolean {
  return problems.form.length > 0 || Object.values(problems.fields).some(Boolean);
}

export const NO_PROBLEMS: FormProblems<never> = { fields: {}, form: [] };
