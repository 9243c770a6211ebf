// One ranked brief item: when, who → whom, what (label, type, intensity), how new and how widely
// reported, its quote or evidence sentence, a link to that sentence in the article view, and the
// response links (what it answers, what answered it).
import { Link } from 'wouter';
import type { BriefEvidence, BriefItem, BriefLink } from '../../../src/briefs/types';
import { Intensity } from './intensity';

/** The article view with the sentence highlighted, when the brief knows the article; else the original page. */
export function EvidenceLink({ evidence }: { evidence: BriefEvidence }) {
  const outlet = evidence.outlet ?? 'the source';
  return (
    <span className="brief-evidence">
      {evidence.articleId ? (
        <Link href={`/articles/${evidence.articleId}?evidence=${encodeURIComponent(evidence.sentence)}`}>Evidence in {outlet}</Link>
      ) : (
        <span>Evidence in {outlet}</span>
      )}{' '}
      <a href={evidence.url} target="_blank" rel="noopener noreferrer" className="brief-original" aria-label={`original page at ${outlet}`}>
        (original ↗)
      </a>
    </span>
  );
}

function LinkLine({ dir, link }: { dir: 'answers' | 'answered by'; link: BriefLink }) {
  const id = link.ref.replace(/^ev/, '');
  return (
    <li>
      {dir === 'answers' ? '↳ answers' : '↩ answered by'} <Link href={`/timeline?focus=ev${id}`}>{link.ref}</Link>
      {link.summary ? ` (${link.summary})` : ''}
      <span className="muted">
        {' '}
        · {link.rule}
        {link.cue ? ` “${link.cue}”` : ''} · confidence {link.confidence}
      </span>
    </li>
  );
}

export function BriefItemView({ item }: { item: BriefItem }) {
  const flags = [item.novel ? 'new' : item.repeatOf ? `repeat of ${item.repeatOf}` : 'reported earlier', `${item.reportCount} report${item.reportCount === 1 ? '' : 's'}${item.outlets.length ? ` (${item.outlets.join(', ')})` : ''}`, `score ${item.score}`];
  return (
    <li className="brief-item">
      <p className="brief-item-head">
        <time className="brief-date">{item.date ?? `${item.sortDate}?`}</time> <strong>{item.source}</strong> → <strong>{item.target ?? '—'}</strong>: <span className="brief-label">{item.label}</span>{' '}
        <span className="etype">
          ({item.type}
          {item.mode ? `/${item.mode}` : ''})
        </span>{' '}
        <Intensity value={item.intensity} /> <Link href={`/timeline?focus=${item.ref}`}>{item.ref}</Link>
      </p>
      <p className="brief-flags">{flags.join(' · ')}</p>
      {item.quote ? <blockquote>“{item.quote}”</blockquote> : item.evidence ? <blockquote>{item.evidence.sentence}</blockquote> : null}
      {item.evidence ? <EvidenceLink evidence={item.evidence} /> : null}
      {item.answers.length || item.answeredBy.length ? (
        <ul className="brief-links">
          {item.answers.map((l, i) => (
            <LinkLine key={`a${i}`} dir="answers" link={l} />
          ))}
          {item.answeredBy.map((l, i) => (
            <LinkLine key={`b${i}`} dir="answered by" link={l} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
