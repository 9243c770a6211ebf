// A Remove button that asks first ("Yes, remove" / "Keep it"), shows the API's refusal in place,
// and stays usable by keyboard and screen reader (the hidden text names what is removed).
import { useState, type ReactNode } from 'react';

export function ConfirmRemove({ name, question, remove }: { name: string; question: ReactNode; remove: () => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'asking' | 'removing'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (state === 'idle')
    return (
      <button type="button" className="secondary" onClick={() => setState('asking')}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    );
  const confirm = async () => {
    setState('removing');
    try {
      await remove();
    } catch (err) {
      setError((err as Error).message);
      setState('asking');
    }
  };
  return (
    <span className="confirm" role="group" aria-label={`Confirm removing ${name}`}>
      {question}{' '}
      <button type="button" className="danger" onClick={() => void confirm()} disabled={state === 'removing'}>
        Yes, remove
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setState('idle')}>
        Keep it
      </button>
      {error ? <span className="field-error" role="alert"> {error}</span> : null}
    </span>
  );
}
