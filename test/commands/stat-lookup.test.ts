/**
 * zgc stat on questions as people type them, over made-up facts about a
 * harbour town (test/fixtures/lookup) with a vocabulary.yaml, and over the
 * Lakeside Expo fixtures, which have none.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runZgc } from '../helpers/io.js';
import * as vocabulary from '../../src/facts/vocabulary.js';

vi.mock('../../src/facts/vocabulary.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/facts/vocabulary.js')>();
  return { ...real, vocabularyOf: vi.fn(real.vocabularyOf) };
});

const HARBOUR = path.resolve(__dirname, '../fixtures/lookup');
const stat = (...args: string[]) => runZgc(['stat', '--no-cache', '--facts', HARBOUR, ...args]);
const json = async (...args: string[]) => {
  const r = await stat(...args, '--json');
  return { ...r, out: JSON.parse(r.stdout) };
};

describe('zgc stat: a period or subject that contradicts the fact', () => {
  it('answers the fact of the year the query names', async () => {
    const r = await json('how many Mirvale ferry passengers were there in 2023');
    expect(r.code).toBe(0);
    expect(r.out.fact.id).toBe('ferry-passengers-2023');
  });

  it('is a miss (exit 1, reason "period") for a year no fact is about, with the nearest facts and their periods', async () => {
    const r = await json('Mirvale ferry passengers 2022');
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ fact: null, reason: 'period', period: '2022', ambiguous: false });
    expect(r.out.suggestions.map((s: { id: string }) => s.id)).toContain('ferry-passengers-2023');
    expect(r.out.suggestions[0].period).toMatch(/^20\d\d/);
    const text = await stat('Mirvale ferry passengers 2022');
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^zgc: no fact for 2022 matches "Mirvale ferry passengers 2022"; nearest: ferry-passengers-\d{4} \(Ferry passengers in Mirvale in \d{4}, \d{4}\)/);
  });

  it('prefers the fact whose period is the one named: the month over the year, the year over a month', async () => {
    expect((await json('Mirvale ferry passengers August 2024')).out.fact.id).toBe('ferry-passengers-2024-08');
    expect((await json('number of ferry passengers Mirvale 2024')).out.fact.id).toBe('ferry-passengers-2024');
  });

  it('is a miss (reason "subject") for a capitalised name no fact holds', async () => {
    const r = await json('Quillport ferry passengers 2024');
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ fact: null, reason: 'subject', subject: 'Quillport' });
    expect((await stat('Quillport ferry passengers 2024')).stderr).toMatch(/^zgc: no fact about Quillport matches "Quillport ferry passengers 2024"; nearest: ferry-passengers-/);
  });

  it('is a miss for a name some fact holds, when the facts that fit the rest do not hold it', async () => {
    const r = await json('Dunmoor ferry passengers 2024');
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ reason: 'subject', subject: 'Dunmoor' });
  });

  it('does not take a capitalised question word or a title-cased query for a name', async () => {
    expect((await json('How Many Ferry Passengers In 2024')).out.fact.id).toBe('ferry-passengers-2024');
    expect((await json('What was the number of ferry passengers in 2023?')).out.fact.id).toBe('ferry-passengers-2023');
  });

  it('is a miss for a name on the Lakeside Expo fixtures too (no vocabulary there)', async () => {
    const r = await runZgc(['stat', '--no-cache', 'Riverside Expo visitors 2024', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ reason: 'subject', subject: 'Riverside' });
    expect(JSON.parse((await runZgc(['stat', '--no-cache', 'Lakeside Expo visitors 2023', '--json'])).stdout)).toMatchObject({ reason: 'period' });
  });
});

describe('zgc stat: the vocabulary of the facts directory', () => {
  it('matches a synonym, an abbreviation and another name of the subject', async () => {
    expect((await json('mirvalian boat passengers 2024')).out.fact.id).toBe('ferry-passengers-2024');
    expect((await json('MHA budget in 2024')).out.fact.id).toBe('harbour-authority-budget-2024');
    expect((await json('what was the 2023 regatta theme')).out.fact.id).toBe('regatta-motto-2023');
  });

  it('is not read for an exact id', async () => {
    const spy = vi.mocked(vocabulary.vocabularyOf);
    spy.mockClear();
    expect((await stat('ferry-passengers-2024')).code).toBe(0);
    expect(spy).not.toHaveBeenCalled();
    expect((await stat('mirvalian boat passengers 2024')).code).toBe(0);
    expect(spy).toHaveBeenCalled();
  });
});

describe('zgc stat: facts that fit alike are listed, not chosen by id', () => {
  it('lists facts a query fits equally (exit 1, "ambiguous": true) and answers once a year separates them', async () => {
    const r = await json('Mirvale regatta motto');
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ fact: null, reason: 'ambiguous', ambiguous: true });
    expect(r.out.suggestions.map((s: { id: string }) => s.id).sort()).toEqual(['regatta-motto-2023', 'regatta-motto-2024']);
    const text = await stat('Mirvale regatta motto');
    expect(text.stderr).toMatch(/^zgc: "Mirvale regatta motto" fits several facts alike: regatta-motto-2023 \(.*\), regatta-motto-2024 \(.*\); name one/);
    expect((await json('Mirvale regatta motto 2024')).out.fact.id).toBe('regatta-motto-2024');
  });

  it('lists the facts sharing an alias instead of answering the first by id', async () => {
    const r = await json('regatta slogan');
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject({ reason: 'ambiguous', ambiguous: true });
    expect(r.out.suggestions).toHaveLength(2);
  });

  it('marks each miss of a batch with its reason', async () => {
    const r = await runZgc(['stat', '--no-cache', '--facts', HARBOUR, '-', '--json'], { stdin: 'Mirvale regatta motto\nQuillport ferries\nferry-passengers-2023\n' });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.reason ?? l.match)).toEqual(['ambiguous', 'subject', 'exact']);
  });
});

describe('zgc stat with several arguments', () => {
  it('answers several fact ids one by one, as a batch', async () => {
    const r = await stat('ferry-passengers-2023', 'ferry-passengers-2024', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).fact.id)).toEqual(['ferry-passengers-2023', 'ferry-passengers-2024']);
  });

  it('joins words that are not ids into one query, and refuses ids mixed with other words', async () => {
    expect((await json('Mirvale', 'ferry', 'passengers', '2024')).out.fact.id).toBe('ferry-passengers-2024');
    const mixed = await stat('ferry-passengers-2023', 'regatta');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^zgc: "ferry-passengers-2023" is a fact id, but the other arguments are not: .*zgc stat -\n$/);
  });
});

describe('zgc stat: a shorter period than the fact, superlatives, abbreviations in the plural', () => {
  it('is a miss (reason "period") for a quarter or month asked of a yearly figure', async () => {
    for (const q of ['Mirvale ferry passengers first quarter 2024', 'Mirvale ferry passengers Q1 2024', 'Mirvale ferry passengers March 2024']) {
      const r = await json(q);
      expect(r.code, q).toBe(1);
      expect(r.out, q).toMatchObject({ fact: null, reason: 'period' });
    }
    // A month the base holds is still answered, and a span of months holding it.
    expect((await json('Mirvale ferry passengers August 2024')).out.fact.id).toBe('ferry-passengers-2024-08');
    expect((await json('Mirvale ferry passengers June-August 2024')).out.fact.id).toBe('ferry-passengers-2024-08');
  });

  it('answers a superlative with the extreme of facts that differ only in value', async () => {
    expect((await json('Mirvale dock crane')).out).toMatchObject({ reason: 'ambiguous' });
    expect((await json('biggest Mirvale dock crane')).out.fact.id).toBe('south-dock-crane-lift');
    expect((await json('which Mirvale dock crane lifts the most')).out.fact.id).toBe('south-dock-crane-lift');
    expect((await json('smallest dock crane in Mirvale')).out.fact.id).toBe('north-dock-crane-lift');
  });

  it('does not let a superlative choose among facts of different units', async () => {
    const r = await json('biggest Mirvale figure');
    expect(r.out.fact?.id ?? null).not.toBe('harbour-authority-budget-2024');
  });

  it('does not take a baseline year ("since 2019") for the period asked', async () => {
    expect((await json('Mirvale busiest ferry month since 2019')).out.fact.id).toBe('ferry-passengers-2024-08');
  });

  it('finds an abbreviation asked in the plural ("EVs") where the fact writes it once', async () => {
    expect((await json('how many EVs can charge at Mirvale marina in 2024')).out.fact.id).toBe('marina-ev-chargers-2024');
  });
});
