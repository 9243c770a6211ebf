// The signed-in token's role (GET /me), so a screen offers only the forms the role may use and
// tells the others why, instead of letting them fill in a form the API will refuse. One request
// per token, shared by every screen that asks (Rules needs analyst, Sources admin).
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { readToken } from '../api/token';

export type Role = 'viewer' | 'analyst' | 'admin';
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

let cached: { token: string; answer: Promise<{ name: string; role: Role }> } | null = null;

function whoAmI(): Promise<{ name: string; role: Role }> {
  const token = readToken() ?? '';
  if (!cached || cached.token !== token) cached = { token, answer: api.get<{ name: string; role: Role }>('/me') };
  return cached.answer;
}

/** {role: null} while asking; error when the server could not say. */
export function useRole(): { role: Role | null; name: string | null; error: Error | null } {
  const [state, setState] = useState<{ role: Role | null; name: string | null; error: Error | null }>({ role: null, name: null, error: null });
  useEffect(() => {
    let live = true;
    whoAmI().then(
      (me) => live && setState({ role: me.role, name: me.name, error: null }),
      (error: Error) => {
        cached = null;
        if (live) setState({ role: null, name: null, error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function hasRole(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

/** What a user without the role sees where the form would be. */
export function NeedsRole({ needed, role, name, what }: { needed: Role; role: Role | null; name: string | null; what: string }) {
  return (
    <p className="state needs-role" role="note">
      <strong>
        {what} needs the {needed} role.
      </strong>{' '}
      You are signed in {name ? <>as “{name}” </> : null}with the {role ?? 'unknown'} role: you can read what is listed here. To change it, ask an
      administrator for a token with the {needed} role (<code>readout tokens create --role {needed}</code>) and sign in with it.
    </p>
  );
}
