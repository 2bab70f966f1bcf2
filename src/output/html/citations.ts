/**
 * Each source's citation for the report, rendered as `zgc cite` renders it:
 * one bibliography in the style asked for (APA by default) from the CSL engine,
 * or the newsroom attribution. The engine's HTML is read tag by tag and only
 * what a citation needs is kept: italics, bold, super- and subscripts, its
 * entry blocks, small capitals (as a class: the page allows no style
 * attribute) and links to http(s) addresses. Anything else is written as text.
 */
import type { Source } from '../../facts/types.js';
import { isCslStyle, type CiteStyle } from '../../cite/styles.js';
import { attribution } from '../../cite/attribution.js';
import { visibleMarkupInline } from '../sanitize.js';
import { escapeHtml, pageInline, visibleMarkers } from './escape.js';

/** The citation of each source, as HTML safe to place in the page, by source id. */
export async function citationsHtml(sources: readonly Source[], style: CiteStyle): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!sources.length) return out;
  if (isCslStyle(style)) {
    const [{ renderCslBibliography }, { toCsl }] = await Promise.all([import('../../cite/engine.js'), import('../../cite/csl.js')]);
    const bib = await renderCslBibliography(sources.map(toCsl), style, 'html');
    bib.ids.forEach((id, i) => out.set(id, safeCitation(bib.entries[i]!.trim())));
  } else {
    for (const s of sources) out.set(s.id, `<div class="csl-entry">${pageInline(attribution(s))}</div>`);
  }
  return out;
}

const KEPT = new Set(['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'div', 'a']);
const ENTRY_CLASSES = new Set(['csl-entry', 'csl-left-margin', 'csl-right-inline', 'csl-indent', 'csl-block']);
/** The engine's inline styles, as classes of the page's stylesheet. */
const STYLE_CLASSES: Record<string, string> = {
  'font-variant:small-caps;': 'csl-small-caps',
  'font-style:normal;': 'csl-normal',
  'font-weight:normal;': 'csl-normal-weight',
  'font-variant:normal;': 'csl-normal-variant',
  'text-decoration:underline;': 'csl-underline',
};
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*)?)>|[^<]+|</g;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? m[1]! : null;
}

/** The engine's escapes (&#38;, &#60;) read back, for judging a link's address. */
function unescapeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

/** One entry of the engine's HTML, with only the elements and attributes listed above, well nested. */
export function safeCitation(html: string): string {
  const out: string[] = [];
  /** Open elements, as written (a link to another scheme is written as a span). */
  const open: Array<{ name: string; written: string }> = [];
  for (const m of html.matchAll(TAG)) {
    const [token, slash, rawName, attrs] = m;
    if (rawName === undefined) {
      // Text, already escaped by the engine; "<" alone is a stray bracket.
      out.push(token === '<' ? '&lt;' : visibleMarkers(visibleMarkupInline(token)));
      continue;
    }
    const name = rawName.toLowerCase();
    if (!KEPT.has(name)) {
      out.push(escapeHtml(token));
      continue;
    }
    if (slash) {
      const at = open.map((o) => o.name).lastIndexOf(name);
      if (at === -1) continue;
      while (open.length > at) out.push(`</${open.pop()!.written}>`);
      continue;
    }
    let written = name;
    let attributes = '';
    if (name === 'a') {
      const href = unescapeEntities(attribute(attrs!, 'href') ?? '');
      if (/^https?:\/\/[^\s"<>]+$/i.test(href)) attributes = ` href="${escapeHtml(visibleMarkupInline(href))}" rel="noopener noreferrer"`;
      else written = 'span';
    } else if (name === 'div') {
      const cls = attribute(attrs!, 'class');
      if (cls && ENTRY_CLASSES.has(cls)) attributes = ` class="${cls}"`;
    } else if (name === 'span') {
      const cls = STYLE_CLASSES[(attribute(attrs!, 'style') ?? '').replace(/\s+/g, '')];
      if (cls) attributes = ` class="${cls}"`;
    }
    open.push({ name, written });
    out.push(`<${written}${attributes}>`);
  }
  while (open.length) out.push(`</${open.pop()!.written}>`);
  return out.join('');
}
