/** The words that tied a claim to its fact: the draft's own words, as written, that the fact holds. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../src/check/verdict/check.js';
import { MAX_TYING_WORDS, tyingWordsOf } from '../../../src/check/verdict/why.js';
import { checkIndexOf } from '../../helpers/check-index.js';

const FACTS = path.resolve(__dirname, '../../fixtures/html/facts');

async function words(draft: string): Promise<Array<[string, string | null, string[]]>> {
  const index = await checkIndexOf(FACTS);
  const results = checkDraft(draft, index);
  const tied = tyingWordsOf(draft, results, index);
  return results.map((r) => [r.claim.text, r.fact?.id ?? null, tied.get(r) ?? []]);
}

describe('tying words', () => {
  it('are words of the sentence, as written, that the fact holds, the counted noun first', async () => {
    const [text, fact, tied] = (await words('Fliers said 2,400 kites were flown at the Millbrook Kite Festival under grey skies.\n'))[0]!;
    expect([text, fact]).toEqual(['2,400 kites', 'kite-festival-kites-2024']);
    expect(tied[0]).toBe('kites');
    expect(tied).toEqual(expect.arrayContaining(['flown', 'Millbrook', 'Festival']));
    // Words the fact does not hold are no reason: "Fliers", "grey", "skies".
    expect(tied.filter((w) => /^(Fliers|said|grey|skies|under)$/.test(w))).toEqual([]);
    expect(tied.length).toBeLessThanOrEqual(MAX_TYING_WORDS);
  });

  it('read the heading and the sentence before when the sentence leans on them, and are none without a fact', async () => {
    const result = await words('# Millbrook Kite Festival\n\nThe budget came to about 2.5 million dollars. Some 35 stalls sold food.\n');
    const budget = result.find(([t]) => t === 'about 2.5 million dollars')!;
    expect(budget[1]).toBe('kite-festival-budget-2024');
    expect(budget[2].slice(0, 2).sort()).toEqual(['budget', 'dollars']);
    expect(budget[2]).toEqual(expect.arrayContaining(['Millbrook', 'Kite', 'Festival']));
    expect(result.find(([t]) => t.endsWith('35 stalls'))).toEqual(['Some 35 stalls', null, []]);
  });
});
