// What the highlight colours mean, with a switch per kind so a dense text can be read plainly.
import type { Layer } from './article-spans';

export type Toggleable = Extract<Layer, 'entity' | 'quote' | 'trigger' | 'date'>;
const ENTITY_TYPES = ['person', 'organization', 'country', 'place', 'other'] as const;

const LABELS: Record<Toggleable, string> = { entity: 'Entities', quote: 'Quotes', trigger: 'Events', date: 'Dates' };

export function ArticleLegend({ hidden, onToggle }: { hidden: Set<Toggleable>; onToggle: (layer: Toggleable) => void }) {
  return (
    <fieldset className="article-legend">
      <legend>Highlight</legend>
      {(Object.keys(LABELS) as Toggleable[]).map((l) => (
        <label key={l}>
          <input type="checkbox" checked={!hidden.has(l)} onChange={() => onToggle(l)} /> {LABELS[l]}
        </label>
      ))}
      <span className="article-legend-keys" aria-hidden="true">
        {ENTITY_TYPES.map((t) => (
          <span key={t} className={`article-entity ent-${t}`}>
            {t}
          </span>
        ))}
        <span className="article-quote">quote</span> <span className="article-trigger">event trigger</span> <span className="article-date">date</span>
      </span>
    </fieldset>
  );
}
