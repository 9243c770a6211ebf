// Labelled inputs of the rule form, each with its hint and the API's error for it (linked with
// aria-describedby and aria-invalid, so a screen reader says what is wrong where).
import type { ReactNode } from 'react';

export type Errors = Record<string, string>;

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="field-error" role="alert">
      {error}
    </span>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ id, label, value, onChange, hint, error, placeholder, type = 'text', multiline = false, required = false }: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: ReactNode;
  error?: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'url';
  multiline?: boolean;
  required?: boolean;
}) {
  const common = { id, value, placeholder, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) } as const;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} step={type === 'number' ? 'any' : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function Check({ id, label, checked, onChange }: { id: string; label: ReactNode; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** A set of checkboxes for a list value (event types, personnel changes). */
export function CheckList<T extends string>({ id, legend, options, value, onChange, hint, error }: { id: string; legend: string; options: readonly T[]; value: T[]; onChange: (v: T[]) => void; hint?: string; error?: string }) {
  const toggle = (o: T, on: boolean) => onChange(on ? [...value, o] : value.filter((x) => x !== o));
  return (
    <fieldset className={`checklist${error ? ' has-error' : ''}`} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <div className="checklist-options">
        {options.map((o) => (
          <Check key={o} id={`${id}-${o}`} label={o} checked={value.includes(o)} onChange={(on) => toggle(o, on)} />
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Radio buttons for one choice of a few. */
export function Choice<T extends string>({ name, legend, options, value, onChange, error }: { name: string; legend: string; options: readonly (readonly [T, string])[]; value: T; onChange: (v: T) => void; error?: string }) {
  return (
    <fieldset className={`choice${error ? ' has-error' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} className="check">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {label}
        </label>
      ))}
      <FieldError id={name} error={error} />
    </fieldset>
  );
}
