/**
 * Which sources a list of ids cites: a fact id stands for every source the
 * fact cites, a source id for that source. Each source is cited once, however
 * many ids lead to it.
 */
import type { Fact, FactBase, Source } from '../facts/types.js';

export interface Selection {
  /** Sources in the order the ids first reach them. */
  sources: Source[];
  /** Ids that name neither a fact nor a source, in the order given. */
  unknown: string[];
}

export function sourcesOfFacts(base: FactBase, facts: Fact[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const f of facts) {
    for (const c of f.sources) {
      const s = base.sourceById.get(c.source);
      if (s && !seen.has(s.id)) {
        seen.add(s.id);
        out.push(s);
      }
    }
  }
  return out;
}

/** A fact id is read before a source id: an id that names both cites the fact's sources. */
export function selectSources(base: FactBase, ids: string[]): Selection {
  const seen = new Set<string>();
  const sources: Source[] = [];
  const unknown: string[] = [];
  const add = (s: Source) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    sources.push(s);
  };
  for (const id of ids) {
    const fact = base.factById.get(id);
    const source = base.sourceById.get(id);
    if (fact) sourcesOfFacts(base, [fact]).forEach(add);
    else if (source) add(source);
    else if (!unknown.includes(id)) unknown.push(id);
  }
  return { sources, unknown };
}
