import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/check/claims/extract.js';
import { claims, one, texts } from '../../helpers/claims.js';

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
