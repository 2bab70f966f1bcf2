/**
 * Text for the HTML report. Every piece of draft and fact text goes through
 * here: the characters that could change how a page reads without being seen
 * (controls, bidirectional overrides and isolates, invisible joiners, line and
 * paragraph separators, lone surrogates) are shown as visible escapes such as
 * \u202e, as on a terminal; the private-use characters the report uses to mark
 * claims (marks.ts) are shown the same way; then <, >, &, " and ' are escaped.
 */
import { visibleMarkup, visibleMarkupInline } from '../sanitize.js';
import { MARKERS } from './marks.js';

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes markup characters only: for text already made visible, and for zgc's own words. */
export function escapeHtml(s: string): string {
  return s.replace(HTML_SPECIAL, (c) => ENTITIES[c]!);
}

/** The report's markers, written out like any other invisible character. */
export function visibleMarkers(s: string): string {
  return s.replace(MARKERS, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
}

/** Untrusted text that may run over lines (a quote): newlines and tabs kept. */
export function pageText(s: string): string {
  return escapeHtml(visibleMarkers(visibleMarkup(s)));
}

/** Untrusted text of one line (an id, a title, a file name): newlines and tabs shown as \n and \t. */
export function pageInline(s: string): string {
  return escapeHtml(visibleMarkers(visibleMarkupInline(s)));
}
