/**
 * The first stage of zgc check: a draft's characters made comparable, its
 * tokens, sentences and clauses, the line and column of an offset, and the
 * table cells a Markdown table holds. It knows punctuation and layout, not
 * numbers or facts.
 */
import { HAN, HAN_RUN, hanWords } from '../../search/han.js';
import type { TableCell } from './markdown.js';

export interface Token {
  kind: 'num' | 'word' | 'punct';
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Whitespace (or a masked character) stands between this token and the one before. */
  space: boolean;
  /** Clause number, counted through the whole draft: commas, semicolons, brackets and dashes start a new one. */
  clause: number;
  /** Clause marks so far, through the draft, that are commas between Chinese words (see segment). */
  soft?: number;
  sentence: number;
}

export interface Sentence {
  tokenStart: number;
  tokenEnd: number;
  /** Paragraph, list item, table row or heading the sentence belongs to, counted through the draft. */
  block: number;
  /** The headings this sentence stands under, outermost first, as sentence indices. */
  headings: number[];
  isHeading: boolean;
  /** A row of a Markdown table. */
  isTableRow: boolean;
}

// ---------------------------------------------------------------------------
// Characters

/** Marks a space that may group digits (no-break, narrow no-break, thin, figure space). */
export const GROUP_SPACE = '\u00a0';
export const MINUS = '\u2212';

/**
 * One character for one: digits of other scripts become ASCII digits,
 * compatibility forms fold (full-width "３．６％" is "3.6%"), the spaces that
 * may group digits become one kind, so that offsets never move.
 */
export function normalizeChars(s: string): string {
  const out: string[] = new Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = ch.charCodeAt(0);
    if (c < 0x80) out[i] = ch;
    else if (c >= 0x660 && c <= 0x669) out[i] = String(c - 0x660);
    else if (c >= 0x6f0 && c <= 0x6f9) out[i] = String(c - 0x6f0);
    else if (c >= 0x966 && c <= 0x96f) out[i] = String(c - 0x966);
    else if (c === 0x66b) out[i] = '.';
    else if (c === 0x66c) out[i] = ',';
    else if (c === 0x66a) out[i] = '%';
    else if (c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007) out[i] = GROUP_SPACE;
    else if (c === 0x2212 || c === 0x2013 || c === 0x2014) out[i] = ch;
    else if (c === 0x2010 || c === 0x2011) out[i] = '-';
    else if (c === 0x2019 || c === 0x2018) out[i] = "'";
    else if (c >= 0xd800 && c <= 0xdfff) out[i] = ch;
    else {
      const n = ch.normalize('NFKC');
      out[i] = n.length === 1 ? n : ch;
    }
  }
  return out.join('');
}

export class LinePositions {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** The last position worked out: claims come in text order, so columns are counted on from there. */
  private last = { offset: 0, line: 0, col: 1 };

  at(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo]!;
    // Columns count characters, not UTF-16 units: an emoji is one column.
    const resume = this.last.line === lo && this.last.offset <= offset;
    let col = resume ? this.last.col : 1;
    for (let i = resume ? this.last.offset : lineStart; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col++;
    }
    this.last = { offset, line: lo, col };
    return { line: lo + 1, col };
  }
}

// ---------------------------------------------------------------------------
// Tokens and sentences

export const TOKEN = /(\d+(?:[.,\u00a0]\d+)*(?:[eE][+-]?\d+(?![\p{L}\d]))?)|([\p{L}\p{M}]+(?:(?:'|&)[\p{L}\p{M}]+)*)|(\S)/uy;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c > 0x7f && /\s/.test(text[pos]!))) {
      pos++;
      continue;
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) break;
    const t = m[0];
    const kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
    if (kind === 'word' && HAN.test(t)) pushHanWords(tokens, t, pos, pos !== prevEnd);
    else tokens.push({ kind, text: t, lower: t.toLowerCase(), start: pos, end: pos + t.length, space: pos !== prevEnd, clause: 0, sentence: 0 });
    prevEnd = pos + t.length;
    pos = prevEnd;
  }
  return tokens;
}

/** A word holding Chinese, as its words: Han runs split by the dictionary (han.ts), letters around them apart. */
function pushHanWords(tokens: Token[], word: string, at: number, space: boolean): void {
  const push = (text: string, start: number) => {
    tokens.push({ kind: 'word', text, lower: text.toLowerCase(), start: at + start, end: at + start + text.length, space: space && start === 0, clause: 0, sentence: 0 });
  };
  let last = 0;
  HAN_RUN.lastIndex = 0;
  for (let m = HAN_RUN.exec(word); m !== null; m = HAN_RUN.exec(word)) {
    if (m.index > last) push(word.slice(last, m.index), last);
    for (const w of hanWords(m[0])) push(w.text, m.index + w.start);
    last = m.index + m[0].length;
  }
  if (last < word.length) push(word.slice(last), last);
}

/** The token is Chinese (its first character is Han). */
export const isHan = (t: Token | undefined): boolean => t !== undefined && HAN.test(t.text[0]!);

export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'approx', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gov', 'dept', 'fig', 'vol', 'pp', 'e.g', 'i.e', 'u.s', 'u.k', 'e.u', 'p.m', 'a.m', 'mt', 'ft', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'rep', 'sen',
]);
/** A semicolon joins sentences that stand alone: each is matched on its own. */
export const SENTENCE_END = new Set(['.', '!', '?', '。', '！', '？', '…', ';', '；']);
export const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '」', '』']);
export const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '—', '，', '；', '：', '、']);
export const CLAUSE_WORDS = new Set(['while', 'whereas', 'but', 'which', 'who', 'where', 'although', 'though']);

export function segment(tokens: Token[], text: string, breaks: number[], headings: Array<[number, number, number]>): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let clause = 0;
  let soft = 0;
  let b = 0;
  let h = 0;
  // Open headings, outermost first: a heading closes those of its level and below.
  let open: Array<{ level: number; sentence: number }> = [];
  let block = 0;
  /** The level of the heading token t is in, 0 outside headings. */
  const inHeading = (t: Token) => {
    while (h < headings.length && headings[h]![1] <= t.start) h++;
    return h < headings.length && headings[h]![0] <= t.start ? headings[h]![2] : 0;
  };
  const close = (end: number) => {
    if (end <= start) return;
    const level = inHeading(tokens[start]!);
    const isHeading = level > 0;
    const index = sentences.length;
    if (isHeading) open = open.filter((o) => o.level < level);
    sentences.push({ tokenStart: start, tokenEnd: end, block: isHeading ? ++block : block, headings: open.map((o) => o.sentence), isHeading, isTableRow: false });
    if (isHeading) {
      block++;
      open.push({ level, sentence: index });
    }
    for (let k = start; k < end; k++) tokens[k]!.sentence = index;
    start = end;
    clause++;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A block boundary between the previous token and this one ends the sentence.
    while (b < breaks.length && breaks[b]! <= t.start) {
      if (i > 0 && breaks[b]! >= tokens[i - 1]!.end) {
        close(i);
        block++;
      }
      b++;
    }
    if (i > start && (CLAUSE_PUNCT.has(t.text) || (t.text === '–' && t.space) || (t.kind === 'word' && CLAUSE_WORDS.has(t.lower)))) {
      clause++;
      // A Chinese sentence runs on through commas about one topic ("2024年港口吞吐量……，比上年增长4.9%"): its commas
      // part less than English ones, and matching weighs them so (context.ts).
      if ((t.text === ',' || t.text === '、') && (isHan(tokens[i - 1]) || isHan(tokens[i + 1]))) soft++;
    }
    t.soft = soft;
    // A paragraph break inside one block (two newlines) also ends a sentence.
    if (i > 0 && /\n[ \t\u00a0]*\n/.test(text.slice(tokens[i - 1]!.end, t.start))) {
      close(i);
      block++;
    }
    t.clause = clause;
    if (SENTENCE_END.has(t.text)) {
      let j = i + 1;
      while (j < tokens.length && !tokens[j]!.space && CLOSERS.has(tokens[j]!.text)) j++;
      const next = tokens[j];
      if (next === undefined) continue;
      // Chinese puts no space after a full stop: "。" and a stop between Chinese words end a sentence as they are.
      if (!next.space && !(t.text === '。' || (t.text !== '.' && (isHan(tokens[i - 1]) || isHan(next))))) continue;
      if (t.text === '.' && isAbbreviation(tokens, i)) continue;
      if (t.text === '.' && !/^[\p{Lu}\d"'“‘(\[]/u.test(next.text)) continue;
      for (let k = i + 1; k < j; k++) tokens[k]!.clause = clause;
      i = j - 1;
      close(j);
    }
  }
  close(tokens.length);
  return sentences;
}

export function isAbbreviation(tokens: Token[], dot: number): boolean {
  const prev = tokens[dot - 1];
  if (!prev || tokens[dot]!.space) return false;
  if (prev.kind !== 'word') return false;
  // Initials and dotted abbreviations: "U.S.", "J. Smith".
  if (prev.text.length === 1 && /\p{Lu}/u.test(prev.text)) return true;
  let word = prev.lower;
  const before = tokens[dot - 2];
  const beforeWord = tokens[dot - 3];
  if (before && before.text === '.' && !prev.space && beforeWord && beforeWord.kind === 'word' && !before.space) word = `${beforeWord.lower}.${word}`;
  return ABBREVIATIONS.has(word);
}


/** The first index of a list in text order at which `after` holds (the list's length when it never does): binary search. */
export function firstWhere<T>(list: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The table cell holding an offset (cells are in text order), or undefined. */
export function cellAt(cells: readonly TableCell[], offset: number): TableCell | undefined {
  const cell = cells[firstWhere(cells, (c) => c.end > offset)];
  return cell && offset >= cell.start ? cell : undefined;
}

/** The tokens lying within [start, end) (tokens are in text order). */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let k = firstWhere(tokens, (t) => t.start >= start); k < tokens.length && tokens[k]!.end <= end; k++) out.push(tokens[k]!);
  return out;
}
