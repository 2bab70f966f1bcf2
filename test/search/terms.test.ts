/**
 * The word index's shortcuts (banded edit distance, the vocabulary scan by
 * length and character set, MaxScore) must answer exactly as the plain
 * definitions do; and a base ranks the same in memory and from the cache.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermIndex, compareStrings, editDistance, FIELD_FACTOR, matchingTerms, matchQuality, maxEdits, postingClass, postingOrdinal, rankOrdinals, sortedOrder, type TermIndex } from '../../src/search/terms.js';
import { tokenize } from '../../src/search/normalize.js';
import { loadFacts } from '../../src/facts/load.js';
import { rankFacts } from '../../src/search/find.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';

/** Optimal string alignment distance, the textbook way. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom(...'abcdeé12'.split('')), minLength: 0, maxLength: 12 });

describe('sortedOrder', () => {
  /** The reference: indexes sorted by compareStrings, equal strings in their given order (Array.prototype.sort is stable). */
  const reference = (xs: string[]) => xs.map((_, i) => i).sort((a, b) => compareStrings(xs[a]!, xs[b]!));

  it('orders strings as compareStrings does, equal strings in their given order', () => {
    // Few letters and shared prefixes, so that long common prefixes, prefixes of each other and duplicates are common.
    const id = fc.oneof(fc.string({ unit: fc.constantFrom(...'ab-\u00e9\u4e2d'.split('')), maxLength: 6 }), fc.constantFrom('capital-review-0-1', 'capital-review-0-10', 'capital-review-0-2', 'capital', ''));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 200 }), (xs) => {
        expect([...sortedOrder(xs)]).toEqual(reference(xs));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps equal strings in their given order in the small ranges it finishes by insertion', () => {
    // Just over the insertion threshold, from a few strings: the partition scrambles equal strings, which insertion must put back.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'm', 'zz', 'zzz', 'zb'), { minLength: 13, maxLength: 40 }), (xs) => {
        expect([...sortedOrder(xs)]).toEqual(reference(xs));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts surrogate pairs by code unit, as < does', () => {
    const xs = ['\uffff', '\u{1f600}', 'z', '\u{1f600}a', ''];
    expect([...sortedOrder(xs)]).toEqual(reference(xs));
    expect([...sortedOrder(xs)].map((i) => xs[i])).toEqual(['', 'z', '\u{1f600}', '\u{1f600}a', '\uffff']);
  });

  it('sorts a large range with many equal strings stably', () => {
    const xs = Array.from({ length: 5000 }, (_, i) => `fact-${(i * 7919) % 97}-${i % 3 === 0 ? 'x' : ''}`);
    expect([...sortedOrder(xs)]).toEqual(reference(xs));
  });
});

describe('editDistance', () => {
  it('is the optimal string alignment distance, capped at maxD + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, maxD) => {
        expect(editDistance(a, b, maxD)).toBe(Math.min(osa(a, b), maxD + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('cabron', 'carbon', 2)).toBe(1);
    expect(editDistance('vistors', 'visitors', 2)).toBe(1);
    expect(editDistance('robts', 'robot', 1)).toBe(2);
  });
});

describe('matchingTerms', () => {
  it('finds exactly the words matchQuality accepts, with its quality (edits only for a word not in the vocabulary)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word.filter((w) => w.length > 0), { maxLength: 60 }), word.filter((w) => w.length > 0), (vocab, q) => {
        const terms = [...vocab].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const expected = new Map<number, number>();
        const known = terms.includes(q);
        terms.forEach((t, i) => {
          const quality = matchQuality(q, t);
          if (quality > 0 && (!known || quality >= 0.8)) expected.set(i, quality);
        });
        expect(new Map([...matchingTerms(terms, q)].sort((a, b) => a[0] - b[0]))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches a word itself, longer words it begins, and words within reach of its length', () => {
    expect(matchQuality('expo', 'expo')).toBe(1);
    expect(matchQuality('innov', 'innovation')).toBe(0.8);
    expect(matchQuality('vistors', 'visitors')).toBe(0.6);
    expect(matchQuality('univversity', 'university')).toBe(0.6);
    expect(matchQuality('uinversty', 'university')).toBe(0.4);
    expect(matchQuality('2024', '2023')).toBe(0);
    expect(matchQuality('ai', 'at')).toBe(0);
    expect([maxEdits(3), maxEdits(4), maxEdits(7), maxEdits(8)]).toEqual([0, 1, 1, 2]);
  });
});

/** The ranking's definition, computed over every fact with no shortcut (weights in whole 2^-20ths, so that sums are exact). */
function naiveRank(index: TermIndex, query: string, n: number): { ordinal: number; score: number }[] {
  const words = [...new Set(tokenize(query))].slice(0, 32);
  const earned = new Float64Array(index.count);
  let total = 0;
  for (const q of words) {
    let weight = Math.log(1 + index.count);
    let quality = 0;
    const best = new Float64Array(index.count);
    const known = index.terms.includes(q);
    index.terms.forEach((t, i) => {
      const qu = matchQuality(q, t);
      if (qu === 0 || (known && qu < 0.8)) return;
      const w = Math.log(1 + index.count / index.df(i));
      if (qu > quality || (qu === quality && w > weight)) [quality, weight] = [qu, w];
      const list = index.postings(i);
      for (let k = 0; k < list.length; k++) {
        const o = postingOrdinal(list[k]!);
        best[o] = Math.max(best[o]!, qu * FIELD_FACTOR[postingClass(list[k]!)]!);
      }
    });
    const whole = Math.round(weight * 2 ** 20);
    total += whole;
    for (let o = 0; o < index.count; o++) earned[o]! += Math.round(whole * best[o]!);
  }
  return [...earned.keys()]
    .filter((o) => earned[o]! > 0)
    .sort((a, b) => earned[b]! - earned[a]! || a - b)
    .slice(0, n)
    .map((o) => ({ ordinal: o, score: 1 - earned[o]! / total }));
}

describe('rankOrdinals', () => {
  const vocabulary = ['in', 'the', 'expo', 'visitors', 'budget', 'robot', 'robots', 'guides', 'lakeside', 'harbor', '2023', '2024', 'patent', 'applications', 'spending'];
  const facts = fc.array(
    fc.uniqueArray(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(1, 2, 3)), { selector: (t) => t[0], minLength: 1, maxLength: 6 }),
    { minLength: 1, maxLength: 80 },
  );
  const queries = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('vistors', 'robts', 'expoo', 'zzz', 'patnet', '2025')), { minLength: 1, maxLength: 6 });

  it('ranks as the plain definition does (MaxScore skips only what cannot reach the top)', () => {
    fc.assert(
      fc.property(facts, queries, fc.integer({ min: 1, max: 12 }), (docs, q, n) => {
        const built = buildTermIndex(docs.map((d) => new Map(d)));
        const index: TermIndex = { count: built.count, terms: built.terms, df: (i) => built.postings[i]!.length, postings: (i) => built.postings[i]! };
        const query = q.join(' ');
        const got = rankOrdinals(index, query, n);
        const want = naiveRank(index, query, n);
        expect(got.map((r) => r.ordinal)).toEqual(want.map((r) => r.ordinal));
        expect(got.map((r) => r.score)).toEqual(want.map((r) => r.score));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a base ranked from the cache', () => {
  it('ranks as the same base in memory, for every word of it with a typo', async () => {
    const topics = ['visitors', 'budget', 'exports', 'patents', 'rainfall', 'students', 'revenue', 'employees'];
    const places = ['Lakeside', 'Harbor', 'Northgate', 'Riverton', 'Eastmoor', 'Hillcrest', 'Westbrook', 'Stonebridge', 'Fairhaven', 'Kingsford'];
    let yaml = 'facts:\n';
    let n = 0;
    for (const place of places) {
      for (const topic of topics) {
        for (const year of [2022, 2023, 2024]) {
          yaml += `  - id: ${place.toLowerCase()}-${topic}-${year}\n    title: ${topic[0]!.toUpperCase() + topic.slice(1)} of ${place} in ${year}\n    statement: ${place} counted ${n} ${topic} in ${year}.\n    value: ${n++}\n    unit: count\n    aliases: [${place} ${topic} ${year}]\n    tags: [${topic}]\n    sources:\n      - source: src-a\n        quote: "${place} counted ${topic}."\n`;
        }
      }
    }
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': yaml });
    const memory = await loadFacts(dir, { cache: false });
    const cacheHome = tempDir();
    await loadFacts(dir, { env: { XDG_CACHE_HOME: cacheHome } });
    const cached = await loadFacts(dir, { env: { XDG_CACHE_HOME: cacheHome } });
    const queries = [...topics, ...places.map((p) => p.toLowerCase()), 'lakside vistors 2023', 'harbr budgte', 'riverton', 'hilcrest students 2024', 'in', 'of 2022', 'westbrok revnue in 2023', 'nothing like it'];
    for (const q of queries) {
      const ids = (r: Awaited<ReturnType<typeof rankFacts>>) => r.map((x) => `${x.fact.id} ${x.score}`);
      const want = [q, ...ids(await rankFacts(memory, q, 10))];
      expect([q, ...ids(await rankFacts(cached, q, 10))]).toEqual(want);
      expect([q, ...ids(await rankFacts(memory.facts, q, 10))]).toEqual(want);
    }
    expect((await rankFacts(cached, 'lakside vistors 2023', 1))[0]!.fact.id).toBe('lakeside-visitors-2023');
    // 240 facts hold "in" in their titles: the ten shown are the ten lowest ids, wherever the cut falls.
    expect((await rankFacts(cached, 'in', 10)).map((x) => x.fact.id)).toEqual([...memory.facts].slice(0, 10).map((f) => f.id));
  });
});
