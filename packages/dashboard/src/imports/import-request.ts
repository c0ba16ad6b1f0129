import type { ImportKind, ImportReport } from '@holdspace/shared';
import { ORGANISATION_HEADER } from '../app/apollo-client';
import { ERROR_CODES, type ErrorCode } from '../app/errors';

/*
 * The import and export endpoints (HTTP, not GraphQL; docs/import.md):
 *
 *   POST /imports/:kind?dryRun=true&createMissingServices=true   body: the CSV file
 *   GET  /exports/:kind                                          needs X-Requested-With: holdspace
 *   GET  /imports/:kind/template                                 header + example row
 *
 * Same origin with the session cookie, and the organisation in X-Holdspace-Org,
 * as for /graphql. The import uses XMLHttpRequest rather than fetch because
 * only XHR reports upload progress.
 */

/** The header an export must carry (a cross-site page cannot send it without a preflight). */
export const REQUESTED_WITH = { 'X-Requested-With': 'holdspace' } as const;

export function templateUrl(kind: ImportKind): string {
  return `/imports/${kind}/template`;
}

export function exportUrl(kind: ImportKind): string {
  return `/exports/${kind}`;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Staff files only: a service name that matches none creates the service. */
  createMissingServices: boolean;
}

export function importUrl(
  kind: ImportKind,
  { dryRun, createMissingServices }: ImportOptions,
): string {
  const query = new URLSearchParams();
  if (dryRun) query.set('dryRun', 'true');
  if (createMissingServices && kind === 'staff') query.set('createMissingServices', 'true');
  const search = query.toString();
  return `/imports/${kind}${search ? `?${search}` : ''}`;
}

/** What went wrong with a request, when it did not answer with a report. */
export interface RequestFailure {
  /** The API's error code; NETWORK when there was no answer; TOO_LARGE for 413. */
  code: ErrorCode | 'NETWORK' | 'TOO_LARGE';
  /** The API's message, when it gave one (never shown for internal errors). */
  message: string;
  status: number;
}

export type ImportResult =
  | { type: 'report'; report: ImportReport }
  | { type: 'failure'; failure: RequestFailure }
  | { type: 'aborted' };

const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a JSON answer is an import report (as opposed to `{ errors: [...] }`). */
export function isImportReport(value: unknown): value is ImportReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<ImportReport>;
  return (
    typeof report.ok === 'boolean' &&
    typeof report.counts === 'object' &&
    report.counts !== null &&
    Array.isArray(report.problems) &&
    typeof report.problemCount === 'number'
  );
}

/**
 * The failure an error answer describes: the GraphQL-shaped body's first error
 * (`{ errors: [{ message, extensions: { code } }] }`), else the status code.
 */
export function failureOf(status: number, body: string): RequestFailure {
  if (status === 0) return { code: 'NETWORK', message: '', status };
  const parsed = parseJson(body) as
    { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined;
  const first = Array.isArray(parsed?.errors) ? parsed.errors[0] : undefined;
  const message = typeof first?.message === 'string' ? first.message : '';
  if (status === 413) return { code: 'TOO_LARGE', message, status };
  const code = first?.extensions?.code;
  return {
    code: isErrorCode(code) ? code : (STATUS_CODES[status] ?? 'INTERNAL_SERVER_ERROR'),
    message,
    status,
  };
}

/** Reads an answer of the import endpoint: a report (200, 422) or a failure. */
export function readImportAnswer(status: number, body: string): ImportResult {
  if (status === 200 || status === 422) {
    const parsed = parseJson(body);
    if (isImportReport(parsed)) return { type: 'report', report: parsed };
  }
  return { type: 'failure', failure: failureOf(status, body) };
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface SendImportOptions extends ImportOptions {
  kind: ImportKind;
  file: Blob;
  organisationId: string | null;
  /** Bytes sent so far. */
  onProgress?: (progress: UploadProgress) => void;
  /** The whole file has been sent; the API is now reading it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  /** For tests. */
  createRequest?: () => XMLHttpRequest;
}

/** Sends a file to the import endpoint. Never rejects: every outcome is an ImportResult. */
export function sendImport(options: SendImportOptions): Promise<ImportResult> {
  const { kind, file, organisationId, onProgress, onUploaded, signal } = options;
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ type: 'aborted' });
      return;
    }
    const xhr = options.createRequest ? options.createRequest() : new XMLHttpRequest();
    let settled = false;
    const settle = (result: ImportResult) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    const abort = () => {
      xhr.abort();
      settle({ type: 'aborted' });
    };

    xhr.open('POST', importUrl(kind, options));
    xhr.setRequestHeader('Content-Type', 'text/csv');
    if (organisationId) xhr.setRequestHeader(ORGANISATION_HEADER, organisationId);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => onUploaded?.();
    xhr.onload = () => settle(readImportAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => settle({ type: 'failure', failure: failureOf(0, '') });
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => settle({ type: 'aborted' });
    signal?.addEventListener('abort', abort);
    xhr.send(file);
  });
}

export type ExportResult =
  { type: 'csv'; text: string } | { type: 'failure'; failure: RequestFailure };

/**
 * Downloads one record type as CSV. The text comes without the byte-order mark
 * (`Response.text()` drops it); `downloadCsv` puts it back.
 */
export async function fetchExport(
  kind: ImportKind,
  organisationId: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<ExportResult> {
  let response: Response;
  try {
    response = await fetchImpl(exportUrl(kind), {
      credentials: 'same-origin',
      headers: {
        ...REQUESTED_WITH,
        ...(organisationId ? { [ORGANISATION_HEADER]: organisationId } : {}),
      },
    });
  } catch {
    return { type: 'failure', failure: failureOf(0, '') };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    // The connection broke part way through the file.
    return { type: 'failure', failure: failureOf(0, '') };
  }
  if (!response.ok) return { type: 'failure', failure: failureOf(response.status, text) };
  return { type: 'csv', text };
}
