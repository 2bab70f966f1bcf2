/**
 * What the claim parser (extract.ts) lends the readers of figures, number
 * words, dates and qualifiers: the draft's tokens, read one sentence at a
 * time, and the claims found so far.
 */
import type { Token } from '../draft/tokens.js';
import type { Claim } from './claim.js';

export const EOF: Token = { kind: 'punct', text: '', lower: '', start: Infinity, end: Infinity, space: true, clause: -1, sentence: -1 };

export interface ClaimReader {
  readonly tokens: Token[];
  readonly draft: string;
  readonly claims: Claim[];
  /** Token i, or EOF outside the sentence being read: a claim never runs into the next sentence or list item. */
  t(i: number): Token;
  /** Token i follows token i - 1 with nothing between. */
  glued(i: number): boolean;
}
