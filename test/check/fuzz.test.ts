/**
 * Property tests over random drafts: the claim extractor and the checker never
 * throw, every claim points inside the draft, and the
 * command's output holds no raw control character whatever the draft holds.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/check/claims/extract.js';
import type { FactIndex } from '../../src/check/align/fact-index.js';
import { checkIndexOf } from '../helpers/check-index.js';
import { checkDraft } from '../../src/check/verdict/check.js';
import { FIXTURE_FACTS, runZgc } from '../helpers/io.js';

let index: FactIndex;
beforeAll(async () => {
  index = await checkIndexOf(FIXTURE_FACTS);
});

/** Draft-like text: words, figures in many forms, Markdown, and hostile bytes. */
const piece = fc.oneof(
  fc.constantFrom(
    'The expo drew ', '52,000', ' visitors', ' in 2024', '. ', '\n', '\n\n', '# ', '- ', '`code 12`', '[link](http://x.example/12)', 'about ', 'more than ',
    '1.234,5', '−5', '12 %', '1\u00a0234', '１２３', '٣٤', '1e3', '10–12', 'a dozen', 'one-quarter', '11th', 'March 27 to 31', '$2.5bn', 'RMB3.6tn',
    '3,600 billion yuan', 'percent', ' vs. ', '(Tao, 2025)', '\x1b[2J', '\u202e', '\r', '\x00', '|', '---', '2/', '010-5555',
  ),
  fc.string({ maxLength: 8 }),
);
const draft = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('check fuzzing', () => {
  it('extracts claims from random drafts without throwing, each inside the draft (1000 cases)', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const lines = text.split('\n');
        for (const claim of extractClaims(text).claims) {
          expect(claim.line).toBeGreaterThanOrEqual(1);
          expect(claim.line).toBeLessThanOrEqual(lines.length);
          expect(claim.col).toBeGreaterThanOrEqual(1);
          expect(text.slice(claim.start, claim.end)).toBe(claim.text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('checks random drafts without throwing (500 cases)', () => {
    fc.assert(
      fc.property(draft, (text) => {
        for (const r of checkDraft(text, index)) expect(['supported', 'contradicted', 'disputed', 'unsupported']).toContain(r.verdict);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a long hostile line to the end (its time is for the benchmark)', () => {
    const text = '1,'.repeat(20000) + ' ' + 'more than '.repeat(5000) + '9'.repeat(5000);
    const { claims } = extractClaims(text);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('prints no raw control character for any draft, in any format (60 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(draft.filter((t) => t.trim().length > 0), async (text) => {
        for (const format of ['plain', 'table', 'json', 'ndjson']) {
          const r = await runZgc(['check', '-', '--format', format], { stdin: text });
          expect(r.stdout + r.stderr).not.toMatch(RAW);
          expect([0, 1, 2]).toContain(r.code);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
