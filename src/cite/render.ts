/**
 * Citations of sources in a named style and format, as the text to print.
 * This is the module commands import lazily: it pulls in the CSL engine.
 */
import type { Source } from '../facts/types.js';
import { visible, visibleInline, visibleMarkup, visibleMarkupInline } from '../output/sanitize.js';
import { attribution } from './attribution.js';
import { compareItems, toCsl } from './csl.js';
import { renderCslBibliography, renderCslNotes } from './engine.js';
import { toBibtex, toCslJson, toRis } from './export.js';
import { isCslStyle, type CiteFormat, type CiteStyle, type CslStyle } from './styles.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, '\\$&');

/** One line per source in text; a paragraph each in Markdown; a list in HTML. */
function renderAttributions(sources: Source[], format: CiteFormat): string {
  const order = sources.map((s) => ({ s, item: toCsl(s) })).sort((a, b) => compareItems(a.item, b.item));
  const lines = order.map(({ s }) => attribution(s));
  if (format === 'html') return `<ul class="zgc-attributions">\n${lines.map((l) => `  <li>${escapeHtml(l)}</li>\n`).join('')}</ul>\n`;
  if (format === 'markdown') return lines.map(escapeMarkdown).join('\n\n') + '\n';
  return lines.join('\n') + '\n';
}

export async function renderCitations(sources: Source[], style: CiteStyle, format: CiteFormat): Promise<string> {
  if (!sources.length) return '';
  if (isCslStyle(style)) {
    const bib = await renderCslBibliography(sources.map(toCsl), style, format);
    if (format === 'html') return visibleMarkup(bib.start + bib.entries.join('') + bib.end) + '\n';
    return bib.entries.map(format === 'markdown' ? visibleMarkupInline : visibleInline).join(format === 'markdown' ? '\n\n' : '\n') + '\n';
  }
  const items = sources.map(toCsl).sort(compareItems);
  switch (style) {
    case 'attribution':
      return (format === 'text' ? visible : visibleMarkup)(renderAttributions(sources, format));
    case 'bibtex':
      return visibleMarkup(items.map(toBibtex).join('\n'));
    case 'ris':
      return visibleMarkup(items.map(toRis).join('\n'));
    case 'csl-json':
      return visibleMarkup(toCslJson(items));
  }
  return '';
}

/**
 * The first note of each source in a note style, in the order given (the order
 * a text cites them): a line each in text, a paragraph each in Markdown, a
 * numbered list in HTML.
 */
export async function renderNotes(sources: Source[], style: CslStyle, format: CiteFormat): Promise<string> {
  if (!sources.length) return '';
  const notes = await renderCslNotes(sources.map(toCsl), style, format);
  if (format === 'html') return visibleMarkup(`<ol class="zgc-notes">\n${notes.map((n) => `  <li>${n}</li>\n`).join('')}</ol>`) + '\n';
  return notes.map(format === 'markdown' ? visibleMarkupInline : visibleInline).join(format === 'markdown' ? '\n\n' : '\n') + '\n';
}
