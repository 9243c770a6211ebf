// One normal form for names, so "Kim Yo-jong", "KIM Yo Jong" and "Kim Yo Jong" meet in the index.

/** Lower case, accents folded, apostrophes unified, hyphens/dots/underscores to spaces, spaces collapsed. */
export function normalizeName(s: string): string {
  // Fast path for the common case: plain ASCII letters, digits and single spaces.
  if (/^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´‘]/g, "'")
    .replace(/[-‐‑–—_.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
