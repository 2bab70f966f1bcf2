/** Filters for `zgc list`: pure predicates over facts. */
import type { Fact } from '../facts/types.js';
import { isDisputed } from '../facts/versions.js';
import { normalizeText } from './normalize.js';

export interface FactFilter {
  tag?: string[];
  source?: string[];
  period?: string;
  subject?: string;
  disputed?: boolean;
}

/** "2024" -> [2024-01-01, 2024-12-31]; "2024-03" -> the month; an interval "a/b" -> from a's start to b's end. */
export function periodRange(period: string): [string, string] | null {
  const [from, to = from] = period.split('/');
  const start = expand(from!, 'start');
  const end = expand(to!, 'end');
  return start && end ? [start, end] : null;
}

function expand(d: string, side: 'start' | 'end'): string | null {
  if (/^\d{4}$/.test(d)) return side === 'start' ? `${d}-01-01` : `${d}-12-31`;
  if (/^\d{4}-\d{2}$/.test(d)) return side === 'start' ? `${d}-01` : `${d}-${new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5)), 0)).getUTCDate()}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  return null;
}

/** True when the two periods share at least one day. */
export function periodsOverlap(a: string, b: string): boolean {
  const ra = periodRange(a);
  const rb = periodRange(b);
  if (!ra || !rb) return false;
  return ra[0] <= rb[1] && rb[0] <= ra[1];
}

export function filterFacts(facts: Fact[], f: FactFilter): Fact[] {
  const tags = f.tag?.map((t) => t.toLowerCase());
  const subject = f.subject ? normalizeText(f.subject) : undefined;
  return facts.filter(
    (fact) =>
      (!tags || tags.every((t) => fact.tags.includes(t))) &&
      (!f.source || f.source.some((s) => fact.sources.some((c) => c.source === s))) &&
      (!f.period || (fact.period !== undefined && periodsOverlap(fact.period, f.period))) &&
      (!subject || (fact.subject !== undefined && normalizeText(fact.subject).includes(subject))) &&
      (f.disputed === undefined || isDisputed(fact) === f.disputed),
  );
}
