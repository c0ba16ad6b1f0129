import fc from 'fast-check';
import { formatCsvRow, neutraliseCell, restoreCell } from './cells';
import { CSV_FILES, IMPORT_KINDS, csvHeader } from './columns';
import { csvTemplate } from './template';

describe('formula neutralisation', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a quote',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text, dates and numbers alone', () => {
    for (const value of ['Alex', "O'Brien", '2024-01-31', '0.8', '', 'a=b'])
      expect(neutraliseCell(value)).toBe(value);
  });

  it('round-trips every string', () => {
    fc.assert(fc.property(fc.string(), (value) => restoreCell(neutraliseCell(value)) === value));
    for (const value of ["'", "''", "'=x", "'abc", '=x'])
      expect(restoreCell(neutraliseCell(value))).toBe(value);
  });

  it('reads a hand-typed quote before a formula character as text', () => {
    expect(restoreCell("'=1+1")).toBe('=1+1');
    expect(restoreCell("'abc")).toBe("'abc");
  });
});

describe('CSV rows', () => {
  it('quotes commas, quotes and line breaks and ends with CRLF', () => {
    expect(formatCsvRow(['a,b', 'say "hi"', 'two\nlines', null, 1.5, true])).toBe(
      '"a,b","say ""hi""","two\nlines",,1.5,true\r\n',
    );
  });

  it('neutralises a formula inside a quoted field', () => {
    expect(formatCsvRow(['=HYPERLINK("x")'])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });
});

describe('templates', () => {
  it.each(IMPORT_KINDS)(
    '%s: the header and one example row with a value for every required column',
    (kind) => {
      const [header, example, rest] = csvTemplate(kind).split('\r\n');
      expect(header).toBe(csvHeader(kind).join(','));
      expect(rest).toBe('');
      const cells = example.split(',');
      CSV_FILES[kind].columns.forEach((column, i) => {
        if (column.required) expect(cells[i]).not.toBe('');
      });
    },
  );
});
