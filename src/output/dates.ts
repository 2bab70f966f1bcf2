/**
 * Dates and periods as a reader expects them in cards and check prose:
 * "March 27–31, 2025", "May 2024", "2021–2023". JSON and the pipe formats keep ISO 8601.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Parts {
  y: string;
  m: number | null;
  d: number | null;
}

function parts(s: string): Parts | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { y: m[1]!, m: month, d: m[3] ? Number(m[3]) : null };
}

function one(p: Parts): string {
  if (p.m === null) return p.y;
  const month = MONTHS[p.m - 1]!;
  return p.d === null ? `${month} ${p.y}` : `${month} ${p.d}, ${p.y}`;
}

/** "2025-03-21" as "March 21, 2025"; "2025-03" as "March 2025"; a year as itself; anything else unchanged. */
export function dateText(s: string): string {
  const p = parts(s);
  return p ? one(p) : s;
}

/**
 * A period ("2024", "2025-03-27", "2025-03-27/2025-03-31") as prose, with an
 * en dash for a range: "March 27–31, 2025", "March 30 – April 2, 2025",
 * "2021–2023". Text that is no period is returned unchanged.
 */
export function periodText(period: string): string {
  const slash = period.indexOf('/');
  if (slash < 0) return dateText(period);
  const a = parts(period.slice(0, slash));
  const b = parts(period.slice(slash + 1));
  if (!a || !b) return period;
  const sameYear = a.y === b.y;
  if (a.m === null && b.m === null) return `${a.y}–${b.y}`;
  if (sameYear && a.m !== null && b.m !== null) {
    if (a.d !== null && b.d !== null) {
      if (a.m === b.m) return `${MONTHS[a.m - 1]} ${a.d}–${b.d}, ${a.y}`;
      return `${MONTHS[a.m - 1]} ${a.d} – ${MONTHS[b.m - 1]} ${b.d}, ${a.y}`;
    }
    if (a.d === null && b.d === null) return `${MONTHS[a.m - 1]}–${MONTHS[b.m - 1]} ${a.y}`;
  }
  return `${one(a)} – ${one(b)}`;
}
