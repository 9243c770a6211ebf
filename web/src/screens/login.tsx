// Sign-in: paste an API token (`readout tokens create --role viewer --name me`). It is checked
// against the API before it is kept.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { forgetToken, saveToken } from '../api/token';

export function Login({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    saveToken(value);
    try {
      await api.get('/articles', { limit: 1 });
      onToken(value.trim());
    } catch (err) {
      forgetToken();
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <main id="main" className="login">
      <h1>Readout</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">API token</label>
        <input id="token" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} placeholder="rdt_…" required />
        <button type="submit" disabled={busy || !value.trim()}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        {error ? (
          <p role="alert" className="state error">
            {error}
          </p>
        ) : null}
        <p className="hint">
          Create one with <code>readout tokens create --role viewer --name me</code>. It is kept in this browser only.
        </p>
      </form>
    </main>
  );
}
