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
 * others continuing it, so the HTML stays well nested. A claim within another
 * claim's span ("two-wheelers" in "1.3m electric two-wheelers") is marked
 * inside it; one that only overlaps another is left unmarked.
 */
import { visibleMarkup } from '../sanitize.js';

const OPEN = '\ue000';
const END = '\ue001';
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
 * shown as visible escapes, and each span between an opening and a closing
 * marker, both naming its claim. Spans are taken in order of their start; one
 * that overlaps another without lying within it is left out.
 */
export function markSource(draft: string, spans: readonly Span[]): { source: string; marked: Set<number> } {
  const ordered = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= draft.length).sort((a, b) => a.start - b.start || b.end - a.end);
  /** Markers to insert: [offset, marker], closings before openings at one offset, inner spans closing first. */
  const events: Array<[number, string]> = [];
  const marked = new Set<number>();
  const open: Span[] = [];
  const closeUntil = (offset: number) => {
    while (open.length && open[open.length - 1]!.end <= offset) {
      const s = open.pop()!;
      events.push([s.end, CLOSE + markerNumber(s.id) + END]);
    }
  };
  for (const s of ordered) {
    closeUntil(s.start);
    const outer = open[open.length - 1];
    if (outer && s.end > outer.end) continue;
    events.push([s.start, OPEN + markerNumber(s.id) + END]);
    open.push(s);
    marked.add(s.id);
  }
  closeUntil(Infinity);
  const parts: string[] = [];
  let at = 0;
  for (const [offset, marker] of events) {
    parts.push(cleanSource(draft.slice(at, offset)), marker);
    at = offset;
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
const SCAN = /<[^>]*>|([\ue000\ue002])([\ue010-\ue019]{1,9})\ue001|[\ue000-\ue01f]/g;

const readNumber = (digits: string) => Number([...digits].map((c) => c.charCodeAt(0) - DIGIT_ZERO).join(''));

/**
 * Replaces the markers in rendered HTML by the writer's elements. Only markers
 * of claims in `expected` count, each once; markers found inside a tag (a
 * renderer may copy text into an attribute) are dropped. Returns the HTML and
 * the claims it marked.
 */
export function placeMarks(html: string, expected: ReadonlySet<number>, writer: MarkWriter): { html: string; placed: Set<number> } {
  const out: string[] = [];
  const placed = new Set<number>();
  /** Claims open at this point, outermost first. */
  const open: number[] = [];
  /** Their pieces were closed before a tag: they go on at the next text. */
  let pending = false;
  const resume = () => {
    if (!pending) return;
    for (const id of open) out.push(writer.resume(id));
    pending = false;
  };
  /** Ends the claims open from the innermost down to open[depth]. The end mark (the verdict's sign) is written even after a tag. */
  const end = (depth: number) => {
    resume();
    while (open.length > depth) out.push(writer.close(open.pop()!, true));
  };
  let at = 0;
  for (const m of html.matchAll(SCAN)) {
    const text = html.slice(at, m.index);
    if (text) {
      resume();
      out.push(text);
    }
    at = m.index + m[0].length;
    const token = m[0];
    if (token.startsWith('<')) {
      if (open.length && BLOCK_END.test(token)) end(0);
      if (open.length && !pending) {
        for (let k = open.length - 1; k >= 0; k--) out.push(writer.close(open[k]!, false));
        pending = true;
      }
      out.push(token.replace(MARKERS, ''));
    } else if (m[1] === OPEN) {
      const id = readNumber(m[2]!);
      if (!expected.has(id) || placed.has(id)) continue;
      resume();
      placed.add(id);
      out.push(writer.open(id));
      open.push(id);
    } else if (m[1] === CLOSE) {
      const depth = open.indexOf(readNumber(m[2]!));
      if (depth !== -1) end(depth);
    }
    // Any other character of the range is a stray marker: dropped.
  }
  const rest = html.slice(at);
  if (rest) {
    resume();
    out.push(rest);
  }
  end(0);
  return { html: out.join(''), placed };
}
