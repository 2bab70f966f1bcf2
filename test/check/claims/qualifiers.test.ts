import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/check/claims/extract.js';
import { one } from '../../helpers/claims.js';

describe('qualifiers and bounds', () => {
  const cases: Array<[string, string]> = [
    ['about 60 sessions', 'about'],
    ['approximately 60 sessions', 'about'],
    ['roughly 60 sessions', 'about'],
    ['~60 sessions', 'about'],
    ['more than 1,000 guests', 'more-than'],
    ['over 1,000 guests', 'more-than'],
    ['>1,000 guests', 'more-than'],
    ['at least 1,000 guests', 'at-least'],
    ['1,000+ guests', 'at-least'],
    ['1,000 or more guests', 'at-least'],
    ['nearly 100 robots', 'nearly'],
    ['almost 100 robots', 'nearly'],
    ['up to 100 robots', 'at-most'],
    ['fewer than 100 robots', 'less-than'],
    ['100 robots', 'exact'],
  ];
  for (const [text, bound] of cases) {
    it(`reads "${text}" as ${bound}`, () => {
      expect(one(`The forum had ${text}.`).bound).toBe(bound);
    });
  }

  it('reads "over five years" as during five years, "for over 15 years" as more than 15', () => {
    expect(one('It will invest there over five years.').bound).toBe('exact');
    expect(one('It has led for over 15 years.').bound).toBe('more-than');
  });

  it('puts the qualifier in the claim text', () => {
    expect(one('The forum drew more than 1,000 guests.').text).toBe('more than 1,000 guests');
  });
});

describe('percentages that are changes', () => {
  it('marks growth rates and their direction', () => {
    expect(one('Sales were up 8.3 percent.').change).toBe('up');
    expect(one('Sales grew by 8.3%.').change).toBe('up');
    expect(one('Sales rose 8.3 percent year on year.').change).toBe('up');
    expect(one('an 8.3 percent increase').change).toBe('up');
    expect(one('Sales, 8.3 percent year-on-year').change).toBe('up');
    expect(one('Sales fell 3.5 percent.').change).toBe('down');
    expect(one('It was 8.3 percent more than in 2023.'.replace(' in 2023', '')).change).toBe('up');
    expect(one('R&D growth: 8.3 percent').change).toBe('up');
  });

  it('leaves shares alone', () => {
    expect(one('Manufacturing makes up 25 percent of GDP.').change).toBeNull();
    expect(one('It accounts for 30 percent of the workforce.').change).toBeNull();
    expect(one('The share rose to 30 percent.').change).toBeNull();
    expect(one('It contributes 60 percent to economic growth.').change).toBeNull();
  });
});

describe('two figures joined by "or"', () => {
  it('reads "nearly 100 or more than 100" as two figures, "100 or more" as at least 100', () => {
    expect(extractClaims('nearly 100 or more than 100 robots').claims.map((c) => [c.text, c.bound])).toEqual([
      ['nearly 100', 'nearly'],
      ['more than 100 robots', 'more-than'],
    ]);
    expect(extractClaims('100 or more robots').claims.map((c) => c.bound)).toEqual(['at-least']);
  });
});

describe('"as high as" and "as low as"', () => {
  it('are a ceiling and a floor', () => {
    expect(one('Tariffs as high as 60% were threatened.').bound).toBe('at-most');
    expect(one('Fares as low as 5 dollars were offered.').bound).toBe('at-least');
  });
});

