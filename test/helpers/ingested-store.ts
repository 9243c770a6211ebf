// A fresh store in a temp folder (one analysis thread) filled by `readout ingest` of JSON Lines
// records: the real pipeline (extract → analyze → merge) the end-to-end tests start from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { tempDir } from './services.js';

export interface IngestedStore {
  dir: string;
  /** READOUT_* variables pointing commands at the store and its config. */
  env: NodeJS.ProcessEnv;
}

/** An empty store and config (`extraConfig` is appended to the YAML), not yet ingested. */
export function emptyStore(name: string, extraConfig = ''): IngestedStore {
  const dir = tempDir(name);
  writeFileSync(join(dir, 'readout.yaml'), `analyze:\n  workers: 1\n${extraConfig}`);
  return { dir, env: { READOUT_DB: join(dir, 'readout.db'), READOUT_CONFIG: join(dir, 'readout.yaml'), READOUT_DATA_DIR: dir } };
}

/** Ingests `records` into `store`; throws with ingest's stderr unless every record was stored. */
export async function ingestRecords(store: IngestedStore, records: readonly object[], file = 'articles.jsonl'): Promise<void> {
  const path = join(store.dir, file);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  const r = await runCli(['ingest', path, '--json'], store.env);
  const summary = r.code === 0 ? (JSON.parse(r.stdout) as { read: number; stored: number; errors: number }) : null;
  if (!summary || summary.stored !== records.length || summary.errors !== 0) {
    throw new Error(`ingest of ${records.length} records: exit ${r.code}, ${r.stdout.trim()} ${r.stderr.trim()}`);
  }
}

/** emptyStore + ingestRecords. */
export async function ingestedStore(name: string, records: readonly object[]): Promise<IngestedStore> {
  const store = emptyStore(name);
  await ingestRecords(store, records);
  return store;
}
