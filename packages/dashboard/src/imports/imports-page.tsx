import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import type { ImportReport } from '@holdspace/shared';
import { signInPath } from '../app/safe-next-path';
import { CheckboxField, RadiosField } from '../people/form-fields';
import { Flash } from '../people/page-kit';
import { todayIn } from '../shell/date-input';
import { ErrorSummary, type ErrorSummaryItem } from '../shell/error-summary';
import { navigationItem } from '../shell/navigation';
import { ErrorState } from '../shell/states';
import { useDocumentTitle } from '../shell/use-document-title';
import { useViewer } from '../shell/viewer-context';
import { ExportSection } from './export-section';
import { ImportColumns } from './import-columns';
import {
  checkChosenFile,
  describeFailure,
  fileNameOf,
  formatBytes,
  importButtonLabel,
  importedSentence,
  IMPORT_KINDS,
  isCommitted,
  KIND_INFO,
  MAX_IMPORT_BYTES,
  type FailureText,
  type ImportKind,
} from './import-logic';
import { ImportReportView } from './import-report';
import { sendImport, type SendImportOptions } from './import-request';
import '../people/people.css';
import './imports.css';

/*
 * The Imports page (organisation admins): bring records in from CSV files
 * (choose the record type, see its columns and template, choose a file, check
 * it with a dry run, read every problem by row and column, then import), and
 * take every record type out again as CSV. docs/import.md has the formats and
 * guarantees; the API is plain HTTP (see import-request.ts).
 */

export const FILE_FIELD_ID = 'import-file';

type Stage =
  | { name: 'idle' }
  | {
      name: 'sending';
      dryRun: boolean;
      fileName: string;
      size: number;
      loaded: number;
      /** The whole file is sent; the API is reading it. */
      uploaded: boolean;
    }
  | { name: 'report'; report: ImportReport; fileName: string }
  | { name: 'failed'; failure: FailureText };

/** Where to see records of each type once imported. */
const SEE_THEM: Record<ImportKind, { path: string; text: string }> = {
  staff: { path: navigationItem('people').path, text: 'See them on the People page' },
  agreements: { path: navigationItem('people').path, text: 'See them on the People page' },
  sessions: { path: navigationItem('supervision').path, text: 'See the Supervision page' },
  absences: {
    path: navigationItem('absence-and-turnover').path,
    text: 'See the Absence & turnover page',
  },
};

export interface ImportsPageProps {
  /** For tests: how requests are made. */
  createRequest?: SendImportOptions['createRequest'];
  fetchImpl?: typeof fetch;
}

function Progress({ stage }: { stage: Extract<Stage, { name: 'sending' }> }) {
  const percent = stage.size > 0 ? Math.min(100, Math.round((stage.loaded / stage.size) * 100)) : 0;
  return (
    <div className="import-progress">
      {stage.uploaded ? (
        <progress className="import-progress__bar" aria-labelledby="import-status-text" />
      ) : (
        <progress
          className="import-progress__bar"
          max={100}
          value={percent}
          aria-labelledby="import-status-text"
        />
      )}
      <p className="import-progress__detail">
        {stage.uploaded
          ? stage.dryRun
            ? 'Reading every row. Nothing is saved while checking.'
            : 'Writing the records. Keep this page open until it has finished.'
          : `Sent ${formatBytes(stage.loaded)} of ${formatBytes(stage.size)} (${percent}%).${
              stage.dryRun ? '' : ' Keep this page open until the import has finished.'
            }`}
      </p>
    </div>
  );
}

/** The words in the live region while a file is on its way (one change per phase, not per percent). */
function statusText(stage: Stage): string {
  if (stage.name !== 'sending') return '';
  if (!stage.uploaded) return `Sending ${stage.fileName}…`;
  return stage.dryRun ? `Checking ${stage.fileName}…` : `Importing ${stage.fileName}…`;
}

function ImportsContent({ createRequest, fetchImpl }: ImportsPageProps) {
  const viewer = useViewer();
  const organisationId = viewer.organisation.id;
  const today = todayIn(viewer.organisation.timeZone);
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();

  const [kind, setKind] = useState<ImportKind>('staff');
  const [file, setFile] = useState<File | null>(null);
  const [createServices, setCreateServices] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [flash, setFlash] = useState<string | undefined>(undefined);

  const fileInput = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const controller = useRef<AbortController | null>(null);

  useDocumentTitle(navigationItem('imports').label, summary.length > 0);

  // Leaving the page stops a check in progress (an import, once sent, finishes on the server).
  useEffect(() => () => controller.current?.abort(), []);

  const sending = stage.name === 'sending';

  /** Anything changed: the last check no longer applies. */
  function startOver() {
    controller.current?.abort();
    setStage({ name: 'idle' });
    setFlash(undefined);
  }

  function chooseKind(value: string) {
    setKind(value as ImportKind);
    setFileError(undefined);
    setSummary([]);
    startOver();
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setFileError(undefined);
    setSummary([]);
    startOver();
  }

  function chooseAnotherFile() {
    if (fileInput.current) fileInput.current.value = '';
    chooseFile(null);
    fileInput.current?.focus();
  }

  async function send(dryRun: boolean, chosen: File) {
    const abort = new AbortController();
    controller.current = abort;
    setFlash(undefined);
    setStage({
      name: 'sending',
      dryRun,
      fileName: chosen.name,
      size: chosen.size,
      loaded: 0,
      uploaded: false,
    });
    statusRef.current?.focus();
    const result = await sendImport({
      kind,
      file: chosen,
      dryRun,
      createMissingServices: kind === 'staff' && createServices,
      organisationId,
      signal: abort.signal,
      createRequest,
      onProgress: ({ loaded, total }) =>
        setStage((current) =>
          current.name === 'sending'
            ? { ...current, loaded, size: total || current.size }
            : current,
        ),
      onUploaded: () =>
        setStage((current) =>
          current.name === 'sending'
            ? { ...current, loaded: current.size, uploaded: true }
            : current,
        ),
    });
    if (abort.signal.aborted || result.type === 'aborted') return;
    controller.current = null;

    if (result.type === 'report') {
      const { report } = result;
      setStage({ name: 'report', report, fileName: chosen.name });
      if (isCommitted(report)) {
        setFlash(importedSentence(report, chosen.name));
        // Every page's figures may have changed: fetch again what is cached.
        await client.resetStore().catch(() => undefined);
      }
      return;
    }

    const { failure } = result;
    if (failure.code === 'UNAUTHENTICATED') {
      void navigate(signInPath(location.pathname + location.search), { replace: true });
      return;
    }
    const text = describeFailure(failure, {
      action: dryRun ? 'check' : 'import',
      fileName: chosen.name,
    });
    if (failure.code === 'TOO_LARGE') {
      // About the file: shown by the field, like a file refused before sending.
      setStage({ name: 'idle' });
      setFileError(text.message);
      setSummary([{ message: text.message, fieldId: FILE_FIELD_ID }]);
      return;
    }
    setStage({ name: 'failed', failure: text });
  }

  function check(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    const problem = checkChosenFile(file);
    if (problem || !file) {
      const message = problem ?? 'Select a CSV file';
      setFileError(message);
      setSummary([{ message, fieldId: FILE_FIELD_ID }]);
      setStage({ name: 'idle' });
      return;
    }
    setFileError(undefined);
    setSummary([]);
    void send(true, file);
  }

  function runImport() {
    if (sending || !file || stage.name !== 'report' || !stage.report.ok) return;
    void send(false, file);
  }

  function cancel() {
    controller.current?.abort();
    controller.current = null;
    setStage({ name: 'idle' });
    fileInput.current?.focus();
  }

  const fileName = fileNameOf(kind);
  const info = KIND_INFO[kind];

  let result = null;
  if (stage.name === 'report') {
    const { report } = stage;
    let actions = null;
    if (isCommitted(report)) {
      actions = (
        <div className="button-group">
          <Link to={SEE_THEM[kind].path}>{SEE_THEM[kind].text}</Link>
          <button type="button" className="button button--secondary" onClick={chooseAnotherFile}>
            Import another file
          </button>
        </div>
      );
    } else if (report.ok && report.counts.rows > 0) {
      actions = (
        <div className="button-group">
          <button type="button" className="button" onClick={runImport}>
            {importButtonLabel(report)}
          </button>
          <button type="button" className="link-button" onClick={chooseAnotherFile}>
            Choose a different file
          </button>
        </div>
      );
    }
    result = (
      <ImportReportView
        key={`${report.dryRun}-${report.kind}`}
        report={report}
        fileName={stage.fileName}
        today={today}
        actions={actions}
      />
    );
  } else if (stage.name === 'failed') {
    result = (
      <ErrorState title={stage.failure.title}>
        <p>{stage.failure.message}</p>
      </ErrorState>
    );
  }

  return (
    <div className="page imports-page">
      <h1>{navigationItem('imports').label}</h1>
      <p className="lead">
        Bring in your records from spreadsheets and HR systems as CSV files, and download them
        again.
      </p>
      <ErrorSummary items={summary} />

      <section className="section" aria-labelledby="how-heading">
        <h2 id="how-heading">How importing works</h2>
        <ul className="list--bullet import-prose">
          <li>
            <strong>Import staff first.</strong> Agreements, sessions and absences name members of
            staff by their <code>staff_ref</code>, so those people must already be in Holdspace.
          </li>
          <li>
            <strong>Check, then import.</strong> Checking a file reads every row and lists every
            problem, but saves nothing.
          </li>
          <li>
            <strong>All or nothing.</strong> If any row has a problem, nothing in the file is
            imported. Fix the problems and try again; you never end up with half a file.
          </li>
          <li>
            <strong>Importing the same file again changes nothing.</strong> Each row is matched by
            its reference: a reference Holdspace already has updates that record, a new one adds a
            record. Nothing is ever duplicated.
          </li>
          <li>
            <strong>Dates</strong> as YYYY-MM-DD (2024-03-01) or DD/MM/YYYY (01/03/2024 is 1 March
            2024). Month-first dates are refused.
          </li>
          <li>
            <strong>Save as CSV UTF-8.</strong> In Excel: File, Save a copy, “CSV UTF-8 (Comma
            delimited)”. Up to {formatBytes(MAX_IMPORT_BYTES)} per file.
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a file</h2>
        <form className="import-form" onSubmit={check} noValidate>
          <fieldset className="fieldset" disabled={sending}>
            <RadiosField
              id="import-kind"
              legend="What are you importing?"
              options={IMPORT_KINDS.map((value) => ({
                value,
                label: `${KIND_INFO[value].label} (${fileNameOf(value)})`,
                hint: KIND_INFO[value].hint,
              }))}
              value={kind}
              onChange={chooseKind}
            />
            <ImportColumns kind={kind} />
            <div className={fileError ? 'form-group form-group--error' : 'form-group'}>
              <label className="label" htmlFor={FILE_FIELD_ID}>
                Choose your {fileName} file
              </label>
              <div className="hint" id={`${FILE_FIELD_ID}-hint`}>
                A CSV file of {info.records}, up to {formatBytes(MAX_IMPORT_BYTES)}.
              </div>
              {fileError ? (
                <p className="error-message" id={`${FILE_FIELD_ID}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {fileError}
                </p>
              ) : null}
              <input
                ref={fileInput}
                id={FILE_FIELD_ID}
                name={FILE_FIELD_ID}
                type="file"
                accept=".csv,text/csv"
                className={fileError ? 'file-upload file-upload--error' : 'file-upload'}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={[
                  `${FILE_FIELD_ID}-hint`,
                  fileError ? `${FILE_FIELD_ID}-error` : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
              />
            </div>
            {kind === 'staff' ? (
              <CheckboxField
                id="import-create-services"
                label="Create services that do not exist yet"
                hint="Otherwise a row naming a service Holdspace does not have is a problem. Names are matched ignoring capitals, so “outreach” finds “Outreach”."
                checked={createServices}
                onChange={(checked) => {
                  setCreateServices(checked);
                  startOver();
                }}
              />
            ) : null}
            <div className="button-group">
              <button type="submit" className="button">
                Check file
              </button>
            </div>
          </fieldset>
        </form>

        <div className="import-status" ref={statusRef} tabIndex={-1}>
          <p role="status" id="import-status-text" className="import-status__text">
            {statusText(stage)}
          </p>
          {stage.name === 'sending' ? (
            <>
              <Progress stage={stage} />
              {stage.dryRun ? (
                <button type="button" className="button button--secondary" onClick={cancel}>
                  Cancel check
                </button>
              ) : null}
            </>
          ) : null}
        </div>
        <Flash message={flash} />
        {result}
      </section>

      <ExportSection organisationId={organisationId} today={today} fetchImpl={fetchImpl} />
    </div>
  );
}

/**
 * The page (loaded lazily by the router). Switching organisation starts it
 * afresh: a file checked for one organisation is never imported into another.
 */
export default function ImportsPage(props: ImportsPageProps) {
  const viewer = useViewer();
  return <ImportsContent key={viewer.organisation.id} {...props} />;
}
