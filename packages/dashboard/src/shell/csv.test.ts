import {
  csvFileName,
  csvRow,
  downloadCsv,
  neutraliseCell,
  quoteField,
  toCsv,
  UTF8_BOM,
} from './csv';

describe('neutraliseCell', () => {
  it.each(['=SUM(A1:A2)', '+44 20 7946 0000', '-3', '@cmd', '\tindent', '\rreturn', "'quoted"])(
    'prefixes %j with a single quote',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it.each(['Aisha Jones', 'NOR-10044', '0.8', '', '3 March 2026', 'a=b'])(
    'leaves %j alone',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );
});

describe('quoteField', () => {
  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(quoteField('Khan, Amira')).toBe('"Khan, Amira"');
    expect(quoteField('the "lead"')).toBe('"the ""lead"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('plain')).toBe('plain');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF endings, empty cells for null', () => {
    expect(
      toCsv(
        ['Name', 'FTE', 'End date'],
        [
          ['Aisha Jones', 0.8, null],
          ['Ben, Okafor', 1, '3 March 2026'],
        ],
      ),
    ).toBe('Name,FTE,End date\r\nAisha Jones,0.8,\r\n"Ben, Okafor",1,3 March 2026\r\n');
  });

  it('neutralises before quoting, so a formula with a comma stays one safe cell', () => {
    expect(csvRow(['=HYPERLINK("http://x","y")', true, undefined])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",true,\r\n`,
    );
  });

  it('neutralises the header too', () => {
    expect(toCsv(['-Name'], [])).toBe("'-Name\r\n");
  });
});

describe('csvFileName', () => {
  it('names the file by subject and date', () => {
    expect(csvFileName('Staff', '2026-03-27')).toBe('holdspace-staff-2026-03-27.csv');
    expect(csvFileName('Absence episodes (ongoing)', '2026-03-27')).toBe(
      'holdspace-absence-episodes-ongoing-2026-03-27.csv',
    );
    expect(csvFileName('!!!', '2026-03-27')).toBe('holdspace-export-2026-03-27.csv');
  });
});

describe('downloadCsv', () => {
  it('downloads a UTF-8 blob (with a byte order mark for Excel) under the file name', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: { download: string; href: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
    jest.useFakeTimers();
    try {
      downloadCsv('holdspace-staff-2026-03-27.csv', 'Name\r\nZoë\r\n');
      expect(clicked).toEqual([{ download: 'holdspace-staff-2026-03-27.csv', href: 'blob:test' }]);
      expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(blobs[0] as Blob);
      });
      // FileReader drops the BOM when decoding; check the bytes.
      expect(text).toBe('Name\r\nZoë\r\n');
      expect(blobs[0]?.size).toBe(new TextEncoder().encode(`${UTF8_BOM}Name\r\nZoë\r\n`).length);
      jest.runAllTimers();
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:test');
      expect(document.querySelector('a[download]')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
