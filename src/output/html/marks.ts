/**
 * Marking claims at their exact place in a rendered draft. Before the draft is
 * rendered, each claim's span is wrapped in private-use characters that carry
 * the claim's number (markSource); whatever the renderer makes of the text
 * around them, they come out in the HTML where the claim's characters do, and
 * placeMarks turns them into elements. The draft's own characters of that
 * range are written out as visible escapes first, so no text of the draft can
 * pass for a marker.
 *
 * A claim the renderer splits across elements (`**138** events`: the figure in
 * bold, its noun not) becomes one mark per piece, the first focusable, the
 * others continuing it, so the HTML stays well nested.
 */
import { visibleMarkup } from '../sanitize.js';

const OPEN = '\ue000';
const OPEN_END = '\ue001';
const CLOSE = '\ue002';
/** Digits of a claim's number: U+E010 stands for 0, U+E019 for 9. */
const DIGIT_ZERO = 0xe010;

/** Every character of the range the markers are drawn from: none of the draft's may stay as it is. */
export const MARKERS = /[\ue000-\ue01f]/g;

export interface Span {
  /** The claim's number on the page. */
  id: number;
  /** Offsets in the draft, [start, end). */
  start: number;
  end: number;
}

export interface Located {
  line: number;
  /** 1-based, counting characters (an emoji is one column), as zgc check reports it. */
  column: number;
  text: string;
}

/**
 * Where each claim starts in the draft, from the line and column zgc check
 * reports, or null when the claim's text is not there. The text at that
 * place must be the claim's; if it is not, the claim's text is looked for on
 * its line.
 */
export function locateClaims(draft: string, claims: readonly Located[]): Array<number | null> {
  const lineStarts = [0];
  for (let i = draft.indexOf('\n'); i !== -1; i = draft.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // Claims come in order: columns are counted on from the last one found on the same line.
  let cursor = { line: 0, column: 1, offset: 0 };
  return claims.map((c) => {
    const lineStart = lineStarts[c.line - 1];
    if (lineStart === undefined || c.column < 1 || !c.text) return null;
    const lineEnd = c.line < lineStarts.length ? lineStarts[c.line]! - 1 : draft.length;
    const resume = cursor.line === c.line && cursor.column <= c.column;
    let offset = resume ? cursor.offset : lineStart;
    let column = resume ? cursor.column : 1;
    while (column < c.column && offset < lineEnd) {
      const code = draft.charCodeAt(offset);
      offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < lineEnd ? 2 : 1;
      column++;
    }
    cursor = { line: c.line, column, offset };
    if (column === c.column && draft.startsWith(c.text, offset)) return offset;
    const found = draft.indexOf(c.text, lineStart);
    return found !== -1 && found + c.text.length <= lineEnd ? found : null;
  });
}

function markerNumber(id: number): string {
  return String(id)
    .split('')
    .map((d) => String.fromCharCode(DIGIT_ZERO + Number(d)))
    .join('');
}

/**
 * Source text as it is given to the renderer: line ends as "\n", characters
 * that would act unseen (controls, bidirectional overrides, the markers' range)
 * shown as visible escapes, and each span between markers. Spans must be in
 * order; one that overlaps the span before it is left out.
 */
export function markSource(draft: string, spans: readonly Span[]): { source: string; marked: Set<number> } {
  const parts: string[] = [];
  const marked = new Set<number>();
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end <= s.start || s.end > draft.length) continue;
    parts.push(cleanSource(draft.slice(at, s.start)), OPEN, markerNumber(s.id), OPEN_END, cleanSource(draft.slice(s.start, s.end)), CLOSE);
    marked.add(s.id);
    at = s.end;
  }
  parts.push(cleanSource(draft.slice(at)));
  return { source: parts.join(''), marked };
}

export function cleanSource(text: string): string {
  return visibleMarkup(text.replace(/\r\n?/g, '\n')).replace(MARKERS, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
}

export interface MarkWriter {
  /** The first (or only) piece of a claim's mark. */
  open(id: number): string;
  /** A later piece of it, after an element boundary. */
  resume(id: number): string;
  /** Closes a piece; `last` for the claim's end. */
  close(id: number, last: boolean): string;
}

/** Ends of elements a claim never runs across: a mark still open there is closed. */
const BLOCK_END = /^<\/(p|li|h[1-6]|td|th|blockquote|pre|ol|ul|table|div|section)>$/;
const SCAN = /<[^>]*>|\ue000([\ue010-\ue019]{1,9})\ue001|\ue002|[\ue000-\ue01f]/g;

/**
 * Replaces the markers in rendered HTML by the writer's elements. Only markers
 * of claims in `expected` count, each once; markers found inside a tag (a
 * renderer may copy text into an attribute) are dropped. Returns the HTML and
 * the claims it marked.
 */
export function placeMarks(html: string, expected: ReadonlySet<number>, writer: MarkWriter): { html: string; placed: Set<number> } {
  const out: string[] = [];
  const placed = new Set<number>();
  let current: number | null = null;
  /** A piece was closed before a tag: the claim goes on at the next text. */
  let pending = false;
  let at = 0;
  const text = (t: string) => {
    if (!t) return;
    if (pending && current !== null) {
      out.push(writer.resume(current));
      pending = false;
    }
    out.push(t);
  };
  const end = () => {
    if (current === null) return;
    // The claim's end mark (its verdict's sign) is written even when its last piece held no text.
    if (pending) out.push(writer.resume(current));
    out.push(writer.close(current, true));
    current = null;
    pending = false;
  };
  for (const m of html.matchAll(SCAN)) {
    text(html.slice(at, m.index));
    at = m.index + m[0].length;
    const token = m[0];
    if (token.startsWith('<')) {
      if (current !== null && BLOCK_END.test(token)) end();
      if (current !== null && !pending) {
        out.push(writer.close(current, false));
        pending = true;
      }
      out.push(token.replace(MARKERS, ''));
    } else if (m[1] !== undefined) {
      end();
      const id = Number([...m[1]].map((c) => c.charCodeAt(0) - DIGIT_ZERO).join(''));
      if (!expected.has(id) || placed.has(id)) continue;
      placed.add(id);
      out.push(writer.open(id));
      current = id;
    } else if (token === CLOSE) {
      end();
    }
    // Any other character of the range is a stray marker: dropped.
  }
  text(html.slice(at));
  end();
  return { html: out.join(''), placed };
}
