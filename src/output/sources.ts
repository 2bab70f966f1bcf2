/** Sources as rows (`zgc sources`) and as a full record (`zgc source <id>`). */
import type { Fact, FactBase, Source } from '../facts/types.js';
import { shortCitation, sourceCaveat } from '../cite/short.js';
import type { RecordSet } from './records.js';
import { visible, visibleInline } from './sanitize.js';
import type { Style } from './style.js';
import { valueCell } from './fact-rows.js';

export const SOURCE_FIELDS = ['id', 'title', 'publisher', 'author', 'published', 'accessed', 'url', 'kind', 'via', 'archive', 'notes', 'facts'] as const;

export function sourceJson(s: Source, base: FactBase): object {
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    published: s.published,
    accessed: s.accessed ?? null,
    url: s.url ?? null,
    kind: s.kind,
    via: s.via ?? null,
    archive: s.archive ?? null,
    notes: s.notes ?? null,
    facts: factsCiting(s.id, base).map((f) => f.id),
  };
}

const citing = new WeakMap<FactBase, Map<string, Fact[]>>();

/** The facts drawn from a source, in the base's order. Indexed once per base: `zgc sources` asks for every source. */
export function factsCiting(sourceId: string, base: FactBase): Fact[] {
  let bySource = citing.get(base);
  if (!bySource) {
    bySource = new Map();
    for (const f of base.facts) {
      for (const id of new Set(f.sources.map((c) => c.source))) {
        const list = bySource.get(id);
        if (list) list.push(f);
        else bySource.set(id, [f]);
      }
    }
    citing.set(base, bySource);
  }
  return bySource.get(sourceId) ?? [];
}

export function sourceRows(base: FactBase): RecordSet<Source> {
  return {
    rows: base.sources,
    columns: [
      { header: 'id', cell: (s) => s.id },
      { header: 'publisher', cell: (s) => s.publisher ?? 'unknown' },
      { header: 'published', cell: (s) => s.published ?? 'unknown' },
      { header: 'kind', cell: (s) => s.kind },
      { header: 'facts', cell: (s) => factsCiting(s.id, base).length },
    ],
    json: (s) => sourceJson(s, base),
  };
}

/** One source in full: its citation, every field, its notes and the facts drawn from it. */
export function renderSourceCard(s: Source, base: FactBase, style: Style): string {
  const out: string[] = [];
  const caveat = sourceCaveat(s);
  out.push(`${style.id(visibleInline(s.id))}  ${visibleInline(shortCitation(s))}${caveat ? ' ' + style.warn(`[${caveat}]`) : ''}`);
  const field = (label: string, value: string | null | undefined) => {
    if (value) out.push(`  ${style.label(label.padEnd(10))} ${visibleInline(value)}`);
  };
  field('title', s.title);
  field('publisher', s.publisher ?? 'unknown');
  field('author', s.author.join('; ') || 'not given');
  field('published', s.published ?? 'unknown');
  field('accessed', s.accessed);
  field('kind', s.kind);
  field('via', s.via);
  field('url', s.url);
  field('archive', s.archive);
  if (s.notes) {
    out.push('');
    out.push(`  ${style.heading('Notes')}`);
    out.push(...visible(s.notes).split('\n').map((l) => `  ${l}`));
  }
  const facts = factsCiting(s.id, base);
  out.push('');
  out.push(`  ${style.heading(`Facts (${facts.length})`)}`);
  for (const f of facts) out.push(`  ${style.id(visibleInline(f.id))}  ${visibleInline(f.title)}: ${style.value(visibleInline(valueCell(f) || '—'))}`);
  return out.join('\n') + '\n';
}
