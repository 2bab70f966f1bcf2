/**
 * A numeric claim as the draft writes it: its figure, its kind, how it is
 * qualified, what it counts, and where it stands in the draft.
 */
import type { Bound } from '../../facts/types.js';

export type Dimension = 'quantity' | 'money' | 'percent' | 'rank' | 'year' | 'date';
/** How the draft qualifies a figure: a fact's bounds, and "less than". */
export type ClaimBound = Bound | 'less-than';

export interface DayDate {
  year: number | null;
  month: number;
  day: number | null;
}

export interface Claim {
  /** Offsets in the draft, [start, end). */
  start: number;
  end: number;
  line: number;
  col: number;
  /** The claim as written, qualifier and counted words included. */
  text: string;
  dimension: Dimension;
  /** The figure at full scale (3.6 trillion is 3.6e12); null when it cannot be read for sure. */
  value: number | null;
  /** Upper end of a range. */
  high: number | null;
  /** Place value of the last written digit ("3,600 billion": 1e9; "3.6 trillion": 1e11). */
  place: number;
  /** Place value of the last non-zero digit ("3,600 billion": 1e11): how a rounded figure is read. */
  sigPlace: number;
  /** Significant digits as written, trailing zeros included. */
  digits: number;
  /** The scale written with the figure (1e12 for "trillion", "tn"), 1 without one. */
  scale: number;
  /** An ISO 4217 code (or "JPY|CNY" for ¥), "percent", "percentage-point", "basis-point"; null for a count. */
  unit: string | null;
  bound: ClaimBound;
  /** For a percentage: a change ("up 8.3 percent", "8.3 percent year on year") rather than a share. */
  change: 'up' | 'down' | null;
  /** For a percentage: it says it is a share ("0.9% of the world total", "a share of 5%"). */
  share: boolean;
  date: { from: DayDate; to: DayDate | null } | null;
  /** Lower-case words right after the figure: what is counted ("events", "consecutive years"). */
  noun: string[];
  /** The word before the figure and its qualifier, lower case ("top" in "top 100"). */
  before: string | null;
  /** Token range of the figure itself (qualifier and noun excluded). */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /** Why the figure cannot be read, when value is null. */
  problem: string | null;
}

/** A claim with every field at its default, over the given tokens. */
export function emptyClaim(tokenStart: number, tokenEnd: number): Claim {
  return {
    start: 0, end: 0, line: 0, col: 0, text: '', dimension: 'quantity', value: null, high: null, place: 1, sigPlace: 1, digits: 1, scale: 1, unit: null, bound: 'exact', change: null, share: false, date: null,
    noun: [], before: null, tokenStart, tokenEnd, sentence: 0, problem: null,
  };
}
