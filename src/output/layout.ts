/**
 * Fitting output to the terminal: the width to write for, text wrapped with a
 * hanging indent, and table columns sized so that a row fits the width.
 */

/** The narrowest width zgc lays out for; a narrower terminal gets lines this long. */
export const MIN_WIDTH = 40;
/** The width used when stdout is no terminal and COLUMNS is not set (a table written to a file). */
export const DEFAULT_WIDTH = 80;

export interface WidthSource {
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The terminal's columns, when stdout is one and it says. */
  columns?: number;
}

/** The width to lay out for: $COLUMNS when set, else the terminal's, else 80; never under 40. */
export function outputWidth(io: WidthSource): number {
  const fromEnv = Number(io.env.COLUMNS);
  let width = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 0;
  if (!width && io.stdoutIsTTY) {
    const cols = io.columns;
    if (typeof cols === 'number' && Number.isInteger(cols) && cols > 0) width = cols;
  }
  if (!width) width = DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, width);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
// East Asian wide and full-width characters, and emoji, take two columns.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/u;

function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Columns a string takes on a terminal (colour codes take none). */
export function visibleWidth(s: string): number {
  let n = 0;
  for (const ch of s.replace(ANSI, '')) n += charWidth(ch);
  return n;
}

/** Splits a word too long for a line into pieces of at most `width` columns, after a hyphen where one is near. */
function breakWord(word: string, width: number): string[] {
  const out: string[] = [];
  let rest = word;
  while (visibleWidth(rest) > width) {
    let cut = '';
    let w = 0;
    for (const ch of rest) {
      const cw = charWidth(ch);
      if (w + cw > width && cut) break;
      cut += ch;
      w += cw;
    }
    const hyphen = cut.lastIndexOf('-');
    if (hyphen > 0 && hyphen < cut.length - 1) cut = cut.slice(0, hyphen + 1);
    out.push(cut);
    rest = rest.slice(cut.length);
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Plain text with each word wider than `width` columns cut into lines of at most `width`, after a hyphen where one
 * is near ('medico-lakeville-investment' at 12: 'medico-', 'lakeville-', 'investment'); other words untouched.
 * cli-table3 wraps at spaces only and cuts a word longer than its column with '…', so a table's cells pass through
 * this first and no text is lost.
 */
export function breakLongWords(text: string, width: number): string {
  const w = Math.max(1, width);
  return text
    .split('\n')
    .map((line) => line.replace(/[^ ]+/g, (word) => (visibleWidth(word) > w ? breakWord(word, w).join('\n') : word)))
    .join('\n');
}

/** Plain text (no colour codes) broken at spaces into lines of at most `width` columns; words longer than a line are cut. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let cur = '';
  let curW = 0;
  for (const word of text.split(/ +/)) {
    if (!word) continue;
    const ww = visibleWidth(word);
    if (cur && curW + 1 + ww <= w) {
      cur += ' ' + word;
      curW += 1 + ww;
      continue;
    }
    if (cur) lines.push(cur);
    if (ww <= w) {
      cur = word;
      curW = ww;
    } else {
      const pieces = breakWord(word, w);
      cur = pieces.pop()!;
      curW = visibleWidth(cur);
      lines.push(...pieces);
    }
  }
  if (cur || !lines.length) lines.push(cur);
  return lines;
}

/**
 * Text wrapped to `width` with a hanging indent: the first line starts with
 * `first`, the others with `rest`. `paint` colours each line's text, after
 * wrapping, so that colour codes never count toward the width.
 */
export function hanging(first: string, rest: string, text: string, width: number, paint: (s: string) => string = (s) => s): string[] {
  const room = Math.max(10, width - Math.max(visibleWidth(first), visibleWidth(rest)));
  return wrapText(text, room).map((line, i) => (i === 0 ? first : rest) + paint(line));
}

/** Cuts plain text to `width` columns, ending with "…" when it was longer. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 1) return '…';
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/**
 * Column widths (content only, without padding or borders) that fit `room`
 * columns: each column's natural width when they fit, else columns shrink
 * one at a time, the one widest for its weight first, never below their
 * minimum. When even the minimums do not fit, the minimums.
 */
export function fitColumns(natural: number[], minimum: number[], room: number, weight: number[] = []): number[] {
  const widths = natural.map((n) => Math.max(1, n));
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > room) {
    let widest = -1;
    let ratio = 0;
    for (let i = 0; i < widths.length; i++) {
      const r = widths[i]! / (weight[i] ?? 1);
      if (widths[i]! > (minimum[i] ?? 1) && (widest < 0 || r > ratio)) {
        widest = i;
        ratio = r;
      }
    }
    if (widest < 0) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}
