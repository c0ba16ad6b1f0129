import type { ImportProblem, ImportReport } from '@holdspace/shared';

/* Test-only: reports, problems and a scriptable XMLHttpRequest for the Imports page's tests. */

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    kind: 'staff',
    dryRun: true,
    ok: true,
    committed: false,
    counts: { rows: 12, created: 3, updated: 2, unchanged: 7 },
    problems: [],
    problemCount: 0,
    problemLimit: 1000,
    servicesCreated: [],
    supervisorsCreated: 0,
    ...overrides,
  };
}

export function problem(
  row: number | null,
  column: string | null,
  value: string | null,
  message = 'Wrong.',
): ImportProblem {
  return { row, column, value, message };
}

/** A report with problems, as the API answers 422. */
export function problemReport(problems: ImportProblem[], overrides: Partial<ImportReport> = {}) {
  return report({
    ok: false,
    counts: { rows: 3, created: 0, updated: 0, unchanged: 0 },
    problems,
    problemCount: problems.length,
    ...overrides,
  });
}

type Handler = ((event: ProgressEvent) => void) | null;

/**
 * Stands in for XMLHttpRequest: records what was sent, and lets the test
 * report upload progress and answer (or fail) when it chooses.
 */
export class FakeXhr {
  static sent: FakeXhr[] = [];

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = undefined;
  status = 0;
  responseText = '';
  responseType = '';
  aborted = false;
  upload: { onprogress: Handler; onload: Handler } = { onprogress: null, onload: null };
  onload: Handler = null;
  onerror: Handler = null;
  ontimeout: Handler = null;
  onabort: Handler = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  abort() {
    this.aborted = true;
    this.onabort?.({} as ProgressEvent);
  }

  /** Reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }

  /** The whole body is sent. */
  uploaded() {
    this.upload.onload?.({} as ProgressEvent);
  }

  respond(status: number, body: unknown) {
    this.uploaded();
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.({} as ProgressEvent);
  }

  fail() {
    this.onerror?.({} as ProgressEvent);
  }

  static reset() {
    FakeXhr.sent = [];
  }

  static last(): FakeXhr {
    const xhr = FakeXhr.sent[FakeXhr.sent.length - 1];
    if (!xhr) throw new Error('No request was sent');
    return xhr;
  }

  static create = (): XMLHttpRequest => new FakeXhr() as unknown as XMLHttpRequest;
}
