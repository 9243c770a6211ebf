// CSV (RFC 4180): comma-separated, CRLF line ends, a header row; a cell is quoted when it holds
// a comma, a double quote, CR or LF, and double quotes inside are doubled.
//
// Formula-injection guard: spreadsheets run a text cell that begins with = + - @ (and, in some
// apps, TAB or CR) as a formula, so article text such as `=HYPERLINK(…)` in an export could
// execute when the file is opened. Text cells beginning with one of those characters are
// written with a leading apostrophe (`'=HYPERLINK(…)`), which spreadsheets show as text (the
// OWASP "CSV injection" advice). The apostrophe is part of the cell for other CSV readers: strip
// it when a text cell starts with ' followed by one of = + - @ TAB CR. Numbers (intensity -4.3)
// are written as numbers and never prefixed; JSONL output is never altered.

/** What a row cell may hold; arrays are joined with "; " in CSV (kept as arrays in JSONL). */
export type Cell = string | number | boolean | null | undefined | readonly (string | number)[];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes a text that a spreadsheet would run as a formula with an apostrophe. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: null/undefined empty, numbers as written by JS (NaN/Infinity empty), text guarded and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = guardFormula(typeof value === 'string' ? value : value.join('; '));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvLine(values: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + csvCell(values[i]);
  return `${line}\r\n`;
}

/**
 * Parses RFC 4180 text (as csvLine writes it) into records of strings; used to read exports
 * back (tests, round trips). With unguard, the formula guard's apostrophe is removed again.
 */
export function parseCsv(text: string, options: { unguard?: boolean } = {}): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    record.push(options.unguard && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    i++;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' || c === '\n') {
      endCell();
      records.push(record);
      record = [];
      if (c === '\r' && text[i] === '\n') i++;
    } else cell += c;
  }
  if (cell !== '' || record.length) {
    endCell();
    records.push(record);
  }
  return records;
}
