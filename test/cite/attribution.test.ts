import { describe, expect, it } from 'vitest';
import { attribution, publisherPhrase } from '../../src/cite/attribution.js';
import type { Source } from '../../src/facts/types.js';

const source = (over: Partial<Source>): Source => ({
  id: 's',
  title: 'Forum opens',
  publisher: 'Global Times',
  author: [],
  published: '2025-03-21',
  kind: 'news',
  loc: { file: 'f', line: 1, col: 1 },
  ...over,
});

describe('publisherPhrase', () => {
  it('gives newspapers named like "X Times" or "X Post" the article', () => {
    expect(publisherPhrase('Global Times')).toBe('the Global Times');
    expect(publisherPhrase('Beijing Post')).toBe('the Beijing Post');
    expect(publisherPhrase('Washington Post')).toBe('the Washington Post');
  });

  it('lower-cases an article that is part of the name, as it stands mid-sentence', () => {
    expect(publisherPhrase('The Guardian')).toBe('the Guardian');
  });

  it('gives public bodies the article', () => {
    expect(publisherPhrase('National Bureau of Statistics')).toBe('the National Bureau of Statistics');
    expect(publisherPhrase('Xinhua News Agency')).toBe('the Xinhua News Agency');
  });

  it('gives none to dailies, broadcasters, agencies named by one word and possessives', () => {
    expect(publisherPhrase('China Daily')).toBe('China Daily');
    expect(publisherPhrase('Science and Technology Daily')).toBe('Science and Technology Daily');
    expect(publisherPhrase('CGTN')).toBe('CGTN');
    expect(publisherPhrase('Reuters')).toBe('Reuters');
    expect(publisherPhrase("People's Daily")).toBe("People's Daily");
  });
});

describe('attribution', () => {
  it('dates at the precision known', () => {
    expect(attribution(source({}))).toBe('according to the Global Times (March 21, 2025)');
    expect(attribution(source({ publisher: 'CGTN', published: '2025-03' }))).toBe('according to CGTN (March 2025)');
    expect(attribution(source({ publisher: 'Beijing Post', published: '2025' }))).toBe('according to the Beijing Post (2025)');
  });

  it('gives no date when none is known', () => {
    expect(attribution(source({ published: null }))).toBe('according to the Global Times');
  });

  it('names the writers when the publisher is unknown, else the article', () => {
    expect(attribution(source({ publisher: null, author: ['Ana Ortiz', 'Ben Howard'] }))).toBe('according to Ana Ortiz and Ben Howard (March 21, 2025)');
    expect(attribution(source({ publisher: null, published: '2025-03' }))).toBe('according to “Forum opens” (March 2025)');
  });
});
