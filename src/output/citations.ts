/**
 * A fact's citations as a reader sees them: versions of the figure, and in each
 * the sources giving it, each source once with every quote it gives (a fact may
 * cite one article for two sentences; each citation keeps its own quote).
 */
import type { Citation, Fact } from '../facts/types.js';
import { citedFigure, versionsOf, type Version } from '../facts/versions.js';
import { describeFigure } from './figure.js';

export interface SourceGroup {
  source: string;
  /** This source's citations, in the fact's order: each with its own quote. */
  citations: Citation[];
}

export interface VersionGroup {
  version: Version;
  sources: SourceGroup[];
}

const sameFigure = (a: Omit<Version, 'sources'>, b: Omit<Version, 'sources'>) => a.value === b.value && a.unit === b.unit && a.display === b.display && a.bound === b.bound;

/** Citations grouped by source, each source once, in the order it first appears. */
export function bySource(citations: readonly Citation[]): SourceGroup[] {
  const groups: SourceGroup[] = [];
  for (const c of citations) {
    const g = groups.find((x) => x.source === c.source);
    if (g) g.citations.push(c);
    else groups.push({ source: c.source, citations: [c] });
  }
  return groups;
}

/** Each version of a fact's figure with the sources (once each) and citations giving it. */
export function versionGroups(fact: Fact): VersionGroup[] {
  return versionsOf(fact).map((version) => ({
    version,
    sources: bySource(fact.sources.filter((c) => sameFigure(citedFigure(fact, c), version))),
  }));
}

/** The ids of a fact's sources, each once, in the fact's order. */
export function sourceIds(fact: Fact): string[] {
  return [...new Set(fact.sources.map((c) => c.source))];
}

/**
 * A disputed fact's figure, one way for every format that is not JSON: each
 * version with the sources giving it, "disputed: 100 (a, b) | 120 (c)". `part`
 * picks what of each version is shown (the readable figure by default).
 */
export function disputedText(fact: Fact, part: (v: Version) => string = (v) => describeFigure(v) ?? '(no figure)'): string {
  return 'disputed: ' + versionsOf(fact).map((v) => `${part(v) || '(none)'} (${[...new Set(v.sources)].join(', ')})`).join(' | ');
}
