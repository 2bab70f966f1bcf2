import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/search/nearest.js';

const FORMATS = ['table', 'plain', 'json', 'ndjson', 'tsv', 'csv'];

describe('nearestName', () => {
  it('finds a name typed with a letter swapped, dropped, added or changed, in any case', () => {
    expect(nearestName('tabel', FORMATS)).toBe('table');
    expect(nearestName('jsn', FORMATS)).toBe('json');
    expect(nearestName('plainn', FORMATS)).toBe('plain');
    expect(nearestName('TSV', FORMATS)).toBe('tsv');
    expect(nearestName('chicgo', ['apa', 'chicago-author-date', 'chicago'])).toBe('chicago');
  });

  it('finds a name from its beginning (three letters at least)', () => {
    expect(nearestName('chicago-auth', ['chicago', 'chicago-author-date'])).toBe('chicago-author-date');
    expect(nearestName('nd', FORMATS)).toBeUndefined();
  });

  it('suggests nothing when every name is far from what was typed', () => {
    expect(nearestName('ieee', ['apa', 'mla', 'harvard', 'vancouver'])).toBeUndefined();
    expect(nearestName('yaml', FORMATS)).toBeUndefined();
    expect(nearestName('', FORMATS)).toBeUndefined();
  });

  it('prefers fewer edits, then the earlier name', () => {
    expect(nearestName('csvv', ['tsv', 'csv'])).toBe('csv');
    expect(nearestName('xsv', ['tsv', 'csv'])).toBe('tsv');
  });
});
