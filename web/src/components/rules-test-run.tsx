// The dry run's answer (POST /rules/test): the stored events the rule would have fired on, each
// with why and a link to it on the timeline, so a rule can be tuned before anyone is alerted.
import { Link } from 'wouter';
import type { TimelineEvent } from '../api/types';
import { EventLine } from './event-line';

export interface TestHit {
  event: TimelineEvent;
  reasons: string[];
  title: string;
}
export interface TestResult {
  items: TestHit[];
  checked: number;
  since: string;
}

export const TEST_WINDOWS = [
  [7, 'the last 7 days'],
  [30, 'the last 30 days'],
  [90, 'the last 90 days'],
  [365, 'the last year'],
  [3650, 'the last 10 years'],
] as const;

export function TestResults({ result, limit }: { result: TestResult; limit: number }) {
  const { items, checked, since } = result;
  return (
    <section className="rule-test" aria-labelledby="rule-test-title" aria-live="polite">
      <h3 id="rule-test-title">Dry run: {items.length === 0 ? 'no event would have fired' : `${items.length}${items.length >= limit ? '+' : ''} event${items.length === 1 ? '' : 's'} would have fired`}</h3>
      <p className="hint">
        Checked {checked} stored event{checked === 1 ? '' : 's'} dated since {since}. Nothing was saved or sent.
      </p>
      {items.length ? (
        <ul className="rule-test-hits" aria-label="Events the rule would have fired on">
          {items.map((h) => (
            <li key={h.event.id}>
              <Link href={`/timeline?focus=${encodeURIComponent(h.event.id)}`}>{h.event.id}</Link> <EventLine event={h.event} />
              <div className="muted">Matched: {h.reasons.join('; ')}</div>
              {h.event.reports[0] ? (
                <Link className="evidence" href={`/articles/${h.event.reports[0].articleId}?evidence=${encodeURIComponent(h.event.reports[0].sentence)}`}>
                  “{h.event.reports[0].sentence}”
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
