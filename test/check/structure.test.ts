import { beforeAll, describe, expect, it } from 'vitest';
import { factsDirWith, SOURCE_YAML } from '../helpers/tmp.js';
import { checkIndexOf } from '../helpers/check-index.js';
import { checkDraft, type CheckedClaim } from '../../src/check/verdict/check.js';
import { extractClaims } from '../../src/check/claims/extract.js';
import type { FactIndex } from '../../src/check/align/fact-index.js';
import { claimContext } from '../../src/check/align/context.js';

// A made-up orchard cooperative: its apple and pear harvests, their growth, and its quarterly sales.
const FACTS = `facts:
  - id: apple-harvest-2024
    title: Apple harvest of the Westvale cooperative in 2024
    statement: The Westvale cooperative harvested 5,200 tonnes of apples in 2024.
    value: 5200
    unit: tonne
    display: 5,200 tonnes
    period: 2024
    subject: Westvale cooperative
    sources: [{ source: src-a, quote: "Apples: 5,200 tonnes." }]
  - id: pear-harvest-2024
    title: Pear harvest of the Westvale cooperative in 2024
    statement: The Westvale cooperative harvested 1,900 tonnes of pears in 2024.
    value: 1900
    unit: tonne
    display: 1,900 tonnes
    period: 2024
    subject: Westvale cooperative
    sources: [{ source: src-a, quote: "Pears: 1,900 tonnes." }]
  - id: apple-harvest-growth-2024
    title: Growth of the Westvale apple harvest in 2024
    statement: The apple harvest grew 12 percent year on year in 2024.
    value: 12
    unit: percent
    display: up 12 percent
    period: 2024
    subject: Westvale cooperative
    tags: [growth]
    sources: [{ source: src-a, quote: "The apple harvest grew 12 percent." }]
  - id: cider-sales-q3-2024
    title: Cider sales in the third quarter of 2024
    statement: The cooperative sold 410,000 bottles of cider in the third quarter of 2024.
    value: 410000
    unit: count
    display: 410,000 bottles
    period: {from: 2024-07-01, to: 2024-09-30}
    subject: Westvale cooperative
    sources: [{ source: src-a, quote: "Cider sales reached 410,000 bottles in the third quarter." }]
  - id: cider-sales-q2-2024
    title: Cider sales in the second quarter of 2024
    statement: The cooperative sold 380,000 bottles of cider in the second quarter of 2024.
    value: 380000
    unit: count
    display: 380,000 bottles
    period: {from: 2024-04-01, to: 2024-06-30}
    subject: Westvale cooperative
    sources: [{ source: src-a, quote: "Cider sales reached 380,000 bottles in the second quarter." }]
`;
const RANKS = `
  - id: cider-export-rank-2024
    title: Westvale's world rank in cider exports in 2024
    statement: In 2024 Westvale was the world's second-largest cider exporter.
    value: 2
    unit: rank
    display: the world's second-largest cider exporter
    period: 2024
    subject: Westvale cooperative
    aliases: [world rank in cider exports]
    sources: [{ source: src-a, quote: "Westvale is the world's second-largest cider exporter." }]
  - id: orchard-index-rank-2024
    title: Westvale's world rank in the Orchard Index in 2024
    statement: Westvale ranked 11th in the Orchard Index in 2024.
    value: 11
    unit: rank
    display: 11th rank
    period: 2024
    subject: Westvale cooperative
    sources: [{ source: src-a, quote: "Westvale ranked 11th in the Orchard Index." }]
`;
const SLICES = `
  - id: juice-sales-2024
    title: Westvale cooperative juice sales in 2024
    statement: The cooperative's juice sales grew 6 percent in 2024.
    value: 6
    unit: percent
    display: up 6 percent
    period: 2024
    subject: Westvale cooperative
    tags: [growth]
    sources: [{ source: src-a, quote: "Juice sales grew 6 percent in 2024." }]
  - id: juice-sales-jan-nov-2024
    title: Westvale cooperative juice sales from January to November 2024
    statement: The cooperative's juice sales grew 7 percent from January to November 2024.
    value: 7
    unit: percent
    display: up 7 percent
    period: {from: 2024-01-01, to: 2024-11-30}
    subject: Westvale cooperative
    tags: [growth]
    sources: [{ source: src-a, quote: "Juice sales grew 7 percent in the first eleven months." }]
  - id: juice-sales-2024-12
    title: Westvale cooperative juice sales in December 2024
    statement: The cooperative's juice sales grew 9 percent in December 2024.
    value: 9
    unit: percent
    display: up 9 percent
    period: 2024-12
    subject: Westvale cooperative
    tags: [growth]
    sources: [{ source: src-a, quote: "Juice sales grew 9 percent in December." }]
`;
const VOCABULARY = `vocabulary:
  abbreviations:
    Q2: second quarter
    Q3: third quarter
  names:
    United States: [US, America]
`;

let index: FactIndex;
beforeAll(async () => {
  index = await checkIndexOf(factsDirWith({ 'sources.yaml': SOURCE_YAML, 'facts.yaml': FACTS + RANKS + SLICES, 'vocabulary.yaml': VOCABULARY }));
});

const find = (results: CheckedClaim[], text: string) => results.find((r) => r.claim.text.includes(text));

describe('a Markdown table', () => {
  it('reads a cell by its column header and row label', () => {
    const draft = ['# Westvale cooperative, 2024', '', '| Fruit | Harvest (tonnes) | Harvest growth, y/y |', '|---|---|---|', '| Apples | 5,200 | 12% |', '| Pears | 1,800 | n/a |', ''].join('\n');
    const results = checkDraft(draft, index);
    expect(find(results, '5,200')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-2024' } });
    expect(find(results, '12%')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-growth-2024' } });
    expect(find(results, '1,800')).toMatchObject({ verdict: 'contradicted', fact: { id: 'pear-harvest-2024' } });
  });

  it('without its header row, a bare cell names no fact', () => {
    const draft = ['# Westvale cooperative, 2024', '', '| Apples | 5,200 | 12% |', ''].join('\n');
    const results = checkDraft(draft, index);
    expect(find(results, '12%')?.verdict).toBe('unsupported');
  });
});

describe('a word glued to digits', () => {
  it('is one word: "Q3" is the vocabulary\'s third quarter, and the year after it is a year', () => {
    const results = checkDraft('Westvale cooperative Q3 2024 cider sales: 410,000 bottles.\n', index);
    expect(find(results, '410,000')).toMatchObject({ verdict: 'supported', fact: { id: 'cider-sales-q3-2024' } });
    expect(extractClaims('Westvale cooperative Q3 2024 cider sales: 410,000 bottles.\n').claims.find((c) => c.text === '2024')?.dimension).toBe('year');
    // The second quarter's figure given for the third is wrong, not the other quarter's fact.
    const wrong = checkDraft('Westvale cooperative Q3 2024 cider sales: 380,000 bottles.\n', index);
    expect(find(wrong, '380,000')).toMatchObject({ verdict: 'contradicted', fact: { id: 'cider-sales-q3-2024' } });
  });
});

describe('a year that dates a figure', () => {
  it('is not a claim line of its own when it is right', () => {
    const results = checkDraft('The Westvale cooperative harvested 5,200 tonnes of apples in 2024.\n', index);
    expect(results.map((r) => r.claim.text)).toEqual(['5,200 tonnes']);
    expect(results[0]).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-2024' } });
  });

  it('is reported when it is wrong, and a year that dates nothing is a claim', () => {
    const wrong = checkDraft('The Westvale cooperative harvested 5,200 tonnes of apples in 2023.\n', index);
    expect(wrong.map((r) => [r.claim.text, r.verdict])).toEqual([
      ['5,200 tonnes', 'unsupported'],
      ['2023', 'contradicted'],
    ]);
    expect(checkDraft('The Westvale cider sales were counted in 2024.\n', index).map((r) => r.claim.text)).toEqual(['2024']);
  });
});

describe('a signed percentage', () => {
  it('is a change with its sign: "+12%" agrees with a rise of 12 percent, "−12%" contradicts it', () => {
    const up = checkDraft('Westvale cooperative apple harvest growth: +12% in 2024.\n', index);
    expect(find(up, '12%')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-growth-2024' } });
    const down = checkDraft('Westvale cooperative apple harvest growth: \u221212% in 2024.\n', index);
    expect(find(down, '12%')).toMatchObject({ verdict: 'contradicted', fact: { id: 'apple-harvest-growth-2024' } });
  });
});

describe('two figures joined in one clause', () => {
  it('give each its own subject: the words after "and" belong to the second figure', () => {
    const results = checkDraft("In 2024 the Westvale cooperative's apple harvest came to 5,200 tonnes and its pear harvest 1,900 tonnes.\n", index);
    expect(find(results, '5,200')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-2024' } });
    expect(find(results, '1,900')).toMatchObject({ verdict: 'supported', fact: { id: 'pear-harvest-2024' } });
  });
});

describe('lines of a social post', () => {
  it('are sentences of their own when they start with an emoji or a bullet sign', () => {
    const ex = extractClaims('Harvest 👇\n🔹 5,200 tonnes of apples\n🔹 1,900 tonnes of pears\n• 12 bottles\n');
    expect(new Set(ex.claims.map((c) => c.sentence)).size).toBe(3);
  });

  it('take the words of the line leading into them', () => {
    const draft = 'Westvale cooperative, 2024 harvest 👇\n🔹 5,200 tonnes of apples\n🔹 1,900 tonnes of pears\n• apple harvest growth 12%\n';
    const results = checkDraft(draft, index);
    expect(find(results, '5,200')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-2024' } });
    expect(find(results, '1,900')).toMatchObject({ verdict: 'supported', fact: { id: 'pear-harvest-2024' } });
    expect(find(results, '12%')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-growth-2024' } });
  });
});

describe('a line parted by semicolons', () => {
  it('gives each part the label that opens the line', () => {
    const results = checkDraft('- Westvale cooperative apple harvest: 12% growth; 5,200 tonnes\n', index);
    expect(find(results, '5,200')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-2024' } });
    expect(find(checkDraft('- Westvale cooperative pear harvest: 1,900 tonnes; 5,200 tonnes\n', index), '5,200')).toMatchObject({ verdict: 'contradicted', fact: { id: 'pear-harvest-2024' } });
    // The label's words weigh as the part's own, not as a sentence before it.
    const ex = extractClaims('- Westvale cooperative apple harvest: 12% growth; 5,200 tonnes\n');
    const tonnes = ex.claims.find((c) => c.text.startsWith('5,200'))!;
    expect(ex.sentences[tonnes.sentence]!.tokenStart).toBeGreaterThan(ex.sentences[0]!.tokenStart);
    const ctx = claimContext(ex, tonnes, index.terms);
    expect(ctx.weights.get(index.terms.termOf('apple')!)).toBe(1);
    expect(ctx.own.has(index.terms.termOf('harvest')!)).toBe(true);
  });
});

describe('an answer to a question', () => {
  it('reads the question the paragraph before asks', () => {
    const draft = 'Host: How many tonnes of pears did the Westvale cooperative harvest in 2024?\n\nGuest: 1,900 tonnes, a good year.\n';
    expect(find(checkDraft(draft, index), '1,900')).toMatchObject({ verdict: 'supported', fact: { id: 'pear-harvest-2024' } });
    // An answer that names nothing but the figure.
    const bare = 'Host: How big was the Westvale cooperative pear harvest in 2024?\n\nGuest: 1,800 tonnes.\n';
    expect(find(checkDraft(bare, index), '1,800')).toMatchObject({ verdict: 'contradicted', fact: { id: 'pear-harvest-2024' } });
  });
});

describe('a clause naming only a change', () => {
  it('speaks of what the clause before it names', () => {
    const draft = 'Reporting on the season, the Westvale cooperative harvested 5,200 tonnes of apples in 2024, up 12%.\n';
    expect(find(checkDraft(draft, index), '12%')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-growth-2024' } });
  });
});

describe('a counted noun', () => {
  it('does not hand the claim to a fact it is counted by when the words name another fact far better', () => {
    const draft = ['| Indicator | Figure | Period |', '|---|---|---|', '| Westvale world rank in cider exports | 2nd | 2024 |', ''].join('\n');
    expect(find(checkDraft(draft, index), '2nd')).toMatchObject({ verdict: 'supported', fact: { id: 'cider-export-rank-2024' } });
  });
});

describe('a percentage that does not say what it is', () => {
  it('may be confirmed by a growth rate, never ruled out by one, and one that says it is a share is not a growth rate', () => {
    const table = (figure: string) => ['| Indicator | Westvale cooperative apple harvest, 2024 |', '|---|---|', `| Estimate | ${figure} |`, ''].join('\n');
    expect(find(checkDraft(table('12%'), index), '12%')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-growth-2024' } });
    expect(find(checkDraft(table('15%'), index), '15%')?.verdict).toBe('unsupported');
    const share = checkDraft('In 2024 the Westvale cooperative apple harvest was 12% of the regional total.\n', index);
    expect(find(share, '12%')?.verdict).toBe('unsupported');
  });
});

describe('a table header row', () => {
  it('makes no claim, and a year heading a column dates its cells', () => {
    const draft = ['| Westvale cooperative | 2023 | 2024 |', '|---|---|---|', '| Apple harvest (tonnes) | n/a | 5,300 |', ''].join('\n');
    const results = checkDraft(draft, index);
    expect(results.map((r) => r.claim.text)).toEqual(['5,300']);
    expect(results[0]).toMatchObject({ verdict: 'contradicted', fact: { id: 'apple-harvest-2024' } });
  });
});

describe('a fact about part of a year', () => {
  it('is the one meant when the clause names its months, and the year\'s fact when it names none', () => {
    const results = checkDraft('## Westvale cooperative, 2024\n\n- Juice sales: +6% (Jan–Nov: +7%)\n', index);
    expect(find(results, '+6%')).toMatchObject({ verdict: 'supported', fact: { id: 'juice-sales-2024' } });
    expect(find(results, '+7%')).toMatchObject({ verdict: 'supported', fact: { id: 'juice-sales-jan-nov-2024' } });
  });
});

describe('a month named beside a figure', () => {
  it("makes the figure the month's, not the whole year's", () => {
    const results = checkDraft('| Westvale cooperative | 2024 |\n|---|---|\n| Juice sales | up 6%; 9% in December |\n', index);
    expect(find(results, '9%')).toMatchObject({ verdict: 'supported', fact: { id: 'juice-sales-2024-12' } });
    expect(find(checkDraft('Westvale juice sales grew 12% in December.\n', index), '12%')).toMatchObject({ verdict: 'contradicted', fact: { id: 'juice-sales-2024-12' } });
  });
});

describe('a year said to be a starting point', () => {
  it('does not date the figure ("以来", since)', () => {
    const draft = '| 指标 | 增速 | 备注 |\n|---|---|---|\n| Westvale juice sales | up 6% | 1987年以来最高 |\n';
    expect(find(checkDraft(draft, index), '6%')).toMatchObject({ verdict: 'supported', fact: { id: 'juice-sales-2024' } });
  });
});

describe('a counted noun opening the sentence', () => {
  it('is the subject of the figures after it too', () => {
    const draft = "The Westvale cooperative's three apple harvest crews, with a combined 5,200 tonnes in 2024, worked in shifts.\n";
    expect(find(checkDraft(draft, index), '5,200')).toMatchObject({ verdict: 'supported', fact: { id: 'apple-harvest-2024' } });
  });
});

describe("a label's year", () => {
  it('dates the figures after the colon and makes no claim line of its own', () => {
    const results = checkDraft('- Westvale apple harvest 2024: 5,200 tonnes, up 12%\n', index);
    expect(results.map((r) => r.claim.text)).not.toContain('2024');
    expect(find(results, '5,200')).toMatchObject({ verdict: 'supported' });
  });
});

describe('a dateline', () => {
  it('dates the copy, not a fact, in English and in Chinese', () => {
    const english = checkDraft('WESTVALE, Nov. 30 (Harbor Wire) -- The cooperative harvested 5,200 tonnes of apples in 2024.\n', index);
    expect(find(english, 'Nov. 30')).toMatchObject({ verdict: 'unsupported', fact: null });
    expect(find(english, '5,200')).toMatchObject({ verdict: 'supported' });
    const chinese = checkDraft('新华社西韦尔11月30日电 合作社2024年收获苹果5,200吨。\n', index);
    expect(find(chinese, '11月30日')).toMatchObject({ verdict: 'unsupported', fact: null });
    // A date inside a sentence is a claim.
    expect(checkDraft('Cider sales reached 410,000 bottles by Sept. 30, 2024.\n', index).find((r) => r.claim.dimension === 'date')?.note ?? '').not.toMatch(/dateline/);
  });
});

describe('a name in capitals', () => {
  it('is the vocabulary\'s name, not the pronoun it spells ("US", "us")', () => {
    const ex = extractClaims('US buyers paid 5% more, the cooperative told us.');
    const ctx = claimContext(ex, ex.claims[0]!, index.terms);
    const us = index.terms.termOf('US');
    expect(us).not.toBeNull();
    expect(ctx.weights.has(us!)).toBe(true);
    expect(index.terms.termOf('us')).toBeNull();
  });
});

describe('a unit written in Chinese', () => {
  it('is no word of the context: the currency says it once', () => {
    const ex = extractClaims('Westvale 苹果出口额达2.5亿美元。');
    const ctx = claimContext(ex, ex.claims[0]!, index.terms);
    expect(ex.claims[0]!.unit).toBe('USD');
    expect(ctx.weights.has('美元')).toBe(false);
    expect(ctx.weights.has(index.terms.termOf('westvale')!)).toBe(true);
  });
});

describe('a hashtag in camel case', () => {
  it('names its words: "#WestvaleCooperative" names the cooperative for the lines under it', () => {
    const wordsFor = (draft: string) => {
      const ex = extractClaims(draft);
      return claimContext(ex, ex.claims[0]!, index.terms).all;
    };
    const camel = wordsFor('Back from #WestvaleCooperative harvest day 👇\n🔹 Apples: 5,200 tonnes\n');
    expect(camel.has(index.terms.termOf('westvale')!)).toBe(true);
    expect(camel.has(index.terms.termOf('cooperative')!)).toBe(true);
    const flat = wordsFor('Back from #westvalecooperative harvest day 👇\n🔹 Apples: 5,200 tonnes\n');
    expect(flat.has(index.terms.termOf('westvale')!)).toBe(false);
  });
});
