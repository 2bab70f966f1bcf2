import { describe, expect, it } from 'vitest';
import { claims, one } from '../../helpers/claims.js';

describe('years, dates and ranges', () => {
  it('reads a year, a year after a name, and a year range', () => {
    expect(one('The forum was established in 2007.')).toMatchObject({ dimension: 'year', value: 2007 });
    expect(one('The 2025 ZGC Forum opened.')).toMatchObject({ dimension: 'year', value: 2025, before: 'the' });
    expect(one('The Forum 2025 closes.')).toMatchObject({ dimension: 'year', value: 2025 });
    expect(one('by end-2024')).toMatchObject({ dimension: 'year', value: 2024 });
    expect(one('from 2023-24 on')).toMatchObject({ dimension: 'year', value: 2023, high: 2024 });
  });

  it('reads a four-digit count as a count', () => {
    expect(one('It brought together 2000 institutions.')).toMatchObject({ dimension: 'quantity', value: 2000 });
    expect(one('It drew more than 2000 guests.').dimension).toBe('quantity');
  });

  it('reads dates in several orders, with or without a year, as one claim', () => {
    expect(one('It runs from March 27 to 31.')).toMatchObject({
      dimension: 'date',
      text: 'March 27 to 31',
      date: { from: { year: null, month: 3, day: 27 }, to: { year: null, month: 3, day: 31 } },
    });
    expect(one('It ran March 27-31, 2025.').date).toEqual({ from: { year: 2025, month: 3, day: 27 }, to: { year: 2025, month: 3, day: 31 } });
    expect(one('It ran 27–31 March 2025.').date).toEqual({ from: { year: 2025, month: 3, day: 27 }, to: { year: 2025, month: 3, day: 31 } });
    expect(one('It opened on 2025-03-27.').date).toEqual({ from: { year: 2025, month: 3, day: 27 }, to: null });
    expect(one('In March 2025 it opened.').date).toEqual({ from: { year: 2025, month: 3, day: null }, to: null });
  });

  it('does not read a lower-case "may" or "march" as a month', () => {
    expect(claims('Prices may 3 times rise.').map((c) => c.dimension)).toEqual(['quantity']);
  });

  it('reads ranges, giving the second figure\'s scale to the first', () => {
    expect(one('It holds 10–12 events.')).toMatchObject({ value: 10, high: 12 });
    expect(one('It holds between 10 and 12 events.')).toMatchObject({ value: 10, high: 12 });
    expect(one('It holds 10 to 12 events.')).toMatchObject({ value: 10, high: 12 });
    expect(one('It costs $2-3 billion.')).toMatchObject({ value: 2e9, high: 3e9, unit: 'USD' });
  });

  it('does not read a change as a range', () => {
    expect(claims('The count rose from 100 to 128.').map((c) => c.value)).toEqual([100, 128]);
  });
});
