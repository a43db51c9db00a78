import {
  CELL_CHAR_LIMIT,
  asCellText,
  cleanText,
  escapeHtml,
  groupThousands,
  needsApostrophe,
  neutralizeForReport,
  singleLine,
  truncationMarker,
} from '../../../src/core/sanitize';

describe('asCellText', () => {
  // Sheets parses a string written with Range.setValue(s) like typed input; a leading apostrophe keeps
  // it as text and is not part of the value read back (Google Sheets help, "Format numbers as text").
  it.each([
    ['=1+1'],
    ['+33 1 23 45 67 89'],
    ['-5'],
    ['@mention'],
    ['#N/A'],
    ["'quoted"],
    ['\tindented'],
    [' leading space'],
    ['\nnew line first'],
    ['123'],
    ['007'],
    ['1.5e3'],
    ['.5'],
    ['1,234'],
    ['$12'],
    ['€ 3'],
    ['(12)'],
    ['12%'],
    ['3/4'],
    ['12:30'],
    ['2026-01-05'],
    ['TRUE'],
    ['false'],
    ['Jan 5'],
    ['March 2026'],
    ['Mon, Jan 5'],
    ['Tue 5 March'],
    ['3rd floor'],
  ])('prefixes an apostrophe to %j', (value) => {
    const r = asCellText(value);
    expect(r.cell).toBe(`'${cleanText(value)}`);
    expect(r.text).toBe(cleanText(value));
    expect(r.truncated).toBe(false);
  });

  it.each([
    ['hello'],
    ['Leaking tap in room 12'],
    ['HVAC'],
    ['Truest'],
    ['Marching band room'],
    ['Juniper'],
    [''],
  ])('leaves plain text %j alone', (value) => {
    expect(asCellText(value)).toEqual({
      cell: value,
      text: value,
      truncated: false,
      originalLength: value.length,
    });
  });

  it('normalizes line breaks and strips control characters but keeps \\n and \\t inside', () => {
    const r = asCellText('a\r\nb\rc\u0000d\u0007e\tf\u001bg\u007fh\u0085i\nj');
    expect(r.text).toBe('a\nb\ncde\tfghi\nj');
    expect(r.cell).toBe(r.text);
    expect(r.originalLength).toBe(20);
  });

  it('judges the cleaned text: a NUL before "=" still yields a formula-safe cell', () => {
    expect(asCellText('\u0000=SUM(A1)').cell).toBe("'=SUM(A1)");
  });

  it('cuts long text to the cell limit including the apostrophe, with a visible marker', () => {
    const long = '=' + 'x'.repeat(123_455);
    const r = asCellText(long);
    expect(r.truncated).toBe(true);
    expect(r.originalLength).toBe(123_456);
    expect(r.cell.length).toBe(CELL_CHAR_LIMIT);
    expect(r.cell.startsWith("'=xxx")).toBe(true);
    expect(r.cell.endsWith('… [truncated: 123,456 characters received]')).toBe(true);
    expect(r.text).toBe(r.cell.slice(1));
  });

  it('fits exactly at the limit without truncating', () => {
    expect(asCellText('a'.repeat(CELL_CHAR_LIMIT)).truncated).toBe(false);
    expect(asCellText('1'.repeat(CELL_CHAR_LIMIT - 1)).truncated).toBe(false);
    const over = asCellText('1'.repeat(CELL_CHAR_LIMIT));
    expect(over.truncated).toBe(true);
    expect(over.cell.length).toBe(CELL_CHAR_LIMIT);
  });

  it('never splits a surrogate pair when cutting', () => {
    const marker = truncationMarker(60_000);
    const keep = CELL_CHAR_LIMIT - marker.length; // characters kept before the marker
    const text = 'a'.repeat(keep - 1) + '😀' + 'b'.repeat(60_000 - keep - 1);
    const r = asCellText(text);
    expect(r.cell.length).toBe(CELL_CHAR_LIMIT - 1);
    expect(r.cell.endsWith('a' + marker)).toBe(true);
  });

  it('is idempotent on the text it reports', () => {
    for (const v of ['=x', 'plain', '=' + 'y'.repeat(70_000), 'z'.repeat(70_000), '12']) {
      const r = asCellText(v);
      expect(asCellText(r.text).cell).toBe(r.cell);
    }
  });
});

describe('needsApostrophe', () => {
  it('is false for empty text', () => {
    expect(needsApostrophe('')).toBe(false);
  });
});

describe('singleLine', () => {
  it('removes line breaks, tabs and control characters and collapses spaces', () => {
    expect(singleLine(' Leak\r\nin\tthe\u2028 roof\u0000 ')).toBe('Leak in the roof');
  });
  it('caps the length with an ellipsis', () => {
    expect(singleLine('abcdefghij', 5)).toBe('abcd…');
    expect(singleLine('abcde', 5)).toBe('abcde');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('neutralizeForReport', () => {
  it('keeps numbers, booleans and dates typed and neutralizes text', () => {
    const d = new Date('2026-01-01T00:00:00Z');
    expect(neutralizeForReport(3.5)).toBe(3.5);
    expect(neutralizeForReport(true)).toBe(true);
    expect(neutralizeForReport(d)).toBe(d);
    expect(neutralizeForReport('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(neutralizeForReport('Plumbing')).toBe('Plumbing');
    expect(neutralizeForReport(null)).toBe('');
    expect(neutralizeForReport(undefined)).toBe('');
    expect(neutralizeForReport(NaN)).toBe('');
    expect(neutralizeForReport(new Date(NaN))).toBe('');
  });
});

describe('groupThousands', () => {
  it('groups by three', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(1234567)).toBe('1,234,567');
  });
});
