/**
 * A draft as its readers see it, with each claim marked where it stands and
 * the claims' notes in a list after the block that holds them (a paragraph, a
 * heading, a list item, a whole table).
 *
 * Markdown is rendered by markdown-it with raw HTML off: a draft's tags are
 * shown as text. Links go only to http(s), mailto or relative addresses;
 * images are shown as their description, never loaded; table alignment is a
 * class, since the page allows no style attribute. Plain text keeps its
 * paragraphs and line breaks. Whatever the renderer decodes (an entity such as
 * &#x202E;) is made visible like the rest of the draft's text.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { visibleMarkup } from '../sanitize.js';
import { escapeHtml, pageInline, visibleMarkers } from './escape.js';
import { MARKERS, locateClaims, markSource, placeMarks, type Span } from './marks.js';
import { markClose, markOpen, markResume, notesListHtml } from './notes.js';
import type { Report, ReportClaim, ReportDraft } from './report.js';

/** Where the notes of the claims in a block go: a comment no draft text can make, since the draft's "<" is escaped. */
const NOTES_PLACE = /<!--zgc-notes ([\d ]*)-->\n?/g;
const notesPlace = (ids: readonly number[]) => (ids.length ? `<!--zgc-notes ${ids.join(' ')}-->\n` : '');
const MARKED_IDS = /\ue000([\ue010-\ue019]{1,9})\ue001/g;

function idsIn(text: string): number[] {
  return [...text.matchAll(MARKED_IDS)].map((m) => Number([...m[1]!].map((c) => c.charCodeAt(0) - 0xe010).join('')));
}

export interface RenderedDraft {
  html: string;
  /** Claims whose text could not be found in the rendered draft (listed apart, with their notes). */
  unplaced: ReportClaim[];
}

export async function renderDraft(draft: ReportDraft, report: Report): Promise<RenderedDraft> {
  const starts = locateClaims(draft.text, draft.claims);
  const spans: Span[] = [];
  draft.claims.forEach((c, i) => {
    const start = starts[i];
    if (start !== null && start !== undefined) spans.push({ id: c.id, start, end: start + c.text.length });
  });
  const { source, marked } = markSource(draft.text, spans);
  const body = draft.markdown ? (await markdown()).render(source) : plainText(source);
  const byId = new Map(draft.claims.map((c) => [c.id, c]));
  const { html, placed } = placeMarks(visibleMarkup(body), marked, {
    open: (id) => markOpen(byId.get(id)!),
    resume: (id) => markResume(byId.get(id)!),
    close: (id, last) => markClose(byId.get(id)!, last),
  });
  const noted = new Set<number>();
  const withNotes = html.replace(NOTES_PLACE, (_, ids: string) => {
    const claims = ids.split(' ').filter(Boolean).map(Number).filter((id) => placed.has(id) && !noted.has(id)).map((id) => byId.get(id)!);
    for (const c of claims) noted.add(c.id);
    return notesListHtml(claims, report);
  });
  // A claim marked where no block said so (the renderer read its line as code, say) has its note at the end.
  const rest = draft.claims.filter((c) => placed.has(c.id) && !noted.has(c.id));
  return { html: withNotes + notesListHtml(rest, report), unplaced: draft.claims.filter((c) => !placed.has(c.id)) };
}

/** Plain text: paragraphs at blank lines, line breaks kept. */
export function plainText(source: string): string {
  return source
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.replace(/^\n+|\n+$/g, '')).replace(/\n/g, '<br>\n')}</p>\n${notesPlace(idsIn(p))}`)
    .join('');
}

let renderer: Promise<MarkdownIt> | null = null;

/** markdown-it, set up for drafts; loaded on first use (dist/lazy/markdown-it.cjs), as only this report needs it. */
export function markdown(): Promise<MarkdownIt> {
  renderer ??= (async () => {
    const mod = (await import('markdown-it')) as unknown as { default?: typeof import('markdown-it').default };
    const MarkdownItClass = (mod.default ?? mod) as typeof import('markdown-it').default;
    const md = new MarkdownItClass('default', { html: false, linkify: false, typographer: false });
    md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim());
    md.core.ruler.before('text_join', 'zgc_entities', markersFromEntities);
    md.core.ruler.push('zgc_notes', placeNotes);
    const rules = md.renderer.rules;
    rules.image = (tokens, idx, options, env, self) => {
      const alt = self.renderInlineAsText(tokens[idx]!.children ?? [], options, env).replace(MARKERS, '');
      return `<span class="draft-image">[image${alt ? `: ${pageInline(alt)}` : ''}]</span>`;
    };
    rules.link_open = (tokens, idx, options, _env, self) => {
      tokens[idx]!.attrSet('rel', 'noopener noreferrer');
      return self.renderToken(tokens, idx, options);
    };
    const shiftHeading = (tokens: Token[], idx: number, options: object, _env: unknown, self: { renderToken(t: Token[], i: number, o: object): string }) => {
      const t = tokens[idx]!;
      // Under the report's own headings: a draft's "#" is the third level.
      t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 2)}`;
      return self.renderToken(tokens, idx, options);
    };
    rules.heading_open = shiftHeading as never;
    rules.heading_close = shiftHeading as never;
    rules.zgc_notes = (tokens, idx) => notesPlace((tokens[idx]!.meta as { ids: number[] }).ids);
    return md;
  })();
  return renderer;
}

/** An entity or escape that decodes to a marker character stays text: it is shown as its escape. */
function markersFromEntities(state: StateCore): void {
  for (const block of state.tokens) {
    for (const t of block.children ?? []) if (t.type === 'text_special') t.content = visibleMarkers(t.content);
  }
}

/**
 * After each paragraph or heading that holds claims (or after the table that
 * holds them), a token standing for the claims' notes; table cells lose their
 * style attribute for a class.
 */
function placeNotes(state: StateCore): void {
  const out: Token[] = [];
  let pending: number[] = [];
  let tables = 0;
  const flush = () => {
    if (!pending.length) return;
    const t = new state.Token('zgc_notes', '', 0);
    t.meta = { ids: pending };
    t.block = true;
    out.push(t);
    pending = [];
  };
  for (const t of state.tokens) {
    out.push(t);
    if (t.type === 'th_open' || t.type === 'td_open') {
      const align = /text-align:(left|right|center)/.exec(String(t.attrGet('style') ?? ''));
      t.attrs = align ? [['class', `align-${align[1]}`]] : null;
    }
    if (t.type === 'table_open') tables++;
    else if (t.type === 'table_close') {
      tables--;
      if (!tables) flush();
    } else if (t.type === 'inline') pending.push(...idsIn(t.content));
    else if (!tables && (t.type === 'paragraph_close' || t.type === 'heading_close')) flush();
  }
  flush();
  state.tokens = out;
}
