/** How a figure reads to a person: its display, qualified by its bound where the display does not say it. */
import type { Bound } from '../facts/types.js';

const BOUND_WORDS: Record<Bound, string> = {
  exact: '',
  about: 'about',
  'more-than': 'more than',
  'at-least': 'at least',
  nearly: 'nearly',
  'at-most': 'at most',
};

const SAYS_BOUND = /^(about|around|approximately|roughly|some|nearly|almost|close to|more than|over|above|exceed|exceeds|exceeding|in excess of|upwards of|surpass|surpassing|at least|at most|up to|no more than|less than|under|\+|>|<|~)/i;

export interface Figure {
  value?: number;
  unit?: string;
  display?: string;
  bound?: Bound;
}

export function plainNumber(value: number, unit?: string): string {
  const n = value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  if (!unit || unit === 'count') return n;
  if (unit === 'percent') return `${n}%`;
  if (unit === 'year') return String(value);
  return `${n} ${unit}`;
}

export function describeFigure(f: Figure): string | null {
  const text = f.display ?? (f.value !== undefined ? plainNumber(f.value, f.unit) : null);
  if (text === null) return null;
  const word = f.bound ? BOUND_WORDS[f.bound] : '';
  return word && !SAYS_BOUND.test(text) ? `${word} ${text}` : text;
}
