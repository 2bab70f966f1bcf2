/**
 * Finds every numeric claim in a draft as writers write them: figures with
 * scales, currencies and units, number words, ordinals and fractions, years,
 * dates and ranges, with the qualifier in front ("more than", "about"). Pure:
 * it knows the language, not the facts. Positions are those of the original
 * file (1-based line, column in characters).
 *
 * Number formats (documented in the README):
 * - "1,234" and "1 234" with a no-break or thin space are thousands; "1.234"
 *   is one point two three four.
 * - "1.234,5", "1.234.567", "3,6" and other groupings that are not English
 *   are ambiguous: the claim is kept with no value and is never supported.
 * - "−5" (U+2212) and "-5" after a space are negative; "12 %" is 12 percent;
 *   full-width and Arabic-Indic digits read as digits; "1e3" is 1,000;
 *   "10–12", "10-12", "10 to 12" and "between 10 and 12" are ranges.
 */
import type { Bound } from '../facts/types.js';
import { findChineseClaims } from './chinese.js';
import { maskMarkdown, type TableCell } from './markdown.js';
import { LinePositions, MINUS, cellAt, firstWhere, isHan, normalizeChars, segment, tokenize, tokensWithin, type Sentence, type Token } from './tokens.js';
import { CITATION_YEAR, CURRENCY_CODES, CURRENCY_SYMBOLS, DIGIT_WORDS, DOLLAR_PREFIXES, DOWN_WORDS, DURATIONS, FRACTIONS, GLUED_SCALES, HOURS, MEASURE_AFTER, MINUTES, MONTHS, NOT_CLAIM_AFTER_ONE, NOT_CLAIM_BEFORE_ONE, NOUN_STOP, type Numeral, ORDINALS, PHRASAL_UP, QUALIFIERS, SCALE_WORDS, SYMBOL_QUALIFIERS, TENS, TIME_PREPOSITIONS, UNITS, UNIT_PHRASES, UP_WORDS, VERB_QUALIFIERS, WORD_SCALES, YEAR_CUES, YEAR_PREFIXES, changeIn, readNumeral, significant } from './numbers.js';

export type Dimension = 'quantity' | 'money' | 'percent' | 'rank' | 'year' | 'date';
/** How the draft qualifies a figure: a fact's bounds, and "less than". */
export type ClaimBound = Bound | 'less-than';

export interface DayDate {
  year: number | null;
  month: number;
  day: number | null;
}

export interface Claim {
  /** Offsets in the draft, [start, end). */
  start: number;
  end: number;
  line: number;
  col: number;
  /** The claim as written, qualifier and counted words included. */
  text: string;
  dimension: Dimension;
  /** The figure at full scale (3.6 trillion is 3.6e12); null when it cannot be read for sure. */
  value: number | null;
  /** Upper end of a range. */
  high: number | null;
  /** Place value of the last written digit ("3,600 billion": 1e9; "3.6 trillion": 1e11). */
  place: number;
  /** Place value of the last non-zero digit ("3,600 billion": 1e11): how a rounded figure is read. */
  sigPlace: number;
  /** Significant digits as written, trailing zeros included. */
  digits: number;
  /** The scale written with the figure (1e12 for "trillion", "tn"), 1 without one. */
  scale: number;
  /** An ISO 4217 code (or "JPY|CNY" for ¥), "percent", "percentage-point", "basis-point"; null for a count. */
  unit: string | null;
  bound: ClaimBound;
  /** For a percentage: a change ("up 8.3 percent", "8.3 percent year on year") rather than a share. */
  change: 'up' | 'down' | null;
  /** For a percentage: it says it is a share ("0.9% of the world total", "a share of 5%"). */
  share: boolean;
  date: { from: DayDate; to: DayDate | null } | null;
  /** Lower-case words right after the figure: what is counted ("events", "consecutive years"). */
  noun: string[];
  /** The word before the figure and its qualifier, lower case ("top" in "top 100"). */
  before: string | null;
  /** Token range of the figure itself (qualifier and noun excluded). */
  tokenStart: number;
  tokenEnd: number;
  sentence: number;
  /** Why the figure cannot be read, when value is null. */
  problem: string | null;
}



export interface Extraction {
  tokens: Token[];
  sentences: Sentence[];
  claims: Claim[];
  /** The claims of each sentence, in order. */
  claimsBySentence: Claim[][];
  /** Table cells with their column's header cell (offsets in the draft). */
  tableCells: TableCell[];
}

export interface ExtractOptions {
  /** Treat the text as Markdown (code, links, markers are skipped). Default true. */
  markdown?: boolean;
}

export function extractClaims(draft: string, options: ExtractOptions = {}): Extraction {
  const prose = options.markdown === false ? { text: draft, breaks: [], headings: [], tableRows: [], tableCells: [], tableHeaders: [] } : maskMarkdown(draft);
  const text = normalizeChars(prose.text);
  const tokens = tokenize(text);
  const sentences = segment(tokens, text, prose.breaks, prose.headings);
  // Sentences and table rows both run in text order: one pass pairs them.
  let row = 0;
  for (const s of sentences) {
    const at = tokens[s.tokenStart]!.start;
    while (row < prose.tableRows.length && prose.tableRows[row]![1] <= at) row++;
    s.isTableRow = row < prose.tableRows.length && at >= prose.tableRows[row]![0];
  }
  const positions = new LinePositions(draft);
  // A table's header row labels its columns ("2024", "2024 average"): it makes no claim.
  let header = 0;
  const claims = new ClaimParser(tokens, draft, findChineseClaims(text, draft)).parse().filter((c) => {
    while (header < prose.tableHeaders.length && prose.tableHeaders[header]![1] <= c.start) header++;
    return !(header < prose.tableHeaders.length && c.start >= prose.tableHeaders[header]![0]);
  });
  const claimsBySentence: Claim[][] = sentences.map(() => []);
  for (const c of claims) {
    const { line, col } = positions.at(c.start);
    c.line = line;
    c.col = col;
    c.sentence = tokens[c.tokenStart]!.sentence;
    claimsBySentence[c.sentence]!.push(c);
  }
  // "grew 3.5 per cent, though December came in at 3.7": a bare figure after a percentage of its sentence is one too.
  for (const list of claimsBySentence) {
    let percent: Claim | null = null;
    for (const c of list) {
      if (c.dimension === 'percent' && c.unit === 'percent') percent = c;
      else if (percent && c.dimension === 'quantity' && c.unit === null && !c.noun.length && c.scale === 1 && c.value !== null && Math.abs(c.value) < 100 && c.bound === 'exact') {
        c.dimension = 'percent';
        c.unit = 'percent';
        c.change = percent.change;
      }
    }
  }
  // A percentage in a column headed "y/y" or "growth" is a change, as "up 5.3%" is.
  for (const c of claims) {
    if (c.dimension !== 'percent' || c.change !== null) continue;
    const cell = cellAt(prose.tableCells, c.start);
    if (cell) c.change = changeIn(tokensWithin(tokens, cell.headerStart, cell.headerEnd));
  }
  return { tokens, sentences, claims, claimsBySentence, tableCells: prose.tableCells };
}

// ---------------------------------------------------------------------------
// Claims

/** A numeral as a figure of the draft: where it ends, and what its words make of it. */
interface Figure extends Omit<Numeral, 'skip'> {
  /** Index after the figure's last token. */
  next: number;
  ordinal: boolean;
  fraction: boolean;
  /** "a dozen": approximate by nature. */
  approximate: boolean;
  /** "twenty twenty-four": a year said as words. */
  spokenYear?: boolean;
  scaled: boolean;
  /** The scale word's factor (1e12 for "trillion"), 1 without one. */
  scaleFactor: number;
}

const EOF: Token = { kind: 'punct', text: '', lower: '', start: Infinity, end: Infinity, space: true, clause: -1, sentence: -1 };

class ClaimParser {
  private readonly claims: Claim[] = [];
  constructor(
    private readonly tokens: Token[],
    private readonly draft: string,
    /** Claims written the Chinese way (chinese.ts), in text order: their tokens are not read again. */
    private readonly chinese: Claim[] = [],
  ) {}

  /** Token i, or EOF outside the sentence being read: a claim never runs into the next sentence or list item. */
  private t(i: number): Token {
    const tok = (i >= 0 && this.tokens[i]) || EOF;
    return this.sentence < 0 || tok.sentence === this.sentence ? tok : EOF;
  }

  /** The sentence of the token being parsed; -1 while none is. */
  private sentence = -1;

  /** Token i follows token i - 1 with nothing between. */
  private glued(i: number): boolean {
    const tok = this.tokens[i];
    return tok !== undefined && i > 0 && !tok.space && this.t(i) !== EOF && this.t(i - 1) !== EOF;
  }

  parse(): Claim[] {
    let next = 0;
    for (let i = 0; i < this.tokens.length; ) {
      this.sentence = this.tokens[i]!.sentence;
      const chinese = this.chinese[next];
      if (chinese && this.tokens[i]!.end > chinese.start) {
        i = this.placeChinese(chinese, i);
        next++;
        continue;
      }
      i = this.parseAt(i);
      // A claim read the English way never runs into a Chinese one.
      while (next < this.chinese.length && this.chinese[next]!.start < this.tokens[i - 1]!.end) {
        const last = this.claims[this.claims.length - 1];
        if (last && last.end > this.chinese[next]!.start) this.claims.pop();
        this.placeChinese(this.chinese[next]!, firstWhere(this.tokens, (t) => t.end > this.chinese[next]!.start));
        next++;
      }
    }
    this.shareListNouns();
    this.labelNouns();
    return this.claims;
  }

  /**
   * Puts a Chinese claim among the others, over the tokens it covers from token i, with the word before it and
   * the words after it (what a measure word counts: "128场活动"); returns the token after it.
   */
  private placeChinese(c: Claim, i: number): number {
    const end = firstWhere(this.tokens, (t) => t.start >= c.end);
    c.tokenStart = i;
    c.tokenEnd = Math.max(end, i + 1);
    this.sentence = this.tokens[i]!.sentence;
    const before = this.t(i - 1);
    if (c.before === null && before.kind === 'word') c.before = before.lower;
    if (c.dimension === 'quantity' || c.dimension === 'rank') {
      // The word after a measure word is what it counts ("100多台机器人来自..."), with the word after it, which may
      // complete it ("机器|人") or say what it does: matching tells which (match.ts).
      for (let k = c.tokenEnd; k < c.tokenEnd + 2 && this.t(k).kind === 'word' && isHan(this.t(k)); k++) c.noun.push(this.t(k).lower);
    }
    if (c.sentence === 0) c.sentence = this.tokens[i]!.sentence;
    this.claims.push(c);
    return c.tokenEnd;
  }

  /** "Guests: over 1,000", "Technology trade events: 12": a figure with no noun of its own counts what its label names. */
  private labelNouns(): void {
    for (const c of this.claims) {
      if (c.noun.length || (c.dimension !== 'quantity' && c.dimension !== 'rank')) continue;
      this.sentence = this.tokens[c.tokenStart]!.sentence;
      let k = c.tokenStart;
      while (k > 0 && this.t(k - 1).start >= c.start) k--;
      if (this.t(k - 1).text !== ':') continue;
      // The label runs from the previous colon (a table cell) or the sentence's start; its noun phrase comes first:
      // "Projects funded by end of year" counts projects, "Medical and healthcare companies in the BDA" companies.
      let j = k - 2;
      while (this.t(j - 1) !== EOF && this.t(j - 1).text !== ':') j--;
      const label: string[] = [];
      for (; j < k - 1 && label.length < 4; j++) {
        const t = this.t(j);
        if (t.kind === 'punct' && (t.text === '-' || t.text === "'") && !t.space) continue;
        if (t.kind !== 'word') break;
        if (t.lower === 'and' || t.lower === 'or') continue;
        if (NOUN_STOP.has(t.lower) || (label.length > 0 && /(ed|ing)$/.test(t.lower) && t.lower.length > 4)) break;
        label.push(t.lower);
      }
      c.noun = label;
    }
    this.sentence = -1;
  }

  /** "ferries of 136, 18 and 10 seats": the last figure's noun counts the figures listed before it. */
  private shareListNouns(): void {
    for (let n = this.claims.length - 2; n >= 0; n--) {
      const c = this.claims[n]!;
      const next = this.claims[n + 1]!;
      if (c.noun.length || !next.noun.length || c.dimension !== next.dimension || c.unit !== next.unit || c.sentence !== next.sentence) continue;
      const between = this.draft.slice(c.end, next.start).trim().toLowerCase();
      if (/^(,|,? ?and|,? ?or|and|or)$/.test(between)) c.noun = [...next.noun];
    }
  }

  /** Parses what starts at token i; returns where to continue. */
  private parseAt(i: number): number {
    const tok = this.t(i);
    if (tok.kind === 'word' && MONTHS[tok.lower] !== undefined) {
      const d = this.monthFirstDate(i);
      if (d !== null) return d;
      return i + 1;
    }
    if (tok.kind === 'num') return this.chineseAround(i) ? this.skipGlued(i) : this.numeralClaim(i);
    if (tok.kind === 'word') return this.wordClaim(i);
    return i + 1;
  }

  /** A numeral glued to Chinese, before it or after it and the figures joined to it ("1-11月"): chinese.ts reads it or nothing does. */
  private chineseAround(i: number): boolean {
    if (this.glued(i) && isHan(this.t(i - 1))) return true;
    let k = i + 1;
    while (this.glued(k) && (this.t(k).kind === 'num' || /^[-–~.,%+]$/.test(this.t(k).text))) k++;
    return this.glued(k) && isHan(this.t(k));
  }

  // -- dates ----------------------------------------------------------------

  private dayAt(i: number): { day: number; next: number } | null {
    const tok = this.t(i);
    if (tok.kind !== 'num' || !/^\d{1,2}$/.test(tok.text)) return null;
    const day = Number(tok.text);
    if (day < 1 || day > 31) return null;
    let next = i + 1;
    const suffix = this.t(next);
    if (this.glued(next) && suffix.kind === 'word' && /^(st|nd|rd|th)$/.test(suffix.lower)) next++;
    else if (this.glued(next) && suffix.kind === 'word') return null;
    return { day, next };
  }

  private yearAt(i: number): number | null {
    const tok = this.t(i);
    if (tok.kind !== 'num' || !/^\d{4}$/.test(tok.text)) return null;
    const y = Number(tok.text);
    return y >= 1800 && y <= 2199 ? y : null;
  }

  private monthAt(i: number): { month: number; next: number } | null {
    const tok = this.t(i);
    // Months are capitalised: "march" and "may" in lower case are verbs.
    const month = tok.kind === 'word' && /^\p{Lu}/u.test(tok.text) ? MONTHS[tok.lower] : undefined;
    if (month === undefined) return null;
    let next = i + 1;
    if (tok.lower.length <= 4 && tok.lower !== 'may' && tok.lower !== 'june' && tok.lower !== 'july' && this.t(next).text === '.' && this.glued(next)) next++;
    return { month, next };
  }

  /** ", 2025" or " 2025" after a day. */
  private trailingYear(i: number): { year: number; next: number } | null {
    let k = i;
    if (this.t(k).text === ',') k++;
    const y = this.yearAt(k);
    if (y === null || this.glued(k + 1) && this.t(k + 1).kind !== 'punct') return null;
    return { year: y, next: k + 1 };
  }

  private rangeConnector(i: number): number | null {
    const tok = this.t(i);
    if (tok.text === '–' || tok.text === '-' || tok.text === '~') return i + 1;
    if (tok.kind === 'word' && (tok.lower === 'to' || tok.lower === 'through' || tok.lower === 'until' || tok.lower === 'till' || tok.lower === 'and')) return i + 1;
    return null;
  }

  private monthFirstDate(i: number): number | null {
    const m = this.monthAt(i);
    if (!m) return null;
    const d = this.dayAt(m.next);
    if (!d) {
      // "March 2025"
      const y = this.yearAt(m.next);
      if (y === null || this.glued(m.next)) return null;
      this.pushDate(i, m.next + 1, { year: y, month: m.month, day: null }, null);
      return m.next + 1;
    }
    let end = d.next;
    const from: DayDate = { year: null, month: m.month, day: d.day };
    let to: DayDate | null = null;
    const conn = this.rangeConnector(end);
    if (conn !== null && (this.t(end).lower !== 'and' || this.t(i - 1).lower === 'between')) {
      const m2 = this.monthAt(conn);
      const d2 = this.dayAt(m2 ? m2.next : conn);
      if (d2) {
        to = { year: null, month: m2 ? m2.month : m.month, day: d2.day };
        end = d2.next;
      }
    }
    return this.endDate(i, end, from, to);
  }

  /** Takes the year written after a date, if any, then records the date; returns where it ends. */
  private endDate(i: number, end: number, from: DayDate, to: DayDate | null): number {
    const y = this.trailingYear(end);
    if (y) {
      from.year = y.year;
      if (to) to.year = y.year;
      end = y.next;
    }
    this.pushDate(i, end, from, to);
    return end;
  }

  /** "27 March 2025", "27–31 March". Null when no month follows. */
  private dayFirstDate(i: number): number | null {
    const d = this.dayAt(i);
    if (!d) return null;
    let end = d.next;
    let day2: number | null = null;
    const conn = this.rangeConnector(end);
    if (conn !== null && this.t(end).lower !== 'and') {
      const d2 = this.dayAt(conn);
      if (d2 && this.monthAt(d2.next)) {
        day2 = d2.day;
        end = d2.next;
      }
    }
    if (this.t(end).lower === 'of') end++;
    const m = this.monthAt(end);
    if (!m) return null;
    end = m.next;
    const from: DayDate = { year: null, month: m.month, day: d.day };
    const to: DayDate | null = day2 !== null ? { year: null, month: m.month, day: day2 } : null;
    return this.endDate(i, end, from, to);
  }

  /** "2025-03-27", optionally "/2025-03-31". */
  private isoDate(i: number): number | null {
    const parts = [this.t(i), this.t(i + 1), this.t(i + 2), this.t(i + 3), this.t(i + 4)];
    if (!/^\d{4}$/.test(parts[0]!.text) || parts[1]!.text !== '-' || !/^\d{2}$/.test(parts[2]!.text) || parts[3]!.text !== '-' || !/^\d{2}$/.test(parts[4]!.text)) return null;
    for (let k = 1; k <= 4; k++) if (!this.glued(i + k)) return null;
    const date = (k: number): DayDate => ({ year: Number(this.t(k).text), month: Number(this.t(k + 2).text), day: Number(this.t(k + 4).text) });
    const from = date(i);
    if (from.month < 1 || from.month > 12 || from.day! < 1 || from.day! > 31) return null;
    let end = i + 5;
    let to: DayDate | null = null;
    if (this.t(end).text === '/' && this.glued(end) && this.isoDateShape(end + 1)) {
      to = date(end + 1);
      end += 6;
    }
    this.pushDate(i, end, from, to);
    return end;
  }

  private isoDateShape(i: number): boolean {
    return /^\d{4}$/.test(this.t(i).text) && this.t(i + 1).text === '-' && /^\d{2}$/.test(this.t(i + 2).text) && this.t(i + 3).text === '-' && /^\d{2}$/.test(this.t(i + 4).text);
  }

  private pushDate(start: number, end: number, from: DayDate, to: DayDate | null): void {
    const s = this.t(start).start;
    const e = this.t(end - 1).end;
    this.claims.push({
      ...this.emptyClaim(start, end),
      start: s,
      end: e,
      text: this.draft.slice(s, e),
      dimension: 'date',
      date: { from, to },
    });
  }

  /** A claim with every field at its default, over the given tokens. */
  private emptyClaim(tokenStart: number, tokenEnd: number): Claim {
    return {
      start: 0, end: 0, line: 0, col: 0, text: '', dimension: 'quantity', value: null, high: null, place: 1, sigPlace: 1, digits: 1, scale: 1, unit: null, bound: 'exact', change: null, share: false, date: null,
      noun: [], before: null, tokenStart, tokenEnd, sentence: 0, problem: null,
    };
  }

  // -- figures --------------------------------------------------------------

  private numeralClaim(i: number): number {
    const iso = this.isoDate(i);
    if (iso !== null) return iso;
    const phone = this.phoneNumber(i);
    if (phone !== null) return phone;
    // "2/ The fair ran ...", "7/7": a post's counter in a thread, at the start of a line.
    if (this.glued(i + 1) && this.t(i + 1).text === '/' && !(this.t(i + 2).kind === 'num' && this.glued(i + 2)) && this.lineStart(i)) return i + 2;
    const prev = this.t(i - 1);
    // Glued to letters, colons or slashes it is part of a name, a time or a ratio: "G20", "10:26", "1/4".
    if (this.glued(i) && prev.kind === 'word' && CURRENCY_CODES[prev.lower] === undefined && !DOLLAR_PREFIXES[prev.lower]) return this.skipGlued(i);
    // "#2 exporter", "No. 1 car exporter": a rank. "#5G", "#Expo2025" are tags, not ranks.
    const rankMark = (prev.text === '#' && this.glued(i) && !(this.glued(i - 1) && this.t(i - 2).kind === 'word')) || (prev.text === '.' && this.glued(i - 1) && this.t(i - 2).lower === 'no' && !this.glued(i));
    if (rankMark && /^\d{1,3}$/.test(this.t(i).text) && !(this.glued(i + 1) && (this.t(i + 1).kind === 'word' || this.t(i + 1).kind === 'num'))) {
      const fig = this.numeralFigure(i);
      if (fig !== null) return this.finishClaim(i, { ...fig, ordinal: true });
    }
    if (this.glued(i) && (prev.text === ':' || prev.text === '/' || prev.text === '.' || prev.text === '#' || prev.text === '_' || prev.text === '@')) return this.skipGlued(i);
    if (this.glued(i) && prev.text === '-' && this.glued(i - 1) && this.t(i - 2).kind === 'word' && !YEAR_PREFIXES.test(this.t(i - 2).lower)) return this.skipGlued(i);
    if (this.glued(i) && prev.text === '-' && this.glued(i - 1) && this.t(i - 2).kind === 'num') return this.skipGlued(i);
    const next = this.t(i + 1);
    if (this.glued(i + 1) && (next.text === ':' || next.text === '/') && this.t(i + 2).kind === 'num' && this.glued(i + 2)) return this.skipGlued(i);
    if (this.glued(i + 1) && next.text === '.' && this.t(i + 2).kind === 'word' && this.glued(i + 2)) return this.skipGlued(i);

    const dayFirst = this.dayFirstDate(i);
    if (dayFirst !== null) return dayFirst;

    const fig = this.numeralFigure(i);
    if (fig === null) return this.skipGlued(i);
    return this.finishClaim(i, fig);
  }

  /** "+86 10 5555 0100", "(010) 5555-0100": a telephone number is no claim; returns where it ends. */
  private phoneNumber(i: number): number | null {
    const prev = this.t(i - 1);
    const opened = (prev.text === '+' || prev.text === '(') && this.glued(i);
    let k = i;
    let groups = 0;
    while (this.t(k).kind === 'num' && /^\d+$/.test(this.t(k).text)) {
      groups++;
      k++;
      if (this.t(k).text === ')' && this.glued(k) && groups === 1 && prev.text === '(') k++;
      if ((this.t(k).text === '-' || this.t(k).text === '.') && this.glued(k) && this.t(k + 1).kind === 'num' && this.glued(k + 1)) k++;
    }
    // "010-5555-0199": three groups joined by dashes or dots are no range; "010-5555": a leading zero is no figure.
    const joined = groups >= 3 && this.t(i + 1).text === '-';
    const leadingZero = groups >= 2 && /^0\d/.test(this.t(i).text) && this.t(i + 1).text === '-';
    return (opened && groups >= 3) || groups >= 4 || joined || leadingZero ? k : null;
  }

  /** Token i starts its line (after spaces only). */
  private lineStart(i: number): boolean {
    const tok = this.tokens[i]!;
    const before = this.draft.slice(Math.max(0, tok.start - 200), tok.start);
    return /(^|\n)[ \t]*$/.test(before) && (tok.start < 200 || before.includes('\n'));
  }

  /** Skips a numeral and everything glued to it. */
  private skipGlued(i: number): number {
    let k = i + 1;
    while (k < this.tokens.length && this.glued(k) && this.t(k).text !== ',' && this.t(k).text !== ';') k++;
    return k;
  }

  /** A numeral with its glued suffix and scale; null when it is no figure (a version, an identifier). */
  private numeralFigure(i: number): Figure | null {
    const n = readNumeral(this.t(i).text);
    if (n.skip) return null;
    const fig: Figure = { ...n, next: i + 1, ordinal: false, fraction: false, approximate: false, scaled: false, scaleFactor: 1 };
    const suffix = this.t(i + 1);
    if (this.glued(i + 1) && suffix.kind === 'word') {
      if (/^(st|nd|rd|th)$/.test(suffix.lower) && n.plainInteger) {
        fig.ordinal = true;
        fig.next = i + 2;
      } else if (SCALE_WORDS[suffix.lower] !== undefined || GLUED_SCALES[suffix.lower] !== undefined) {
        const s = SCALE_WORDS[suffix.lower] ?? GLUED_SCALES[suffix.lower]!;
        // "14m", "1.3bn", "200M+" are millions and billions; "10m tall", "5m away" are metres, and "5t" tonnes: a lone t
        // counts as a scale only beside a currency, a lone m unless a word of measure follows.
        if (suffix.lower === 't' && !this.currencyBefore(i)) return null;
        if (suffix.lower === 'm' && suffix.text === 'm' && !this.currencyBefore(i) && (MEASURE_AFTER.test(this.t(i + 2).lower) || /^an?$/.test(this.t(i - 1).lower))) return null;
        this.scale(fig, s);
        fig.next = i + 2;
      } else {
        return null;
      }
    }
    if (!fig.scaled) {
      let k = fig.next;
      if (this.t(k).text === '-' && this.glued(k) && this.glued(k + 1)) k++;
      const w = this.t(k);
      if (w.kind === 'word' && SCALE_WORDS[w.lower] !== undefined && !(this.glued(k) && k === fig.next)) {
        this.scale(fig, SCALE_WORDS[w.lower]!);
        fig.next = k + 1;
      }
    }
    return fig;
  }

  private currencyBefore(i: number): boolean {
    const prev = this.t(i - 1);
    return CURRENCY_SYMBOLS[prev.text] !== undefined || CURRENCY_CODES[prev.lower] !== undefined;
  }

  private scale(fig: Figure, s: number): void {
    if (fig.value !== null) fig.value = Number(`${fig.value}e${Math.round(Math.log10(s))}`);
    fig.place *= s;
    fig.sigPlace *= s;
    fig.scaled = true;
    fig.scaleFactor = s;
    fig.plainInteger = false;
  }

  /** A figure written in words: "eight", "twenty-five", "a dozen", "three million", "one-quarter", "third". */
  private wordFigure(i: number): Figure | null {
    const tok = this.t(i);
    const w = tok.lower;
    const base = (value: number, next: number, extra: Partial<Figure> = {}): Figure => ({
      value, place: 1, sigPlace: 1, digits: 1, plainInteger: false, problem: null, next, ordinal: false, fraction: false, approximate: false, scaled: false, scaleFactor: 1, ...extra,
    });
    // "a dozen", "a hundred", "a million", "a quarter of", "a third of"
    if (w === 'a' || w === 'an') {
      const n = this.t(i + 1);
      if (n.lower === 'dozen') return base(12, i + 2, { approximate: true });
      // "a hundred and twenty-eight", "a thousand and six": exact, the article standing for one.
      const multiple = n.lower === 'hundred' ? 100 : WORD_SCALES[n.lower];
      if (multiple !== undefined && this.t(i + 2).lower === 'and' && (UNITS[this.t(i + 3).lower] !== undefined || TENS[this.t(i + 3).lower] !== undefined)) {
        const tail = this.wordFigure(i + 3);
        if (tail && tail.value !== null && tail.value < multiple && !tail.scaled && !tail.ordinal && !tail.fraction) {
          const value = multiple + tail.value;
          return base(value, tail.next, { digits: String(value).length, plainInteger: false });
        }
      }
      // "a hundred billion yuan": the article is one, and the scale word after it scales it.
      if (n.lower === 'hundred' && WORD_SCALES[this.t(i + 2).lower] !== undefined) {
        const s = WORD_SCALES[this.t(i + 2).lower]!;
        return base(100 * s, i + 3, { place: 100 * s, sigPlace: 100 * s, scaled: true, scaleFactor: s });
      }
      if (n.lower === 'hundred') return base(100, i + 2, { approximate: true, sigPlace: 100 });
      if (WORD_SCALES[n.lower] !== undefined) return base(WORD_SCALES[n.lower]!, i + 2, { approximate: true, place: WORD_SCALES[n.lower]!, sigPlace: WORD_SCALES[n.lower]!, scaled: true, scaleFactor: WORD_SCALES[n.lower]! });
      if (FRACTIONS[n.lower] !== undefined && !n.lower.endsWith('s') && this.t(i + 2).lower === 'of') {
        return base(100 / FRACTIONS[n.lower]!, i + 2, { fraction: true, place: 0.1, sigPlace: 0.1 });
      }
      return null;
    }
    if (w === 'half' && this.t(i + 1).lower === 'of') return base(50, i + 1, { fraction: true, place: 0.1, sigPlace: 0.1 });
    if (w === 'half' && this.t(i + 1).lower === 'a' && WORD_SCALES[this.t(i + 2).lower] !== undefined) {
      const s = WORD_SCALES[this.t(i + 2).lower]!;
      return base(s / 2, i + 3, { approximate: true, place: s / 10, sigPlace: s / 10, scaled: true, scaleFactor: s });
    }
    if (ORDINALS[w] !== undefined && UNITS[w] === undefined) {
      if (this.notOrdinal(i)) return null;
      return base(ORDINALS[w]!, i + 1, { ordinal: true });
    }
    if (UNITS[w] === undefined && TENS[w] === undefined) return null;
    // A year said as words: "twenty twenty-four", "twenty nineteen", "nineteen ninety-eight", "twenty twenty".
    if ((w === 'twenty' || w === 'nineteen') && !(this.t(i + 1).text === '-' && this.glued(i + 1))) {
      const n = this.t(i + 1).lower;
      let tail: number | null = null;
      let end = i + 2;
      if (TENS[n] !== undefined) {
        tail = TENS[n]!;
        if (this.t(i + 2).text === '-' && this.glued(i + 2) && this.glued(i + 3) && UNITS[this.t(i + 3).lower] !== undefined && UNITS[this.t(i + 3).lower]! < 10) {
          tail += UNITS[this.t(i + 3).lower]!;
          end = i + 4;
        }
      } else if (UNITS[n] !== undefined && UNITS[n]! >= 10) tail = UNITS[n]!;
      if (tail !== null && WORD_SCALES[this.t(end).lower] === undefined && this.t(end).lower !== 'hundred' && !(this.t(end).text === '-' && this.glued(end))) {
        return base(UNITS[w] !== undefined ? UNITS[w]! * 100 + tail : TENS[w]! * 100 + tail, end, { digits: 4, spokenYear: true });
      }
    }
    // Cardinal words, with "twenty-five", "one hundred and twenty-eight", "three million".
    let total = 0;
    let current = 0;
    let k = i;
    let last: 'unit' | 'ten' | 'hundred' | 'scale' | null = null;
    let place = 1;
    let endsOrdinal = false;
    for (;;) {
      const t = this.t(k);
      const l = t.lower;
      if (t.text === '-' && this.glued(k) && this.glued(k + 1) && last === 'ten' && (UNITS[this.t(k + 1).lower] !== undefined || ORDINALS[this.t(k + 1).lower] !== undefined)) {
        k++;
        continue;
      }
      if (l === 'and' && (last === 'hundred' || last === 'scale') && (UNITS[this.t(k + 1).lower] !== undefined || TENS[this.t(k + 1).lower] !== undefined)) {
        k++;
        continue;
      }
      if (t.kind !== 'word') break;
      if (UNITS[l] !== undefined && last !== 'unit') {
        current += UNITS[l]!;
        last = 'unit';
      } else if (TENS[l] !== undefined && (last === null || last === 'hundred' || last === 'scale')) {
        current += TENS[l]!;
        last = 'ten';
      } else if (last === 'ten' && ORDINALS[l] !== undefined && ORDINALS[l]! < 10 && this.t(k - 1).text === '-') {
        current += ORDINALS[l]!;
        endsOrdinal = true;
        k++;
        break;
      } else if (l === 'hundred' && last !== null && last !== 'hundred' && current > 0) {
        current *= 100;
        last = 'hundred';
      } else if (WORD_SCALES[l] !== undefined && last !== null && last !== 'scale') {
        total += (current || 1) * WORD_SCALES[l]!;
        place = WORD_SCALES[l]!;
        current = 0;
        last = 'scale';
      } else if (l === 'dozen' && last === 'unit') {
        current *= 12;
        k++;
        return base(total + current, k, { approximate: true });
      } else {
        break;
      }
      k++;
    }
    // "three point six trillion": decimals said as words, one word a digit.
    if (this.t(k).lower === 'point' && total === 0 && (last === 'unit' || last === 'ten') && DIGIT_WORDS[this.t(k + 1).lower] !== undefined) {
      let j = k + 1;
      let decimals = '';
      while (DIGIT_WORDS[this.t(j).lower] !== undefined) decimals += String(DIGIT_WORDS[this.t(j++).lower]);
      const scale = WORD_SCALES[this.t(j).lower];
      const factor = scale ?? 1;
      const sig = significant(String(current), decimals);
      return base(Number(`${current}.${decimals}`) * factor, scale !== undefined ? j + 1 : j, {
        place: factor / 10 ** decimals.length, sigPlace: sig.sigPlace * factor, digits: sig.digits, scaled: scale !== undefined, scaleFactor: factor,
      });
    }
    // "three and a half": a half more.
    if ((last === 'unit' || last === 'ten') && total === 0 && this.t(k).lower === 'and' && this.t(k + 1).lower === 'a' && this.t(k + 2).lower === 'half') {
      return base(current + 0.5, k + 3, { place: 0.1, sigPlace: 0.1, digits: String(current).length + 1 });
    }
    const value = total + current;
    if (last === 'unit' && value === 1 && k === i + 1 && this.notOne(i)) return null;
    // A fraction: "one-quarter", "two-thirds", "one third of".
    const hyphen = this.t(k).text === '-' && this.glued(k) && this.glued(k + 1);
    const fw = this.t(hyphen ? k + 1 : k);
    if (k === i + 1 && value > 0 && value < 10 && FRACTIONS[fw.lower] !== undefined && (hyphen || fw.lower.endsWith('s') || this.t((hyphen ? k + 1 : k) + 1).lower === 'of')) {
      return base((100 * value) / FRACTIONS[fw.lower]!, (hyphen ? k + 1 : k) + 1, { fraction: true, place: 0.1, sigPlace: 0.1 });
    }
    // "the one-million mark": a scale joined by a hyphen.
    if (hyphen && k === i + 1 && WORD_SCALES[fw.lower] !== undefined) {
      const s = WORD_SCALES[fw.lower]!;
      return base(value * s, k + 2, { place: s, sigPlace: s, scaled: true, scaleFactor: s });
    }
    // "one in five", "two in three", "one car in four": a ratio, read as the share it is.
    const ratio = k === i + 1 && value >= 1 && value < 10 ? this.ratioAt(k, value) : null;
    if (ratio) return base(ratio.percent, ratio.next, { fraction: true, place: 0.1, sigPlace: 0.1 });
    const sig = significant(String(value / place), '');
    return base(value, k, { ordinal: endsOrdinal, place, sigPlace: sig.sigPlace * place, digits: sig.digits, scaled: place > 1, scaleFactor: place });
  }

  /** After a number word ending at token k: "in five", "car in four", as a percentage and where it ends; null for none. */
  private ratioAt(k: number, value: number): { percent: number; next: number } | null {
    let j = k;
    if (this.t(j).kind === 'word' && this.t(j).lower !== 'in' && !NOUN_STOP.has(this.t(j).lower)) j++;
    if (this.t(j).lower !== 'in') return null;
    const d = this.t(j + 1);
    const whole = d.kind === 'num' && /^\d{1,3}$/.test(d.text) ? Number(d.text) : (UNITS[d.lower] ?? TENS[d.lower]);
    if (whole === undefined || whole <= value || whole > 100) return null;
    // "one in five years" counts years, not a share.
    if (DURATIONS.test(this.t(j + 2).lower)) return null;
    return { percent: (100 * value) / whole, next: j + 2 };
  }

  /** "one of", "no one", "one another": the word one that counts nothing. */
  private notOne(i: number): boolean {
    const next = this.t(i + 1);
    const prev = this.t(i - 1);
    // "by one count", "on one estimate": a source, not a quantity.
    if ((prev.lower === 'by' || prev.lower === 'on') && /^(count|estimate|measure|account|reckoning|tally)$/.test(next.lower)) return true;
    if (next.kind === 'word' && NOT_CLAIM_AFTER_ONE.has(next.lower)) return true;
    if (next.text === '-' && this.glued(i + 1) && /^(on|off|stop|time|way|sided)$/.test(this.t(i + 2).lower)) return true;
    // "the one-million mark" is a million.
    if (next.text === '-' && this.glued(i + 1) && WORD_SCALES[this.t(i + 2).lower] !== undefined) return false;
    return prev.kind === 'word' && NOT_CLAIM_BEFORE_ONE.has(prev.lower);
  }

  /**
   * Ordinal words that rank nothing: "a second", "per second"; and "first",
   * which is a rank only as one ("ranked first", "first place"), not in "first
   * held in 2007" or "for the first time".
   */
  private notOrdinal(i: number): boolean {
    const w = this.t(i).lower;
    const prev = this.t(i - 1).lower;
    const next = this.t(i + 1).lower;
    // "First, ...", "Second, ...": a sentence's opening word orders the argument, it ranks nothing.
    if (this.t(i - 1) === EOF && this.t(i + 1).text === ',') return true;
    if (w === 'first') {
      // "was first in Asia" ranks; "was first held" does not.
      const ranked = /^(rank|ranks|ranked|ranking|placed|came|finished)$/.test(prev) || (/^(is|was|remains|remained|stood|stands)$/.test(prev) && (this.t(i + 1).kind !== 'word' || /^(in|among|of|on|globally|worldwide|overall)$/.test(next)));
      const place = /^(place|position|spot)$/.test(next) || (next === '-' && /^(ranked|place)$/.test(this.t(i + 2).lower));
      return !(ranked || place);
    }
    if (w === 'second' && (prev === 'per' || prev === 'a' || prev === 'split')) return true;
    // "the third quarter", "the first half", "fourth-quarter growth": a part of the year, not a rank.
    const part = next === '-' ? this.t(i + 2).lower : next;
    if (/^(quarter|quarters|half|halves)$/.test(part) && ORDINALS[w]! <= 4) return true;
    return false;
  }

  private wordClaim(i: number): number {
    // "it's seven thirty", "at ten fifteen", "seven o'clock": a spoken time.
    const time = this.spokenTime(i);
    if (time !== null) return time;
    const fig = this.wordFigure(i);
    if (fig === null) return i + 1;
    if (this.inCompound(i, fig)) return fig.next;
    return this.finishClaim(i, fig);
  }

  /**
   * A number word joined by a hyphen to a word, in a compound that names a kind of thing: "two-wheelers", "a four-wheel
   * drive", "a two-way street", "three-dimensional", "second-hand", "first-ever" (an ordinal ranks only as "second-largest"
   * or "first-placed"); or in a compound that another figure counts ("1.3m electric two-wheelers", "12 two-day workshops").
   * "A three-day forum" measures one and is a claim; "twenty-five", "two-thirds" and "one-million" are figures whole.
   */
  private inCompound(i: number, fig: Figure): boolean {
    const word = this.t(fig.next + 1);
    if (fig.fraction || fig.scaled || fig.spokenYear || this.t(fig.next).text !== '-' || !this.glued(fig.next) || !this.glued(fig.next + 1) || word.kind !== 'word') return false;
    const w = word.lower;
    if (fig.ordinal) return !/^(?:[a-z]*est|worst|most|least|place|placed|ranked|ranking|position)$/.test(w);
    const numberWord = (l: string) => UNITS[l] !== undefined || TENS[l] !== undefined || WORD_SCALES[l] !== undefined || ORDINALS[l] !== undefined || FRACTIONS[l] !== undefined || l === 'hundred' || l === 'dozen';
    if (numberWord(w)) return false;
    if (/^(?:wheel|way|dimensional|stop|off|on|child|state|stroke|horse|track|digit|star|door|engine|cylinder|tier)$/.test(w) || /^[a-z]+ers$|^(?:wheel|seat|lin|point|tim|hand|deck|post|part)er$|^[a-z]{3,}ed$/.test(w)) return true;
    // Another figure before it, across at most two words that are not verbs ("1.3m electric"), counts the compound.
    for (let k = i - 1, words = 0; ; k--) {
      const t = this.t(k);
      if (t.kind === 'num') return this.yearAt(k) === null;
      if (t.kind !== 'word' || NOUN_STOP.has(t.lower) || /(?:ed|ing)$/.test(t.lower)) return false;
      if (numberWord(t.lower) && ORDINALS[t.lower] === undefined) return true;
      // A scale glued to its figure ("1.3m") is the figure's.
      if (!(this.glued(k) && this.t(k - 1).kind === 'num') && ++words > 2) return false;
    }
  }

  /** An hour word after "it's", "it is" or "at", then minutes or "o'clock"; returns where the time ends. */
  private spokenTime(i: number): number | null {
    if (!HOURS.has(this.t(i).lower)) return null;
    const b1 = this.t(i - 1).lower;
    const after = this.t(i + 1).lower;
    if (after === 'o\'clock' || (after === 'o' && this.t(i + 2).text === "'")) return i + 2;
    const cue = b1 === 'at' || b1 === 'it\'s' || (b1 === 's' && this.t(i - 2).text === "'") || (b1 === 'is' && this.t(i - 2).lower === 'it');
    if (!cue || !MINUTES.has(after)) return null;
    let k = i + 2;
    if (this.t(k).text === '-' && this.glued(k) && /^(five|one|two|three|four|six|seven|eight|nine)$/.test(this.t(k + 1).lower)) k += 2;
    return k;
  }

  /** Range, unit, qualifier and noun around a figure; records the claim. */
  private finishClaim(anchor: number, fig: Figure): number {
    let end = fig.next;
    let high: Figure | null = null;
    // A range: "10–12", "10-12", "10 to 12", "between 10 and 12".
    const conn = this.t(end);
    const before = this.t(anchor - 1).lower;
    const bothYears = /^\d{4}$/.test(this.t(anchor).text) && /^\d{4}$/.test(this.t(end + 1).text);
    // "from 100 to 128" and "by 2 to 10" are changes, not ranges; a spaced dash joins only years ("2023 – 2025").
    const isConnector =
      ((conn.text === '–' || conn.text === '-' || conn.text === '~') && this.glued(end) && this.glued(end + 1)) ||
      (conn.text === '–' && bothYears) ||
      (conn.lower === 'to' && before !== 'from' && before !== 'by') ||
      (conn.lower === 'and' && before === 'between');
    if (isConnector && !fig.ordinal && !fig.fraction && this.t(end + 1).kind === 'num') {
      const second = this.numeralFigure(end + 1);
      if (second && second.value !== null && fig.value !== null) {
        // "$2-3 billion": the second figure's scale is the first's too.
        if (second.scaled && !fig.scaled) this.scale(fig, second.scaleFactor);
        if (fig.plainInteger && second.plainInteger && /^\d{4}$/.test(this.t(anchor).text) && /^\d{2}$/.test(this.t(end + 1).text)) {
          // "2023-24"
          second.value = Math.floor(fig.value / 100) * 100 + second.value;
        }
        if (second.value > fig.value) {
          high = second;
          end = second.next;
        }
      }
    }
    // Postfix "+" ("100+") and the unit.
    let bound: ClaimBound | null = fig.approximate ? 'about' : null;
    if (this.t(end).text === '+' && this.glued(end)) {
      bound = 'at-least';
      end++;
    }
    let unit: string | null = null;
    let unitEnd = end;
    {
      let k = end;
      if (this.t(k).text === '-' && this.glued(k) && this.glued(k + 1)) k++;
      const u = this.unitAt(k);
      if (u && !fig.ordinal) {
        unit = u.unit;
        unitEnd = u.next;
      }
    }
    if (fig.fraction) unit = 'percent';
    // Prefix: currency, sign, qualifier.
    let start = anchor;
    let negative = false;
    let signed = false;
    let k = anchor - 1;
    if ((this.t(k).text === MINUS || (this.t(k).text === '-' && (this.t(k).space || this.t(k - 1).text === '('))) && this.glued(anchor) && fig.value !== null) {
      negative = true;
      start = k;
      k--;
    } else if (this.t(k).text === '+' && this.glued(anchor)) {
      signed = true;
      start = k;
      k--;
    } else if (fig.ordinal && this.t(k).text === '#' && this.glued(anchor)) {
      start = k;
      k--;
    } else if (fig.ordinal && this.t(k).text === '.' && this.t(k - 1).lower === 'no' && this.glued(k)) {
      start = k - 1;
      k -= 2;
    }
    if (CURRENCY_SYMBOLS[this.t(k).text] !== undefined && (this.glued(k + 1) || this.t(k).text !== '$')) {
      let code = CURRENCY_SYMBOLS[this.t(k).text]!;
      start = k;
      k--;
      if (this.t(k + 1).text === '$' && this.glued(k + 1) && this.t(k).kind === 'word' && DOLLAR_PREFIXES[this.t(k).lower] !== undefined) {
        code = DOLLAR_PREFIXES[this.t(k).lower]!;
        start = k;
        k--;
      } else if (this.t(k + 1).text === '$' && this.glued(k + 1) && this.t(k).text === '.' && this.t(k - 1).lower === 's' && this.t(k - 2).text === '.' && this.t(k - 3).lower === 'u') {
        start = k - 3;
        k -= 4;
      }
      if (unit === null || unit === code) unit = code;
    } else if (this.t(k).kind === 'word' && CURRENCY_CODES[this.t(k).lower] !== undefined && this.t(k).text === this.t(k).text.toUpperCase()) {
      if (unit === null) unit = CURRENCY_CODES[this.t(k).lower]!;
      start = k;
      k--;
    }
    if (CURRENCY_SYMBOLS[this.t(k).text] === undefined && SYMBOL_QUALIFIERS[this.t(k).text] !== undefined && (this.glued(k + 1) || this.t(k + 1).space)) {
      bound = SYMBOL_QUALIFIERS[this.t(k).text]!;
      start = k;
      k--;
    } else {
      const q = this.qualifierBefore(k);
      if (q) {
        const yearish = fig.plainInteger && /^\d{4}$/.test(this.t(anchor).text) && unit === null && TIME_PREPOSITIONS.has(this.t(k).lower);
        // "invest over five years" is during five years; "for over 15 years" is more than 15.
        const during = this.t(k).lower === 'over' && q.start === k && DURATIONS.test(this.t(fig.next).lower) && this.t(k - 1).lower !== 'for';
        if (!yearish && !during) {
          bound = q.bound;
          start = q.start;
          k = q.start - 1;
        }
      }
    }
    // Postfix qualifiers: "or more", "or so", "-plus", "-odd".
    let afterUnit = unit !== null ? unitEnd : end;
    {
      const a = this.t(afterUnit);
      const b = this.t(afterUnit + 1);
      // "nearly 100 or more than 100" is two figures, not "100 or more".
      if (a.lower === 'or' && (b.lower === 'more' || b.lower === 'above') && this.t(afterUnit + 2).lower !== 'than') {
        bound = 'at-least';
        afterUnit += 2;
      } else if (a.lower === 'or' && (b.lower === 'so' || b.lower === 'thereabouts')) {
        bound = 'about';
        afterUnit += 2;
      } else if (a.lower === 'or' && (b.lower === 'fewer' || b.lower === 'less')) {
        bound = 'at-most';
        afterUnit += 2;
      } else if (a.text === '-' && this.glued(afterUnit) && (b.lower === 'plus' || b.lower === 'odd') && this.glued(afterUnit + 1)) {
        bound = b.lower === 'plus' ? 'at-least' : 'about';
        afterUnit += 2;
      }
    }
    // "60%+": a plus after the unit.
    if (bound === null && this.t(afterUnit).text === '+' && this.glued(afterUnit) && afterUnit > end) {
      bound = 'at-least';
      afterUnit++;
    }
    if (fig.scaled && this.t(afterUnit).lower === 'plus' && !this.glued(afterUnit)) {
      bound = 'at-least';
      afterUnit++;
    }

    // Dimension.
    let dimension: Dimension;
    if (fig.ordinal) dimension = 'rank';
    else if (unit === 'percent' || unit === 'percentage-point' || unit === 'basis-point') dimension = 'percent';
    else if (unit !== null) dimension = 'money';
    else if (this.isYear(anchor, fig, high, bound, start)) dimension = 'year';
    else dimension = 'quantity';
    if (dimension === 'year') bound = 'exact';
    // "(Tao, 2025)", "(Lu & Tang, 2023; Tao, 2025)", "Harbor Gazette (2025)": when a source was published, never a
    // fact's period: it is kept, to be reported unsupported, and dates nothing else in the sentence.
    const citation = dimension === 'year' && !high && this.citationYear(start, afterUnit);
    if (this.t(afterUnit).kind === 'word' && this.t(afterUnit).lower === 's' && this.glued(afterUnit) && dimension === 'year') {
      // "the 1990s": a decade is no claim.
      return afterUnit + 1;
    }

    // The counted noun, and how much of it belongs in the claim's text.
    const noun: string[] = [];
    let nounEnd = afterUnit;
    if (dimension !== 'year') {
      let j = afterUnit;
      if (this.t(j).text === '-' && this.glued(j) && this.glued(j + 1)) j++;
      while (noun.length < 4) {
        const w = this.t(j);
        if (w.kind !== 'word' || NOUN_STOP.has(w.lower) || (MONTHS[w.lower] !== undefined && this.t(j + 1).kind === 'num')) break;
        // "6.2% year on year", "5% y/y": how the change is measured, not what is counted.
        if ((w.lower === 'year' || w.lower === 'quarter' || w.lower === 'month') && /^(on|over|-)$/.test(this.t(j + 1).lower)) break;
        if (w.lower.length === 1 && this.t(j + 1).text === '/' && this.glued(j + 1)) break;
        if (noun.length > 0 && !/^[\p{L}]/u.test(w.text)) break;
        // Hyphenated words are one: "high-skilled".
        let word = w.lower;
        let e = j + 1;
        while (this.t(e).text === '-' && this.glued(e) && this.glued(e + 1) && this.t(e + 1).kind === 'word') {
          word += '-' + this.t(e + 1).lower;
          e += 2;
        }
        noun.push(word);
        nounEnd = e;
        j = e;
        if (/[^s]s$/.test(word) && word.length > 3 && !/(ss|us|is)$/.test(word)) break;
        if (this.t(j).kind !== 'word') break;
      }
    }
    const textEnd = dimension === 'quantity' || dimension === 'rank' ? nounEnd : afterUnit;

    const value = fig.value === null ? null : negative ? -fig.value : fig.value;
    const claim: Claim = {
      ...this.emptyClaim(anchor, high ? high.next : fig.next),
      start: this.t(start).start,
      end: this.t(textEnd - 1).end,
      dimension,
      value,
      high: high && high.value !== null ? high.value : null,
      place: high ? Math.min(fig.place, high.place) : fig.place,
      sigPlace: high ? Math.min(fig.sigPlace, high.sigPlace) : fig.sigPlace,
      digits: fig.digits,
      scale: fig.scaleFactor,
      unit: dimension === 'rank' || dimension === 'year' ? null : unit,
      bound: bound ?? 'exact',
      noun,
      before: this.wordBefore(start),
      problem: citation ? CITATION_YEAR : fig.problem,
    };
    // "the top ten scientific advances": "top" is part of what the figure says.
    if (dimension === 'quantity' && this.t(start - 1).lower === 'top') claim.start = this.t(start - 1).start;
    claim.text = this.draft.slice(claim.start, claim.end);
    // "+8.3%", "-16%": a signed percentage is a change.
    if (dimension === 'percent') claim.change = signed ? 'up' : negative ? 'down' : this.changeOf(start, afterUnit, noun);
    if (dimension === 'percent') claim.share = this.t(afterUnit).lower === 'of' || /^(share|portion|proportion|part)$/.test(claim.before ?? '') || this.t(start - 2).lower === 'share';
    this.claims.push(claim);
    return Math.max(afterUnit, high ? high.next : fig.next);
  }

  private unitAt(k: number): { unit: string; next: number } | null {
    for (const [words, unit] of UNIT_PHRASES) {
      let ok = true;
      for (let w = 0; w < words.length; w++) {
        const t = this.t(k + w);
        if (t.lower !== words[w]) {
          ok = false;
          break;
        }
        // "%" may follow with or without a space; "U.S." is glued together.
        if (w > 0 && w < 4 && (words[w] === '.' || words[w - 1] === '.') && !this.glued(k + w)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // The bare abbreviations must stand alone: "pp" yes, "ppm" never reaches here.
      if (words[0] === 'u' && !/^[uU]$/.test(this.t(k).text)) continue;
      return { unit, next: k + words.length };
    }
    // Currency codes after the figure: "2.5 billion USD".
    const t = this.t(k);
    if (t.kind === 'word' && CURRENCY_CODES[t.lower] !== undefined && t.text === t.text.toUpperCase()) return { unit: CURRENCY_CODES[t.lower]!, next: k + 1 };
    return null;
  }

  /** The longest qualifier ending at token k; a verb may stand before "the" and a quote ("surpassed the "1-million benchmark""). */
  private qualifierBefore(k: number): { bound: ClaimBound; start: number } | null {
    let j = k;
    while (j >= 0 && (this.t(j).text === '"' || this.t(j).text === '“' || this.t(j).text === "'")) j--;
    if (this.t(j).lower === 'the') j--;
    if (j !== k && VERB_QUALIFIERS.has(this.t(j).lower)) return { bound: 'more-than', start: j };
    return this.qualifierEndingAt(k);
  }

  private qualifierEndingAt(k: number): { bound: ClaimBound; start: number } | null {
    for (const [words, bound] of QUALIFIERS) {
      const s = k - words.length + 1;
      if (s < 0) continue;
      let ok = true;
      for (let w = 0; w < words.length; w++) {
        if (this.t(s + w).lower !== words[w] || this.t(s + w).kind !== 'word') {
          ok = false;
          break;
        }
      }
      if (ok) {
        // "approx." keeps its dot.
        return { bound, start: s };
      }
      if (words.length === 1 && words[0] === 'approx' && this.t(k).text === '.' && this.t(k - 1).lower === 'approx') return { bound, start: k - 1 };
    }
    return null;
  }

  /**
   * A year in a citation: "(Author, 2025)" and each "; Author, 2025" of a bracket (a name of capitalised words, "&",
   * "and", "et al."), or a bracket holding the year alone right after a capitalised name ("Harbor Gazette (2025)").
   */
  private citationYear(start: number, end: number): boolean {
    let after = end;
    // "2025a"
    if (this.t(after).kind === 'word' && /^[a-z]$/.test(this.t(after).text) && this.glued(after)) after++;
    const close = this.t(after).text;
    const prev = this.t(start - 1);
    if (prev.text === '(' || prev.text === '[') {
      const name = this.t(start - 2);
      return (close === ')' || close === ']') && name.kind === 'word' && /^\p{Lu}/u.test(name.text) && MONTHS[name.lower] === undefined;
    }
    if (prev.text !== ',' || !(close === ')' || close === ']' || close === ';')) return false;
    let capitals = 0;
    for (let k = start - 2; ; k--) {
      // A semicolon ends a sentence too: read the tokens themselves.
      const t = this.tokens[k];
      if (t === undefined) return false;
      if (t.text === '(' || t.text === '[' || t.text === ';') return capitals > 0;
      if (t.kind === 'word') {
        if (/^\p{Lu}/u.test(t.text)) capitals++;
        else if (!/^(and|et|al)$/.test(t.lower)) return false;
      } else if (!/^[&.'’-]$/.test(t.text)) return false;
      if (start - k > 12) return false;
    }
  }

  private wordBefore(start: number): string | null {
    const t = this.t(start - 1);
    return t.kind === 'word' ? t.lower : null;
  }

  private isYear(anchor: number, fig: Figure, high: Figure | null, bound: ClaimBound | null, start: number): boolean {
    if (fig.spokenYear) return !high;
    const tok = this.t(anchor);
    // "in two thousand and seven": a year said as a number, after a word that dates.
    if (tok.kind === 'word' && !high && fig.value !== null && Number.isInteger(fig.value) && fig.value >= 1800 && fig.value <= 2199) {
      const prev = this.t(start - 1);
      return prev.kind === 'word' && YEAR_CUES.has(prev.lower);
    }
    if (!fig.plainInteger || !/^\d{4}$/.test(tok.text) || fig.value === null || fig.value < 1800 || fig.value > 2199) return false;
    if (high && !(high.value !== null && high.value >= 1800 && high.value <= 2199)) return false;
    if (bound !== null && bound !== 'exact' && start !== anchor) return false;
    const prev = this.t(start - 1);
    if (prev.kind === 'word' && (YEAR_CUES.has(prev.lower) || MONTHS[prev.lower] !== undefined)) return true;
    // "Q3 2024", "H1 2025": a quarter or half names the year after it.
    if (prev.kind === 'num' && /^\d$/.test(prev.text) && !prev.space && this.t(start - 2).kind === 'word' && /^[qh]$/.test(this.t(start - 2).lower)) return true;
    // "Fair 2025", "Expo 2024": a year after a name.
    if (prev.kind === 'word' && /^\p{Lu}/u.test(prev.text) && this.t(start - 2) !== EOF) return true;
    if (prev.text === '-' && this.glued(start) && YEAR_PREFIXES.test(this.t(start - 2).lower)) return true;
    const after = this.t(high ? high.next : fig.next);
    if (after.kind !== 'word') return true;
    // "2024 saw", "2025 Harbor Fair": followed by a capital or at a sentence's start.
    if (/^\p{Lu}/u.test(after.text)) return true;
    if (prev === EOF) return true;
    return /^(to|and|or|through|onwards?|was|were|is|will|saw|marked|has|had)$/.test(after.lower);
  }

  /** A percentage that is a change: "up 8.3 percent", "grew by 8.3%", "8.3 percent year on year". */
  private changeOf(start: number, afterUnit: number, noun: string[]): 'up' | 'down' | null {
    const clause = this.t(start).clause;
    // "Export growth: 8.3%": a label before a colon speaks for the figure after it.
    const labelled = this.t(start - 1).text === ':' && this.t(start - 1).sentence === this.t(start).sentence;
    let dir: 'up' | 'down' | null = null;
    for (let k = start - 1, words = 0; k >= 0 && words < 5; k--) {
      const t = this.t(k);
      if (t.sentence !== this.t(start).sentence) break;
      if (t.clause !== clause && !(labelled && t.clause === clause - 1)) break;
      if (t.kind !== 'word') continue;
      words++;
      // "makes up a quarter of GDP" is a share, not a rise.
      if (UP_WORDS.has(t.lower) && !(t.lower === 'up' && PHRASAL_UP.test(this.t(k - 1).lower))) {
        dir = 'up';
        break;
      }
      if (DOWN_WORDS.has(t.lower)) {
        dir = 'down';
        break;
      }
      if (t.lower === 'to' && words === 1) break;
    }
    if (dir === null) {
      for (const w of noun.slice(0, 2)) {
        if (UP_WORDS.has(w)) dir = 'up';
        else if (DOWN_WORDS.has(w)) dir = 'down';
        if (dir) break;
      }
    }
    if (dir === null) {
      // "8.3 percent more than in 2023", "3 percent lower than a year earlier": a comparison is a change.
      const a = this.t(afterUnit).lower;
      const b = this.t(afterUnit + 1).lower;
      if (b === 'than' && /^(more|higher|greater|above|up)$/.test(a)) dir = 'up';
      else if (b === 'than' && /^(less|lower|fewer|smaller|below|down)$/.test(a)) dir = 'down';
    }
    if (dir === null) {
      // "year on year" in the same clause marks a change even with no verb.
      const words: string[] = [];
      for (let k = afterUnit; k < this.tokens.length && this.t(k).clause === clause && words.length < 8; k++) words.push(this.t(k).lower);
      const after = words.join(' ');
      if (/^(year on year|year - on - year|yoy|y - o - y|y \/ y|from a year (earlier|ago)|on (the )?(previous|last) year|over (the )?(previous|last) year)/.test(after)) dir = 'up';
    }
    return dir;
  }
}

