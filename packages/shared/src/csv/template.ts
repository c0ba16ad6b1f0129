import { CSV_FILES, csvHeader, type ImportKind } from './columns';
import { toCsv } from './cells';

/** A downloadable template: the header and one example row. */
export function csvTemplate(kind: ImportKind): string {
  return toCsv(csvHeader(kind), [CSV_FILES[kind].columns.map((c) => c.example)]);
}
