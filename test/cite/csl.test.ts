import { describe, expect, it } from 'vitest';
import { compareItems, cslDate, parseName, toCsl } from '../../src/cite/csl.js';
import type { Source } from '../../src/facts/types.js';

const loc = { file: 'sources.yaml', line: 1, col: 1 };
const source = (over: Partial<Source>): Source => ({
  id: 's',
  title: 'A title',
  publisher: 'Harbor Daily',
  author: [],
  published: '2025-03-21',
  kind: 'news',
  loc,
  ...over,
});

describe('parseName', () => {
  it('takes the last word as the family name of a name written given-first', () => {
    expect(parseName('Mira Tan')).toEqual({ family: 'Tan', given: 'Mira' });
    expect(parseName('Mary Ann  Lee')).toEqual({ family: 'Lee', given: 'Mary Ann' });
  });

  it('keeps particles and suffixes with the family name', () => {
    expect(parseName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(parseName('Martin Luther King Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
  });

  it('reads "Family, Given" as written', () => {
    expect(parseName('Tao, Mingyang')).toEqual({ family: 'Tao', given: 'Mingyang' });
  });

  it('reads a family name in capitals beside a pinyin given name, as Chinese papers print bylines', () => {
    expect(parseName('LU Zijian')).toEqual({ family: 'Lu', given: 'Zijian' });
    expect(parseName('Zhexiao TANG')).toEqual({ family: 'Tang', given: 'Zhexiao' });
  });

  it('reads a Chinese surname followed by a pinyin given name family-first', () => {
    expect(parseName('Tao Mingyang')).toEqual({ family: 'Tao', given: 'Mingyang' });
    expect(parseName('Zhou Lanfang')).toEqual({ family: 'Zhou', given: 'Lanfang' });
    // A given name that is not pinyin, or a first word that is no surname, is read given-first.
    expect(parseName('Belunn Se')).toEqual({ family: 'Se', given: 'Belunn' });
    expect(parseName('Ma Roberts')).toEqual({ family: 'Roberts', given: 'Ma' });
  });

  it('keeps a one-word name whole', () => {
    expect(parseName('Xinhua')).toEqual({ literal: 'Xinhua' });
  });
});

describe('cslDate', () => {
  it('keeps the precision given', () => {
    expect(cslDate('2025')).toEqual({ 'date-parts': [[2025]] });
    expect(cslDate('2025-03')).toEqual({ 'date-parts': [[2025, 3]] });
    expect(cslDate('2025-03-21')).toEqual({ 'date-parts': [[2025, 3, 21]] });
    expect(cslDate(null)).toBeUndefined();
  });
});

describe('toCsl', () => {
  it('maps a news article to a newspaper article whose container is the publisher', () => {
    const s = source({ author: ['Mira Tan'], accessed: '2025-04-01', url: 'https://x.example/a' });
    expect(toCsl(s)).toEqual({
      id: 's',
      type: 'article-newspaper',
      title: 'A title',
      'container-title': 'Harbor Daily',
      author: [{ family: 'Tan', given: 'Mira' }],
      issued: { 'date-parts': [[2025, 3, 21]] },
      accessed: { 'date-parts': [[2025, 4, 1]] },
      URL: 'https://x.example/a',
    });
  });

  it('cites republications, commentary and AI-generated pages as articles of their publisher', () => {
    for (const kind of ['republication', 'commentary', 'ai-generated'] as const) {
      expect(toCsl(source({ kind, via: 'a mirror' }))).toMatchObject({ type: 'article-newspaper', 'container-title': 'Harbor Daily' });
    }
  });

  it('leaves out what is unknown: author, date, publisher', () => {
    expect(toCsl(source({ publisher: null, published: null }))).toEqual({ id: 's', type: 'article-newspaper', title: 'A title' });
  });

  it('makes a press release a report by the body that issued it', () => {
    expect(toCsl(source({ kind: 'press-release', publisher: 'Lakeside City Council' }))).toEqual({
      id: 's',
      type: 'report',
      title: 'A title',
      publisher: 'Lakeside City Council',
      genre: 'Press release',
      author: [{ literal: 'Lakeside City Council' }],
      issued: { 'date-parts': [[2025, 3, 21]] },
    });
  });

  it('makes official data a report, signed by its authors when it names them', () => {
    expect(toCsl(source({ kind: 'official-data', publisher: 'Statistics Office', author: ['Ana Ortiz'] }))).toMatchObject({
      type: 'report',
      publisher: 'Statistics Office',
      author: [{ family: 'Ortiz', given: 'Ana' }],
    });
  });

  it('makes any other source a web page of its publisher', () => {
    expect(toCsl(source({ kind: 'other' }))).toMatchObject({ type: 'webpage', 'container-title': 'Harbor Daily' });
  });
});

describe('compareItems', () => {
  it('orders by first author, or title when anonymous, then date', () => {
    const items = [
      toCsl(source({ id: 'b', author: ['Ben Zeller'] })),
      toCsl(source({ id: 'a', title: 'Market day', author: [] })),
      toCsl(source({ id: 'c', author: ['Ana Able'], published: '2024' })),
      toCsl(source({ id: 'd', author: ['Ana Able'], published: '2023-05' })),
    ];
    expect(items.sort(compareItems).map((i) => i.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});
