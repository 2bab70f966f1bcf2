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
import { findChineseClaims } from './chinese.js';
import { maskMarkdown, type TableCell } from '../draft/markdown.js';
import { LinePositions, MINUS, cellAt, firstWhere, isHan, normalizeChars, segment, tokenize, tokensWithin, type Sentence, type Token } from '../draft/tokens.js';
import { CITATION_YEAR, CURRENCY_CODES, CURRENCY_SYMBOLS, DOLLAR_PREFIXES, DURATIONS, MONTHS, NOUN_STOP, SYMBOL_QUALIFIERS, TIME_PREPOSITIONS, YEAR_PREFIXES, changeIn } from './numbers.js';
import { type Dimension, type ClaimBound, type Claim, emptyClaim } from './claim.js';
import { EOF, type ClaimReader } from './reader.js';
import { type Figure, phoneNumber, numeralFigure, scale, unitAt } from './figures.js';
import { monthFirstDate, dayFirstDate, isoDate, citationYear, isYear } from './dates.js';
import { wordFigure, inCompound, spokenTime } from './number-words.js';
import { qualifierBefore, changeOf } from './qualifiers.js';

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

class ClaimParser implements ClaimReader {
  readonly claims: Claim[] = [];
  constructor(
    readonly tokens: Token[],
    readonly draft: string,
    /** Claims written the Chinese way (chinese.ts), in text order: their tokens are not read again. */
    private readonly chinese: Claim[] = [],
  ) {}

  /** Token i, or EOF outside the sentence being read: a claim never runs into the next sentence or list item. */
  t(i: number): Token {
    const tok = (i >= 0 && this.tokens[i]) || EOF;
    return this.sentence < 0 || tok.sentence === this.sentence ? tok : EOF;
  }

  /** The sentence of the token being parsed; -1 while none is. */
  private sentence = -1;

  /** Token i follows token i - 1 with nothing between. */
  glued(i: number): boolean {
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
      // The word after a measure word is what it counts ("300多艘货轮来自..."), with the word after it, which may
      // complete it ("货|轮") or say what it does: matching tells which (context.ts).
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
      const d = monthFirstDate(this, i);
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

  // -- figures --------------------------------------------------------------

  private numeralClaim(i: number): number {
    const iso = isoDate(this, i);
    if (iso !== null) return iso;
    const phone = phoneNumber(this, i);
    if (phone !== null) return phone;
    // "2/ The fair ran ...", "7/7": a post's counter in a thread, at the start of a line.
    if (this.glued(i + 1) && this.t(i + 1).text === '/' && !(this.t(i + 2).kind === 'num' && this.glued(i + 2)) && this.lineStart(i)) return i + 2;
    const prev = this.t(i - 1);
    // Glued to letters, colons or slashes it is part of a name, a time or a ratio: "G20", "10:26", "1/4".
    if (this.glued(i) && prev.kind === 'word' && CURRENCY_CODES[prev.lower] === undefined && !DOLLAR_PREFIXES[prev.lower]) return this.skipGlued(i);
    // "#2 exporter", "No. 1 car exporter": a rank. "#5G", "#Expo2025" are tags, not ranks.
    const rankMark = (prev.text === '#' && this.glued(i) && !(this.glued(i - 1) && this.t(i - 2).kind === 'word')) || (prev.text === '.' && this.glued(i - 1) && this.t(i - 2).lower === 'no' && !this.glued(i));
    if (rankMark && /^\d{1,3}$/.test(this.t(i).text) && !(this.glued(i + 1) && (this.t(i + 1).kind === 'word' || this.t(i + 1).kind === 'num'))) {
      const fig = numeralFigure(this, i);
      if (fig !== null) return this.finishClaim(i, { ...fig, ordinal: true });
    }
    if (this.glued(i) && (prev.text === ':' || prev.text === '/' || prev.text === '.' || prev.text === '#' || prev.text === '_' || prev.text === '@')) return this.skipGlued(i);
    if (this.glued(i) && prev.text === '-' && this.glued(i - 1) && this.t(i - 2).kind === 'word' && !YEAR_PREFIXES.test(this.t(i - 2).lower)) return this.skipGlued(i);
    if (this.glued(i) && prev.text === '-' && this.glued(i - 1) && this.t(i - 2).kind === 'num') return this.skipGlued(i);
    const next = this.t(i + 1);
    if (this.glued(i + 1) && (next.text === ':' || next.text === '/') && this.t(i + 2).kind === 'num' && this.glued(i + 2)) return this.skipGlued(i);
    if (this.glued(i + 1) && next.text === '.' && this.t(i + 2).kind === 'word' && this.glued(i + 2)) return this.skipGlued(i);

    const dayFirst = dayFirstDate(this, i);
    if (dayFirst !== null) return dayFirst;

    const fig = numeralFigure(this, i);
    if (fig === null) return this.skipGlued(i);
    return this.finishClaim(i, fig);
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

  private wordClaim(i: number): number {
    // "it's seven thirty", "at ten fifteen", "seven o'clock": a spoken time.
    const time = spokenTime(this, i);
    if (time !== null) return time;
    const fig = wordFigure(this, i);
    if (fig === null) return i + 1;
    if (inCompound(this, i, fig)) return fig.next;
    return this.finishClaim(i, fig);
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
      const second = numeralFigure(this, end + 1);
      if (second && second.value !== null && fig.value !== null) {
        // "$2-3 billion": the second figure's scale is the first's too.
        if (second.scaled && !fig.scaled) scale(fig, second.scaleFactor);
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
      const u = unitAt(this, k);
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
      const q = qualifierBefore(this, k);
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
    else if (isYear(this, anchor, fig, high, bound, start)) dimension = 'year';
    else dimension = 'quantity';
    if (dimension === 'year') bound = 'exact';
    // "(Tao, 2025)", "(Lu & Tang, 2023; Tao, 2025)", "Harbor Gazette (2025)": when a source was published, never a
    // fact's period: it is kept, to be reported unsupported, and dates nothing else in the sentence.
    const citation = dimension === 'year' && !high && citationYear(this, start, afterUnit);
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
      ...emptyClaim(anchor, high ? high.next : fig.next),
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
    if (dimension === 'percent') claim.change = signed ? 'up' : negative ? 'down' : changeOf(this, start, afterUnit, noun);
    if (dimension === 'percent') claim.share = this.t(afterUnit).lower === 'of' || /^(share|portion|proportion|part)$/.test(claim.before ?? '') || this.t(start - 2).lower === 'share';
    this.claims.push(claim);
    return Math.max(afterUnit, high ? high.next : fig.next);
  }

  private wordBefore(start: number): string | null {
    const t = this.t(start - 1);
    return t.kind === 'word' ? t.lower : null;
  }

}
