import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimSpan, compareAmounts, compareDates, compareYears, parsePeriod, type Amount } from '../../../src/check/compare/compare.js';

/** A figure as written: value, bound, and the digits it is written with. */
function amount(value: number, bound: Amount['bound'] = 'exact', written?: { place: number; sigPlace?: number; digits?: number }, high: number | null = null): Amount {
  const place = written?.place ?? 1;
  return { value, high, bound, place, sigPlace: written?.sigPlace ?? place, digits: written?.digits ?? 3 };
}

describe('plain and approximate figures', () => {
  it('supports the same figure at another scale: 3,600 billion is 3.6 trillion', () => {
    const draft = amount(3.6e12, 'exact', { place: 1e9, sigPlace: 1e11, digits: 4 });
    const fact = amount(3.6e12, 'exact', { place: 1e11, digits: 2 });
    expect(compareAmounts(draft, fact)).toBe('supported');
  });

  it('contradicts a wrong digit and a wrong scale', () => {
    expect(compareAmounts(amount(138), amount(128))).toBe('contradicted');
    expect(compareAmounts(amount(3.6e9, 'exact', { place: 1e8, digits: 2 }), amount(3.6e12, 'exact', { place: 1e11, digits: 2 }))).toBe('contradicted');
  });

  it('supports a fact rounded the way the draft writes it, when the draft keeps two digits', () => {
    // "$495 billion" for $494.69 billion
    expect(compareAmounts(amount(495e9, 'exact', { place: 1e9, digits: 3 }), amount(494.69e9, 'exact', { place: 1e7, digits: 5 }))).toBe('supported');
    // "3.6 trillion" for 3.64 trillion
    expect(compareAmounts(amount(3.6e12, 'exact', { place: 1e11, digits: 2 }), amount(3.64e12, 'exact', { place: 1e10, digits: 3 }))).toBe('supported');
    // "3 million" never stands for 3.4 million
    expect(compareAmounts(amount(3e6, 'exact', { place: 1e6, digits: 1 }), amount(3.4e6, 'exact', { place: 1e5, digits: 2 }))).toBe('contradicted');
    // "130 events" for 128 is wrong: trailing zeros count in a plain figure
    expect(compareAmounts(amount(130), amount(128))).toBe('contradicted');
  });

  it('cannot confirm a draft more precise than the fact', () => {
    // "3.62 trillion" against "3.6 trillion"
    expect(compareAmounts(amount(3.62e12, 'exact', { place: 1e10 }), amount(3.6e12, 'exact', { place: 1e11, digits: 2 }))).toBe('unsupported');
    expect(compareAmounts(amount(3.75e12, 'exact', { place: 1e10 }), amount(3.6e12, 'exact', { place: 1e11, digits: 2 }))).toBe('contradicted');
  });

  it('reads "about" in the draft to its last non-zero digit', () => {
    // "about 130 events" for 128; "about 500 billion dollars" for 494.69 billion
    expect(compareAmounts(amount(130, 'about', { place: 1, sigPlace: 10 }), amount(128))).toBe('supported');
    expect(compareAmounts(amount(500e9, 'about', { place: 1e9, sigPlace: 1e11 }), amount(494.69e9, 'exact', { place: 1e7 }))).toBe('supported');
    // "about 3 trillion" for 3.6 trillion is too far
    expect(compareAmounts(amount(3e12, 'about', { place: 1e12 }), amount(3.6e12, 'exact', { place: 1e11, digits: 2 }))).toBe('contradicted');
  });

  it('supports the fact\'s own figure without its "about", and leaves a near figure open', () => {
    const fact = amount(60, 'about', { place: 1, sigPlace: 10, digits: 2 });
    expect(compareAmounts(amount(60), fact)).toBe('supported');
    expect(compareAmounts(amount(58), fact)).toBe('unsupported');
    expect(compareAmounts(amount(75), fact)).toBe('contradicted');
  });
});

describe('bounds', () => {
  const moreThan1000 = amount(1000, 'more-than', { place: 1, sigPlace: 1000, digits: 4 });

  it('supports the same bound and a weaker one', () => {
    expect(compareAmounts(amount(1000, 'more-than'), moreThan1000)).toBe('supported');
    expect(compareAmounts(amount(500, 'more-than'), moreThan1000)).toBe('supported');
    expect(compareAmounts(amount(1000, 'at-least'), moreThan1000)).toBe('supported');
  });

  it('contradicts a bound ten times short of the fact: a slip of scale, not a weaker claim', () => {
    expect(compareAmounts(amount(100, 'more-than'), moreThan1000)).toBe('contradicted');
    expect(compareAmounts(amount(101, 'more-than'), moreThan1000)).toBe('supported');
    expect(compareAmounts(amount(100, 'at-least'), amount(1000))).toBe('contradicted');
    expect(compareAmounts(amount(10000, 'less-than'), amount(1000))).toBe('contradicted');
    expect(compareAmounts(amount(5000, 'less-than'), amount(1000))).toBe('supported');
  });

  it('contradicts a figure the bound rules out, the bare bound included', () => {
    expect(compareAmounts(amount(1000), moreThan1000)).toBe('contradicted');
    expect(compareAmounts(amount(900), moreThan1000)).toBe('contradicted');
    expect(compareAmounts(amount(800, 'less-than'), moreThan1000)).toBe('contradicted');
  });

  it('leaves open a figure inside the bound', () => {
    expect(compareAmounts(amount(1200), moreThan1000)).toBe('unsupported');
    expect(compareAmounts(amount(1500, 'more-than'), moreThan1000)).toBe('unsupported');
    expect(compareAmounts(amount(1000, 'about', { place: 1, sigPlace: 1000 }), moreThan1000)).toBe('unsupported');
  });

  it('reads "more than V" as below ten times V', () => {
    // "more than 40 million" against "more than 4 million"
    expect(compareAmounts(amount(40e6, 'more-than', { place: 1e6 }), amount(4e6, 'more-than', { place: 1e6 }))).toBe('contradicted');
  });

  it('checks an exact fact against a bounded draft', () => {
    expect(compareAmounts(amount(100, 'more-than'), amount(128))).toBe('supported');
    expect(compareAmounts(amount(128, 'more-than'), amount(128))).toBe('contradicted');
    expect(compareAmounts(amount(130, 'nearly'), amount(128))).toBe('supported');
    expect(compareAmounts(amount(200, 'at-most'), amount(128))).toBe('supported');
  });

  it('compares "nearly" with "nearly" and "about"', () => {
    const nearly100 = amount(100, 'nearly', { place: 1, sigPlace: 100 });
    expect(compareAmounts(amount(100, 'nearly'), nearly100)).toBe('supported');
    expect(compareAmounts(amount(100, 'about', { place: 1, sigPlace: 100 }), nearly100)).toBe('supported');
    expect(compareAmounts(amount(100), nearly100)).toBe('contradicted');
    expect(compareAmounts(amount(100, 'more-than'), nearly100)).toBe('contradicted');
  });
});

describe('ranges', () => {
  it('supports a range holding the fact, contradicts one that misses it', () => {
    const about60 = amount(60, 'about', { place: 1, sigPlace: 10 });
    expect(compareAmounts(amount(50, 'exact', undefined, 70), about60)).toBe('supported');
    expect(compareAmounts(amount(200, 'exact', undefined, 300), amount(128))).toBe('contradicted');
    // "10–12" does not hold all of "about 12"
    expect(compareAmounts(amount(10, 'exact', undefined, 12), amount(12, 'about'))).toBe('unsupported');
  });
});

describe('dates and years', () => {
  it('reads periods as spans of days', () => {
    const p = parsePeriod('2025-03-27/2025-03-31')!;
    expect(p.to - p.from).toBe(4);
    expect(p.precision).toBe('day');
    expect(parsePeriod('2025-03')!.precision).toBe('month');
    expect(parsePeriod('2024')!.precision).toBe('year');
    expect(parsePeriod('2023-12/2024-06')!.to - parsePeriod('2023-12/2024-06')!.from).toBe(31 + 31 + 29 + 31 + 30 + 31 + 30 - 1);
    expect(parsePeriod('soon')).toBeNull();
  });

  const forum = parsePeriod('2025-03-27/2025-03-31')!;
  const span = (m1: number, d1: number, m2: number | null = null, d2: number | null = null) =>
    claimSpan({ from: { year: null, month: m1, day: d1 }, to: m2 === null ? null : { year: null, month: m2, day: d2 } }, 2025);

  it('supports the same span and contradicts another one', () => {
    expect(compareDates(span(3, 27, 3, 31), false, forum, null)).toBe('supported');
    expect(compareDates(span(3, 27, 3, 30), false, forum, null)).toBe('contradicted');
  });

  it('checks a single day against the end a sentence names', () => {
    expect(compareDates(span(3, 27), true, forum, 'start')).toBe('supported');
    expect(compareDates(span(3, 28), true, forum, 'start')).toBe('contradicted');
    expect(compareDates(span(3, 31), true, forum, 'end')).toBe('supported');
    expect(compareDates(span(3, 29), true, forum, null)).toBe('unsupported');
    expect(compareDates(span(4, 2), true, forum, null)).toBe('contradicted');
  });

  it('supports a month that holds the period', () => {
    const march = claimSpan({ from: { year: 2025, month: 3, day: null }, to: null }, 2025);
    expect(compareDates(march, true, forum, null)).toBe('supported');
  });

  it('compares years with a period\'s years', () => {
    expect(compareYears([2024, 2024], [2024, 2024])).toBe('supported');
    expect(compareYears([2023, 2023], [2024, 2024])).toBe('contradicted');
    expect(compareYears([2024, 2024], [2023, 2024])).toBe('supported');
    expect(compareYears([2022, 2025], [2024, 2024])).toBe('unsupported');
  });
});

describe('a wrong number is never supported', () => {
  it('for plain whole numbers written to the unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 10_000_000 }), fc.integer({ min: 10, max: 10_000_000 }), (x, v) => {
        fc.pre(x !== v);
        const digits = String(x).length;
        return compareAmounts(amount(x, 'exact', { place: 1, digits }), amount(v, 'exact', { place: 1, digits: String(v).length })) !== 'supported';
      }),
    );
  });

  it('for a figure at or below a fact\'s "more than" bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (v, below) => {
        const x = Math.max(0, v - below);
        return compareAmounts(amount(x), amount(v, 'more-than')) !== 'supported';
      }),
    );
  });

  it('for a figure in another scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(1e3, 1e6, 1e9), fc.constantFrom(1e3, 1e6, 1e9, 1e12), (n, s1, s2) => {
        fc.pre(s1 !== s2);
        return compareAmounts(amount(n * s1, 'exact', { place: s1 }), amount(n * s2, 'exact', { place: s2 })) !== 'supported';
      }),
    );
  });
});
