/**
 * Turns a Markdown or plain-text draft into prose for claim finding: every
 * character that is not prose (code, URLs, link targets, HTML, block and
 * emphasis markers) becomes a space, so offsets, lines and columns stay those
 * of the original file. It also says where blocks begin (a sentence never runs
 * across a heading, a list item or a table row) and which ranges are headings.
 *
 * Raw HTML is read as CommonMark reads it: a tag with its attributes (which
 * may run onto the next line), a comment, a processing instruction, a
 * declaration or a CDATA section is blanked, and so is the content of the
 * elements that hold no prose (script, style, pre, code, textarea); the text
 * between other tags ("<b>128 events</b>", "<td>5.3%</td>") is prose. Inside
 * a code span or code block nothing is HTML. A comment, script or style left
 * open runs to the end of its paragraph, not of the draft, so one stray
 * "<script>" does not hide the rest of a draft from the check; code left open
 * loses only its tag.
 */
import { type Html, HtmlFinder } from './html.js';

export interface Prose {
  /** The draft with non-prose characters blanked; the same length as the draft. */
  text: string;
  /** Offsets where a new block starts: sentences break there. */
  breaks: number[];
  /** [start, end) offsets of heading text, with the heading's level (1 for "#"). */
  headings: Array<[number, number, number]>;
  /** [start, end) offsets of table rows: a year in one cell dates the whole row. */
  tableRows: Array<[number, number]>;
  /** Each body cell of a table with its column's header cell, as [start, end) offsets: the header says what the cell is. */
  tableCells: TableCell[];
  /** [start, end) offsets of tables' header rows: they label columns and make no claim. */
  tableHeaders: Array<[number, number]>;
}

export interface TableCell {
  start: number;
  end: number;
  headerStart: number;
  headerEnd: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^( {0,3}#{1,6})(?=\s|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const LIST_MARKER = /^(\s*)([-*+•]|\d{1,9}[.)])(\s+|$)/;
const TASK_BOX = /^\[[ xX]\]\s/;
const BLOCKQUOTE = /^ {0,3}>\s?/;
const REFERENCE_DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:\s*\S/;
const FOOTNOTE_DEFINITION = /^ {0,3}(\[\^[^\]]+\]:)/;

export function maskMarkdown(draft: string): Prose {
  const out = draft.split('');
  const blank = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const breaks: number[] = [];
  const headings: Array<[number, number, number]> = [];
  const tableRows: Array<[number, number]> = [];
  const tableCells: TableCell[] = [];
  const tableHeaders: Array<[number, number]> = [];
  /** The cells of the current table's header row. */
  let header: Array<[number, number]> | null = null;

  let source = draft;
  const html = new HtmlFinder(draft);
  /** Raw HTML that runs past the line it opened on. */
  let carry: Html | null = null;

  const lines: Array<{ start: number; text: string }> = [];
  for (let pos = 0; pos <= source.length; ) {
    const nl = source.indexOf('\n', pos);
    const end = nl === -1 ? source.length : nl;
    lines.push({ start: pos, text: source.slice(pos, end).replace(/\r$/, '') });
    if (nl === -1) break;
    pos = nl + 1;
  }

  // YAML front matter: a "---" first line closed by "---" or "..." is metadata, not prose.
  let first = 0;
  if (lines.length > 1 && /^---\s*$/.test(lines[0]!.text)) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) {
      blank(0, lines[close]!.start + lines[close]!.text.length);
      first = close + 1;
      breaks.push(lines[close]!.start + lines[close]!.text.length);
    }
  }

  let fence: { char: string; length: number } | null = null;
  let prevBlank = true;
  let inIndentedCode = false;
  let inList = false;
  let prevParagraph: { start: number; end: number } | null = null;

  for (let i = first; i < lines.length; i++) {
    const { start, text } = lines[i]!;
    const end = start + text.length;
    if (carry && carry.end > start) {
      // A line that opens inside raw HTML: the HTML goes on to its end, then the line is prose.
      if (!carry.block) blankLineEnd(out, start);
      if (carry.end >= end) {
        blank(start, end);
        // The lines of a comment or a script stand between paragraphs, as blank lines do; a tag's are inside one.
        if (carry.block) {
          prevBlank = true;
          breaks.push(start);
          prevParagraph = null;
        }
        continue;
      }
      const from = carry.end;
      blank(start, from);
      prevBlank = false;
      carry = maskInline(source, out, from, end, html);
      prevParagraph = { start, end };
      continue;
    }
    if (fence) {
      blank(start, end);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        fence = null;
        breaks.push(end);
      }
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      blank(start, end);
      breaks.push(start);
      prevParagraph = null;
      continue;
    }
    if (!text.trim()) {
      prevBlank = true;
      breaks.push(start);
      prevParagraph = null;
      continue;
    }
    const indented = /^(?: {4}|\t)/.test(text);
    if (indented && (prevBlank || inIndentedCode) && !inList && prevParagraph === null) {
      inIndentedCode = true;
      blank(start, end);
      breaks.push(start);
      prevBlank = false;
      continue;
    }
    inIndentedCode = false;
    const wasBlank = prevBlank;
    prevBlank = false;

    let content = 0;
    let blockStart = false;
    let heading = 0;
    const quote = () => {
      for (let m = BLOCKQUOTE.exec(text.slice(content)); m; m = BLOCKQUOTE.exec(text.slice(content))) {
        blank(start + content, start + content + m[0].length);
        content += m[0].length;
        blockStart = true;
      }
    };
    quote();
    const rest = () => text.slice(content);

    if (REFERENCE_DEFINITION.test(rest())) {
      blank(start, end);
      breaks.push(start);
      prevParagraph = null;
      continue;
    }
    if (SETEXT_UNDERLINE.test(rest()) && prevParagraph && !wasBlank) {
      headings.push([prevParagraph.start, prevParagraph.end, rest().trim().startsWith('=') ? 1 : 2]);
      breaks.push(prevParagraph.start);
      blank(start, end);
      breaks.push(start);
      prevParagraph = null;
      continue;
    }
    if (THEMATIC_BREAK.test(rest()) || (rest().includes('|') && rest().includes('-') && TABLE_SEPARATOR.test(rest()))) {
      blank(start, end);
      breaks.push(start);
      prevParagraph = null;
      continue;
    }
    const atx = ATX_HEADING.exec(rest());
    if (atx) {
      blank(start + content, start + content + atx[1]!.length);
      const closing = /\s#+\s*$/.exec(text);
      if (closing && closing.index > content + atx[1]!.length) blank(start + closing.index, end);
      heading = atx[1]!.trim().length;
      blockStart = true;
      inList = false;
    } else {
      const list = LIST_MARKER.exec(rest());
      // An ordered marker other than "1." does not interrupt a paragraph: "2024." wrapped to a line start stays prose.
      if (list && (!/^\d/.test(list[2]!) || wasBlank || inList || prevParagraph === null || /^1[.)]$/.test(list[2]!))) {
        blank(start + content, start + content + list[0].length);
        content += list[0].length;
        blockStart = true;
        inList = true;
        const task = TASK_BOX.exec(rest());
        if (task) {
          blank(start + content, start + content + task[0].length);
          content += task[0].length;
        }
        quote();
      } else if (!indented && wasBlank) {
        inList = false;
      }
    }
    const footnote = FOOTNOTE_DEFINITION.exec(rest());
    if (footnote) {
      blank(start + content, start + content + footnote[0].length);
      blockStart = true;
    }
    if (text.includes('|') && isTableRow(lines, i)) {
      const cells = cellsOf(source, start + content, end);
      const next = lines[i + 1]?.text;
      if (next !== undefined && next.includes('-') && TABLE_SEPARATOR.test(next)) {
        header = cells;
        tableHeaders.push([start, end]);
      }
      else if (header) cells.forEach(([s, e], c) => header![c] && tableCells.push({ start: s, end: e, headerStart: header![c]![0], headerEnd: header![c]![1] }));
      // A table row reads as "label: value: value": each cell is a clause, the first one labels the rest.
      for (let k = start + content; k < end; k++) if (out[k] === '|' && source[k - 1] !== '\\') out[k] = ':';
      blockStart = true;
      tableRows.push([start, end]);
    } else if (!text.includes('|')) {
      header = null;
    }
    if (wasBlank || blockStart || (prevParagraph !== null && endsLine(source.slice(prevParagraph.start, prevParagraph.end), rest()))) breaks.push(start);
    carry = maskInline(source, out, start + content, end, html);
    if (heading) {
      headings.push([start, end, heading]);
      breaks.push(end);
      prevParagraph = null;
    } else {
      prevParagraph = { start, end };
    }
  }
  source = out.join('');
  return { text: source, breaks: [...new Set(breaks)].sort((a, b) => a - b), headings, tableRows, tableCells, tableHeaders };
}

/** The [start, end) offsets of a table row's cells, between unescaped pipes (the outer pipes optional). */
function cellsOf(source: string, start: number, end: number): Array<[number, number]> {
  const bounds = [start - 1];
  for (let k = start; k < end; k++) if (source[k] === '|' && source[k - 1] !== '\\') bounds.push(k);
  bounds.push(end);
  const cells: Array<[number, number]> = [];
  for (let n = 0; n + 1 < bounds.length; n++) cells.push([bounds[n]! + 1, bounds[n + 1]!]);
  const blankCell = (c: [number, number] | undefined) => c !== undefined && source.slice(c[0], c[1]).trim() === '';
  // "| a | b |": the empty text before the first pipe and after the last is no cell.
  if (blankCell(cells[0])) cells.shift();
  if (blankCell(cells[cells.length - 1])) cells.pop();
  return cells;
}

/**
 * A line without closing punctuation, followed by one that starts with a
 * capital, is a line of its own (a headline, a byline, an item of a list
 * without markers), unless it ends on a word that cannot end a sentence
 * ("the", "of"). Splitting wrapped prose there costs a sentence some context;
 * joining headlines would mix their figures.
 */
function endsLine(previous: string, next: string): boolean {
  const p = previous.trimEnd();
  return p.length > 0 && !/[.,;:!?…"'”’)\]—–-]$/.test(p) && !/\b(and|or|of|the|a|an|to|in|for|with|by|on|at|from|as|than|its|their)$/i.test(p) && /^\s*(?:[\p{Lu}\d]|\p{Extended_Pictographic}|[•·▪◦‣➤→✓✔])/u.test(next);
}

function isTableRow(lines: Array<{ text: string }>, i: number): boolean {
  for (let j = i - 1; j >= 0 && lines[j]!.text.includes('|'); j--) if (TABLE_SEPARATOR.test(lines[j]!.text) && lines[j]!.text.includes('-')) return true;
  const next = lines[i + 1]?.text;
  return next !== undefined && next.includes('-') && TABLE_SEPARATOR.test(next);
}

const INLINE_PATTERNS: RegExp[] = [
  // Images: the alt text describes a picture, it makes no claim.
  /!\[[^\][\n]*\]\([^)(\n]*\)/g,
  // Autolinks, and loose HTML tags on one line that CommonMark would not take for tags but a browser does ('<a href="x"title="y">').
  /<(?:https?:|mailto:|ftp:|www\.)[^>\s]*>/gi,
  /<[^@\s<>]+@[^@\s<>]+>/g,
  /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g,
  // Footnote references.
  /\[\^[^\][\s]+\]/g,
  // Bare URLs and e-mail addresses.
  /\b(?:https?|ftp):\/\/[^\s<>"'`]+/gi,
  /\bwww\.[^\s<>"'`]+/gi,
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  // HTML entities.
  /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g,
];

/**
 * Blanks code spans, link targets, URLs, HTML and emphasis markers between start and end; returns the raw HTML
 * that opens on this line and runs past its end, if any, for the lines after it to blank.
 */
function maskInline(source: string, out: string[], start: number, end: number, html: HtmlFinder): Html | null {
  const line = source.slice(start, end);
  const blankRel = (s: number, e: number) => {
    for (let k = start + s; k < start + e; k++) out[k] = ' ';
  };
  const taken = new Uint8Array(line.length);
  const take = (s: number, e: number) => {
    blankRel(s, e);
    taken.fill(1, s, e);
  };
  // Code spans: a run of n backticks up to the next run of exactly n.
  for (let k = 0; k < line.length; ) {
    if (line[k] !== '`') {
      k++;
      continue;
    }
    let n = 0;
    while (line[k + n] === '`') n++;
    const close = findBacktickRun(line, k + n, n);
    if (close === -1) {
      k += n;
      continue;
    }
    take(k, close + n);
    k = close + n;
  }
  // Raw HTML, outside code spans: what runs past the line is blanked to the line's end here, and after it by the caller.
  let carry: Html | null = null;
  for (let k = line.indexOf('<'); k !== -1; k = line.indexOf('<', k + 1)) {
    if (taken[k]) continue;
    const found = html.at(start + k);
    if (found === null) continue;
    if (found.end > end) {
      take(k, line.length);
      carry = found;
      break;
    }
    take(k, found.end - start);
    k = found.end - start - 1;
  }
  for (const re of INLINE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      let e = m.index + m[0].length;
      // A URL does not end in sentence punctuation or an unmatched bracket.
      if (/^(?:https?|ftp|www)/i.test(m[0])) {
        let depth = openMinusClose(line, m.index, e);
        while (e > m.index && /[.,;:!?)\]}'"”’*_]/.test(line[e - 1]!) && !(line[e - 1] === ')' && depth >= 0)) {
          if (line[e - 1] === ')') depth++;
          e--;
        }
      }
      if (!taken[m.index]) take(m.index, e);
    }
  }
  // Links: keep the text, blank the brackets and the target.
  const link = /\[([^\][\n]*)\](\([^)(\n]*\)|\[[^\][\n]*\])/g;
  for (let m = link.exec(line); m; m = link.exec(line)) {
    if (taken[m.index]) continue;
    blankRel(m.index, m.index + 1);
    const targetStart = m.index + 1 + m[1]!.length;
    take(targetStart, m.index + m[0].length);
  }
  // Emphasis and strike-through markers, and backslash escapes.
  for (let k = 0; k < line.length; k++) {
    if (taken[k]) continue;
    const c = line[k]!;
    if (c === '*' || c === '~' && line[k + 1] === '~') blankRel(k, c === '~' ? k + 2 : k + 1);
    else if (c === '_' && !(/[\p{L}\p{N}]/u.test(line[k - 1] ?? '') && /[\p{L}\p{N}]/u.test(line[k + 1] ?? ''))) blankRel(k, k + 1);
    else if (c === '\\' && /[!-/:-@[-`{-~]/.test(line[k + 1] ?? '')) blankRel(k, k + 1);
  }
  return carry;
}

function findBacktickRun(line: string, from: number, n: number): number {
  for (let k = from; k < line.length; ) {
    if (line[k] !== '`') {
      k++;
      continue;
    }
    let m = 0;
    while (line[k + m] === '`') m++;
    if (m === n) return k;
    k += m;
  }
  return -1;
}

/** Opening brackets less closing ones in line[start, end): a URL keeps a closing bracket it opened. */
function openMinusClose(line: string, start: number, end: number): number {
  let depth = 0;
  for (let k = start; k < end; k++) {
    if (line[k] === '(') depth++;
    else if (line[k] === ')') depth--;
  }
  return depth;
}

/** The line ending before offset start becomes a space: a tag over several lines is inside one paragraph. */
function blankLineEnd(out: string[], start: number): void {
  for (let k = start - 1; k >= 0 && k >= start - 2 && (out[k] === '\n' || out[k] === '\r'); k--) out[k] = ' ';
}
