/**
 * Finds the fact a query means: its id, then an alias (or title), then a fuzzy
 * match. A weak best match is no answer: the caller reports a miss with the
 * nearest suggestions instead.
 */
import type { Fact, FactBase } from '../facts/types.js';
import { normalizeText } from './normalize.js';

export type MatchKind = 'exact' | 'alias' | 'fuzzy';

/** A fuzzy match scoring above this (0 is perfect, 1 is nothing in common) is not an answer. */
export const MAX_ANSWER_SCORE = 0.4;
/** Runners-up within this distance of the best are listed beside the answer. */
export const RUNNER_UP_MARGIN = 0.1;
/** Queries longer than this are refused: no fact needs them and they cost time. */
export const MAX_QUERY_LENGTH = 500;

export interface Scored {
  fact: Fact;
  score: number;
}

export interface Found {
  query: string;
  match: MatchKind;
  fact: Fact;
  score: number;
  alternatives: Scored[];
}

export interface Missed {
  query: string;
  fact: null;
  suggestions: Scored[];
}

export type Lookup = Found | Missed;

export interface SearchDoc {
  id: string;
  title: string;
  aliases: string[];
  tags: string[];
  statement: string;
  subject: string;
}

export function searchDoc(f: Fact): SearchDoc {
  return {
    id: normalizeText(f.id),
    title: normalizeText(f.title),
    aliases: f.aliases.map(normalizeText),
    tags: f.tags.map(normalizeText),
    statement: normalizeText(f.statement),
    subject: normalizeText(f.subject ?? ''),
  };
}

type FuseCtor = typeof import('fuse.js').default;

/** Ranks facts for a free-text query with fuse.js (loaded only here). */
export async function rankFacts(facts: Fact[], query: string, limit: number): Promise<Scored[]> {
  const q = normalizeText(query);
  if (!q) return [];
  const mod = await import('fuse.js');
  const Fuse: FuseCtor = (mod as unknown as { default: FuseCtor }).default ?? (mod as unknown as FuseCtor);
  const docs = facts.map(searchDoc);
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'id', weight: 3 },
      { name: 'aliases', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'tags', weight: 1 },
      { name: 'subject', weight: 0.5 },
      { name: 'statement', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.6,
    shouldSort: true,
  });
  return fuse
    .search(q, { limit })
    .map((r) => ({ fact: facts[r.refIndex]!, score: round(r.score ?? 1) }))
    .sort((a, b) => a.score - b.score || (a.fact.id < b.fact.id ? -1 : 1));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export async function findFact(base: FactBase, query: string): Promise<Lookup> {
  const trimmed = query.trim();
  const exact = base.factById.get(trimmed) ?? base.factById.get(trimmed.toLowerCase());
  if (exact) return { query, match: 'exact', fact: exact, score: 0, alternatives: [] };
  const q = normalizeText(trimmed);
  const aliased = base.facts.filter((f) => normalizeText(f.id) === q || normalizeText(f.title) === q || f.aliases.some((a) => normalizeText(a) === q));
  if (aliased.length) {
    // Two facts sharing an alias are both shown: the first answers, the other is a runner-up.
    return { query, match: 'alias', fact: aliased[0]!, score: 0, alternatives: aliased.slice(1).map((fact) => ({ fact, score: 0 })) };
  }
  const ranked = await rankFacts(base.facts, trimmed, 6);
  const best = ranked[0];
  if (!best || best.score > MAX_ANSWER_SCORE) return { query, fact: null, suggestions: ranked.slice(0, 3) };
  const alternatives = ranked.slice(1).filter((r) => r.score - best.score <= RUNNER_UP_MARGIN).slice(0, 3);
  return { query, match: 'fuzzy', fact: best.fact, score: best.score, alternatives };
}
