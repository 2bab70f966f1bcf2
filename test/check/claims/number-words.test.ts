import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/check/claims/extract.js';
import { claims, one, texts } from '../../helpers/claims.js';

describe('number words, fractions and ordinals', () => {
  it('reads number words', () => {
    expect(one('It has eight funds.')).toMatchObject({ value: 8, text: 'eight funds' });
    expect(one('It drew twenty-five people.').value).toBe(25);
    expect(one('There were one hundred and twenty-eight events.').value).toBe(128);
    expect(one('It employs three million workers.').value).toBe(3e6);
  });

  it('reads "a dozen" as about 12', () => {
    expect(one('a dozen technology trade events')).toMatchObject({ value: 12, bound: 'about', noun: ['technology', 'trade', 'events'] });
  });

  it('reads fractions as percentages', () => {
    expect(one('It makes up over one-quarter of GDP.')).toMatchObject({ value: 25, unit: 'percent', bound: 'more-than', dimension: 'percent' });
    expect(one('two-thirds of the staff').value).toBeCloseTo(66.667, 2);
    expect(one('a third of the staff').value).toBeCloseTo(33.333, 2);
  });

  it('reads ordinals as ranks', () => {
    expect(one('China rose to 11th place.')).toMatchObject({ value: 11, dimension: 'rank', text: '11th place' });
    expect(one('the third-largest fair')).toMatchObject({ value: 3, dimension: 'rank' });
    expect(one('the world\'s second-largest investor')).toMatchObject({ value: 2, dimension: 'rank' });
  });

  it('takes "first" as a rank only where it ranks', () => {
    expect(claims('The forum was first held in Beijing.')).toHaveLength(0);
    expect(claims('For the first time, the fair sold out.')).toHaveLength(0);
    expect(one('It ranked first in Asia.')).toMatchObject({ value: 1, dimension: 'rank' });
    expect(one('It was first in Asia.')).toMatchObject({ value: 1, dimension: 'rank' });
    expect(claims('Second, the fair grew.')).toHaveLength(0);
  });

  it('leaves out "one" where it counts nothing', () => {
    expect(claims('It is one of the largest fairs.')).toHaveLength(0);
    expect(claims('By one count, the fair is large.')).toHaveLength(0);
    expect(one('It opened one new hall.').value).toBe(1);
  });

  it('leaves out a number word in a compound that names a kind of thing, or that another figure counts', () => {
    expect(one('The city sold 1.3m electric two-wheelers.')).toMatchObject({ value: 1.3e6, text: '1.3m electric two-wheelers' });
    expect(texts('Three-wheelers with four-wheel drive, a two-way lane, a three-dimensional map, a two-seater, second-hand carts and the first-ever parade.')).toEqual([]);
    expect(texts('It held 12 two-day workshops; about 1.3 million electric two-wheelers; three one-hour talks.')).toEqual(['12 two-day workshops', 'about 1.3 million electric two-wheelers', 'three one-hour talks']);
    // A compound that measures one thing keeps its figure; "twenty-five", "two-thirds" and "second-largest" are figures whole.
    expect(one('The guild ran a three-day fair.')).toMatchObject({ value: 3, text: 'three-day fair' });
    expect(texts('In 2023 five-day passes sold out.')).toEqual(['2023', 'five-day passes']);
    expect(texts('It drew twenty-five guests; two-thirds of them came back for the second-largest fair, which was second-placed.')).toEqual(['twenty-five guests', 'two-thirds', 'second-largest fair', 'second-placed']);
  });
});

describe('spoken figures', () => {
  const one = (draft: string) => extractClaims(draft).claims.map((c) => ({ text: c.text, dimension: c.dimension, value: c.value, scale: c.scale, place: c.place }));

  it('reads decimals said as words: "three point six trillion yuan" is 3.6 trillion, to a tenth of a trillion', () => {
    expect(one('China spent three point six trillion yuan.')).toEqual([{ text: 'three point six trillion yuan', dimension: 'money', value: 3.6e12, scale: 1e12, place: 1e11 }]);
    expect(one('It grew seven point five percent.').map((c) => [c.dimension, c.value])).toEqual([['percent', 7.5]]);
  });

  it('reads years said as words: "twenty twenty-four" is 2024, "nineteen ninety-eight" 1998', () => {
    expect(one('in twenty twenty-four').map((c) => [c.text, c.dimension, c.value])).toEqual([['twenty twenty-four', 'year', 2024]]);
    expect(one('since nineteen ninety-eight').map((c) => [c.dimension, c.value])).toEqual([['year', 1998]]);
  });

  it('keeps "top" with the figure it ranks: "the top ten scientific advances"', () => {
    expect(one('the top ten scientific advances').map((c) => c.text)).toEqual(['top ten scientific advances']);
  });
});

describe('ratios and hyphened scales', () => {
  it('reads "one in five" and "one car in four" as shares, with their qualifiers', () => {
    const c = one('Electric cars will be more than one in five cars sold.');
    expect([c.value, c.unit, c.bound, c.dimension]).toEqual([20, 'percent', 'more-than', 'percent']);
    expect(one('One car in four was electric.').value).toBe(25);
    // A span of years after "in" is no ratio.
    expect(claims('Prices fell one in five years.').map((x) => x.dimension)).not.toContain('percent');
  });

  it('reads "the one-million mark" as a million', () => {
    expect(one('Sales passed the one-million mark.').value).toBe(1e6);
    expect(claims('It was a one-off payment.')).toEqual([]);
  });
});

describe('a number of quarters', () => {
  it('counts quarters when there are more than make a whole, and is a fraction otherwise', () => {
    const six = one('Growth was the fastest in six quarters.');
    expect([six.value, six.dimension]).toEqual([6, 'quantity']);
    expect(one('Three quarters of the boats were sold.').value).toBe(75);
  });
});

