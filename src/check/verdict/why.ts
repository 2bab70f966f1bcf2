/**
 * Why a claim was tied to its fact: the words of the draft, as written, that
 * the matcher read around the figure (claimContext) and that the fact holds in
 * its title, aliases, display, tags, statement or subject. The words that
 * weighed most come first: those nearest the figure, rarest among the facts,
 * from the fact's most telling fields.
 */
import type { CheckedClaim } from './check.js';
import type { Claim } from '../claims/claim.js';
import { extractClaims, type Extraction } from '../claims/extract.js';
import type { FactIndex } from '../align/fact-index.js';
import { claimContext } from '../align/context.js';

/** At most this many words are given: the rest add little to the reason. */
export const MAX_TYING_WORDS = 8;

export function tyingWords(ex: Extraction, claim: Claim, factId: string, index: FactIndex): string[] {
  const ordinal = index.ordinalOf(factId);
  if (ordinal === undefined) return [];
  const ctx = claimContext(ex, claim, index.terms);
  const scored: Array<{ term: string; score: number }> = [];
  for (const [term, weight] of ctx.weights) {
    const field = index.weightIn(term, ordinal);
    if (field > 0) scored.push({ term, score: weight * field * index.idf(term) });
  }
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const written = writtenWords(ex, claim, index, new Set(scored.map((s) => s.term)));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { term } of scored) {
    const word = written.get(term);
    // A term the draft implies without writing it ("dollars" for "$") has no word to show.
    if (word === undefined || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    out.push(word);
    if (out.length === MAX_TYING_WORDS) break;
  }
  return out;
}

/**
 * Each wanted term with the words that wrote it, as they stand in the draft: the
 * claim's own sentence first, then the sentence before and the headings above.
 */
function writtenWords(ex: Extraction, claim: Claim, index: FactIndex, wanted: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const sentence = ex.sentences[claim.sentence]!;
  const order = [claim.sentence, claim.sentence - 1, ...[...sentence.headings].reverse()].filter((s) => s >= 0 && s < ex.sentences.length);
  for (const s of order) {
    const { tokenStart, tokenEnd } = ex.sentences[s]!;
    const words: Array<{ text: string; lower: string }> = [];
    for (let k = tokenStart; k < tokenEnd; k++) {
      const tok = ex.tokens[k]!;
      if (tok.kind === 'word') words.push({ text: tok.text, lower: tok.lower });
    }
    const lower = words.map((w) => w.lower);
    for (let i = 0; i < words.length; i++) {
      for (const term of index.terms.termsAt(lower, i)) {
        if (!wanted.has(term) || out.has(term)) continue;
        // A phrase of the vocabulary ("research and development") is shown whole.
        const length = Math.max(1, term.split(' ').length);
        out.set(term, words.slice(i, i + length).map((w) => w.text).join(' '));
      }
    }
  }
  return out;
}

/**
 * The tying words of each checked claim of a draft that has a fact. The draft
 * is read again for its sentences: a claim is known by where it starts.
 */
export function tyingWordsOf(draft: string, results: readonly CheckedClaim[], index: FactIndex): Map<CheckedClaim, string[]> {
  const out = new Map<CheckedClaim, string[]>();
  if (!results.some((r) => r.fact)) return out;
  const ex = extractClaims(draft);
  const byStart = new Map(ex.claims.map((c) => [c.start, c]));
  for (const r of results) {
    const claim = byStart.get(r.claim.start);
    if (r.fact && claim) out.set(r, tyingWords(ex, claim, r.fact.id, index));
  }
  return out;
}
