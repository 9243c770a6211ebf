// The /trends answer (the `readout trends --json` object) and what the charts make of it:
// spike marks with their z-scores, the days a bucket covers, and where to read its events.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { TrendReport } from '../../../src/insights/compute-trend';
import type { TrendBucket } from '../../../src/insights/trends';
import type { Mark } from './time-chart';

export type { TrendReport, TrendBucket };
export type TrendKind = TrendReport['subject']['kind'];
export const TREND_KINDS: TrendKind[] = ['actor', 'dyad', 'type', 'keyword'];

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
}

/** The last day of a bucket (a week runs Monday to Sunday). */
export function bucketEnd(bucket: string, by: 'day' | 'week'): string {
  return by === 'week' ? addDays(bucket, 6) : bucket;
}

const z = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));

/** "articles (z 4.2)", "events (z 3.9)" for the counts that spike in a bucket. */
export function spikeText(b: TrendBucket): string {
  return b.spike.map((s) => `${s} spike (z ${z(b.z[s])})`).join(', ');
}

/** Marks for the buckets where any of the given counts spike. */
export function spikeMarks(buckets: TrendBucket[], counts: TrendBucket['spike'] = ['articles', 'events']): Mark[] {
  const out: Mark[] = [];
  buckets.forEach((b, index) => {
    const hit = b.spike.filter((s) => counts.includes(s));
    if (hit.length) out.push({ index, label: hit.map((s) => `${s} spike, z ${z(b.z[s])}`).join('; ') });
  });
  return out;
}

/** Where the events or articles of a bucket are listed: the timeline (or search, for a keyword). */
export function bucketHref(subject: { kind: TrendKind; label: string }, bucket: string, by: 'day' | 'week'): string {
  const range = { since: bucket, until: bucketEnd(bucket, by) };
  if (subject.kind === 'keyword') return `/search?${new URLSearchParams({ q: subject.label, ...range })}`;
  return `/timeline?${new URLSearchParams({ [subject.kind]: subject.label, ...range })}`;
}

export interface TrendRequest {
  kind: TrendKind;
  value: string;
}

/** One subject's answer: its trend, or why it could not be had. */
export type TrendResult = { request: TrendRequest; trend: TrendReport; error: null } | { request: TrendRequest; trend: null; error: Error };

/** The trends of several subjects over one range (a failed one does not hide the others). */
export function useTrends(requests: TrendRequest[], range: { by: 'day' | 'week'; since?: string; until?: string }) {
  const key = requests.length ? JSON.stringify([requests, range]) : null;
  const [state, setState] = useState<{ key: string; results: TrendResult[] } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    void Promise.all(
      requests.map((request) =>
        api.get<TrendReport>('/trends', { [request.kind]: request.value, ...range }, ctrl.signal).then(
          (trend): TrendResult => ({ request, trend, error: null }),
          (error: Error): TrendResult => ({ request, trend: null, error }),
        ),
      ),
    ).then((results) => {
      if (!ctrl.signal.aborted) setState({ key, results });
    });
    return () => ctrl.abort();
    // key stands for requests and range.
  }, [key, version]);
  const current = state?.key === key ? state.results : null;
  return { results: current, loading: key !== null && current === null, reload: useCallback(() => setVersion((v) => v + 1), []) };
}

/** "USA,KOR" → ["USA", "KOR"]; with a ";" in it, ";" separates (for "A,B" dyads). */
export function splitCompare(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(text.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter(Boolean);
}
