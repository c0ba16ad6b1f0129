import type { ImportKind } from '@holdspace/shared';
import { columnsOf, fileNameOf, requiredText } from './import-logic';
import { templateUrl } from './import-request';

/**
 * The columns of one import file, from the same specs the API validates
 * against (CSV_FILES in @holdspace/shared), and its template to download.
 */
export function ImportColumns({ kind }: { kind: ImportKind }) {
  const fileName = fileNameOf(kind);
  const captionId = `import-columns-${kind}`;
  return (
    <div className="import-columns">
      <p>
        <a
          href={templateUrl(kind)}
          download={`${kind}-template.csv`}
          className="import-template-link"
        >
          Download the {fileName} template
        </a>{' '}
        (CSV, the header row and one example row). Replace the example row with your own records:
        one row per record. Columns may be in any order; column names must be exactly as below.
      </p>
      <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption className="table__caption" id={captionId}>
            Columns in {fileName}
          </caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">What it holds</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {columnsOf(kind).map((column) => (
              <tr key={column.name}>
                <td className="table__nowrap">
                  <code>{column.name}</code>
                </td>
                <td className="import-columns__required">{requiredText(column)}</td>
                <td>{column.notes}</td>
                <td className="import-columns__example">
                  {column.example ? (
                    <code>{column.example}</code>
                  ) : (
                    <span className="muted">(empty)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
