import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departure, normalizeQuoteText, normalizeQuoteWithOffsets, valueOffsets } from '../../src/facts/lint.js';

describe('normalizeQuoteWithOffsets', () => {
  it('gives what normalizeQuoteText gives, whatever the text', () => {
    const chars = fc.constantFrom('a', 'B', ' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '\u2019', '\u201c', '\u2013', '\u2212', '"', '-', '9');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (cs) => {
        expect(normalizeQuoteWithOffsets(cs.join('')).text).toBe(normalizeQuoteText(cs.join('')));
      }),
    );
  });

  it('keeps where each character came from', () => {
    const { text, from } = normalizeQuoteWithOffsets('  It’s \n here');
    expect(text).toBe("It's here");
    expect(from).toEqual([2, 3, 4, 5, 6, 9, 10, 11, 12]);
  });
});

describe('departure', () => {
  it('is the length of the longest beginning of the quote the article holds', () => {
    expect(departure('the fair drew 5,200 boats', 'Last year the fair drew 5,100 boats.')).toEqual({ at: 16, quoteGoesOn: '200 boats', articleGoesOn: '100 boats.' });
    // A beginning too short to say where in the article the quote was: no article text is shown.
    expect(departure('Zebra', 'a zoo')).toEqual({ at: 0, quoteGoesOn: 'Zebra', articleGoesOn: null });
  });
});

describe('valueOffsets', () => {
  it('walks plain, quoted and block strings to the file position of each character', () => {
    const at = (text: string, value: string) => valueOffsets(text, text.indexOf(':') + 2, value);
    expect(at('q: ab', 'ab')).toEqual([3, 4]);
    expect(at('q: "a\\u2013b"', 'a\u2013b')).toEqual([4, 5, 11]);
    expect(at("q: 'it''s'", "it's")).toEqual([4, 5, 6, 8]);
    expect(at('q: >-\n  ab\n  cd', 'ab cd')).toEqual([8, 9, 10, 13, 14]);
    expect(at('q: |\n  ab\n  cd\n', 'ab\ncd\n')).toEqual([7, 8, 9, 12, 13, 14]);
    expect(at('q: "a \\\n  b"', 'a b')).toEqual([4, 5, 10]);
    // Text that does not spell the value gives no positions.
    expect(at('q: ab', 'ax')).toBeNull();
  });
});
