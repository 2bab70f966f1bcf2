/**
 * What `zgc lint` finds beyond the loader's errors: warnings worth an editor's
 * time, and quotes that do not occur in the saved copy of their article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loc, Problem } from '../errors.js';
import type { Citation, FactBase } from './types.js';
import { describeFsError } from './load.js';
import { loadParseTools } from './parse.js';
import { fsPath, readRegularFile } from './read.js';
import { checkNesting, decodeUtf8, MAX_FILE_BYTES } from './yaml-safety.js';

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

const SPACE = /[\s\u00a0\u2000-\u200b\u3000]/;

/**
 * normalizeQuoteText, keeping for each character of the result the index in
 * `s` it comes from (a run of white space, its first character).
 */
export function normalizeQuoteWithOffsets(s: string): { text: string; from: number[] } {
  const chars: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (SPACE.test(c)) {
      if (chars[chars.length - 1] !== ' ') {
        chars.push(' ');
        from.push(i);
      }
      continue;
    }
    chars.push(/[\u2018\u2019\u201a\u201b\u2032]/.test(c) ? "'" : /[\u201c\u201d\u201e\u201f\u2033]/.test(c) ? '"' : /[\u2010-\u2015\u2212]/.test(c) ? '-' : c);
    from.push(i);
  }
  // Trimmed as normalizeQuoteText trims.
  let start = 0;
  let end = chars.length;
  while (start < end && chars[start] === ' ') start++;
  while (end > start && chars[end - 1] === ' ') end--;
  return { text: chars.slice(start, end).join(''), from: from.slice(start, end) };
}

/** A quote that does not occur in its article: how long a beginning of it does (normalised), and what follows there. */
export function departure(quote: string, article: string): { at: number; quoteGoesOn: string; articleGoesOn: string | null } {
  // The longest beginning of the quote found in the article: every shorter one is found too, so a binary search finds it.
  let lo = 0;
  let hi = quote.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (article.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  // Shown beside the quote only when the beginning found is long enough to say where in the article the quote was.
  const found = lo >= MIN_ANCHOR ? article.indexOf(quote.slice(0, lo)) : -1;
  return { at: lo, quoteGoesOn: excerpt(quote, lo), articleGoesOn: found < 0 ? null : excerpt(article, found + lo) };
}

/** A beginning of the quote shorter than this says little about where in the article it was taken from. */
const MIN_ANCHOR = 10;
const EXCERPT = 16;
const excerpt = (s: string, at: number) => (s.length - at > EXCERPT ? s.slice(at, at + EXCERPT).trimEnd() + '…' : s.slice(at));

/**
 * Where each character of a scalar's value stands in the file's text, from
 * the scalar's first character (a quote mark, a block indicator, or the
 * value's own start): escapes, doubled single quotes and folded line breaks
 * are walked over. Null when the text does not spell the value this way.
 */
export function valueOffsets(text: string, start: number, value: string): number[] | null {
  const lead = text[start];
  const dq = lead === '"';
  const sq = lead === "'";
  let p = dq || sq ? start + 1 : lead === '|' || lead === '>' ? text.indexOf('\n', start) + 1 : start;
  if (p <= 0) return null;
  const out: number[] = [];
  const skipSpace = () => {
    while (p < text.length && /[ \t\r\n]/.test(text[p]!)) p++;
  };
  for (let i = 0; i < value.length; ) {
    if (p >= text.length) return null;
    const c = text[p]!;
    const v = value[i]!;
    if (dq && c === '\\') {
      const next = text[p + 1];
      if (next === '\n' || next === '\r') {
        // An escaped line break joins the lines: no character of the value.
        p += 2;
        skipSpace();
        continue;
      }
      out[i++] = p;
      p += next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : 2;
      continue;
    }
    if (sq && c === "'") {
      if (text[p + 1] !== "'" || v !== "'") return null;
      out[i++] = p;
      p += 2;
      continue;
    }
    if (c === v) {
      out[i++] = p++;
      continue;
    }
    if (/[ \t\r\n]/.test(c)) {
      // A line break folded into a space (or kept), or the indentation of the next line.
      if (/\s/.test(v)) out[i++] = p;
      skipSpace();
      continue;
    }
    return null;
  }
  return out;
}

/** A facts file's text as the parser read it (a leading BOM left out), or null. */
function factsFileText(file: string): string | null {
  const read = readRegularFile(fsPath(file), MAX_FILE_BYTES);
  if ('problem' in read) return null;
  const decoded = decodeUtf8(read.bytes);
  if ('message' in decoded) return null;
  return decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
}

/** The offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, col: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return -1;
    at = nl + 1;
  }
  return at + col - 1;
}

/** The line and column of an offset. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Where a misquote departs from its article: the file position of the first
 * character of the quote past the longest beginning of it the article holds,
 * and a message naming that character and what each text has there.
 */
function misquote(c: Citation, factId: string, source: { id: string; archive: string }, articleText: string, cwd: string): Problem {
  const { text: quote, from } = normalizeQuoteWithOffsets(c.quote);
  const d = departure(quote, articleText);
  const where = d.articleGoesOn === null ? '' : ` ("${d.quoteGoesOn}" where the article has "${d.articleGoesOn}")`;
  const message = `quote for "${factId}" does not occur in ${source.archive} (source "${source.id}"): it departs at its character ${d.at + 1}${where}`;
  let loc: Loc = c.quoteLoc;
  const text = factsFileText(path.resolve(cwd, c.quoteLoc.file));
  const start = text === null ? -1 : offsetOf(text, c.quoteLoc.line, c.quoteLoc.col);
  const offsets = start < 0 ? null : valueOffsets(text!, start, c.quote);
  const at = offsets?.[from[d.at] ?? -1];
  if (at !== undefined) loc = { file: c.quoteLoc.file, ...positionOf(text!, at) };
  return { ...loc, severity: 'error', message };
}

/**
 * A file the loader refused holds no facts, so the directory's check that each
 * cited source exists never saw its citations. Lint reads such files again for
 * their citations and source ids, so that a citation of an unknown source is
 * reported with the file's other errors, at once, where it stands.
 */
export async function unknownSourcesOfRefusedFiles(base: FactBase, problems: Problem[], cwd: string): Promise<Problem[]> {
  const accepted = new Set<string>();
  for (const f of base.facts) accepted.add(f.loc.file);
  for (const s of base.sources) accepted.add(s.loc.file);
  const refused = [...new Set(problems.filter((p) => p.severity === 'error' && !accepted.has(p.file)).map((p) => p.file))];
  if (!refused.length) return [];
  const { yaml } = await loadParseTools();
  const known = new Set(base.sources.map((s) => s.id));
  const cites: { file: string; line: number; col: number; fact: string | undefined; source: string }[] = [];
  const scalar = (map: unknown, key: string): string | undefined => {
    if (!yaml.isMap(map)) return undefined;
    const v = map.get(key, true);
    return yaml.isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  };
  const items = (map: unknown, key: string): unknown[] => {
    if (!yaml.isMap(map)) return [];
    const v = map.get(key, true);
    return yaml.isSeq(v) ? v.items : [];
  };
  for (const file of refused) {
    const text = factsFileText(path.resolve(cwd, file));
    if (text === null || checkNesting(text)) continue;
    const lineCounter = new yaml.LineCounter();
    const doc = yaml.parseDocument(text, { lineCounter, schema: 'core', version: '1.2', merge: false, uniqueKeys: false, prettyErrors: false });
    for (const s of items(doc.contents, 'sources')) {
      const id = scalar(s, 'id');
      if (id !== undefined) known.add(id);
    }
    for (const f of items(doc.contents, 'facts')) {
      for (const c of items(f, 'sources')) {
        const source = scalar(c, 'source');
        const range = (c as { range?: [number, number, number] }).range;
        if (source !== undefined && range) cites.push({ file, ...lineCounter.linePos(range[0]), fact: scalar(f, 'id'), source });
      }
    }
  }
  return cites
    .filter((c) => !known.has(c.source))
    .map((c) => ({ file: c.file, line: c.line, col: c.col, severity: 'error', message: `${c.fact === undefined ? 'a fact' : `fact "${c.fact}"`} cites unknown source "${c.source}"` }));
}

/** Checks every quote against the article its source's `archive` names, in archiveDir. */
export function checkQuotes(base: FactBase, archiveDir: string, cwd = process.cwd()): Problem[] {
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
      if ('text' in a && !a.text.includes(normalizeQuoteText(c.quote))) out.push(misquote(c, f.id, { id: s.id, archive: s.archive }, a.text, cwd));
    }
  }
  return out;
}
