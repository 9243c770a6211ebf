// Feed dates → ISO 8601 (UTC). Handles W3C/ISO 8601, RFC 822/2822 with the variants seen in
// the wild (two-digit years, "1500" times, zone abbreviations, month and weekday names in
// common European languages), then falls back to the JavaScript parser read as UTC.
// Anything that does not yield a plausible date gives null, never an invalid string.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
  // pt, es, fr, de, it, nl abbreviations that differ from English
  fev: 1, abr: 3, mai: 4, ago: 7, set: 8, out: 9, dez: 11, ene: 0, dic: 11, janv: 0, fevr: 1, mars: 2, avr: 3,
  juin: 5, juil: 6, aout: 7, maer: 2, marz: 2, mrz: 2, okt: 9, gen: 0, mag: 4, giu: 5, lug: 6, ott: 9, mrt: 2, mei: 4,
};

const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, west: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120,
  eest: 180, msk: 180, ist: 330, pkt: 300, ict: 420, wib: 420, hkt: 480, sgt: 480, awst: 480, pht: 480,
  jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540,
  akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150, brt: -180, art: -180,
};

/** Own keys only: "constructor" and friends are not months or zones. */
const lookup = (table: Record<string, number>, key: string): number | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

function monthIndex(word: string): number | undefined {
  const w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
  return lookup(MONTHS, w) ?? lookup(MONTHS, w.slice(0, 4)) ?? lookup(MONTHS, w.slice(0, 3));
}

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return lookup(ZONES, zone.toLowerCase()) ?? null;
}

/** "17" → 2017, "99" → 1999; four-digit years as they are. */
const fullYear = (y: string): number => (y.length === 2 ? Number(y) + (Number(y) < 50 ? 2000 : 1900) : Number(y));

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): string | null {
  if (y < 1900 || y > 2200 || mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const day = new Date(Date.UTC(y, mo, d));
  if (day.getUTCDate() !== d) return null; // 31 February and the like
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/i;
const RFC822 =
  /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})[\s-]+([^\d\s,.-]+)\.?,?[\s-]+(\d{2}|\d{4})(?:[\sT,]+(\d{1,2}):?(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:([A-Za-z]{1,5})?\s*([+-]\d{1,2}:?\d{2})?)?(?:\s*\(.*\))?\s*$/;

/** ISO date-time for a date string found in a feed, or null when it cannot be read. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const s = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!s || s.length > 80) return null; // no real date is longer; bounds regex work
  let m = ISO.exec(s);
  if (m) {
    const offset = offsetMinutes(m[8]);
    if (offset === null) return null;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
  }
  m = RFC822.exec(s);
  if (m) {
    const mo = monthIndex(m[2] ?? '');
    // "GMT+0200" carries both; an unknown abbreviation next to a numeric offset is ignored.
    const offset = m[8] ? offsetMinutes(m[8]) : offsetMinutes(m[7]);
    if (mo !== undefined) {
      const iso = build(fullYear(m[3] ?? ''), mo, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, offset ?? 0);
      if (iso) return iso;
    }
  }
  // Other shapes ("January 2, 2006 3:04 PM", "Mon Jan 02 2006 ..."): let V8 try, read as UTC
  // unless the string names its own zone.
  const hasZone = /(?:\b(?:gmt|utc|z)\b|[+-]\d{2}:?\d{2}\s*$)/i.test(s);
  const t = Date.parse(hasZone ? s : `${s} UTC`);
  const t2 = Number.isNaN(t) ? Date.parse(s) : t;
  if (Number.isNaN(t2)) return null;
  const d = new Date(t2);
  const y = d.getUTCFullYear();
  return y >= 1900 && y <= 2200 ? d.toISOString() : null;
}
