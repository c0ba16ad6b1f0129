/** The largest import file, unless IMPORT_MAX_BYTES says otherwise: 60 MB. */
export const DEFAULT_IMPORT_MAX_BYTES = 60 * 1024 * 1024;

/** At most this many problems are listed in a report (all are counted). */
export const PROBLEM_LIMIT = 1000;

/** Rows per write statement inside the import's transaction. */
export const WRITE_BATCH_ROWS = 50_000;

/** Rows per statement when staging a file in the transaction's temporary table. */
export const STAGE_BATCH_ROWS = 5000;

export interface SizeLimit {
  maxBytes: number;
  /** How the limit is described to people ("60 MB"). */
  limitLabel: string;
}

/** Read on each use, so a deployment (or a test) can change it with the environment. */
export function importSizeLimit(env: NodeJS.ProcessEnv = process.env): SizeLimit {
  const raw = env.IMPORT_MAX_BYTES;
  let maxBytes = DEFAULT_IMPORT_MAX_BYTES;
  if (raw !== undefined && raw !== '') {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`IMPORT_MAX_BYTES must be a whole number of bytes (got "${raw}")`);
    }
    maxBytes = value;
  }
  return { maxBytes, limitLabel: describeBytes(maxBytes) };
}

export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1 && Number.isInteger(mb)) return `${mb} MB`;
  if (mb >= 1) return `${mb.toFixed(1)} MB`;
  return `${bytes.toLocaleString('en-GB')} bytes`;
}
