/**
 * What `zgc lint` finds beyond the loader's errors: warnings worth an editor's
 * time, and quotes that do not occur in the saved copy of their article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { FactBase } from './types.js';
import { describeFsError } from './load.js';

/** Fact-base warnings: facts people cannot find by name, numbers without unit or period, sources nobody cites. */
export function lintWarnings(base: FactBase): Problem[] {
  const out: Problem[] = [];
  const warn = (loc: { file: string; line: number; col: number }, message: string) => out.push({ ...loc, severity: 'warning', message });
  const cited = new Set(base.facts.flatMap((f) => f.sources.map((c) => c.source)));
  for (const f of base.facts) {
    if (!f.aliases.length) warn(f.loc, `fact "${f.id}" has no aliases: add the ways people ask for it`);
    const numeric = f.value !== undefined || f.sources.some((c) => c.value !== undefined);
    if (numeric && f.unit === undefined && f.sources.every((c) => c.unit === undefined)) warn(f.loc, `fact "${f.id}" has a number but no unit`);
    if (numeric && f.period === undefined) warn(f.loc, `fact "${f.id}" has a number but no period`);
  }
  for (const s of base.sources) if (!cited.has(s.id)) warn(s.loc, `source "${s.id}" is not cited by any fact`);
  return out;
}

/**
 * The only normalisation a quote gets before it is looked for in its article:
 * white space folded, typographic quotes and dashes made plain. Anything else
 * that differs is a misquote.
 */
export function normalizeQuoteText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ')
    .trim();
}

/** Checks every quote against the article its source's `archive` names, in archiveDir. */
export function checkQuotes(base: FactBase, archiveDir: string): Problem[] {
  const out: Problem[] = [];
  // Each article is read once; a file that cannot be read keeps the reason, for its source's finding.
  const texts = new Map<string, { text: string } | { reason: string }>();
  const article = (name: string) => {
    let entry = texts.get(name);
    if (!entry) {
      try {
        entry = { text: normalizeQuoteText(readFileSync(path.join(archiveDir, name), 'utf8')) };
      } catch (err) {
        entry = { reason: describeFsError(err, 'file') };
      }
      texts.set(name, entry);
    }
    return entry;
  };
  for (const s of base.sources) {
    if (!s.archive) {
      out.push({ ...s.loc, severity: 'warning', message: `source "${s.id}" has no archive: its quotes cannot be checked` });
      continue;
    }
    const a = article(s.archive);
    if ('reason' in a) out.push({ ...s.loc, severity: 'error', message: `archive "${s.archive}" of source "${s.id}": ${a.reason} in ${archiveDir}` });
  }
  for (const f of base.facts) {
    for (const c of f.sources) {
      const s = base.sourceById.get(c.source);
      if (!s?.archive) continue;
      const a = article(s.archive);
      if ('text' in a && !a.text.includes(normalizeQuoteText(c.quote))) {
        out.push({ ...c.quoteLoc, severity: 'error', message: `quote for "${f.id}" does not occur in ${s.archive} (source "${s.id}")` });
      }
    }
  }
  return out;
}
