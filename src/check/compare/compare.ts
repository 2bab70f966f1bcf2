/**
 * Compares a draft's figure with a fact's, once both are at full scale and in
 * the same unit. A figure is a value with a bound ("more than 1,000") and the
 * precision it was written with ("3.6 trillion" is rounded to 0.1 trillion).
 *
 * The rules, in short:
 * - Two plain or approximate figures agree when the fact, rounded to the
 *   draft's precision, is the draft's figure ("$495 billion" for $494.69
 *   billion; "3,600 billion" for 3.6 trillion). A draft figure of one
 *   significant digit must equal the fact ("3 million" never stands for 3.4
 *   million). A draft more precise than the fact cannot be confirmed
 *   ("3.62 trillion" for 3.6 trillion is unsupported).
 * - With a bound on either side, each figure is the set of values it allows
 *   ("more than 1,000" is every value above 1,000; "nearly 100" is 90 up to
 *   100): the draft is supported when the fact's set lies inside the draft's,
 *   contradicted when the two do not meet, and unsupported otherwise. So
 *   "1,000 guests" is contradicted by "more than 1,000 guests", and "more than
 *   500 guests" is supported by it.
 * - Ranges ("10–12") are the values between their ends.
 */
import type { Bound } from '../../facts/types.js';
import type { ClaimBound, DayDate } from '../claims/claim.js';

export type Outcome = 'supported' | 'contradicted' | 'unsupported';

export interface Amount {
  value: number;
  /** Upper end of a range. */
  high: number | null;
  bound: ClaimBound | Bound;
  /** Place value of the last written digit. */
  place: number;
  /** Place value of the last non-zero digit. */
  sigPlace: number;
  /** Significant digits as written, trailing zeros included. */
  digits: number;
}

/** How far an approximate figure may stray ("about 500" covers 450 to 550). */
export const ABOUT_TOLERANCE = 0.1;
/** "nearly 100" covers 90 up to (not including) 100. */
export const NEARLY_TOLERANCE = 0.1;
/**
 * A source writes "more than 4 million" for a figure above 4 million and below
 * 40 million, not for 50 million: a fact's lower bound rules out ten times it
 * and more (and an upper bound, a tenth of it and less).
 */
export const BOUND_REACH = 10;

const EPS = 1e-9;

/** Two figures equal but for floating-point error. */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a, rounded to the nearest multiple of p, is b. */
function roundsTo(a: number, b: number, p: number): boolean {
  if (!(p > 0)) return same(a, b);
  const r = Math.round(a / p + EPS * Math.sign(a)) * p;
  return same(r, b) || Math.abs(r - b) <= p * 1e-6;
}

function relativeError(x: number, v: number): number {
  if (v === 0) return x === 0 ? 0 : Infinity;
  return Math.abs(x - v) / Math.abs(v);
}

interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** The values a figure allows; a fact's open bounds reach only so far (BOUND_REACH). */
function interval(a: Amount, isFact: boolean): Interval {
  const v = a.value;
  const hi = a.high ?? v;
  const span = (lo: number, h: number, loOpen = false, hiOpen = false): Interval => ({ lo: Math.min(lo, h), hi: Math.max(lo, h), loOpen, hiOpen });
  const up = isFact && v > 0 ? v * BOUND_REACH : Infinity;
  const down = isFact && hi > 0 ? hi / BOUND_REACH : -Infinity;
  switch (a.bound) {
    case 'exact':
      return span(v, hi);
    case 'about': {
      const tol = Math.max(Math.abs(v) * ABOUT_TOLERANCE, a.sigPlace / 2);
      return span(v - tol, hi + tol);
    }
    case 'more-than':
      return span(v, up, true, up !== Infinity);
    case 'at-least':
      return span(v, up, false, up !== Infinity);
    case 'less-than':
      return span(down, hi, down !== -Infinity, true);
    case 'at-most':
      return span(down, hi, down !== -Infinity, false);
    case 'nearly':
      return span(v - Math.abs(v) * NEARLY_TOLERANCE, v, false, true);
  }
}

function inside(inner: Interval, outer: Interval): boolean {
  const loOk = inner.lo > outer.lo || (same(inner.lo, outer.lo) && (!outer.loOpen || inner.loOpen));
  const hiOk = inner.hi < outer.hi || (same(inner.hi, outer.hi) && (!outer.hiOpen || inner.hiOpen));
  return (loOk || outer.lo === -Infinity) && (hiOk || outer.hi === Infinity);
}

function meet(a: Interval, b: Interval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi && !same(lo, hi)) return true;
  if (!same(lo, hi)) return false;
  // They touch at one point: it belongs to both only if both hold it.
  const aHoldsLo = !(same(lo, a.lo) && a.loOpen) && !(same(lo, a.hi) && a.hiOpen);
  const bHoldsLo = !(same(lo, b.lo) && b.loOpen) && !(same(lo, b.hi) && b.hiOpen);
  return aHoldsLo && bHoldsLo;
}

const POINTLIKE = new Set<string>(['exact', 'about']);

/** The draft's figure against one version of a fact's figure. */
export function compareAmounts(claim: Amount, fact: Amount): Outcome {
  const x = claim.value;
  const v = fact.value;
  if (claim.high === null && fact.high === null && POINTLIKE.has(claim.bound) && POINTLIKE.has(fact.bound)) {
    if (same(x, v)) return 'supported';
    const err = relativeError(x, v);
    if (claim.bound === 'exact' && fact.bound === 'exact') {
      if (claim.place >= fact.place) return claim.digits >= 2 && roundsTo(v, x, claim.place) ? 'supported' : 'contradicted';
      // The draft is more precise than the fact: it cannot be confirmed, only refuted.
      return roundsTo(x, v, fact.place) ? 'unsupported' : 'contradicted';
    }
    if (claim.bound === 'about' && fact.bound === 'exact') {
      if (roundsTo(v, x, Math.max(claim.sigPlace, fact.place)) && err <= ABOUT_TOLERANCE) return 'supported';
      return err <= ABOUT_TOLERANCE ? 'unsupported' : 'contradicted';
    }
    if (claim.bound === 'exact' && fact.bound === 'about') {
      // The fact is itself approximate: only its own figure is confirmed.
      if (claim.place >= fact.sigPlace && roundsTo(v, x, claim.place) && claim.digits >= 2) return 'supported';
      return err <= ABOUT_TOLERANCE ? 'unsupported' : 'contradicted';
    }
    if (roundsTo(v, x, Math.max(claim.sigPlace, fact.sigPlace)) && err <= ABOUT_TOLERANCE) return 'supported';
    return err <= ABOUT_TOLERANCE ? 'unsupported' : 'contradicted';
  }
  const c = interval(claim, false);
  const f = interval(fact, true);
  // "More than 20 million" for a figure of over 200 million is a slip of scale (千万 for 亿, thousand for million),
  // not a modest claim: a draft's bound reaches as far as a fact's does (BOUND_REACH), and a fact wholly beyond it
  // is ruled out. Within it, a weaker bound ("more than 500" for over 1,000) holds.
  const lower = claim.bound === 'more-than' || claim.bound === 'at-least';
  const upper = claim.bound === 'less-than' || claim.bound === 'at-most';
  if (lower && x > 0 && f.lo >= x * BOUND_REACH) return 'contradicted';
  if (upper && (claim.high ?? x) > 0 && f.hi <= (claim.high ?? x) / BOUND_REACH) return 'contradicted';
  if (inside(f, c)) return 'supported';
  return meet(f, c) ? 'unsupported' : 'contradicted';
}

// ---------------------------------------------------------------------------
// Dates and periods

/** A span of days, as day numbers since 1970-01-01, both ends included. */
export interface DaySpan {
  from: number;
  to: number;
  /** The finest unit either end was given in. */
  precision: 'year' | 'month' | 'day';
}

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "2024", "2025-03", "2025-03-27" or "A/B" as a span of days; null when unreadable. */
export function parsePeriod(period: string): DaySpan | null {
  const [a, b] = period.split('/');
  const start = parseDatePart(a!, 'start');
  const end = parseDatePart(b ?? a!, 'end');
  if (!start || !end) return null;
  const rank = { year: 0, month: 1, day: 2 } as const;
  const precision = rank[start.precision] >= rank[end.precision] ? start.precision : end.precision;
  return { from: start.day, to: end.day, precision };
}

function parseDatePart(s: string, side: 'start' | 'end'): { day: number; precision: DaySpan['precision'] } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return { day: dayNumber(y, Number(m[2]), Number(m[3])), precision: 'day' };
  if (m[2]) return { day: dayNumber(y, Number(m[2]), side === 'start' ? 1 : lastDay(y, Number(m[2]))), precision: 'month' };
  return { day: side === 'start' ? dayNumber(y, 1, 1) : dayNumber(y, 12, 31), precision: 'year' };
}

export function yearsOf(span: DaySpan): [number, number] {
  return [new Date(span.from * 86400000).getUTCFullYear(), new Date(span.to * 86400000).getUTCFullYear()];
}

/** A draft's date as a span; a date without a year takes the fact's year. */
export function claimSpan(date: { from: DayDate; to: DayDate | null }, defaultYear: number): DaySpan {
  const end = date.to ?? date.from;
  const fy = date.from.year ?? end.year ?? defaultYear;
  const ty = end.year ?? fy;
  const from = date.from.day === null ? dayNumber(fy, date.from.month, 1) : dayNumber(fy, date.from.month, date.from.day);
  const to = end.day === null ? dayNumber(ty, end.month, lastDay(ty, end.month)) : dayNumber(ty, end.month, end.day);
  return { from, to, precision: date.from.day === null ? 'month' : 'day' };
}

/** Which end of an event a sentence speaks of: "opened on March 27", "will conclude on March 31". */
export type Endpoint = 'start' | 'end' | null;

/** A draft's date against a fact's period. */
export function compareDates(claim: DaySpan, single: boolean, fact: DaySpan, endpoint: Endpoint): Outcome {
  const disjoint = claim.to < fact.from || claim.from > fact.to;
  if (claim.precision !== 'day' || fact.precision !== 'day') {
    // A month holds the fact's days; a day inside a fact known only to the month is neither confirmed nor refuted.
    if (claim.from <= fact.from && claim.to >= fact.to) return 'supported';
    return disjoint ? 'contradicted' : 'unsupported';
  }
  if (!single) return claim.from === fact.from && claim.to === fact.to ? 'supported' : 'contradicted';
  const day = claim.from;
  if (endpoint === 'start') return day === fact.from ? 'supported' : 'contradicted';
  if (endpoint === 'end') return day === fact.to ? 'supported' : 'contradicted';
  if (day === fact.from || day === fact.to) return 'supported';
  return disjoint ? 'contradicted' : 'unsupported';
}

/** A draft's year (or span of years) against the years of a fact's period. */
export function compareYears(claim: [number, number], fact: [number, number]): Outcome {
  if (claim[0] === claim[1]) return claim[0] >= fact[0] && claim[0] <= fact[1] ? 'supported' : 'contradicted';
  if (claim[0] === fact[0] && claim[1] === fact[1]) return 'supported';
  return claim[1] < fact[0] || claim[0] > fact[1] ? 'contradicted' : 'unsupported';
}
