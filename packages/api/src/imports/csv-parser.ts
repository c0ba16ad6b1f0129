import { isUtf8 } from 'node:buffer';

/**
 * A streaming RFC 4180 CSV parser over bytes, with no dependency.
 *
 * - UTF-8 with or without a byte-order mark. The structural characters (comma,
 *   quote, CR, LF) are ASCII, so the parser works on bytes and decodes each
 *   field once it is complete: an invalid UTF-8 sequence is reported with the
 *   row and cell it is in. UTF-16 files (byte-order mark or NUL bytes) are
 *   refused with a message saying how to save the file.
 * - Quoted fields may hold commas, doubled quotes and line breaks; records end
 *   with CRLF, LF or a lone CR. A quote inside an unquoted field is kept as text.
 * - Rows are numbered as a spreadsheet shows them: the first record is row 1,
 *   and a line break inside quotes does not start a new row.
 * - Records are yielded in batches (one per input chunk), so a large file is
 *   never held whole; the caller decides what to keep.
 */

export interface CsvRecord {
  /** 1-based record number (the header is row 1). */
  row: number;
  cells: string[];
}

export class CsvFormatError extends Error {
  constructor(
    /** The row the problem is in, or null for the whole file. */
    readonly row: number | null,
    message: string,
    /** The 0-based cell index, when the problem is one cell's. */
    readonly cellIndex: number | null = null,
  ) {
    super(message);
  }
}

export const NOT_UTF8_MESSAGE =
  'The file is not UTF-8 text (it may be saved as Windows-1252 or Latin-1). In Excel, save it as "CSV UTF-8 (Comma delimited)".';
const UTF16_MESSAGE =
  'The file is UTF-16 text, not UTF-8. In Excel, save it as "CSV UTF-8 (Comma delimited)".';

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const enum State {
  /** At the start of a field. */
  FieldStart,
  /** Inside an unquoted field. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** Just after a quote inside a quoted field: a second quote, or the field's end. */
  QuoteInQuoted,
}

export interface ParseOptions {
  /** Refuse files larger than this many bytes (the message states the limit). */
  maxBytes: number;
  /** How the limit is described in the message ("60 MB"). */
  limitLabel: string;
}

export async function* parseCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: ParseOptions,
): AsyncGenerator<CsvRecord[]> {
  let state = State.FieldStart;
  let row = 1;
  let cells: string[] = [];
  /** Completed segments of the current field (when it spans chunks or holds a doubled quote). */
  let parts: Buffer[] = [];
  let nonAscii = false;
  let skipLf = false;
  let sawAny = false;

  const decode = (bytes: Buffer): string => {
    if (nonAscii && !isUtf8(bytes)) throw new CsvFormatError(row, NOT_UTF8_MESSAGE, cells.length);
    return bytes.toString('utf8');
  };

  for await (const chunk of checkedBytes(chunks, options)) {
    const batch: CsvRecord[] = [];
    let segStart = 0;
    const n = chunk.length;
    let i = 0;
    const endField = (end: number) => {
      let bytes: Buffer;
      if (parts.length === 0) bytes = chunk.subarray(segStart, end);
      else {
        parts.push(chunk.subarray(segStart, end));
        bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
        parts = [];
      }
      cells.push(decode(bytes));
      nonAscii = false;
    };
    const endRecord = () => {
      batch.push({ row, cells });
      cells = [];
      row++;
    };
    while (i < n) {
      const byte = chunk[i];
      if (skipLf) {
        skipLf = false;
        if (byte === LF) {
          i++;
          segStart = i;
          continue;
        }
      }
      if (byte === 0) throw new CsvFormatError(row, UTF16_MESSAGE);
      if (byte >= 0x80) nonAscii = true;
      sawAny = true;
      if (state === State.FieldStart) {
        if (byte === QUOTE) {
          state = State.Quoted;
          segStart = ++i;
          continue;
        }
        // The byte starts an unquoted field.
        segStart = i;
        state = State.Unquoted;
      }
      switch (state as State) {
        case State.Unquoted:
          if (byte === COMMA) {
            endField(i);
            state = State.FieldStart;
          } else if (byte === LF || byte === CR) {
            endField(i);
            endRecord();
            state = State.FieldStart;
            skipLf = byte === CR;
          }
          break;
        case State.Quoted:
          if (byte === QUOTE) {
            parts.push(chunk.subarray(segStart, i));
            state = State.QuoteInQuoted;
          } else {
            // Fast path: jump to the next quote.
            const next = chunk.indexOf(QUOTE, i + 1);
            const stop = next < 0 ? n : next;
            for (let k = i + 1; k < stop; k++) {
              const b = chunk[k];
              if (b >= 0x80) nonAscii = true;
              else if (b === 0) throw new CsvFormatError(row, UTF16_MESSAGE);
            }
            i = stop;
            continue;
          }
          break;
        case State.QuoteInQuoted:
          if (byte === QUOTE) {
            // A doubled quote: the second one is text.
            segStart = i;
            state = State.Quoted;
          } else if (byte === COMMA || byte === LF || byte === CR) {
            segStart = i;
            endField(i);
            state = State.FieldStart;
            if (byte !== COMMA) {
              endRecord();
              skipLf = byte === CR;
            }
          } else {
            throw new CsvFormatError(
              row,
              'A quoted cell has text after its closing quote; a quote inside a quoted cell must be doubled ("").',
              cells.length,
            );
          }
          break;
      }
      i++;
      if (state === State.FieldStart) segStart = i;
    }
    // Keep the unfinished field's bytes: the next chunk continues it.
    const last = state as State;
    if (last === State.Unquoted || last === State.Quoted) {
      if (segStart < n) parts.push(Buffer.from(chunk.subarray(segStart, n)));
    } else if (last === State.QuoteInQuoted) {
      parts = parts.map((p) => Buffer.from(p));
    }
    segStart = 0;
    if (batch.length > 0) yield batch;
  }

  if (!sawAny) return;
  // The last record, when the file does not end with a line break.
  const end = state as State;
  if (end === State.Quoted) {
    throw new CsvFormatError(
      row,
      'A quoted cell is never closed: a closing quote (") is missing.',
      cells.length,
    );
  }
  if (end === State.Unquoted || end === State.QuoteInQuoted || cells.length > 0) {
    const bytes = parts.length === 0 ? Buffer.alloc(0) : Buffer.concat(parts);
    parts = [];
    cells.push(decode(bytes));
    yield [{ row, cells }];
  }
}

export function tooLargeMessage(options: ParseOptions): string {
  const exact = `${options.maxBytes.toLocaleString('en-GB')} bytes`;
  const limit = options.limitLabel === exact ? exact : `${options.limitLabel} (${exact})`;
  return `The file is larger than the limit of ${limit}. Split it into smaller files.`;
}

/** The input's bytes, within the size limit, without a UTF-8 byte-order mark. */
async function* checkedBytes(
  chunks: AsyncIterable<Uint8Array>,
  options: ParseOptions,
): AsyncGenerator<Buffer> {
  let total = 0;
  /** The first bytes, held until the byte-order mark can be recognised. */
  let head: Buffer | null = Buffer.alloc(0);
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.length);
    total += chunk.length;
    if (total > options.maxBytes) throw new CsvFormatError(null, tooLargeMessage(options));
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      const rest = checkStart(head);
      head = null;
      if (rest.length > 0) yield rest;
    } else if (chunk.length > 0) yield chunk;
  }
  if (head && head.length > 0) {
    const rest = checkStart(head);
    if (rest.length > 0) yield rest;
  }
}

/** Removes a UTF-8 byte-order mark; refuses UTF-16 and UTF-32 ones. */
function checkStart(head: Buffer): Buffer {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return head.subarray(3);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new CsvFormatError(1, UTF16_MESSAGE);
  }
  return head;
}
