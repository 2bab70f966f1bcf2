/**
 * Loads a facts directory: every *.yaml file below it, each parsed on its own
 * (or taken from the cache), then the checks that need them all: unique ids
 * across files, references that resolve.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FactsError, type Problem } from '../errors.js';
import type { Fact, FactBase, Source } from './types.js';
import { loadParseTools, parseFactFile, type ParsedFile, type ParseTools } from './parse.js';

export interface LoadResult {
  base: FactBase;
  problems: Problem[];
}

/** Lists *.yaml and *.yml files below dir, sorted, so load order never depends on the file system. */
export function listFactFiles(dir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch (err) {
    throw new FactsError([{ file: dir, line: 0, col: 0, severity: 'error', message: describeFsError(err, 'facts directory') }]);
  }
  if (!st.isDirectory()) throw new FactsError([{ file: dir, line: 0, col: 0, severity: 'error', message: 'not a directory' }]);
  const out: string[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ENOTDIR') return 'not a directory';
  return (err as Error).message;
}

/** Reads and parses files, loading the parser only when some file needs it. */
export async function parseFiles(files: string[], displayPath: (f: string) => string): Promise<ParsedFile[]> {
  let tools: ParseTools | null = null;
  const out: ParsedFile[] = [];
  for (const f of files) {
    const shown = displayPath(f);
    let bytes: Buffer;
    try {
      bytes = readFileSync(f);
    } catch (err) {
      out.push({ file: shown, sources: [], facts: [], problems: [{ file: shown, line: 0, col: 0, severity: 'error', message: describeFsError(err, 'file') }] });
      continue;
    }
    tools ??= await loadParseTools();
    out.push(parseFactFile(bytes, shown, tools));
  }
  return out;
}

/** Joins parsed files into one base, with the problems only the whole directory shows. */
export function assembleBase(dir: string, parsed: ParsedFile[]): LoadResult {
  const problems: Problem[] = parsed.flatMap((p) => p.problems);
  const facts: Fact[] = [];
  const sources: Source[] = [];
  const factById = new Map<string, Fact>();
  const sourceById = new Map<string, Source>();
  for (const p of parsed) {
    for (const s of p.sources) {
      const prior = sourceById.get(s.id);
      if (prior) {
        problems.push({ ...s.loc, severity: 'error', message: `duplicate source id "${s.id}" (first at ${prior.loc.file}:${prior.loc.line}:${prior.loc.col})` });
        continue;
      }
      sourceById.set(s.id, s);
      sources.push(s);
    }
  }
  for (const p of parsed) {
    for (const f of p.facts) {
      const prior = factById.get(f.id);
      if (prior) {
        problems.push({ ...f.loc, severity: 'error', message: `duplicate fact id "${f.id}" (first at ${prior.loc.file}:${prior.loc.line}:${prior.loc.col})` });
        continue;
      }
      for (const c of f.sources) {
        if (!sourceById.has(c.source)) problems.push({ ...c.loc, severity: 'error', message: `fact "${f.id}" cites unknown source "${c.source}"` });
      }
      factById.set(f.id, f);
      facts.push(f);
    }
  }
  facts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { base: { dir, files: parsed.map((p) => p.file), facts, sources, factById, sourceById }, problems };
}

export interface LoadOptions {
  cwd?: string;
}

/** Loads and validates a facts directory; throws FactsError (exit 2) listing every error. */
export async function loadFacts(dir: string, options: LoadOptions = {}): Promise<FactBase> {
  const { base, problems } = await loadFactsWithProblems(dir, options);
  if (problems.some((p) => p.severity === 'error')) throw new FactsError(problems);
  return base;
}

export async function loadFactsWithProblems(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const displayPath = (f: string) => {
    const rel = path.relative(cwd, f);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : f;
  };
  const files = listFactFiles(dir);
  const parsed = await parseFiles(files, displayPath);
  return assembleBase(dir, parsed);
}
