// The API token lives in this browser's localStorage, never in a URL the user shares: a link
// like /ui/#token=rdt_… (printed by `readout demo`) is read once and removed from the address.
const KEY = 'readout.token';

export function readToken(): string | null {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (fromHash?.[1]) {
    saveToken(decodeURIComponent(fromHash[1]));
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  return localStorage.getItem(KEY);
}

export function saveToken(token: string): void {
  localStorage.setItem(KEY, token.trim());
}

export function forgetToken(): void {
  localStorage.removeItem(KEY);
}
