/**
 * One resolver for every command that takes an id (stat's exact step, cite,
 * source): the id as written, then in any case, then an alias or title that
 * names one fact (or a source's title). On a miss, "did you mean" candidates:
 * the word index proposes facts sharing a word (or a typo of one) with the
 * id, and fuse.js, loaded only on this path, orders them and the sources by
 * how closely their ids, aliases and titles spell what was typed.
 */
import type { Fact, FactBase, Source } from '../facts/types.js';
import { catalogOf } from '../facts/catalog.js';
import { normalizeText } from './normalize.js';
import { rankOrdinals } from './terms.js';

export type Resolved = { kind: 'fact'; fact: Fact } | { kind: 'source'; source: Source };

export interface Accept {
  facts: boolean;
  sources: boolean;
}

export interface IdSuggestion {
  id: string;
  title: string;
  kind: 'fact' | 'source';
}

/** Facts proposed to fuse.js by the word index. */
const FACT_CANDIDATES = 40;
/** Sources are all given to fuse.js when there are at most this many (they have no word index). */
const MAX_SOURCES_SCANNED = 5000;
/** A fuse.js score above this (0 is the same text, 1 nothing alike) is not suggested. */
const FUSE_THRESHOLD = 0.45;

/** The fact or source an id names, or null. */
export function resolveId(base: FactBase, text: string, accept: Accept): Resolved | null {
  const t = text.trim();
  for (const id of [t, t.toLowerCase()]) {
    const fact = accept.facts ? base.factById.get(id) : undefined;
    if (fact) return { kind: 'fact', fact };
    const source = accept.sources ? base.sourceById.get(id) : undefined;
    if (source) return { kind: 'source', source };
  }
  const key = normalizeText(t);
  if (!key) return null;
  if (accept.facts) {
    const catalog = catalogOf(base);
    const ordinals = catalog.keyOrdinals(key);
    // An alias several facts share names none of them.
    if (ordinals.length === 1) return { kind: 'fact', fact: catalog.fact(ordinals[0]!) };
  }
  if (accept.sources) {
    // Only when there are few: a source has no index of its titles.
    const byTitle = base.sources.length > MAX_SOURCES_SCANNED ? [] : base.sources.filter((s) => normalizeText(s.title) === key);
    if (byTitle.length === 1) return { kind: 'source', source: byTitle[0]! };
  }
  return null;
}

interface Entry {
  id: string;
  title: string;
  kind: 'fact' | 'source';
  /** The id with its hyphens as spaces, so that fuse.js weighs it as words too. */
  words: string;
  aliases: string[];
}

/** At most n ids that look like what was typed, closest first; [] when none is close. */
export async function suggestIds(base: FactBase, text: string, accept: Accept, n = 3): Promise<IdSuggestion[]> {
  const t = text.trim().slice(0, 200);
  if (!t) return [];
  const entries: Entry[] = [];
  if (accept.facts) {
    const catalog = catalogOf(base);
    for (const r of rankOrdinals(catalog.termIndex(), normalizeText(t), FACT_CANDIDATES, (o) => catalog.tieRank(o))) {
      const f = catalog.fact(r.ordinal);
      entries.push({ id: f.id, title: f.title, kind: 'fact', words: f.id.replace(/-/g, ' '), aliases: f.aliases });
    }
  }
  if (accept.sources && base.sources.length <= MAX_SOURCES_SCANNED) {
    for (const s of base.sources) entries.push({ id: s.id, title: s.title, kind: 'source', words: s.id.replace(/-/g, ' '), aliases: [] });
  }
  if (!entries.length) return [];
  const { default: Fuse } = await import('fuse.js');
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'id', weight: 3 },
      { name: 'words', weight: 1 },
      { name: 'title', weight: 1 },
      { name: 'aliases', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: FUSE_THRESHOLD,
  });
  return fuse
    .search(t, { limit: n })
    .filter((r) => (r.score ?? 1) <= FUSE_THRESHOLD)
    .map((r) => ({ id: r.item.id, title: r.item.title, kind: r.item.kind }));
}
