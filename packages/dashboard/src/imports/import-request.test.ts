import {
  failureOf,
  fetchExport,
  importUrl,
  isImportReport,
  readImportAnswer,
  sendImport,
  templateUrl,
  type UploadProgress,
} from './import-request';
import { FakeXhr, problem, problemReport, report } from './test-fixtures';

beforeEach(() => FakeXhr.reset());

describe('addresses', () => {
  it('asks for a dry run and for missing services only when wanted (and only for staff)', () => {
    expect(importUrl('staff', { dryRun: true, createMissingServices: false })).toBe(
      '/imports/staff?dryRun=true',
    );
    expect(importUrl('staff', { dryRun: false, createMissingServices: true })).toBe(
      '/imports/staff?createMissingServices=true',
    );
    expect(importUrl('staff', { dryRun: true, createMissingServices: true })).toBe(
      '/imports/staff?dryRun=true&createMissingServices=true',
    );
    expect(importUrl('absences', { dryRun: false, createMissingServices: true })).toBe(
      '/imports/absences',
    );
    expect(templateUrl('sessions')).toBe('/imports/sessions/template');
  });
});

describe('reading answers', () => {
  it('reads a report from 200 and from 422', () => {
    const ok = report();
    expect(readImportAnswer(200, JSON.stringify(ok))).toEqual({ type: 'report', report: ok });
    const bad = problemReport([problem(7, 'fte', '2')]);
    expect(readImportAnswer(422, JSON.stringify(bad))).toEqual({ type: 'report', report: bad });
  });

  it('treats anything else as a failure, with the API code and message', () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'Send the file with Content-Type: text/csv',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(readImportAnswer(400, body)).toEqual({
      type: 'failure',
      failure: {
        code: 'BAD_USER_INPUT',
        message: 'Send the file with Content-Type: text/csv',
        status: 400,
      },
    });
    expect(readImportAnswer(200, 'not json')).toEqual({
      type: 'failure',
      failure: { code: 'INTERNAL_SERVER_ERROR', message: '', status: 200 },
    });
    expect(isImportReport({ errors: [] })).toBe(false);
  });

  it('recognises a file over the limit and the status codes without a body', () => {
    const tooLarge = JSON.stringify({
      errors: [
        {
          message:
            'The file is larger than the limit of 60 MB (62,914,560 bytes). Split it into smaller files.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(failureOf(413, tooLarge)).toEqual({
      code: 'TOO_LARGE',
      message:
        'The file is larger than the limit of 60 MB (62,914,560 bytes). Split it into smaller files.',
      status: 413,
    });
    expect(failureOf(413, '')).toEqual({ code: 'TOO_LARGE', message: '', status: 413 });
    expect(failureOf(401, '').code).toBe('UNAUTHENTICATED');
    expect(failureOf(403, '').code).toBe('FORBIDDEN');
    expect(failureOf(503, '<html>').code).toBe('SERVICE_UNAVAILABLE');
    expect(failureOf(502, '').code).toBe('INTERNAL_SERVER_ERROR');
    expect(failureOf(0, '').code).toBe('NETWORK');
  });
});

describe('sendImport', () => {
  const file = new Blob(['staff_ref\r\nS1\r\n'], { type: 'text/csv' });

  it('posts the raw file as text/csv to the organisation, reporting progress', async () => {
    const progress: UploadProgress[] = [];
    let uploaded = false;
    const pending = sendImport({
      kind: 'staff',
      file,
      dryRun: true,
      createMissingServices: true,
      organisationId: 'org-9',
      createRequest: FakeXhr.create,
      onProgress: (p) => progress.push(p),
      onUploaded: () => {
        uploaded = true;
      },
    });
    const xhr = FakeXhr.last();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/imports/staff?dryRun=true&createMissingServices=true');
    expect(xhr.headers).toEqual({ 'Content-Type': 'text/csv', 'X-Holdspace-Org': 'org-9' });
    expect(xhr.body).toBe(file);
    xhr.progress(5, 15);
    xhr.progress(15, 15);
    expect(progress).toEqual([
      { loaded: 5, total: 15 },
      { loaded: 15, total: 15 },
    ]);
    const answer = report();
    xhr.respond(200, answer);
    expect(uploaded).toBe(true);
    await expect(pending).resolves.toEqual({ type: 'report', report: answer });
  });

  it('resolves a lost connection as a network failure', async () => {
    const pending = sendImport({
      kind: 'absences',
      file,
      dryRun: false,
      createMissingServices: false,
      organisationId: null,
      createRequest: FakeXhr.create,
    });
    const xhr = FakeXhr.last();
    expect(xhr.headers).toEqual({ 'Content-Type': 'text/csv' });
    xhr.fail();
    await expect(pending).resolves.toEqual({
      type: 'failure',
      failure: { code: 'NETWORK', message: '', status: 0 },
    });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pending = sendImport({
      kind: 'staff',
      file,
      dryRun: true,
      createMissingServices: false,
      organisationId: 'org-9',
      signal: controller.signal,
      createRequest: FakeXhr.create,
    });
    controller.abort();
    await expect(pending).resolves.toEqual({ type: 'aborted' });
    expect(FakeXhr.last().aborted).toBe(true);
  });
});

describe('fetchExport', () => {
  it('asks with the CSRF header, the organisation and the cookie, and returns the text', async () => {
    const fetchImpl = jest.fn(
      async () =>
        new Response('\uFEFFstaff_ref,display_name\r\nS1,"Lee, Annie"\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        }),
    );
    const result = await fetchExport('staff', 'org-9', fetchImpl as unknown as typeof fetch);
    expect(fetchImpl).toHaveBeenCalledWith('/exports/staff', {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'holdspace', 'X-Holdspace-Org': 'org-9' },
    });
    // Response.text() drops the byte-order mark; downloadCsv puts it back.
    expect(result).toEqual({ type: 'csv', text: 'staff_ref,display_name\r\nS1,"Lee, Annie"\r\n' });
  });

  it('reports the API error, or a network failure', async () => {
    const forbidden = jest.fn(
      async () =>
        new Response(
          JSON.stringify({ errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }] }),
          { status: 403 },
        ),
    );
    expect(await fetchExport('sessions', 'org-9', forbidden as unknown as typeof fetch)).toEqual({
      type: 'failure',
      failure: { code: 'FORBIDDEN', message: 'No.', status: 403 },
    });
    const offline = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchExport('sessions', 'org-9', offline as unknown as typeof fetch)).toEqual({
      type: 'failure',
      failure: { code: 'NETWORK', message: '', status: 0 },
    });
  });
});
