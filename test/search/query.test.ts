import { describe, expect, it } from 'vitest';
import { parseQuery, queryPeriod } from '../../src/search/query.js';
import { EMPTY_VOCABULARY, type Vocabulary } from '../../src/facts/vocabulary.js';

const vocabulary: Vocabulary = {
  key: 'test',
  groups: [
    { phrases: ['ferry', 'ferries', 'boat'], names: false },
    { phrases: ['MHA', 'Mirvale Harbour Authority'], names: false },
    { phrases: ['Mirvale', 'Mirvalian'], names: true },
  ],
};
const names = (q: string, v = vocabulary) => parseQuery(q, v).names.map((n) => n.text);

describe('a query read for its parts', () => {
  it('reads a year, a month, a quarter, a half, a date and a span of years as periods', () => {
    expect(queryPeriod('ferry passengers 2024')).toMatchObject({ text: '2024', from: '2024-01-01', to: '2024-12-31' });
    expect(queryPeriod('passengers in August 2024')).toMatchObject({ text: '2024-08', from: '2024-08-01', to: '2024-08-31' });
    expect(queryPeriod('passengers February 2024')).toMatchObject({ to: '2024-02-29' });
    expect(queryPeriod('GDP growth Q4 2024')).toMatchObject({ from: '2024-10-01', to: '2024-12-31' });
    expect(queryPeriod('fourth-quarter 2024 growth')).toMatchObject({ from: '2024-10-01', to: '2024-12-31' });
    expect(queryPeriod('first half of 2023')).toMatchObject({ from: '2023-01-01', to: '2023-06-30' });
    expect(queryPeriod('regatta on March 27, 2025')).toMatchObject({ text: '2025-03-27' });
    expect(queryPeriod('regatta 2025-03-27')).toMatchObject({ text: '2025-03-27' });
    expect(queryPeriod('passengers 2021 to 2023')).toMatchObject({ from: '2021-01-01', to: '2023-12-31' });
    expect(queryPeriod('top 100 clusters, 136 qubits, 10,000 people')).toBeNull();
  });

  it('leaves a relative period unresolved and out of the words matched', () => {
    const q = parseQuery('how much did Mirvale spend last year', vocabulary);
    expect(q.period).toBeNull();
    expect(q.relative).toBe(true);
    expect(q.terms.map((t) => t.word)).toEqual(['mirvale', 'spend']);
  });

  it('drops the words that only make it a question', () => {
    const q = parseQuery('When did the regatta take place in 2023?', vocabulary);
    expect(q.terms.map((t) => t.word)).toEqual(['regatta', '2023']);
    expect(q.questionWords).toEqual(expect.arrayContaining(['when', 'did', 'the']));
  });

  it('takes capitalised and all-capital words as names, but not a question word, a month or a title-cased query', () => {
    expect(names('What did Quillport spend on ferries in May 2024')).toEqual(['Quillport']);
    expect(names('How many EV chargers in March 2024')).toEqual(['EV']);
    expect(names('Quillport ferry passengers')).toEqual(['Quillport']);
    expect(names('Annual Ferry Passenger Count Report')).toEqual([]);
    expect(names('Total ferry passengers 2024')).toEqual([]);
  });

  it("reads a names group's member as a name however it is written, with the group's other names", () => {
    const q = parseQuery('mirvalian ferry passengers', vocabulary);
    expect(q.names).toEqual([{ text: 'mirvalian', forms: [['mirvalian'], ['mirvale']] }]);
    expect(names('mirvalian ferry passengers', EMPTY_VOCABULARY)).toEqual([]);
  });

  it("gives each word of a vocabulary phrase the group's other words and phrases, and a plural its singular", () => {
    const q = parseQuery('MHA boats', vocabulary);
    expect(q.terms).toEqual([
      { word: 'mha', alternatives: [{ words: ['mirvale', 'harbour', 'authority'], quality: 0.9 }] },
      { word: 'boats', alternatives: [{ words: ['boat'], quality: 0.9 }] },
    ]);
    const long = parseQuery('Mirvale Harbour Authority budget', vocabulary);
    expect(long.terms.find((t) => t.word === 'harbour')!.alternatives).toContainEqual({ words: ['mha'], quality: 0.9 });
  });

  it('reads a span of months of one year ("October-December 2024", "January to March 2024")', () => {
    expect(queryPeriod('growth October-December 2024')).toMatchObject({ text: '2024-10/2024-12', from: '2024-10-01', to: '2024-12-31' });
    expect(queryPeriod('output January to March 2024')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(queryPeriod('passengers December 2024')).toMatchObject({ text: '2024-12' });
  });

  it('leaves a baseline year ("since mid-2023") out of the period and the words matched', () => {
    const q = parseQuery('fastest ferry growth since mid-2023', vocabulary);
    expect(q.period).toBeNull();
    expect(q.terms.map((t) => t.word)).toEqual(['fastest', 'ferry', 'growth']);
    expect(parseQuery('ferry passengers 2024, the most since 2019', vocabulary).period).toMatchObject({ text: '2024' });
  });

  it('takes an abbreviation written as a plural ("RIBs") for its singular too, as a name and as a word', () => {
    const q = parseQuery('how many RIBs moor at Mirvale', vocabulary);
    expect(q.names.find((n) => n.text === 'RIBs')?.forms).toEqual([['ribs'], ['rib']]);
    expect(q.terms.find((t) => t.word === 'ribs')?.alternatives.map((a) => a.words)).toContainEqual(['rib']);
  });

  it('reads a superlative for its direction, with the words that mean the same', () => {
    const big = parseQuery('biggest Mirvale dock crane', vocabulary);
    expect(big).toMatchObject({ superlative: 'max', superlativeWords: ['biggest'] });
    expect(big.terms[0]!.alternatives.map((a) => a.words[0])).toEqual(expect.arrayContaining(['largest', 'greatest']));
    expect(parseQuery('which crane lifts the least', vocabulary).superlative).toBe('min');
    expect(parseQuery('top 100 clusters', vocabulary).superlative).toBeNull();
  });

  it('lists the words that write the period, so that a fact not holding them is not scored down for them', () => {
    expect(parseQuery('ferry passengers first quarter 2024', vocabulary).periodTerms).toEqual(['first', 'quarter', '2024']);
    expect(parseQuery('ferry passengers', vocabulary).periodTerms).toEqual([]);
  });
});
