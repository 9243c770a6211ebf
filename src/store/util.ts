// Small helpers shared by the store modules: the per-call context, error wrapping,
// timestamp normalisation and JSON columns.
import type { Kysely } from 'kysely';
import { describeError, ReadoutError } from '../core/errors.js';
import type { Database, Dialect } from './schema.js';

/** What every store function gets: the database (or the current transaction) and its dialect. */
export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Runs fn atomically: inside the current transaction if there is one, else in a new one. */
  atomic<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/**
 * Runs a database operation; any failure becomes a ReadoutError('store') naming what was
 * being done ("store: unable to insert article https://…: <cause>"). ReadoutErrors pass through.
 */
export async function wrap<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ReadoutError) throw err;
    throw new ReadoutError('store', `store: unable to ${what}: ${describeError(err)}`, { cause: err, hint: hintFor(err) });
  }
}

function hintFor(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'another process holds a lock on the database; retry, or stop the other process';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'the disk is full';
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES') return 'check that the database file and its folder are writable';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '57P03') return 'check that the PostgreSQL server is running and the URL is right';
  if (code === '28P01' || code === '28000') return 'PostgreSQL refused the credentials in the URL';
  return undefined;
}

export function notFound(what: string): ReadoutError {
  return new ReadoutError('input', `store: ${what} not found`);
}

export function nowIso(): string {
  return new Date().toISOString();
}

const ZONELESS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a timestamp (ISO-8601 or anything Date understands) into ISO UTC; zone-less = UTC. */
export function parseIso(value: string): string | null {
  const v = value.trim();
  const ms = Date.parse(ZONELESS.test(v) ? `${v.replace(' ', 'T')}Z` : v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Normalises a timestamp to ISO UTC, or throws ReadoutError('input') naming the field. */
export function toIso(value: string, field: string): string {
  const iso = parseIso(value);
  if (iso === null) throw new ReadoutError('input', `store: ${field} is not a valid timestamp: "${value}"`);
  return iso;
}

export function toIsoOrNull(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : toIso(value, field);
}

/** An inclusive upper bound: a bare date ("2024-05-01") means the end of that day. */
export function untilIso(value: string): string {
  return DATE_ONLY.test(value.trim()) ? `${value.trim()}T23:59:59.999Z` : toIso(value, 'until');
}

/** PostgreSQL text cannot hold NUL characters; strip them in both dialects so they behave alike. */
export function clean(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

export function cleanOrNull(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : clean(text);
}

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** Splits an array into chunks (keeps multi-row statements under parameter limits). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
