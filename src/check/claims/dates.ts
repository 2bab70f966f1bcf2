/**
 * Dates and years: "27 March 2025", "March 27-31", "2025-03-27", "March
 * 2025"; when a four-digit figure is a year, and when a year is a citation's.
 */
import { MONTHS, YEAR_CUES, YEAR_PREFIXES } from './numbers.js';
import { type ClaimBound, type DayDate, emptyClaim } from './claim.js';
import { EOF, type ClaimReader } from './reader.js';
import type { Figure } from './figures.js';

function dayAt(r: ClaimReader, i: number): { day: number; next: number } | null {
  const tok = r.t(i);
  if (tok.kind !== 'num' || !/^\d{1,2}$/.test(tok.text)) return null;
  const day = Number(tok.text);
  if (day < 1 || day > 31) return null;
  let next = i + 1;
  const suffix = r.t(next);
  if (r.glued(next) && suffix.kind === 'word' && /^(st|nd|rd|th)$/.test(suffix.lower)) next++;
  else if (r.glued(next) && suffix.kind === 'word') return null;
  return { day, next };
}

export function yearAt(r: ClaimReader, i: number): number | null {
  const tok = r.t(i);
  if (tok.kind !== 'num' || !/^\d{4}$/.test(tok.text)) return null;
  const y = Number(tok.text);
  return y >= 1800 && y <= 2199 ? y : null;
}

function monthAt(r: ClaimReader, i: number): { month: number; next: number } | null {
  const tok = r.t(i);
  // Months are capitalised: "march" and "may" in lower case are verbs.
  const month = tok.kind === 'word' && /^\p{Lu}/u.test(tok.text) ? MONTHS[tok.lower] : undefined;
  if (month === undefined) return null;
  let next = i + 1;
  if (tok.lower.length <= 4 && tok.lower !== 'may' && tok.lower !== 'june' && tok.lower !== 'july' && r.t(next).text === '.' && r.glued(next)) next++;
  return { month, next };
}

/** ", 2025" or " 2025" after a day. */
function trailingYear(r: ClaimReader, i: number): { year: number; next: number } | null {
  let k = i;
  if (r.t(k).text === ',') k++;
  const y = yearAt(r, k);
  if (y === null || r.glued(k + 1) && r.t(k + 1).kind !== 'punct') return null;
  return { year: y, next: k + 1 };
}

function rangeConnector(r: ClaimReader, i: number): number | null {
  const tok = r.t(i);
  if (tok.text === '–' || tok.text === '-' || tok.text === '~') return i + 1;
  if (tok.kind === 'word' && (tok.lower === 'to' || tok.lower === 'through' || tok.lower === 'until' || tok.lower === 'till' || tok.lower === 'and')) return i + 1;
  return null;
}

export function monthFirstDate(r: ClaimReader, i: number): number | null {
  const m = monthAt(r, i);
  if (!m) return null;
  const d = dayAt(r, m.next);
  if (!d) {
    // "March 2025"
    const y = yearAt(r, m.next);
    if (y === null || r.glued(m.next)) return null;
    pushDate(r, i, m.next + 1, { year: y, month: m.month, day: null }, null);
    return m.next + 1;
  }
  let end = d.next;
  const from: DayDate = { year: null, month: m.month, day: d.day };
  let to: DayDate | null = null;
  const conn = rangeConnector(r, end);
  if (conn !== null && (r.t(end).lower !== 'and' || r.t(i - 1).lower === 'between')) {
    const m2 = monthAt(r, conn);
    const d2 = dayAt(r, m2 ? m2.next : conn);
    if (d2) {
      to = { year: null, month: m2 ? m2.month : m.month, day: d2.day };
      end = d2.next;
    }
  }
  return endDate(r, i, end, from, to);
}

/** Takes the year written after a date, if any, then records the date; returns where it ends. */
function endDate(r: ClaimReader, i: number, end: number, from: DayDate, to: DayDate | null): number {
  const y = trailingYear(r, end);
  if (y) {
    from.year = y.year;
    if (to) to.year = y.year;
    end = y.next;
  }
  pushDate(r, i, end, from, to);
  return end;
}

/** "27 March 2025", "27–31 March". Null when no month follows. */
export function dayFirstDate(r: ClaimReader, i: number): number | null {
  const d = dayAt(r, i);
  if (!d) return null;
  let end = d.next;
  let day2: number | null = null;
  const conn = rangeConnector(r, end);
  if (conn !== null && r.t(end).lower !== 'and') {
    const d2 = dayAt(r, conn);
    if (d2 && monthAt(r, d2.next)) {
      day2 = d2.day;
      end = d2.next;
    }
  }
  if (r.t(end).lower === 'of') end++;
  const m = monthAt(r, end);
  if (!m) return null;
  end = m.next;
  const from: DayDate = { year: null, month: m.month, day: d.day };
  const to: DayDate | null = day2 !== null ? { year: null, month: m.month, day: day2 } : null;
  return endDate(r, i, end, from, to);
}

/** "2025-03-27", optionally "/2025-03-31". */
export function isoDate(r: ClaimReader, i: number): number | null {
  const parts = [r.t(i), r.t(i + 1), r.t(i + 2), r.t(i + 3), r.t(i + 4)];
  if (!/^\d{4}$/.test(parts[0]!.text) || parts[1]!.text !== '-' || !/^\d{2}$/.test(parts[2]!.text) || parts[3]!.text !== '-' || !/^\d{2}$/.test(parts[4]!.text)) return null;
  for (let k = 1; k <= 4; k++) if (!r.glued(i + k)) return null;
  const date = (k: number): DayDate => ({ year: Number(r.t(k).text), month: Number(r.t(k + 2).text), day: Number(r.t(k + 4).text) });
  const from = date(i);
  if (from.month < 1 || from.month > 12 || from.day! < 1 || from.day! > 31) return null;
  let end = i + 5;
  let to: DayDate | null = null;
  if (r.t(end).text === '/' && r.glued(end) && isoDateShape(r, end + 1)) {
    to = date(end + 1);
    end += 6;
  }
  pushDate(r, i, end, from, to);
  return end;
}

function isoDateShape(r: ClaimReader, i: number): boolean {
  return /^\d{4}$/.test(r.t(i).text) && r.t(i + 1).text === '-' && /^\d{2}$/.test(r.t(i + 2).text) && r.t(i + 3).text === '-' && /^\d{2}$/.test(r.t(i + 4).text);
}

function pushDate(r: ClaimReader, start: number, end: number, from: DayDate, to: DayDate | null): void {
  const s = r.t(start).start;
  const e = r.t(end - 1).end;
  r.claims.push({
    ...emptyClaim(start, end),
    start: s,
    end: e,
    text: r.draft.slice(s, e),
    dimension: 'date',
    date: { from, to },
  });
}

/**
 * A year in a citation: "(Author, 2025)" and each "; Author, 2025" of a bracket (a name of capitalised words, "&",
 * "and", "et al."), or a bracket holding the year alone right after a capitalised name ("Harbor Gazette (2025)").
 */
export function citationYear(r: ClaimReader, start: number, end: number): boolean {
  let after = end;
  // "2025a"
  if (r.t(after).kind === 'word' && /^[a-z]$/.test(r.t(after).text) && r.glued(after)) after++;
  const close = r.t(after).text;
  const prev = r.t(start - 1);
  if (prev.text === '(' || prev.text === '[') {
    const name = r.t(start - 2);
    return (close === ')' || close === ']') && name.kind === 'word' && /^\p{Lu}/u.test(name.text) && MONTHS[name.lower] === undefined;
  }
  if (prev.text !== ',' || !(close === ')' || close === ']' || close === ';')) return false;
  let capitals = 0;
  for (let k = start - 2; ; k--) {
    // A semicolon ends a sentence too: read the tokens themselves.
    const t = r.tokens[k];
    if (t === undefined) return false;
    if (t.text === '(' || t.text === '[' || t.text === ';') return capitals > 0;
    if (t.kind === 'word') {
      if (/^\p{Lu}/u.test(t.text)) capitals++;
      else if (!/^(and|et|al)$/.test(t.lower)) return false;
    } else if (!/^[&.'’-]$/.test(t.text)) return false;
    if (start - k > 12) return false;
  }
}

export function isYear(r: ClaimReader, anchor: number, fig: Figure, high: Figure | null, bound: ClaimBound | null, start: number): boolean {
  if (fig.spokenYear) return !high;
  const tok = r.t(anchor);
  // "in two thousand and seven": a year said as a number, after a word that dates.
  if (tok.kind === 'word' && !high && fig.value !== null && Number.isInteger(fig.value) && fig.value >= 1800 && fig.value <= 2199) {
    const prev = r.t(start - 1);
    return prev.kind === 'word' && YEAR_CUES.has(prev.lower);
  }
  if (!fig.plainInteger || !/^\d{4}$/.test(tok.text) || fig.value === null || fig.value < 1800 || fig.value > 2199) return false;
  if (high && !(high.value !== null && high.value >= 1800 && high.value <= 2199)) return false;
  if (bound !== null && bound !== 'exact' && start !== anchor) return false;
  const prev = r.t(start - 1);
  if (prev.kind === 'word' && (YEAR_CUES.has(prev.lower) || MONTHS[prev.lower] !== undefined)) return true;
  // "Q3 2024", "H1 2025": a quarter or half names the year after it.
  if (prev.kind === 'num' && /^\d$/.test(prev.text) && !prev.space && r.t(start - 2).kind === 'word' && /^[qh]$/.test(r.t(start - 2).lower)) return true;
  // "Fair 2025", "Expo 2024": a year after a name.
  if (prev.kind === 'word' && /^\p{Lu}/u.test(prev.text) && r.t(start - 2) !== EOF) return true;
  if (prev.text === '-' && r.glued(start) && YEAR_PREFIXES.test(r.t(start - 2).lower)) return true;
  const after = r.t(high ? high.next : fig.next);
  if (after.kind !== 'word') return true;
  // "2024 saw", "2025 Harbor Fair": followed by a capital or at a sentence's start.
  if (/^\p{Lu}/u.test(after.text)) return true;
  if (prev === EOF) return true;
  return /^(to|and|or|through|onwards?|was|were|is|will|saw|marked|has|had)$/.test(after.lower);
}
