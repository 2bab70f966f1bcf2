import { describe, expect, it } from 'vitest';
import { readNumeral } from '../../../src/check/claims/numbers.js';
import { extractClaims } from '../../../src/check/claims/extract.js';
import { claims, one } from '../../helpers/claims.js';

describe('figures with scales, currencies and units', () => {
  it('reads a scaled figure in yuan, written out or abbreviated, at full scale', () => {
    for (const t of ['3.6 trillion yuan', 'RMB3.6tn', 'RMB 3.6 trillion', '3,600 billion yuan', '3.6 trillion Chinese yuan', 'CNY 3.6 trillion']) {
      const c = one(`Spending reached ${t} last year.`);
      expect(c.value, t).toBe(3.6e12);
      expect(c.unit, t).toBe('CNY');
      expect(c.dimension, t).toBe('money');
    }
  });

  it('reads dollars from "$", "US$", "U.S. dollars" and "USD"', () => {
    for (const t of ['$2.5bn', 'US$2.5 billion', '2.5 billion U.S. dollars', '2.5 billion US dollars', 'USD 2.5 billion', '2.5 billion USD', '2.5 billion dollars']) {
      const c = one(`It will invest ${t} here.`);
      expect(c.value, t).toBe(2.5e9);
      expect(c.unit, t).toBe('USD');
    }
    expect(one('It costs €3bn.').unit).toBe('EUR');
    expect(one('It costs 3 billion euros.').unit).toBe('EUR');
    // The yen sign is used for both yen and yuan.
    expect(one('It costs ¥5 trillion.').unit).toBe('JPY|CNY');
  });

  it('keeps the precision a figure is written with', () => {
    const a = one('It reached 3,600 billion yuan.');
    expect([a.place, a.sigPlace, a.digits]).toEqual([1e9, 1e11, 4]);
    const b = one('It reached 3.6 trillion yuan.');
    expect([b.place, b.sigPlace, b.digits]).toEqual([1e11, 1e11, 2]);
    const c = one('It drew 1,000 guests.');
    expect([c.place, c.sigPlace]).toEqual([1, 1000]);
  });

  it('reads percentages, percentage points and the text of each', () => {
    expect(one('Sales rose 8.3 percent.')).toMatchObject({ value: 8.3, unit: 'percent', text: '8.3 percent' });
    expect(one('Sales rose 8.3%.')).toMatchObject({ value: 8.3, unit: 'percent' });
    expect(one('Sales rose 12 % this year.')).toMatchObject({ value: 12, unit: 'percent', text: '12 %' });
    expect(one('Sales rose 8.3 per cent.').unit).toBe('percent');
    expect(one('The rate rose 0.5 percentage points.').unit).toBe('percentage-point');
    expect(one('an 8.3-percent rise').unit).toBe('percent');
  });

  it('takes the counted noun into the text of a count', () => {
    expect(one('The forum will hold 138 events in all.')).toMatchObject({ text: '138 events', noun: ['events'], value: 138, dimension: 'quantity' });
    expect(one('It has 4 million valid invention patents.').noun).toEqual(['valid', 'invention', 'patents']);
    expect(one('over 60 million high-skilled workers').noun).toEqual(['high-skilled', 'workers']);
  });

  it('gives the noun of the last figure of a list to the figures before it', () => {
    const found = claims('chips of 136, 18 and 10 qubits');
    expect(found.map((c) => [c.value, c.noun])).toEqual([
      [136, ['qubits']],
      [18, ['qubits']],
      [10, ['qubits']],
    ]);
  });

  it('gives a figure after a label the label\'s noun', () => {
    expect(one('Guests: over 1,000').noun).toEqual(['guests']);
    expect(one('Projects funded by end of year: 167').noun).toEqual(['projects']);
  });
});

describe('odd number formats', () => {
  it('reads thousands separators, and a no-break or thin space between groups', () => {
    expect(one('It has 29,700 firms.').value).toBe(29700);
    expect(one('It has 29\u00a0700 firms.').value).toBe(29700);
    expect(one('It has 29\u2009700 firms.').value).toBe(29700);
  });

  it('does not group digits across an ordinary space', () => {
    expect(claims('It has 29 700 firms.').map((c) => c.value)).toEqual([29, 700]);
  });

  it('gives no value to numbers that read two ways, with the reason', () => {
    for (const t of ['1.234,5', '1.234.567', '3,6', '48,8', '1.000', '29.700']) {
      const c = one(`It reached ${t} units.`);
      expect(c.value, t).toBeNull();
      expect(c.problem, t).toMatch(/reads two ways/);
    }
    // A leading zero or a fourth decimal is no thousands group.
    expect(one('It reached 0.125 units.').value).toBe(0.125);
    expect(one('It reached 1.2345 units.').value).toBe(1.2345);
  });

  it('reads the minus sign U+2212 and a hyphen after a space as negative', () => {
    expect(one('It changed \u22125 percent.').value).toBe(-5);
    expect(one('It changed -5 percent.').value).toBe(-5);
  });

  it('reads full-width and Arabic-Indic digits', () => {
    expect(one('It drew \uff11\uff12\uff18 events.').value).toBe(128);
    expect(one('It reached \u0663\u066b\u0666 trillion yuan.').value).toBe(3.6e12);
    expect(one('It reached \u06f3\u06f6 points.').value).toBe(36);
    expect(one('It rose \uff15\uff10\uff05.').unit).toBe('percent');
  });

  it('reads scientific notation', () => {
    expect(one('It reached 1e3 units.').value).toBe(1000);
    expect(one('It reached 3.6e12 yuan.').value).toBe(3.6e12);
  });

  it('readNumeral keeps versions out', () => {
    expect(readNumeral('1.2.3').skip).toBe(true);
  });
});

describe('capital M', () => {
  it('is millions glued to a figure ("200M+ workers": at least 200 million); a lower-case m is millions too, unless it measures', () => {
    expect(extractClaims('200M+ skilled workers').claims.map((c) => [c.value, c.bound])).toEqual([[200e6, 'at-least']]);
    expect(extractClaims('Sales reached ~14m cars, up from 10.2m; 1.3bn people').claims.map((c) => [c.value, c.bound])).toEqual([
      [14e6, 'about'],
      [10.2e6, 'exact'],
      [1.3e9, 'exact'],
    ]);
    expect(extractClaims('a 10m wall').claims).toEqual([]);
    expect(extractClaims('The tower is 30m tall and 5m away; it weighs 5t.').claims).toEqual([]);
  });

  it('reads spoken numbers with "and": "a hundred and twenty-eight", "a hundred billion", "in two thousand and seven"', () => {
    const read = (s: string) => extractClaims(s).claims.map((c) => [c.text, c.dimension, c.value, c.bound]);
    expect(read('They held a hundred and twenty-eight events.')).toEqual([['a hundred and twenty-eight events', 'quantity', 128, 'exact']]);
    expect(read('The funds hold a hundred billion yuan.')).toEqual([['a hundred billion yuan', 'money', 100e9, 'exact']]);
    expect(read('It was founded in two thousand and seven.')).toEqual([['two thousand and seven', 'year', 2007, 'exact']]);
    expect(read('about a hundred guests')).toEqual([['about a hundred guests', 'quantity', 100, 'about']]);
    expect(read('Shares: 25%+ of output')).toEqual([['25%+', 'percent', 25, 'at-least']]);
  });

  it('reads "#2", "No. 1" as ranks, and a sign as a change', () => {
    expect(extractClaims('the #2 investor, the No. 1 exporter').claims.map((c) => [c.text, c.dimension, c.value])).toEqual([
      ['#2 investor', 'rank', 2],
      ['No. 1 exporter', 'rank', 1],
    ]);
    expect(extractClaims('Follow #5G and #Expo2025 news.').claims).toEqual([]);
    expect(extractClaims('Output: +5.8%; property: -16.0%; share: 5.8%').claims.map((c) => [c.value, c.change])).toEqual([
      [5.8, 'up'],
      [-16, 'down'],
      [5.8, null],
    ]);
  });
});
