import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/check/claims/claim.js';
import { extractClaims } from '../../../src/check/claims/extract.js';
import { readNumeral } from '../../../src/check/claims/numbers.js';

const claims = (text: string, markdown = true): Claim[] => extractClaims(text, { markdown }).claims;
const one = (text: string): Claim => {
  const found = claims(text);
  expect(found, `claims in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
};
const texts = (text: string) => claims(text).map((c) => c.text);

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

describe('what is not a claim', () => {
  it('skips names, times, ratios, versions and telephone numbers', () => {
    expect(claims('COVID-19 and 6G, G20, at 10:26, a 3:1 vote, 1/4, v1.2.3, version 2.0.1')).toEqual([]);
    expect(claims('Call +86 10 5555 0100 or (010) 5555-0100.')).toEqual([]);
    expect(claims('the 1990s')).toEqual([]);
  });

  it('skips code spans, fenced and indented code, URLs, link targets, images, HTML and footnotes', () => {
    const md = [
      'Use `zgc check 138` here.',
      '',
      '```',
      '138 events',
      '```',
      '',
      '    128 indented code',
      '',
      'See https://example.com/2024/128-events and www.example.org/2025 or mail a@b2024.com.',
      'A [link with 5 words](https://example.com/7) and ![an image of 9 robots](robots.png).',
      '<span data-n="12">x</span> <!-- 13 hidden -->',
      'A note[^42].',
      '',
      '[ref]: https://example.com/99',
    ].join('\n');
    expect(texts(md)).toEqual(['5 words']);
  });

  it('skips raw HTML (tags with their attributes, comments, scripts and styles) but reads the text between tags', () => {
    expect(claims('<script>window.marker=1</script>')).toEqual([]);
    expect(claims('<style>.box { width: 300px }</style>\n\n<script src="app.js">\nlet n = 42;\n\nrun(7);\n</script>')).toEqual([]);
    // A tag's attributes may run onto the next line, and a quoted value may hold ">".
    const c = one('The fair had <span\n  class="n"\n  title="a > 3">128 events</span>.');
    expect([c.text, c.bound, c.line, c.col]).toEqual(['128 events', 'exact', 3, 17]);
    expect(texts('<div style="width:300px">\n<b>12 halls</b> and <td>5.3%</td>, <img src=x alt="9 robots"><br/>4 gates')).toEqual(['12 halls', '5.3%', '4 gates']);
    expect(texts('<pre>\n128 events\n\n5 rows\n</pre>\nIt has <code>v2</code> and <!-- 13 --> 6 halls.')).toEqual(['6 halls']);
  });

  it('reads HTML in code as code, and an unclosed comment or script hides only its own paragraph', () => {
    expect(texts('Type `<!--` to open a note. The fair had 7 halls.')).toEqual(['7 halls']);
    expect(texts('```\n<script>\n```\nThe fair had 8 halls.')).toEqual(['8 halls']);
    expect(texts('It loads <script>x = 4\ny = 5\n\nThe fair had 9 halls.')).toEqual(['9 halls']);
    expect(texts('<!-- to check: 5 halls\nor 6\n\nThe fair had 9 halls.')).toEqual(['9 halls']);
    // Code left open is shown as text: only its tag goes.
    expect(texts('The <code> tag wraps 5 halls.')).toEqual(['5 halls']);
  });

  it('skips heading and list markers but reads what they mark', () => {
    const md = '## 2 reasons\n\n1. The item has 3 parts.\n2. The next has 4.\n- 5 apples\n* 6 pears';
    expect(texts(md)).toEqual(['2 reasons', '3 parts', '4', '5 apples', '6 pears']);
  });

  it('reads table cells but not the separator row', () => {
    const md = '| Measure | Value |\n|---|---:|\n| Events | 128 |';
    expect(claims(md).map((c) => [c.value, c.noun])).toEqual([[128, ['events']]]);
  });

  it('treats YAML front matter as metadata', () => {
    expect(texts('---\ntitle: 128 events\n---\nThe fair had 5 halls.')).toEqual(['5 halls']);
  });
});

describe('positions', () => {
  it('gives 1-based lines and columns of the original file, counting characters', () => {
    const text = '# Title\n\nFirst line.\nThe 😀 fair had **52,000 visitors**.\r\nIt rose 8.3%.';
    const found = claims(text);
    expect(found.map((c) => [c.line, c.col, c.text])).toEqual([
      [4, 18, '52,000 visitors'],
      [5, 9, '8.3%'],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('52,000 visitors');
  });

  it('keeps a claim inside its sentence and list item', () => {
    const found = claims('- Events: **128**\n- Specialized SMEs: more than 1 million');
    expect(found.map((c) => c.text)).toEqual(['128', 'more than 1 million']);
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

describe('numbers that are no claims', () => {
  const texts = (draft: string) => extractClaims(draft).claims.map((c) => c.text);

  it('skips a thread\'s post counters at the start of a line, not fractions or figures', () => {
    expect(texts('2/ The forum ran 5 days.\n\n4/ It had 128 events (4/7)\n6/ Over.')).toEqual(['5 days', '128 events']);
    expect(texts('The forum had 2/3 of its halls full.')).toEqual([]);
  });

  it('skips telephone numbers written with dashes', () => {
    expect(texts('Questions: science desk, 010-5555-0199.')).toEqual([]);
    expect(texts('Call 010-5555 today.')).toEqual([]);
    expect(texts('It had 10-12 halls.')).toEqual(['10-12 halls']);
  });

  it('skips spoken times', () => {
    expect(texts("Good morning, it's seven thirty.")).toEqual([]);
    expect(texts('We meet at ten fifteen, or at seven o\'clock.')).toEqual([]);
    expect(texts('Seven teams came at nine.')).toEqual(['Seven teams', 'nine']);
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

