// A brief rendered from its data (never from the server's HTML): ranked sections, who answered
// whom, personnel moves and trend lines, each fact with a link to its evidence sentence.
import type { Brief, BriefItem, BriefSections } from '../../../src/briefs/types';
import { BriefItemView, EvidenceLink } from './brief-item';
import { BriefTrend } from './brief-trend';

const SECTION_TITLES: Record<keyof BriefSections, string> = {
  statements: 'Key statements and responses',
  meetings: 'Visits and meetings',
  threatsOffers: 'Threats and offers',
  other: 'Other actions',
};

const None = () => <p className="muted brief-none">None in this window.</p>;

/** Every response link among the brief's items, once: "A answered B". */
function exchanges(brief: Brief): { item: BriefItem; answered: string; summary: string | null; cue: string | null }[] {
  const seen = new Set<string>();
  const out: { item: BriefItem; answered: string; summary: string | null; cue: string | null }[] = [];
  for (const key of Object.keys(SECTION_TITLES) as (keyof BriefSections)[])
    for (const item of brief.sections[key])
      for (const l of item.answers) {
        const id = `${item.ref}>${l.ref}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ item, answered: l.ref, summary: l.summary, cue: l.cue });
      }
  return out.sort((a, b) => a.item.sortDate.localeCompare(b.item.sortDate));
}

export function BriefView({ brief, headingId }: { brief: Brief; headingId: string }) {
  const answers = exchanges(brief);
  return (
    <article className="brief-doc" aria-labelledby={headingId}>
      <h2 id={headingId} className="brief-title">
        {brief.title}
      </h2>
      <p className="muted">
        Generated {brief.generatedAt.slice(0, 16).replace('T', ' ')}; events dated {brief.since} to {brief.until}
        {brief.focus ? `; focus ${brief.focus} (as source or target)` : ''}.
      </p>
      {(Object.keys(SECTION_TITLES) as (keyof BriefSections)[]).map((key) => (
        <section key={key} className="brief-section" aria-label={SECTION_TITLES[key]}>
          <h3>{SECTION_TITLES[key]}</h3>
          {brief.sections[key].length === 0 ? (
            <None />
          ) : (
            <ol className="brief-items">
              {brief.sections[key].map((i) => (
                <BriefItemView key={i.id} item={i} />
              ))}
            </ol>
          )}
        </section>
      ))}
      <section className="brief-section" aria-label="Who answered whom">
        <h3>Who answered whom</h3>
        {answers.length === 0 ? (
          <None />
        ) : (
          <ul className="brief-exchanges">
            {answers.map((a) => (
              <li key={`${a.item.ref}>${a.answered}`}>
                <strong>{a.item.source}</strong> ({a.item.ref}, {a.item.label}, {a.item.date ?? a.item.sortDate}) answered {a.answered}
                {a.summary ? ` (${a.summary})` : ''}
                {a.cue ? <span className="muted"> — cue “{a.cue}”</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="brief-section" aria-label="Personnel moves">
        <h3>Personnel moves</h3>
        {brief.personnel.length === 0 ? (
          <None />
        ) : (
          <ul className="brief-personnel">
            {brief.personnel.map((p, i) => (
              <li key={i} className="brief-item">
                <p className="brief-item-head">
                  <time className="brief-date">{p.date}</time> <strong>{p.person}</strong>: <span className="brief-label">{p.change}</span>
                  {[p.title, p.institution].filter(Boolean).length ? ` — ${[p.title, p.institution].filter(Boolean).join(', ')}` : ''}
                </p>
                <blockquote>{p.evidence.sentence}</blockquote>
                <EvidenceLink evidence={p.evidence} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="brief-section" aria-label="Trend lines">
        <h3>Trend lines</h3>
        {brief.trends.length === 0 ? (
          <p className="muted">No trend data in this window.</p>
        ) : (
          <ul className="brief-trends">
            {brief.trends.map((t) => (
              <BriefTrend key={`${t.kind}:${t.label}`} trend={t} />
            ))}
          </ul>
        )}
      </section>
      <p className="brief-ranking muted">Ranking: {brief.ranking}.</p>
    </article>
  );
}
