/**
 * Raw HTML in a Markdown draft, found as CommonMark finds it: tags with their
 * attributes, comments, processing instructions, declarations, CDATA, and the
 * elements whose content is no prose (markdown.ts blanks them).
 */

/** Raw HTML found in a draft: where it ends (exclusive). */
export interface Html {
  end: number;
  /** A comment, a script, a style or preformatted text, whose lines stand between paragraphs; not a tag or inline code. */
  block: boolean;
}

/** Elements whose content is no prose: scripts, styles, preformatted text, code (as a code span is) and a form's text. */
const RAW_TEXT = new Set(['script', 'style', 'pre', 'code', 'textarea']);

/** A blank line: its offset is that of the newline before it, where the paragraph above it ends. */
const BLANK_LINE = /\n[ \t]*\r?(?=\n|$)/g;

/**
 * Finds raw HTML by CommonMark's rules for it (spec 0.31, "Raw HTML"). A search for the end of a comment or an
 * element goes forward from where it is asked and is remembered while the offsets asked about grow, as they do
 * line after line, so a draft of a million unclosed "<script>" or "<!--" is searched once, not once an opener.
 */
export class HtmlFinder {
  private readonly ends = new Map<string, NextMatch>();
  constructor(private readonly source: string) {}

  /** The raw HTML that opens at offset k, a '<'; null when what is there is text ("a < b", "<3 events"). */
  at(k: number): Html | null {
    const s = this.source;
    if (s.startsWith('<!--', k)) {
      // "<!-->" and "<!--->" are empty comments; a comment left open runs to the end of its paragraph.
      if (s.startsWith('>', k + 4)) return { end: k + 5, block: true };
      if (s.startsWith('->', k + 4)) return { end: k + 6, block: true };
      const close = this.next('-->', /-->/g, k + 4);
      return { end: close ? close[1] : this.paragraphEnd(k), block: true };
    }
    // CDATA, declarations ("<!DOCTYPE html>") and processing instructions ("<?php ?>") close inside their paragraph or are text.
    if (s.startsWith('<![CDATA[', k)) return this.closedInParagraph(k, k + 9, ']]>', /\]\]>/g);
    if (s[k + 1] === '!' && isLetter(s.charCodeAt(k + 2))) return this.closedInParagraph(k, k + 2, '>', />/g);
    if (s[k + 1] === '?') return this.closedInParagraph(k, k + 2, '?>', /\?>/g);
    const tag = this.tag(k);
    if (tag === null) return null;
    if (!tag.opens || !RAW_TEXT.has(tag.name)) return { end: tag.end, block: false };
    // "<script>…</script>": the element's content goes with its tags. Inline code closes inside its paragraph.
    const inline = tag.name === 'code' || tag.name === 'textarea';
    const close = this.next(`</${tag.name}>`, new RegExp(`</${tag.name}\\s*>`, 'gi'), tag.end);
    if (close && !(inline && close[0] > this.paragraphEnd(tag.end))) return { end: close[1], block: !inline };
    // Left open, a script or a style hides the rest of its paragraph (a browser would hide the rest of the page);
    // code or preformatted text left open is shown, and only its tag goes.
    if (tag.name === 'script' || tag.name === 'style') return { end: Math.max(tag.end, this.paragraphEnd(tag.end)), block: true };
    return { end: tag.end, block: false };
  }

  /** Where the paragraph holding offset k ends: at the newline before the next blank line, or at the draft's end. */
  private paragraphEnd(k: number): number {
    const blank = this.next('\n\n', BLANK_LINE, k);
    return blank ? blank[0] : this.source.length;
  }

  private closedInParagraph(k: number, from: number, key: string, pattern: RegExp): Html | null {
    const close = this.next(key, pattern, from);
    return close && close[0] < this.paragraphEnd(k) ? { end: close[1], block: true } : null;
  }

  private next(key: string, pattern: RegExp, from: number): [number, number] | null {
    let finder = this.ends.get(key);
    if (finder === undefined) this.ends.set(key, (finder = new NextMatch(pattern, this.source)));
    return finder.after(from);
  }

  /**
   * The tag that opens at k ("<name attr='value'>", "<name/>", "</name>"), by CommonMark's grammar: white space in
   * it may hold one line ending, a quoted value more (never a blank line). `opens` is false for a closing or an
   * empty tag; `name` is in lower case.
   */
  private tag(k: number): { end: number; name: string; opens: boolean } | null {
    const s = this.source;
    let p = k + 1;
    const closing = s[p] === '/';
    if (closing) p++;
    if (!isLetter(s.charCodeAt(p))) return null;
    const nameStart = p;
    while (isTagNameChar(s.charCodeAt(p))) p++;
    const name = s.slice(nameStart, p).toLowerCase();
    if (closing) {
      p = this.space(p);
      return s[p] === '>' ? { end: p + 1, name, opens: false } : null;
    }
    for (;;) {
      const q = this.space(p);
      if (s[q] === '>') return { end: q + 1, name, opens: true };
      if (s[q] === '/' && s[q + 1] === '>') return { end: q + 2, name, opens: false };
      // An attribute: white space, a name, and "=" with a value or nothing.
      if (q === p || !isAttributeStart(s.charCodeAt(q))) return null;
      p = q + 1;
      while (isAttributeChar(s.charCodeAt(p))) p++;
      const eq = this.space(p);
      if (s[eq] !== '=') continue;
      let v = this.space(eq + 1);
      const quote = s[v];
      if (quote === '"' || quote === "'") {
        const close = s.indexOf(quote, v + 1);
        if (close === -1 || hasBlankLine(s, v + 1, close)) return null;
        p = close + 1;
      } else {
        const u = v;
        while (v < s.length && isUnquotedChar(s.charCodeAt(v))) v++;
        if (v === u) return null;
        p = v;
      }
    }
  }

  /** Past spaces and tabs from p, with one line ending at most. */
  private space(p: number): number {
    const s = this.source;
    let lineEnding = false;
    for (;;) {
      const c = s[p];
      if (c === ' ' || c === '\t') p++;
      else if ((c === '\n' || c === '\r') && !lineEnding) {
        lineEnding = true;
        p += c === '\r' && s[p + 1] === '\n' ? 2 : 1;
      } else return p;
    }
  }
}

/** The first match of a global pattern at or after an offset. A search is kept and answers again while the offsets asked about grow. */
class NextMatch {
  private from = Infinity;
  private index = -1;
  private end = -1;
  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
  ) {}

  /** [start, end) of the first match at or after `at`, or null. */
  after(at: number): [number, number] | null {
    if (!(this.from <= at && (this.index === -1 || this.index >= at))) {
      this.pattern.lastIndex = at;
      const m = this.pattern.exec(this.text);
      this.from = at;
      this.index = m ? m.index : -1;
      this.end = m ? m.index + m[0].length : -1;
    }
    return this.index === -1 ? null : [this.index, this.end];
  }
}

/** A blank line between offsets from and to. */
function hasBlankLine(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (s[k] !== '\n') continue;
    let j = k + 1;
    while (j < to && (s[j] === ' ' || s[j] === '\t' || s[j] === '\r')) j++;
    if (j < to && s[j] === '\n') return true;
    k = j - 1;
  }
  return false;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isTagNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 45;
/** A letter, "_" or ":". */
const isAttributeStart = (c: number) => isLetter(c) || c === 95 || c === 58;
/** A letter, a digit, "_", ".", ":" or "-". */
const isAttributeChar = (c: number) => isAttributeStart(c) || isDigit(c) || c === 46 || c === 45;
/** Not a space, a tab, a line ending, a quote, "=", "<", ">" or "`" (NaN, past the end, is none either). */
const isUnquotedChar = (c: number) => c === c && c !== 32 && !(c >= 9 && c <= 13) && c !== 34 && c !== 39 && c !== 61 && c !== 60 && c !== 62 && c !== 96;
