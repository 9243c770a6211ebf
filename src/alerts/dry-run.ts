// A rule's dry run: which stored merged events it would have fired on, with nothing recorded or
// delivered. `readout rules test` and the API's POST /rules/test both call this, so a rule
// tried out on the dashboard matches exactly what the pipeline's matcher (matcher.ts) would do.
import { ReadoutError } from '../core/errors.js';
import type { TimelineEntry } from '../events/timeline.js';
import type { Store } from '../store/types.js';
import { matchEvent, type MatchableRule } from './matcher.js';
import { ruleKind, type RuleMatch } from './rules.js';

export interface DryRunOptions {
  /** Only events dated on or after this day (YYYY-MM-DD); all history when absent. */
  since?: string;
  /** How many of the newest events (in the window) to check: bounds the work on a big store. */
  scan: number;
  /** Stop after this many matches (newest first); all matches in the scanned events when absent. */
  limit?: number;
}

export interface DryRunHit {
  entry: TimelineEntry;
  /** Why the rule fires, one reason per condition (as an alert's payload has them). */
  reasons: string[];
}

export interface DryRunResult {
  /** Matching events, newest first. */
  hits: DryRunHit[];
  /** How many events were checked. */
  checked: number;
}

/**
 * Null for an event rule; else why the rule cannot be dry-run. Personnel and spike rules fire on
 * role observations and on per-bucket series, not on merged events, so replaying the events
 * says nothing about them.
 */
export function dryRunRefusal(name: string, match: Pick<RuleMatch, 'personnel' | 'spike'>): string | null {
  const kind = ruleKind(match);
  if (kind === 'event') return null;
  const what = kind === 'personnel' ? 'personnel moves' : 'attention spikes';
  return `rule "${name}" is a ${kind} rule: it fires on ${what}, not on merged events; only event rules can be tested`;
}

/** The stored merged events the rule matches, newest first; ReadoutError('input') for a non-event rule. */
export async function dryRunRule(store: Pick<Store, 'timeline'>, rule: MatchableRule & { name: string }, options: DryRunOptions): Promise<DryRunResult> {
  const refusal = dryRunRefusal(rule.name, rule.spec.match);
  if (refusal) throw new ReadoutError('input', refusal);
  // A dry run checks the rule as it stands, enabled or not: trying out a disabled rule is the point.
  const matchable: MatchableRule = { ...rule, spec: { ...rule.spec, enabled: true } };
  const entries = await store.timeline({ since: options.since, limit: options.scan, newest: true });
  const hits: DryRunHit[] = [];
  let checked = 0;
  // The store returns them in date order; walk from the newest so `limit` keeps the newest matches.
  for (const entry of [...entries].reverse()) {
    if (options.limit !== undefined && hits.length >= options.limit) break;
    checked++;
    const reasons = matchEvent(matchable, entry);
    if (reasons) hits.push({ entry, reasons });
  }
  return { hits, checked };
}
