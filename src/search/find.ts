/**
 * Finds the fact a query means: its id, then an alias (or title), then a fuzzy
 * match. A weak best match is no answer: the caller reports a miss with the
 * nearest suggestions instead.
 */
import type { Fact, FactBase } from '../facts/types.js';
import { normalizeText, tokenize } from './normalize.js';
import { compareStrings, matchQuality, rankOrdinals } from './terms.js';
import { catalogOf, catalogOfFacts } from '../facts/catalog.js';

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

/** Ranked beyond the limit, so that facts tied at the limit are all weighed before any is cut. */
const TIE_WINDOW = 16;

/**
 * Ranks facts for a free-text query, best first: the word-by-word score of
 * terms.ts (the share of the query's weight a fact does not match), rounded
 * to three places; equal scores go to the fact whose id, title or alias the
 * query covers most ("how many robots" before "how many robot enterprises"),
 * then to the lower id. Given a base, only the facts sharing a word with the
 * query are read; given an array, the array is indexed in memory (once).
 */
export async function rankFacts(from: Fact[] | FactBase, query: string, limit: number): Promise<Scored[]> {
  const q = normalizeText(query);
  if (!q || limit <= 0) return [];
  const catalog = Array.isArray(from) ? catalogOfFacts(from) : catalogOf(from);
  const ranked = rankOrdinals(catalog.termIndex(), q, limit + TIE_WINDOW, (o) => catalog.tieRank(o)).map((r) => ({ ordinal: r.ordinal, score: round(r.score), coverage: -1 }));
  const words = [...new Set(tokenize(q))];
  for (let start = 0; start < Math.min(limit, ranked.length); ) {
    let end = start + 1;
    while (end < ranked.length && ranked[end]!.score === ranked[start]!.score) end++;
    if (end - start > 1) {
      const group = ranked.slice(start, end);
      for (const r of group) r.coverage = coverage(catalog.keysOf(r.ordinal), words);
      group.sort((a, b) => b.coverage - a.coverage || catalog.tieRank(a.ordinal) - catalog.tieRank(b.ordinal));
      ranked.splice(start, group.length, ...group);
    }
    start = end;
  }
  // Each fact is read when first asked for: stat shows the best and the close runners-up, not all six.
  return ranked.slice(0, limit).map((r) => ({
    score: r.score,
    get fact() {
      return catalog.fact(r.ordinal);
    },
  }));
}

/** The largest share of the words of the fact's id, title or an alias (its keys, normalized) that some query word matches. */
function coverage(keys: readonly string[], queryWords: readonly string[]): number {
  let best = 0;
  for (const key of keys) {
    const words = key.split(' ');
    const matched = words.filter((w) => queryWords.some((q) => matchQuality(q, w) > 0)).length;
    best = Math.max(best, matched / words.length);
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export async function findFact(base: FactBase, query: string): Promise<Lookup> {
  const trimmed = query.trim();
  const exact = base.factById.get(trimmed) ?? base.factById.get(trimmed.toLowerCase());
  if (exact) return { query, match: 'exact', fact: exact, score: 0, alternatives: [] };
  const q = normalizeText(trimmed);
  const catalog = catalogOf(base);
  const aliased = q ? catalog.keyOrdinals(q).map((o) => catalog.fact(o)).sort((a, b) => compareStrings(a.id, b.id)) : [];
  if (aliased.length) {
    // Two facts sharing an alias are both shown: the first answers, the other is a runner-up.
    return { query, match: 'alias', fact: aliased[0]!, score: 0, alternatives: aliased.slice(1).map((fact) => ({ fact, score: 0 })) };
  }
  // The best, up to three runners-up, and three suggestions on a miss: four ranked facts.
  const ranked = await rankFacts(base, trimmed, 4);
  const best = ranked[0];
  if (!best || best.score > MAX_ANSWER_SCORE) return { query, fact: null, suggestions: ranked.slice(0, 3) };
  const alternatives = ranked.slice(1).filter((r) => r.score - best.score <= RUNNER_UP_MARGIN).slice(0, 3);
  return { query, match: 'fuzzy', fact: best.fact, score: best.score, alternatives };
}
