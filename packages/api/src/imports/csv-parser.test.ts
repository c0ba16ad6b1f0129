import fc from 'fast-check';
import { formatCsvField } from '@holdspace/shared';
import { CsvFormatError, NOT_UTF8_MESSAGE, parseCsv, type CsvRecord } from './csv-parser';

const OPTIONS = { maxBytes: 1024 * 1024, limitLabel: '1 MB' };

async function* chunksOf(bytes: Buffer, cuts: number[] = []): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

async function parse(
  input: string | Buffer,
  cuts: number[] = [],
  options = OPTIONS,
): Promise<CsvRecord[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: CsvRecord[] = [];
  for await (const batch of parseCsv(chunksOf(bytes, cuts), options)) out.push(...batch);
  return out;
}

async function parseError(input: string | Buffer, options = OPTIONS): Promise<CsvFormatError> {
  try {
    await parse(input, [], options);
  } catch (error) {
    if (error instanceof CsvFormatError) return error;
    throw error;
  }
  throw new Error('expected a CsvFormatError');
}

describe('parseCsv', () => {
  it('reads records with LF, CRLF or CR endings, numbering rows from 1', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(await parse(`a,b${eol}1,2${eol}3,4${eol}`)).toEqual([
        { row: 1, cells: ['a', 'b'] },
        { row: 2, cells: ['1', '2'] },
        { row: 3, cells: ['3', '4'] },
      ]);
    }
  });

  it('reads the last record without a line break, and empty cells', async () => {
    expect(await parse('a,b,c\n,x,')).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['', 'x', ''] },
    ]);
  });

  it('reads quoted commas, doubled quotes and line breaks, counting a record as one row', async () => {
    const records = await parse(
      'name,notes\r\n"Smith, Alex","She said ""hi""\r\nand left"\r\nplain,"x"\r\n',
    );
    expect(records).toEqual([
      { row: 1, cells: ['name', 'notes'] },
      { row: 2, cells: ['Smith, Alex', 'She said "hi"\r\nand left'] },
      { row: 3, cells: ['plain', 'x'] },
    ]);
  });

  it('keeps a quote inside an unquoted cell as text', async () => {
    expect(await parse('a\nO"Brien\n')).toEqual([
      { row: 1, cells: ['a'] },
      { row: 2, cells: ['O"Brien'] },
    ]);
  });

  it('reports empty lines as records with one empty cell (the importer skips them)', async () => {
    expect(await parse('a\n\nb\n\n\n')).toEqual([
      { row: 1, cells: ['a'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['b'] },
      { row: 4, cells: [''] },
      { row: 5, cells: [''] },
    ]);
  });

  it('removes a UTF-8 byte-order mark, even split across chunks', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ref\nÉmile\n')]);
    for (const cuts of [[], [1], [2], [1, 2], [3]]) {
      expect(await parse(bytes, cuts)).toEqual([
        { row: 1, cells: ['ref'] },
        { row: 2, cells: ['Émile'] },
      ]);
    }
  });

  it('refuses UTF-16 (by its byte-order mark, or its NUL bytes)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ref\n', 'utf16le')]);
    expect((await parseError(utf16)).message).toMatch(/UTF-16/);
    const noBom = Buffer.from('ref\nA1\n', 'utf16le');
    const error = await parseError(noBom);
    expect(error.message).toMatch(/UTF-16/);
    expect(error.row).toBe(1);
  });

  it('refuses invalid UTF-8 (a Windows-1252 file), naming the row and cell', async () => {
    const latin1 = Buffer.from('ref,name\nA1,Ann\nA2,Ren\xe9e\n', 'latin1');
    const error = await parseError(latin1);
    expect(error.message).toBe(NOT_UTF8_MESSAGE);
    expect(error.row).toBe(3);
    expect(error.cellIndex).toBe(1);
  });

  it('accepts multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('ref,name\nA1,"Zoë £5 — 日本"\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect((await parse(bytes, [cut]))[1].cells[1]).toBe('Zoë £5 — 日本');
    }
  });

  it('refuses a quoted cell that is never closed, naming the row it starts in', async () => {
    const error = await parseError('a,b\n1,2\n3,"open\n4,5\n');
    expect(error.row).toBe(3);
    expect(error.message).toMatch(/never closed/);
  });

  it('refuses text after a closing quote', async () => {
    const error = await parseError('a,b\n"x"y,2\n');
    expect(error.row).toBe(2);
    expect(error.cellIndex).toBe(0);
    expect(error.message).toMatch(/must be doubled/);
  });

  it('refuses a file over the size limit, stating the limit', async () => {
    const error = await parseError('a\n' + 'x\n'.repeat(100), {
      maxBytes: 100,
      limitLabel: '100 B',
    });
    expect(error.row).toBeNull();
    expect(error.message).toBe(
      'The file is larger than the limit of 100 B (100 bytes). Split it into smaller files.',
    );
  });

  it('gives the same records however the bytes are split into chunks', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '€', 'x'),
    });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat(), { maxLength: 6 }), async (rows, rawCuts) => {
        const text = rows.map((r) => r.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
        const bytes = Buffer.from(text);
        const cuts = rawCuts.map((c) => c % (bytes.length + 1));
        const records = await parse(bytes, cuts);
        expect(records.map((r) => r.cells)).toEqual(rows);
        expect(records.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});
