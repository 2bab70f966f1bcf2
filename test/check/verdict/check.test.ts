import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FactIndex } from '../../../src/check/align/fact-index.js';
import { checkIndexOf } from '../../helpers/check-index.js';
import { factsDirWith, SOURCE_YAML } from '../../helpers/tmp.js';
import { checkDraft, type CheckedClaim } from '../../../src/check/verdict/check.js';

const FACTS = path.resolve(__dirname, '../../fixtures/check/facts');
let index: FactIndex;

beforeAll(async () => {
  index = await checkIndexOf(FACTS);
});

/** The one claim whose text holds `claim`, checked within `sentence`. */
function verdictOf(sentence: string, claim: string): CheckedClaim {
  const results = checkDraft(sentence, index);
  const r = results.find((x) => x.claim.text.includes(claim));
  expect(r, `"${claim}" among ${results.map((x) => x.claim.text).join(' | ')}`).toBeDefined();
  return r!;
}

describe('verdicts', () => {
  it('supports a figure the fact gives and names the fact', () => {
    const r = verdictOf('The 2024 Harbor Fair drew 52,000 visitors.', '52,000');
    expect(r.verdict).toBe('supported');
    expect(r.fact?.id).toBe('fair-visitors-2024');
  });

  it('contradicts a wrong figure and gives the facts\' figure and sources', () => {
    const r = verdictOf('The 2024 Harbor Fair drew 25,000 visitors.', '25,000');
    expect(r.verdict).toBe('contradicted');
    expect(r.expected).toMatchObject([{ value: 52000, unit: 'count', bound: 'exact', sources: ['harbor-gazette-fair'], outcome: 'contradicted' }]);
  });

  it('compares after scale and currency: a wrong scale or currency is wrong', () => {
    expect(verdictOf('The Harbor Port authority invested 3,600 billion yuan in 2024.', '3,600').verdict).toBe('supported');
    expect(verdictOf('The Harbor Port authority invested RMB3.6tn in 2024.', 'RMB').verdict).toBe('supported');
    expect(verdictOf('The Harbor Port authority invested 3.6 billion yuan in 2024.', '3.6 billion').verdict).toBe('contradicted');
    expect(verdictOf('The Harbor Port authority invested 3.6 trillion dollars in 2024.', '3.6 trillion').verdict).toBe('contradicted');
  });

  it('leaves a conversion into another currency unsupported: there is no exchange rate to check it with', () => {
    expect(verdictOf('The Harbor Port authority invested 500 billion dollars in 2024.', '500 billion').verdict).toBe('unsupported');
  });

  it('honours the fact\'s bound', () => {
    expect(verdictOf('More than 1,200 exhibitors came to the 2024 Harbor Fair.', '1,200').verdict).toBe('supported');
    expect(verdictOf('Over 1,000 exhibitors came to the 2024 Harbor Fair.', '1,000').verdict).toBe('supported');
    expect(verdictOf('Exactly 1,200 exhibitors came to the 2024 Harbor Fair.', '1,200').verdict).toBe('contradicted');
  });

  it('shows each version of a disputed figure', () => {
    const r = verdictOf('The Harbor Fair had a budget of about 1.2 billion dollars in 2024.', '1.2 billion');
    expect(r.verdict).toBe('disputed');
    expect(r.expected.map((e) => [e.value, e.sources, e.outcome])).toEqual([
      [1.2e9, ['harbor-gazette-fair'], 'supported'],
      [1.5e9, ['valley-post-fair'], 'contradicted'],
    ]);
    expect(verdictOf('The Harbor Fair had a budget of 1.5 billion dollars in 2024.', '1.5 billion').verdict).toBe('disputed');
    expect(verdictOf('The Harbor Fair had a budget of 3 billion dollars in 2024.', '3 billion').verdict).toBe('contradicted');
  });

  it('keeps growth rates and shares apart', () => {
    expect(verdictOf("The Harbor Fair's ticket revenue grew 12.5 percent in 2024.", '12.5').verdict).toBe('supported');
    expect(verdictOf("The Harbor Fair's ticket revenue fell 12.5 percent in 2024.", '12.5').verdict).toBe('contradicted');
    expect(verdictOf("Ticket revenue made up 12.5 percent of the Harbor Fair's income in 2024.", '12.5').verdict).toBe('unsupported');
  });

  it('checks ranks', () => {
    expect(verdictOf("The Harbor Fair is the region's third-largest trade fair.", 'third').verdict).toBe('supported');
    expect(verdictOf("The Harbor Fair is the region's second-largest trade fair.", 'second').verdict).toBe('contradicted');
  });

  it('checks founding years and dates', () => {
    expect(verdictOf('The Harbor Fair was founded in 1998.', '1998').verdict).toBe('supported');
    expect(verdictOf('The Harbor Fair was founded in 1999.', '1999').verdict).toBe('contradicted');
    expect(verdictOf('The 2024 Harbor Fair was held from May 28 to June 1.', 'May 28').verdict).toBe('supported');
    expect(verdictOf('The 2024 Harbor Fair was held from May 28 to June 1.', '2024').verdict).toBe('supported');
    expect(verdictOf('The 2024 Harbor Fair was held from May 28 to May 31.', 'May 28').verdict).toBe('contradicted');
  });

  it('contradicts the year, not the figure, when the figure belongs to another year', () => {
    const results = checkDraft('In 2023, the Harbor Fair drew 52,000 visitors.', index);
    expect(results.map((r) => [r.claim.text, r.verdict])).toEqual([
      ['2023', 'contradicted'],
      ['52,000 visitors', 'unsupported'],
    ]);
    expect(results[0]!.expected[0]!.period).toBe('2024');
  });

  it('leaves a figure no fact is about unsupported', () => {
    const r = verdictOf('The Harbor Fair had 40 food stalls.', '40');
    expect(r.verdict).toBe('unsupported');
    expect(r.fact).toBeNull();
  });

  it('never supports a number it cannot read for sure', () => {
    const r = verdictOf('The 2024 Harbor Fair drew 52.000 visitors.', '52.000');
    expect(r.verdict).toBe('unsupported');
    expect(r.note).toMatch(/reads two ways/);
  });
});

describe('a wrong number is never supported', () => {
  it('for any visitor count but the facts\' one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => {
        fc.pre(n !== 52000);
        const figure = n.toLocaleString('en-US');
        const r = checkDraft(`The 2024 Harbor Fair drew ${figure} visitors.`, index).find((x) => x.claim.dimension === 'quantity');
        return r !== undefined && r.verdict !== 'supported';
      }),
      { numRuns: 200 },
    );
  });

  it('for any investment that is not 3.6 trillion yuan, in any scale or currency', () => {
    const scales = ['thousand', 'million', 'billion', 'trillion'];
    const currencies = ['yuan', 'dollars', 'euros'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...scales), fc.constantFrom(...currencies), (n, decimals, scale, currency) => {
        const figure = (n / 10 ** decimals).toString();
        const value = Number(figure) * 10 ** (3 * (scales.indexOf(scale) + 1));
        fc.pre(!(Math.abs(value - 3.6e12) < 1 && currency === 'yuan'));
        const r = checkDraft(`The Harbor Port authority invested ${figure} ${scale} ${currency} in 2024.`, index).find((x) => x.claim.dimension === 'money');
        return r !== undefined && r.verdict !== 'supported';
      }),
      { numRuns: 300 },
    );
  });
});

describe("a figure the fact's own text names", () => {
  it('is not confirmed in percentage points by the percentage the text gives', async () => {
    const facts = `facts:
  - id: stall-rents-2024
    title: Change in stall rents at the Harbor Fair in 2024
    statement: Stall rents at the Harbor Fair fell 10.6 percent in 2024.
    value: -10.6
    unit: percent
    display: down 10.6 percent
    period: 2024
    tags: [growth]
    sources: [{ source: src-a, quote: "Stall rents fell 10.6 percent." }]
`;
    const rents = await checkIndexOf(factsDirWith({ 'sources.yaml': SOURCE_YAML, 'facts.yaml': facts }));
    const inPoints = checkDraft('Harbor Fair stall rents fell 10.6 percentage points in 2024.', rents).find((r) => r.claim.text.includes('10.6'))!;
    expect(inPoints.verdict).toBe('contradicted');
    const inPercent = checkDraft('Harbor Fair stall rents fell 10.6 percent in 2024.', rents).find((r) => r.claim.text.includes('10.6'))!;
    expect(inPercent.verdict).toBe('supported');
  });
});

describe('a dateline', () => {
  it('is the date of the copy: not matched to the dates of a fact it falls in', () => {
    const wire = verdictOf('HARBOR CITY, May 30 (Harbor Wire) -- The 2024 Harbor Fair drew 52,000 visitors.', 'May 30');
    expect([wire.verdict, wire.fact]).toEqual(['unsupported', null]);
    const chinese = verdictOf('新华社海港城5月30日电 2024 Harbor Fair drew 52,000 visitors.', '5月30日');
    expect([chinese.verdict, chinese.fact]).toEqual(['unsupported', null]);
    // The same date inside a sentence is no dateline.
    expect(verdictOf('The 2024 Harbor Fair was still open on May 30, drawing crowds.', 'May 30').note ?? '').not.toMatch(/dateline/);
  });
});

describe('a range', () => {
  it("is supported by a fact that keeps the range's top and writes the range in its display", async () => {
    const facts = `facts:
  - id: stall-premium-2024
    title: Premium for stalls near the Harbor Fair gate in 2024
    statement: Stalls near the Harbor Fair gate cost more than others in 2024, by as much as half.
    value: 50
    unit: percent
    bound: at-most
    display: 10-50% more
    period: 2024
    sources: [{ source: src-a, quote: "Stalls near the gate cost 10-50% more." }]
`;
    const premium = await checkIndexOf(factsDirWith({ 'sources.yaml': SOURCE_YAML, 'facts.yaml': facts }));
    const at = (draft: string) => checkDraft(draft, premium).find((r) => r.claim.high !== null)!;
    expect(at('Stalls near the Harbor Fair gate cost 10–50% more in 2024.').verdict).toBe('supported');
    expect(at('Stalls near the Harbor Fair gate cost 20–50% more in 2024.').verdict).not.toBe('supported');
  });
});

