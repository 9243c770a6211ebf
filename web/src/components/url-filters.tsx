// A filter form whose values live in the URL's query: typed freely, applied on submit (Enter or
// the button), so a half-typed name does not fire a request per keystroke. Back/forward and a
// shared link refill it. Generic: the Personnel and Columnists screens both use it.
import { useState, type FormEvent } from 'react';
import { useQueryState } from '../lib/query-state';

export interface FilterField {
  name: string;
  label: string;
  placeholder?: string;
  type?: 'text' | 'date';
  /** Shown under the input (what the filter matches). */
  hint?: string;
}

function Form({ fields, label, initial, onApply }: { fields: FilterField[]; label: string; initial: Record<string, string>; onApply: (v: Record<string, string>) => void }) {
  const [values, setValues] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(Object.fromEntries(fields.map((f) => [f.name, (values[f.name] ?? '').trim()])));
  };
  const clear = () => {
    const empty = Object.fromEntries(fields.map((f) => [f.name, '']));
    setValues(empty);
    onApply(empty);
  };
  return (
    <form className="filters url-filters" role="search" aria-label={label} onSubmit={submit}>
      {fields.map((f) => (
        <label key={f.name}>
          {f.label}
          <input
            name={f.name}
            type={f.type ?? 'text'}
            value={values[f.name] ?? ''}
            placeholder={f.placeholder}
            aria-describedby={f.hint ? `filter-${f.name}-hint` : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
          />
          {f.hint ? (
            <span id={`filter-${f.name}-hint`} className="hint">
              {f.hint}
            </span>
          ) : null}
        </label>
      ))}
      <div className="url-filter-buttons">
        <button type="submit">Apply filters</button>
        <button type="button" className="secondary" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}

export function UrlFilters({ fields, label }: { fields: FilterField[]; label: string }) {
  const [query, setQuery] = useQueryState();
  const initial = Object.fromEntries(fields.map((f) => [f.name, query[f.name] ?? '']));
  // Remounted when the URL's values change (back/forward, a link), so the inputs show them.
  return <Form key={JSON.stringify(initial)} fields={fields} label={label} initial={initial} onApply={(v) => setQuery(v, { push: true })} />;
}
