/**
 * What each source says a fact's figure is. A fact is disputed when its
 * sources give different figures or wordings; zgc then shows every version
 * beside its sources and never picks one.
 */
import type { Bound, Citation, Fact } from './types.js';

export interface Version {
  value?: number;
  unit?: string;
  display?: string;
  bound?: Bound;
  /** Source ids giving this version, in the fact's order. */
  sources: string[];
}

/**
 * The figure a citation stands for: each field is the citation's own where it
 * has one, else the fact's, except that a citation with its own number or unit
 * does not inherit the fact's display, which was written for another figure.
 */
export function citedFigure(fact: Fact, c: Citation): Omit<Version, 'sources'> {
  const ownFigure = c.value !== undefined || c.unit !== undefined;
  const out: Omit<Version, 'sources'> = {};
  const value = c.value ?? fact.value;
  const unit = c.unit ?? fact.unit;
  const display = c.display ?? (ownFigure ? undefined : fact.display);
  const bound = c.bound ?? fact.bound;
  if (value !== undefined) out.value = value;
  if (unit !== undefined) out.unit = unit;
  if (display !== undefined) out.display = display;
  if (bound !== undefined) out.bound = bound;
  return out;
}

/** Distinct versions in the order their first source appears. */
export function versionsOf(fact: Fact): Version[] {
  const versions: Version[] = [];
  for (const c of fact.sources) {
    const fig = citedFigure(fact, c);
    const same = versions.find((v) => v.value === fig.value && v.unit === fig.unit && v.display === fig.display && v.bound === fig.bound);
    if (same) same.sources.push(c.source);
    else versions.push({ ...fig, sources: [c.source] });
  }
  return versions;
}

export function isDisputed(fact: Fact): boolean {
  return versionsOf(fact).length > 1;
}
