// Edits the user's registry file (config registry.userFile) for `readout actors add|merge`:
// the YAML document is edited in place so comments and other entries survive, and the result is
// loaded once before it replaces the file, so a bad edit never leaves an unreadable registry.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import { ReadoutError } from '../core/errors.js';
import { loadRegistry } from './load.js';
import type { ActorEntry } from './schema.js';

const HEADER = `# Your own registry entries, written by \`readout actors add|merge\` (you may edit it by hand).
# Entries with the id of a shipped actor replace it; {id, mergedInto} marks a duplicate.
`;

export function readUserDoc(path: string): Document {
  if (!existsSync(path)) return parseDocument(`${HEADER}version: 1\nactors: []\n`);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length) {
    throw new ReadoutError('config', `registry file ${path} is not valid YAML: ${doc.errors[0]!.message}`, { hint: 'fix the YAML syntax' });
  }
  if (doc.contents === null) return parseDocument(`${String(readFileSync(path, 'utf8')).trimEnd()}\nversion: 1\nactors: []\n`);
  if (!isMap(doc.contents)) throw new ReadoutError('config', `registry file ${path}: the top level must be a mapping with "actors"`);
  return doc;
}

function actorsSeq(doc: Document, path: string): YAMLSeq {
  let seq = doc.get('actors');
  if (seq === undefined || seq === null) {
    seq = new YAMLSeq();
    doc.set('actors', seq);
  }
  if (!isSeq(seq)) throw new ReadoutError('config', `registry file ${path}: "actors" must be a list`);
  return seq;
}

/** Appends one entry (fields without a value are left out). */
export function appendEntry(doc: Document, path: string, entry: ActorEntry): void {
  const clean = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
  actorsSeq(doc, path).add(doc.createNode(clean));
}

/** Marks FROM as merged into INTO: sets mergedInto on FROM's entry in this file, or adds {id, mergedInto}. */
export function markMerged(doc: Document, path: string, from: string, into: string): void {
  const seq = actorsSeq(doc, path);
  let found = false;
  for (const item of seq.items) {
    if (isMap(item) && item.get('id') === from) {
      item.set('mergedInto', into);
      found = true;
    }
  }
  if (!found) seq.add(doc.createNode({ id: from, mergedInto: into }));
}

/** Writes the document after checking that the registry still loads with it. */
export function saveUserDoc(doc: Document, path: string, otherFiles: string[]): void {
  const text = doc.toString();
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  try {
    loadRegistry({ files: otherFiles, userFile: tmp });
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof ReadoutError) throw new ReadoutError(err.code, err.message.split(tmp).join(path), { hint: err.hint });
    throw err;
  }
  renameSync(tmp, path);
}
