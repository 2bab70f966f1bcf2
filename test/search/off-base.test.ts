/**
 * Queries about something the facts do not hold, over the made-up Pellora
 * facts (test/fixtures/lookup-orchards): another place than the fact's
 * subject, a question the fact cannot answer ("how many" and a percentage),
 * and a measure only a fact of another period holds. Each is a miss, not
 * another fact's answer; the queries the facts do hold still find them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { findFact } from '../../src/search/find.js';

const PELLORA = path.resolve(__dirname, '../fixtures/lookup-orchards');
const lookup = async (q: string) => findFact(await loadFacts(PELLORA), q);
const answer = async (q: string) => (await lookup(q)).fact?.id ?? null;

describe('off-base queries', () => {
  it('misses a place the vocabulary names that is not the fact\'s subject, though the fact mentions it', async () => {
    expect(await lookup('Varnay pear exports 2023')).toMatchObject({ fact: null, reason: 'subject', subject: 'Varnay' });
    // A name written in lower case is no proper name: "world's" is a scope, not another subject.
    expect(await answer("the world's top pear exporter in 2023")).toBe('pellora-pear-exporter-rank-2023');
    expect(await answer('Pellora pear exporter rank')).toBe('pellora-pear-exporter-rank-2023');
  });

  it('misses "how many" against a percentage or a fact with no figure, and "who" against a count', async () => {
    expect(await answer('how many hectares of farmland on Pellora in 2024')).toBeNull();
    expect(await answer('how many pear varieties are there on Pellora')).toBeNull();
    expect(await answer("who manages Pellora's cider cooperatives")).toBeNull();
    expect(await answer('share of farmland in pear orchards 2024')).toBe('orchard-farmland-share-2024');
    expect(await answer('number of cider cooperatives')).toBe('cider-cooperatives');
    expect(await answer('how many organic orchards')).toBe('organic-orchards');
  });

  it('prefers a percentage when the question asks one', async () => {
    expect(await answer("percentage of Pellora's orchards that are organic")).toBe('organic-orchards-share');
  });

  it('misses a measure that only a fact of another period names ("forecast")', async () => {
    const r = await lookup('Pellora cider output forecast for November 2024');
    expect(r).toMatchObject({ fact: null, reason: 'period', period: '2024-11' });
    expect(r.fact === null && r.suggestions.map((s) => s.fact.id)).toEqual(['cider-output-2024-12-forecast', 'cider-output-2024-11']);
    expect(await answer('Pellora cider output November 2024')).toBe('cider-output-2024-11');
    expect(await answer('cider output forecast December 2024')).toBe('cider-output-2024-12-forecast');
  });

  it('misses a measure the query names whole only in a fact of another period ("harvest in 2022" against the 2022 share of the harvest)', async () => {
    const r = await lookup('Pellora pear harvest in 2022');
    expect(r).toMatchObject({ fact: null, reason: 'period', period: '2022' });
    expect(r.fact === null && r.suggestions[0]!.fact.id).toBe('pear-harvest-2023');
    expect(await answer('Pellora pear harvest in 2023')).toBe('pear-harvest-2023');
    expect(await answer('share of the pear harvest exported in 2022')).toBe('pear-export-share-2022');
  });

  it('answers "when" with the fact that gives a date, among facts alike', async () => {
    expect(await answer('when did the 2024 blossom festival take place')).toBe('blossom-festival-2024-dates');
  });

  it('prefers a count when the query asks a number or count, among facts close to the best', async () => {
    expect(await answer('Pellora top pear exporters count 2023')).toBe('pelloran-firms-top-exporters-2023');
    expect(await answer('Pellora top pear exporter')).toBe('pellora-pear-exporter-rank-2023');
  });

  it('misses a vocabulary phrase the answer writes only as words apart, where a near fact of another period names it', async () => {
    // The November fact's statement holds "month" and "on", not "month on month".
    const r = await lookup('Pellora cider output growth November 2024 month on month');
    expect(r).toMatchObject({ fact: null, reason: 'period', period: '2024-11' });
    expect(r.fact === null && r.suggestions[0]!.fact.id).toBe('cider-output-2024-12-mom');
    expect(await answer('Pellora cider output growth November 2024')).toBe('cider-output-2024-11');
    expect(await answer('cider output month on month December 2024')).toBe('cider-output-2024-12-mom');
  });

  it('takes a year named in the id or title of a fact dated otherwise as a year it is about', async () => {
    // Released on January 20, 2025: the 2024 figures.
    expect(await answer("when were Pellora's 2024 harvest figures released")).toBe('harvest-figures-2024-release');
  });

  it('reads "on which days" as asking when', async () => {
    expect(await answer('on which days did the 2024 blossom festival run')).toBe('blossom-festival-2024-dates');
  });

  it('answers "how much" with an amount, not a rank', async () => {
    expect(await answer('Pellora pear exports 2023 up how much')).toBe('pear-exports-growth-2023');
    expect(await answer('Pellora pear exporter rank 2023')).toBe('pellora-pear-exporter-rank-2023');
  });

  it('does not count a word the answer holds only inside a vocabulary phrase meaning something else', async () => {
    // "exports" stands only in "imports and exports", which the vocabulary reads as fruit trade.
    expect(await lookup('Pellora export growth 2024')).toMatchObject({ fact: null, reason: 'no match' });
    expect(await answer('Pellora imports and exports 2024')).toBe('fruit-trade-2024');
    expect(await answer('Pellora fruit trade growth 2024')).toBe('fruit-trade-2024');
    expect(await answer('Pellora pear exports growth 2023')).toBe('pear-exports-growth-2023');
  });
});
