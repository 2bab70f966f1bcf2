import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { buildIndex, type FactIndex } from '../../src/check/match.js';
import { checkDraft, type CheckedClaim } from '../../src/check/check.js';

// Made-up facts: Lakeville's investment funds (100 billion yuan, 17 billion yuan invested), Medico's investment in
// Lakeville (2.5 billion US dollars) and the Lake Expo, the subject most facts share.
const FACTS = path.resolve(__dirname, '../fixtures/check-subjects/facts');
let index: FactIndex;

beforeAll(async () => {
  index = buildIndex(await loadFacts(FACTS));
});

function claimsOf(draft: string): CheckedClaim[] {
  return checkDraft(draft, index);
}

function verdictOf(draft: string, claim: string): CheckedClaim {
  const results = claimsOf(draft);
  const r = results.find((x) => x.claim.text.includes(claim));
  expect(r, `"${claim}" among ${results.map((x) => x.claim.text).join(' | ')}`).toBeDefined();
  return r!;
}

describe('a sentence naming another fact\'s subject', () => {
  it('is not matched to a fact about something else because the figure fits it', () => {
    // Medico pledged 2.5 billion dollars; 17 and 100 billion yuan are the funds' figures, not Medico's.
    for (const figure of ['17 billion yuan', '100 billion yuan']) {
      const r = verdictOf(`Medico has pledged ${figure} for Lakeville.`, figure);
      expect(r.verdict, figure).toBe('unsupported');
    }
  });

  it('still finds the fact whose subject it names', () => {
    expect(verdictOf('Medico has pledged US$2.5 billion for Lakeville.', '2.5').verdict).toBe('supported');
    const r = verdictOf("Lakeville's funds have invested 17 billion yuan.", '17 billion');
    expect(r.verdict).toBe('supported');
    expect(r.fact?.id).toBe('lakeville-funds-invested');
    expect(verdictOf("Lakeville's funds have invested 19 billion yuan.", '19 billion').verdict).toBe('contradicted');
  });
});
