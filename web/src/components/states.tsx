// The three states every screen shows besides its data: loading, nothing found, and a failure
// with what to do about it.
import type { ReactNode } from 'react';
import { ApiFailure } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

export function Failure({ error, retry }: { error: Error; retry?: () => void }) {
  const hint =
    error instanceof ApiFailure && error.status === 401
      ? 'Your token was refused. Sign in again with a token from `readout tokens create`.'
      : error instanceof ApiFailure && error.status === 403
        ? 'Your token does not have the role this needs.'
        : null;
  return (
    <div className="state error" role="alert">
      <strong>Could not load this.</strong> {error.message}
      {error instanceof ApiFailure && error.field ? <> (field: <code>{error.field}</code>)</> : null}
      {hint ? <p>{hint}</p> : null}
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Renders loading/error/empty or the children for loaded data. */
export function Loaded<T>({ state, what, empty, children }: { state: { data: T | null; error: Error | null; loading: boolean; reload?: () => void }; what: string; empty?: (data: T) => ReactNode | null; children: (data: T) => ReactNode }) {
  if (state.error) return <Failure error={state.error} retry={state.reload} />;
  if (state.loading || state.data === null) return <Loading what={what} />;
  const e = empty?.(state.data);
  if (e) return <Empty>{e}</Empty>;
  return <>{children(state.data)}</>;
}
