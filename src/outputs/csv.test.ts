import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, guardFormula, parseCsv } from './csv.js';
import { jsonlLine } from './jsonl.js';

describe('CSV cells (RFC 4180)', () => {
  it('quotes cells holding commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
    expect(csvCell(' spaced ')).toBe(' spaced ');
    expect(csvCell('Pjöngjang – 平壤')).toBe('Pjöngjang – 平壤');
  });

  it('writes null/undefined empty, numbers and booleans plainly, arrays joined with "; "', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-4.3)).toBe('-4.3'); // a number is never guarded
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(['Harbor Ledger', 'Northern, Wire'])).toBe('"Harbor Ledger; Northern, Wire"');
    expect(csvCell([])).toBe('');
  });

  it('guards text cells a spreadsheet would run as a formula with an apostrophe', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example","click")']) {
      expect(guardFormula(bad)).toBe(`'${bad}`);
    }
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvCell('-5 killed')).toBe("'-5 killed");
    expect(csvCell(['=cmd', 'b'])).toBe("'=cmd; b"); // the joined cell starts with '='
    expect(guardFormula('a=b')).toBe('a=b');
    expect(guardFormula("'quoted")).toBe("'quoted");
  });

  it('writes records with CRLF and reads them back', () => {
    const line = csvLine(['id', 'a, b', 'say "no"', null, 3, 'x\ny', '=1']);
    expect(line).toBe('id,"a, b","say ""no""",,3,"x\ny",\'=1\r\n');
    expect(parseCsv(line + csvLine(['second']))).toEqual([['id', 'a, b', 'say "no"', '', '3', 'x\ny', "'=1"], ['second']]);
    expect(parseCsv(line, { unguard: true })[0]![6]).toBe('=1');
  });
});

describe('JSONL lines', () => {
  it('writes one object per line, newlines escaped, values unguarded', () => {
    const line = jsonlLine({ text: 'two\nlines\u2028', formula: '=1+1', n: -4.3, list: ['a'], none: null });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/\n/);
    expect(JSON.parse(line)).toEqual({ text: 'two\nlines\u2028', formula: '=1+1', n: -4.3, list: ['a'], none: null });
  });
});
