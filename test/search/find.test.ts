import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { findFact, rankFacts } from '../../src/search/find.js';
import { normalizeText } from '../../src/search/normalize.js';
import { FIXTURE_FACTS, runZgc } from '../helpers/io.js';

describe('findFact', () => {
  it('tries the exact id, then aliases, then a fuzzy match', async () => {
    const base = await loadFacts(FIXTURE_FACTS);
    expect(await findFact(base, 'expo-visitors-2024')).toMatchObject({ match: 'exact', score: 0 });
    expect(await findFact(base, 'EXPO-VISITORS-2024')).toMatchObject({ match: 'exact' });
    expect(await findFact(base, 'Expo attendance!')).toMatchObject({ match: 'alias', fact: { id: 'expo-visitors-2024' } });
    expect(await findFact(base, 'expo visitors 2024')).toMatchObject({ match: 'alias' });
    const fuzzy = await findFact(base, 'expo visiters');
    expect(fuzzy).toMatchObject({ match: 'fuzzy', fact: { id: 'expo-visitors-2024' } });
  });

  it('gives no answer for a weak best match, only suggestions', async () => {
    const base = await loadFacts(FIXTURE_FACTS);
    const r = await findFact(base, 'submarine cable tariffs');
    expect(r.fact).toBeNull();
  });

  it('normalises case, punctuation and typographic quotes', () => {
    expect(normalizeText('China’s  R&D—Spending, 2024!')).toBe('china r&d spending 2024');
    expect(normalizeText('ＲＮＤ　２０２４')).toBe('rnd 2024');
  });

  it(`never throws on random queries, ranking only facts it was given (200 cases)`, async () => {
    const base = await loadFacts(FIXTURE_FACTS);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), async (q) => {
        const ranked = await rankFacts(base.facts, q, 5);
        expect(ranked.length).toBeLessThanOrEqual(5);
        for (const r of ranked) expect(base.facts).toContain(r.fact);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a 10,000-character query and an empty one as usage errors', async () => {
    const long = await runZgc(['stat', 'x'.repeat(10000)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/^zgc: the query is longer than 500 characters/);
    expect((await runZgc(['search', 'y'.repeat(10000)])).code).toBe(2);
    expect((await runZgc(['stat', ''])).code).toBe(2);
  });
});
