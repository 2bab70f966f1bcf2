/**
 * Untrusted text (fact files, queries, drafts, file names) never reaches the
 * terminal raw: control characters, C1 codes, DEL, bidirectional marks,
 * invisible characters (zero-width spaces and joiners, the word joiner, a BOM
 * inside text) and the Unicode line and paragraph separators are shown as
 * visible escapes such as \x1b, \u200b or \u2028. A backslash is shown doubled
 * (\\), so that an escape zgc writes never reads the same as text that spells
 * one out: "\x1b" written in a fact prints \\x1b, an ESC prints \x1b. A byte of
 * a file name that is not UTF-8 (kept as U+DC80 + byte, src/facts/read.ts) is
 * shown as \x followed by the byte; any other lone surrogate as \udxxx.
 */
// C0 except tab and newline, DEL, C1, bidi marks, invisible and line-breaking characters, backslash, lone surrogates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\\') return '\\\\';
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16)}`;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For text laid out over lines: keeps newline and tab. */
export function visible(s: string): string {
  return s.replace(UNSAFE, escape);
}

/** For one field on one line (table cells, TSV fields): tab and newline are escaped too. */
export function visibleInline(s: string): string {
  return s.replace(UNSAFE_INLINE, escape);
}

/**
 * For formats that escape backslashes their own way (Markdown, HTML, BibTeX,
 * RIS, CSL-JSON, whose text is already escaped for them): as visible(), but a
 * backslash is left as it is.
 */
export function visibleMarkup(s: string): string {
  return s.replace(UNSAFE, (ch) => (ch === '\\' ? ch : escape(ch)));
}

/** visibleInline() for such formats. */
export function visibleMarkupInline(s: string): string {
  return s.replace(UNSAFE_INLINE, (ch) => (ch === '\\' ? ch : escape(ch)));
}
