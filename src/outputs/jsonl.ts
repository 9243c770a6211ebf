// JSON Lines: one JSON object per line, LF line ends, UTF-8. JSON.stringify escapes every
// control character, so a value holding newlines cannot break a record over two lines.
import type { Cell } from './csv.js';

export function jsonlLine(row: Readonly<Record<string, Cell>>): string {
  return `${JSON.stringify(row)}\n`;
}
