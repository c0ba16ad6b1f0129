import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { signInPath } from '../app/safe-next-path';
import { Flash } from '../people/page-kit';
import { csvFileName, downloadCsv } from '../shell/csv';
import { ErrorState } from '../shell/states';
import {
  describeFailure,
  fileNameOf,
  IMPORT_KINDS,
  KIND_INFO,
  type ImportKind,
} from './import-logic';
import { fetchExport } from './import-request';

export interface ExportSectionProps {
  organisationId: string;
  /** Today (YYYY-MM-DD) in the organisation's time zone, for the file names. */
  today: string;
  /** For tests. */
  fetchImpl?: typeof fetch;
}

type ExportState =
  | { name: 'idle' }
  | { name: 'downloading'; kind: ImportKind }
  | { name: 'done'; kind: ImportKind; fileName: string }
  | { name: 'failed'; kind: ImportKind; title: string; message: string };

/**
 * Downloads each record type as CSV in exactly the import format, so a file
 * can be corrected in a spreadsheet and imported again.
 */
export function ExportSection({ organisationId, today, fetchImpl }: ExportSectionProps) {
  const [state, setState] = useState<ExportState>({ name: 'idle' });
  const navigate = useNavigate();
  const location = useLocation();

  async function download(kind: ImportKind) {
    if (state.name === 'downloading') return;
    setState({ name: 'downloading', kind });
    const result = await fetchExport(kind, organisationId, fetchImpl);
    if (result.type === 'csv') {
      const fileName = csvFileName(kind, today);
      downloadCsv(fileName, result.text);
      setState({ name: 'done', kind, fileName });
      return;
    }
    if (result.failure.code === 'UNAUTHENTICATED') {
      void navigate(signInPath(location.pathname + location.search), { replace: true });
      return;
    }
    const text = describeFailure(result.failure, { action: 'export', fileName: fileNameOf(kind) });
    setState({ name: 'failed', kind, ...text });
  }

  return (
    <section className="section" aria-labelledby="export-heading">
      <h2 id="export-heading">Export your records</h2>
      <p className="import-prose">
        Download every record of one type as a CSV file in the same format as the import files. You
        can correct an exported file in a spreadsheet and import it again: rows you did not change
        stay as they are. Cells that begin with =, +, -, @ have a &apos; added in front so that a
        spreadsheet never runs them as formulas; importing removes it again.
      </p>
      <Flash
        message={state.name === 'done' ? `${state.fileName} has been downloaded.` : undefined}
      />
      {state.name === 'failed' ? (
        <ErrorState title={state.title} headingLevel={3}>
          <p>{state.message}</p>
        </ErrorState>
      ) : null}
      <ul className="export-list">
        {IMPORT_KINDS.map((kind) => {
          const busy = state.name === 'downloading' && state.kind === kind;
          return (
            <li key={kind} className="export-list__item">
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={state.name === 'downloading' ? true : undefined}
                onClick={() => void download(kind)}
              >
                {busy ? (
                  <>
                    <span className="spinner" aria-hidden="true" /> Downloading {fileNameOf(kind)}…
                  </>
                ) : (
                  `Download ${fileNameOf(kind)}`
                )}
              </button>
              <span className="export-list__text">All {KIND_INFO[kind].records}.</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
