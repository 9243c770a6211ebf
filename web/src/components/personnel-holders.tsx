// Who holds which post, per institution: the registry's dated roles as articles update them.
// Each holder links to the person's actor page (registry people) and to the sentence that last
// reported the post, so every line can be checked against its source.
import { useState } from 'react';
import { Link } from 'wouter';
import type { Evidence, Holder, InstitutionPosts } from '../../../src/insights/personnel';

const SHOW = 25;

export const isRegistryId = (key: string) => !key.startsWith('name:');

export function evidenceHref(e: Pick<Evidence, 'articleId' | 'sentence'>): string {
  return `/articles/${e.articleId}?evidence=${encodeURIComponent(e.sentence)}`;
}

/** A person: their actor page when the registry knows them, else the screen filtered to them. */
export function PersonLink({ name, personKey }: { name: string; personKey: string }) {
  if (isRegistryId(personKey)) return <Link href={`/actors/${encodeURIComponent(personKey)}`}>{name}</Link>;
  return (
    <>
      <Link href={`/personnel?person=${encodeURIComponent(name)}`}>{name}</Link> <span className="muted">(not in the registry)</span>
    </>
  );
}

function statusWords(h: Holder): string {
  if (h.status === 'registry') return 'per the registry';
  const seen = h.source === 'registry+observed' ? 'registry; last reported' : 'reported';
  return `${seen}: ${h.status}`;
}

function HolderItem({ h }: { h: Holder }) {
  return (
    <li className="holder">
      <div className="holder-post">{h.title || <span className="muted">(post not named)</span>}</div>
      <div className="holder-who">
        <PersonLink name={h.person} personKey={h.personKey} />
        <span className="muted">
          {h.since ? ` · since ${h.since}` : ''} · {statusWords(h)}
        </span>
        {h.evidence ? (
          <div>
            <Link className="evidence" href={evidenceHref(h.evidence)}>
              “{h.evidence.sentence}”
            </Link>{' '}
            <span className="muted">
              {h.evidence.outlet ?? ''} {h.evidence.date}
            </span>
          </div>
        ) : null}
      </div>
    </li>
  );
}

function InstitutionCard({ inst }: { inst: InstitutionPosts }) {
  return (
    <section className="card personnel-inst" aria-label={inst.name}>
      <h3>{inst.id ? <Link href={`/actors/${encodeURIComponent(inst.id)}`}>{inst.name}</Link> : inst.name}</h3>
      <ul className="holder-list" aria-label={`Posts in ${inst.name}`}>
        {inst.holders.map((h) => (
          <HolderItem key={`${h.personKey}|${h.title}`} h={h} />
        ))}
      </ul>
    </section>
  );
}

export function HoldersByInstitution({ institutions }: { institutions: InstitutionPosts[] }) {
  const [shown, setShown] = useState(SHOW);
  const posts = institutions.reduce((n, i) => n + i.holders.length, 0);
  return (
    <>
      <p className="muted">
        {posts} post{posts === 1 ? '' : 's'} in {institutions.length} institution{institutions.length === 1 ? '' : 's'}.
      </p>
      {institutions.slice(0, shown).map((inst) => (
        <InstitutionCard key={inst.id ?? inst.name} inst={inst} />
      ))}
      {institutions.length > shown ? (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + SHOW)}>
          Show {Math.min(SHOW, institutions.length - shown)} more institutions ({institutions.length - shown} not shown)
        </button>
      ) : null}
    </>
  );
}
