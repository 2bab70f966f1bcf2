import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/check/claims/extract.js';
import { maskMarkdown } from '../../src/check/draft/markdown.js';
import { checkDraft } from '../../src/check/verdict/check.js';
import { checkIndexOf } from '../helpers/check-index.js';
import path from 'node:path';

// Inputs built to make a backtracking regex or a per-figure scan of the sentence quadratic. At a megabyte, a
// quadratic pass takes minutes and the test runner's timeout ends it; a linear one takes well under a second.
const MB = 1 << 20;
const LIMIT_MS = 60_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));

const ADVERSARIAL: Array<[string, string]> = [
  ['one long run of digits (the e-mail pattern)', repeat('1')],
  ['one long run of letters', repeat('a')],
  ['letters and dots with no at sign', repeat('a.')],
  ['at signs between letters', repeat('a@')],
  ['image openers with no close', repeat('![')],
  ['footnote openers with no close', repeat('[^')],
  ['link openers with no close', repeat('[')],
  ['tag openers', repeat('<a ')],
  ['a URL closed by brackets', 'see http://example.com/' + repeat(')') + ' now'],
  ['backticks', repeat('`x')],
];

describe('every pass over a draft is linear', () => {
  for (const [name, text] of ADVERSARIAL) {
    it(`masks and reads ${name} (1 MB)`, () => {
      expect(maskMarkdown(text).text).toHaveLength(text.length);
      expect(Array.isArray(extractClaims(text).claims)).toBe(true);
    }, LIMIT_MS);
  }

  it('checks a sentence of 20,000 figures', async () => {
    const index = await checkIndexOf(path.resolve(__dirname, '../fixtures/check/facts'));
    const draft = 'The fair drew ' + Array.from({ length: 20_000 }, () => '1,000').join(' ') + ' visitors.\n';
    const results = checkDraft(draft, index);
    expect(results).toHaveLength(20_000);
    expect(results.every((r) => r.verdict !== 'supported')).toBe(true);
  }, LIMIT_MS);
});
