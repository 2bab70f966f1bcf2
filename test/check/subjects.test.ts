import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactIndex } from '../../src/check/align/fact-index.js';
import { checkIndexOf } from '../helpers/check-index.js';
import { checkDraft, type CheckedClaim } from '../../src/check/verdict/check.js';

// Made-up facts: Lakeville's investment funds (100 billion yuan, 17 billion yuan invested), Medico's investment in
// Lakeville (2.5 billion US dollars) and the Lake Expo, the subject most facts share.
const FACTS = path.resolve(__dirname, '../fixtures/check-subjects/facts');
let index: FactIndex;

beforeAll(async () => {
  index = await checkIndexOf(FACTS);
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

describe('two versions of one figure ("X vs. Y", "X versus Y", "X or Y")', () => {
  const previous = "The Lake Expo's trade fair drew more than 2,000 institutions. ";

  it('matches both sides to the fact the sentence is about, not one side to a fact of the sentence before', () => {
    // The robots fact is disputed: nearly 100 (one source), more than 100 (another).
    for (const join of ['vs.', 'vs', 'versus']) {
      const results = claimsOf(`${previous}Few flag disputed figures, such as the number of robots at the expo (nearly 100 ${join} more than 100).`);
      const sides = results.filter((r) => r.claim.value === 100);
      expect(sides.map((r) => [r.claim.text, r.verdict, r.fact?.id]), join).toEqual([
        ['nearly 100', 'disputed', 'expo-robots'],
        ['more than 100', 'disputed', 'expo-robots'],
      ]);
    }
  });

  it('never lets one side be supported by a fact of other things', () => {
    const results = claimsOf(`${previous}Robots at the expo numbered nearly 100 vs. more than 100.`);
    for (const r of results.filter((x) => x.claim.value === 100)) expect(r.fact?.id ?? null, r.claim.text).not.toBe('expo-institutions');
  });
});

describe('years in citations', () => {
  it('are unsupported, with a note, in "(Author, year)", "(A & B, year; C, year)", "(A et al., year)" and "Publisher (year)"', () => {
    const results = claimsOf('Reports (Lu & Tang, 2023; Tao, 2025) and a summary (Se et al., 2025) agree, as does the Lake Post (2025).');
    const years = results.filter((r) => r.claim.dimension === 'year');
    expect(years.map((r) => [r.claim.text, r.verdict])).toEqual([
      ['2023', 'unsupported'],
      ['2025', 'unsupported'],
      ['2025', 'unsupported'],
      ['2025', 'unsupported'],
    ]);
    for (const r of years) expect(r.note).toMatch(/citation/);
  });

  it('do not date the sentence\'s figures', () => {
    // The booths fact is of 2025; a source of 2024 says nothing about the year of the booths.
    const r = verdictOf('The Lake Expo had 111 booths (Lake Post, 2024).', '111');
    expect(r.verdict).toBe('supported');
  });

  it('leave other years in brackets claims', () => {
    const results = claimsOf('The Lake Expo had 111 booths (2025).');
    expect(results.find((r) => r.claim.text === '2025')?.verdict).toBe('supported');
  });
});

describe('false alarms', () => {
  it('"news" is not "new": four news reports are not the expo\'s new technologies', () => {
    const r = verdictOf('Our study draws on four news reports about the Lake Expo.', 'four');
    expect(r.verdict).toBe('unsupported');
  });

  it('a figure belongs to its own clause\'s words first: R&D intensity is not the share of growth', () => {
    const r = verdictOf('Lake Expo technology contributes 60 percent of growth, a figure found in one source, while R&D intensity stood at 2.68% of GDP.', '2.68');
    expect(r.verdict).toBe('unsupported');
  });

  it('a conversion in the same sentence finds the fact in its own currency', () => {
    const results = claimsOf('Lakeville set up municipal investment funds with 100 billion yuan in total, or roughly $14 billion.');
    expect(results.map((r) => [r.claim.text, r.verdict, r.fact?.id])).toEqual([
      ['100 billion yuan', 'supported', 'lakeville-funds-size'],
      ['roughly $14 billion', 'supported', 'lakeville-funds-size-usd'],
    ]);
  });
});

describe('a figure of another year', () => {
  it('is not contradicted by a weaker fact of the sentence\'s year when the fact its words name gives it', () => {
    // Lakeville's funds invested 17 billion yuan in 2025; their size (100 billion yuan) spans December 2024 to June 2025.
    const r = verdictOf("By the end of 2024 Lakeville's funds had made investments worth 17 billion yuan.", '17 billion');
    expect(r.verdict).toBe('unsupported');
    expect(r.note).toMatch(/2025/);
  });
});

describe('abbreviations', () => {
  it('"yrs" is years', () => {
    expect(verdictOf('The Lake Expo has been held for 15 yrs straight.', '15').verdict).toBe('supported');
    expect(verdictOf('The Lake Expo has been held for 16 yrs straight.', '16').verdict).toBe('contradicted');
  });
});
