// Log sinks: the only files an alert delivery writes. A rule's `log` delivery names a sink
// ({kind: log, sink: desk}); the operator maps sink names to plain file names in config
// alerts.logSinks, and every file lives in <dataDir>/alerts/. A rule body (API, CLI or rules
// file) can therefore never choose a path, and a stored rule from before, which still carries a
// `file` path, is refused where rules are used (ruleRefusal) rather than acted on.
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Config } from '../config/config.js';
import { describeError, ReadoutError } from '../core/errors.js';
import { DeliveryError } from './deliver.js';
import type { RuleSpec } from './rules.js';

export type SinkConfig = Pick<Config['alerts'], 'logSinks' | 'logDir'>;

/** Throws ReadoutError('input') naming `deliver.N.sink` when the rule names a sink the config lacks. */
export function checkSinks(spec: Pick<RuleSpec, 'deliver'>, sinks: Record<string, string>): void {
  spec.deliver.forEach((d, i) => {
    if (d.kind !== 'log' || d.sink === undefined || Object.hasOwn(sinks, d.sink)) return;
    const known = Object.keys(sinks);
    throw new ReadoutError('input', `deliver.${i}.sink: no log sink "${d.sink}" is configured (${known.length ? `configured: ${known.join(', ')}` : 'none is configured'}); sinks are named by the operator in config alerts.logSinks`, {
      hint: 'the operator names sinks in config alerts.logSinks (e.g. desk: desk.jsonl); or use {kind: log} for the server log',
    });
  });
}

/**
 * Why a stored rule is refused, or null. A rule saved before sinks existed may still carry a
 * `log` delivery with a `file` path (or one was planted in the store): it is never acted on. The
 * whole rule is held back (no alert recorded, nothing delivered) until someone replaces the path,
 * so the desk sees a loud error rather than alerts silently going to fewer places.
 */
export function ruleRefusal(rule: { name: string; spec: Pick<RuleSpec, 'deliver'> }): string | null {
  const i = rule.spec.deliver.findIndex((d) => d.kind === 'log' && (d as { file?: unknown }).file !== undefined);
  if (i < 0) return null;
  return `rule "${rule.name}" is refused: deliver.${i}.file names a file path, and rules can no longer write files. `
    + 'Replace it with {kind: log, sink: NAME} (a sink from config alerts.logSinks) or {kind: log}, with PUT /rules/{id}, the dashboard or the rules file, or remove the rule';
}

const refused = (message: string) => new DeliveryError(message, true);

/**
 * Appends one JSON line to the sink's file, inside logDir only: the sink must be configured, the
 * folder's real path is taken before each append, the file is opened without following a
 * symlink, created 0600, and must be a regular file with one link inside that folder. Any
 * refusal is permanent (a DeliveryError that is not retried); nothing is written then.
 */
export async function appendToSink(config: SinkConfig, name: string, body: string): Promise<void> {
  const file = Object.hasOwn(config.logSinks, name) ? config.logSinks[name] : undefined;
  if (file === undefined) throw refused(`no log sink "${name}" is configured (config alerts.logSinks); nothing was written`);
  // The config schema allows plain names only; checked again here because this is the last gate.
  if (file.includes('/') || file.includes('\\') || file.startsWith('.') || file.includes('\0')) throw refused(`log sink "${name}": "${file}" is not a plain file name`);
  await mkdir(config.logDir, { recursive: true, mode: 0o700 });
  const dir = await realpath(config.logDir);
  const path = join(dir, file);
  const before = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (before && !before.isFile()) throw refused(`log sink "${name}": ${path} is not a regular file (a symlink or a special file); nothing was written`);
  let handle;
  try {
    // O_NOFOLLOW: a symlink put in place after the check above is refused by the kernel too.
    handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw refused(`log sink "${name}": ${path} is a symlink; nothing was written`);
    throw new DeliveryError(`log sink "${name}": cannot open ${path}: ${describeError(err)}`, false);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile() || st.nlink !== 1) throw refused(`log sink "${name}": ${path} is not a regular file with a single link; nothing was written`);
    const real = await realpath(path);
    if (!real.startsWith(dir + sep)) throw refused(`log sink "${name}": ${path} resolves outside ${dir}; nothing was written`);
    await handle.appendFile(`${body}\n`, 'utf8');
  } finally {
    await handle.close();
  }
}
