/**
 * Untrusted text (fact files, queries, drafts, file names) never reaches the
 * terminal raw: control characters, C1 codes, DEL and bidirectional overrides
 * are shown as visible escapes such as \x1b or \u202e.
 */
// C0 except tab and newline, DEL, C1, and the bidi embedding/override/isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_INLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\n') return '\\n';
  if (ch === '\t') return '\\t';
  if (ch === '\r') return '\\r';
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
