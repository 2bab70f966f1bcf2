/**
 * Claims marked at their exact span: found from zgc check's line and column,
 * carried through the Markdown renderer by markers the draft cannot forge, and
 * turned into well-nested elements.
 */
import { describe, expect, it } from 'vitest';
import { locateClaims, markSource, placeMarks, type MarkWriter } from '../../../src/output/html/marks.js';
import { markdown, plainText } from '../../../src/output/html/draft.js';

/** Marks written as [n:...] so that tests read the result as text. */
const WRITER: MarkWriter = {
  open: (id) => `<m${id}>`,
  resume: (id) => `<m${id}+>`,
  close: (id, last) => (last ? `</m${id}!>` : `</m${id}>`),
};

/** Renders Markdown with claims (given by their text and which occurrence) marked. */
async function marked(source: string, claims: string[]): Promise<string> {
  let from = 0;
  const spans = claims.map((text, i) => {
    const start = source.indexOf(text, from);
    if (start === -1) throw new Error(`no "${text}" in the source`);
    from = start + text.length;
    return { id: i + 1, start, end: start + text.length };
  });
  const { source: withMarkers, marked: ids } = markSource(source, spans);
  const html = (await markdown()).render(withMarkers).replace(/<!--zgc-notes[^>]*-->\n?/g, '');
  const out = placeMarks(html, ids, WRITER);
  expect([...out.placed].sort()).toEqual(spans.map((s) => s.id));
  return out.html;
}

describe('locating claims by line and column', () => {
  const draft = 'First line 12\n\u{1F680} rocket 7 and 7\r\nlast 9';

  it('counts columns in characters, an emoji being one', () => {
    expect(locateClaims(draft, [{ line: 2, column: 10, text: '7' }])).toEqual([draft.indexOf('7')]);
    expect(locateClaims(draft, [{ line: 2, column: 16, text: '7' }])).toEqual([draft.lastIndexOf('7')]);
    expect(locateClaims(draft, [{ line: 1, column: 12, text: '12' }, { line: 3, column: 6, text: '9' }])).toEqual([11, draft.length - 1]);
  });

  it('looks for the claim on its line when the column does not hold its text, and gives up on a line without it', () => {
    expect(locateClaims(draft, [{ line: 1, column: 3, text: '12' }])).toEqual([11]);
    expect(locateClaims(draft, [{ line: 3, column: 1, text: '12' }])).toEqual([null]);
    expect(locateClaims(draft, [{ line: 9, column: 1, text: '12' }])).toEqual([null]);
  });
});

describe('claims marked in rendered Markdown', () => {
  it('marks a claim at the start and at the end of a line', async () => {
    const html = await marked('52,000 visitors came.\nThe budget was 3 million', ['52,000 visitors', '3 million']);
    expect(html).toBe('<p><m1>52,000 visitors</m1!> came.\nThe budget was <m2>3 million</m2!></p>\n');
  });

  it('marks a claim inside emphasis, and one running out of it as two well-nested pieces', async () => {
    expect(await marked('They flew *2,400 kites* there.', ['2,400 kites'])).toBe('<p>They flew <em><m1>2,400 kites</m1!></em> there.</p>\n');
    expect(await marked('They flew **2,400** kites there.', ['2,400** kites'])).toBe('<p>They flew <strong><m1>2,400</m1></strong><m1+> kites</m1!> there.</p>\n');
  });

  it('marks claims in table cells, each in its own cell', async () => {
    const html = await marked('| item | n |\n|---|--:|\n| kites | 1,800 |\n| bands | 12 |\n', ['1,800', '12']);
    expect(html).toContain('<td class="align-right"><m1>1,800</m1!></td>');
    expect(html).toContain('<td class="align-right"><m2>12</m2!></td>');
    expect(html).not.toContain('style=');
  });

  it('marks adjacent claims apart', async () => {
    expect(await marked('Figures: 12 14', ['12', '14'])).toBe('<p>Figures: <m1>12</m1!> <m2>14</m2!></p>\n');
    expect(await marked('Range 12–14', ['12', '–14'])).toBe('<p>Range <m1>12</m1!><m2>–14</m2!></p>\n');
  });

  it('marks a claim lying within another inside it, and leaves out one that only overlaps another', async () => {
    const source = 'Sold 1.3m electric two-wheelers in 2023';
    const at = (t: string) => source.indexOf(t);
    const spans = [
      { id: 1, start: at('1.3m'), end: source.length - ' in 2023'.length },
      { id: 2, start: at('two-wheelers'), end: at('two-wheelers') + 3 },
      { id: 3, start: at('wheelers'), end: source.length },
    ];
    const { source: withMarkers, marked: ids } = markSource(source, spans);
    expect([...ids]).toEqual([1, 2]);
    const html = placeMarks((await markdown()).render(withMarkers).replace(/<!--zgc-notes[^>]*-->\n?/g, ''), ids, WRITER).html;
    expect(html).toBe('<p>Sold <m1>1.3m electric <m2>two</m2!>-wheelers</m1!> in 2023</p>\n');
    const bold = markSource('**1.3m two** wheels', [
      { id: 1, start: 2, end: 19 },
      { id: 2, start: 7, end: 10 },
    ]);
    expect(placeMarks((await markdown()).render(bold.source).replace(/<!--zgc-notes[^>]*-->\n?/g, ''), bold.marked, WRITER).html).toBe(
      '<p><strong><m1>1.3m <m2>two</m2!></m1></strong><m1+> wheels</m1!></p>\n',
    );
  });

  it('marks claims in list items and headings', async () => {
    const html = await marked('# Fair 2024\n\n- founded in 1999\n- **35 stalls**\n', ['2024', '1999', '35 stalls']);
    expect(html).toContain('<h3>Fair <m1>2024</m1!></h3>');
    expect(html).toContain('<li>founded in <m2>1999</m2!></li>');
    expect(html).toContain('<li><strong><m3>35 stalls</m3!></strong></li>');
  });

  it('keeps plain text paragraphs and line breaks, with marks', () => {
    const { source, marked: ids } = markSource('One 12\ntwo\n\nThree 4', [
      { id: 1, start: 4, end: 6 },
      { id: 2, start: 18, end: 19 },
    ]);
    const html = placeMarks(plainText(source), ids, WRITER).html.replace(/<!--zgc-notes[^>]*-->\n?/g, '');
    expect(html).toBe('<p>One <m1>12</m1!><br>\ntwo</p>\n<p>Three <m2>4</m2!></p>\n');
  });
});

describe('markers the draft cannot forge', () => {
  it('shows the draft\'s own characters of the markers\' range as escapes, written or as entities', async () => {
    const forged = 'Fake \ue000\ue011\ue001mark\ue002 and &#xE000;&#xE011;&#xE001;entity&#xE002; 12';
    const html = await marked(forged, ['12']);
    expect(html).toContain('Fake \\ue000\\ue011\\ue001mark\\ue002');
    expect(html).toContain('\\ue000\\ue011\\ue001entity\\ue002');
    expect(html.match(/<m\d/g)).toEqual(['<m1']);
  });

  it('ignores markers of claims it was not given, and drops markers found inside a tag', () => {
    const html = '<a href="x\ue000\ue012\ue001">\ue000\ue013\ue001t\ue002\ue013\ue001</a> \ue000\ue011\ue001ok\ue002\ue011\ue001';
    const out = placeMarks(html, new Set([1, 2]), WRITER);
    expect(out.html).toBe('<a href="x">t</a> <m1>ok</m1!>');
    expect([...out.placed]).toEqual([1]);
  });

  it('closes a mark that would run past the end of its block', () => {
    const out = placeMarks('<p>\ue000\ue011\ue001open</p>\n<p>next\ue002\ue011\ue001</p>', new Set([1]), WRITER);
    expect(out.html).toBe('<p><m1>open</m1!></p>\n<p>next</p>');
  });
});
