/**
 * How parsed facts are written into the cache and read back. Records carry
 * positions without the file name (the name shown depends on the working
 * directory) and are rebuilt field by field on the way in: a cached record
 * that is not exactly what the parser makes is refused, never half-used.
 */
import type { Loc, Problem } from '../errors.js';
import { BOUNDS, SOURCE_KINDS, type Fact, type Source } from './types.js';
import type { ParsedFile } from './parse.js';
import { factKeys, factTerms } from '../search/terms.js';

type Pos = [line: number, col: number];

/** What the whole-directory checks and the catalog need from one file, without its records. */
export interface FileSummary {
  problems: { line: number; col: number; severity: 'error' | 'warning'; message: string }[];
  sources: { id: string; line: number; col: number }[];
  facts: { id: string; line: number; col: number; cites: { source: string; line: number; col: number }[]; keys: string[]; terms: Map<string, number> }[];
}

export function summarize(p: ParsedFile): FileSummary {
  return {
    problems: p.problems.map((x) => ({ line: x.line, col: x.col, severity: x.severity, message: x.message })),
    sources: p.sources.map((s) => ({ id: s.id, line: s.loc.line, col: s.loc.col })),
    facts: p.facts.map((f) => ({
      id: f.id,
      line: f.loc.line,
      col: f.loc.col,
      cites: f.sources.map((c) => ({ source: c.source, line: c.loc.line, col: c.loc.col })),
      keys: factKeys(f),
      terms: factTerms(f),
    })),
  };
}

export function encodeSummary(s: FileSummary): unknown {
  return {
    problems: s.problems.map((p) => [p.line, p.col, p.severity, p.message]),
    sources: s.sources.map((x) => [x.id, x.line, x.col]),
    facts: s.facts.map((f) => [f.id, f.line, f.col, f.cites.map((c) => [c.source, c.line, c.col]), f.keys, [...f.terms].flat()]),
  };
}

const isPos = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0x7fffffff;
const isStr = (s: unknown): s is string => typeof s === 'string';
const isArr = Array.isArray as (x: unknown) => x is unknown[];

export function decodeSummary(x: unknown): FileSummary | null {
  if (!x || typeof x !== 'object') return null;
  const { problems, sources, facts } = x as Record<string, unknown>;
  if (!isArr(problems) || !isArr(sources) || !isArr(facts)) return null;
  const out: FileSummary = { problems: [], sources: [], facts: [] };
  for (const p of problems) {
    if (!isArr(p) || p.length !== 4 || !isPos(p[0]) || !isPos(p[1]) || (p[2] !== 'error' && p[2] !== 'warning') || !isStr(p[3])) return null;
    out.problems.push({ line: p[0], col: p[1], severity: p[2], message: p[3] });
  }
  for (const s of sources) {
    if (!isArr(s) || s.length !== 3 || !isStr(s[0]) || !isPos(s[1]) || !isPos(s[2])) return null;
    out.sources.push({ id: s[0], line: s[1], col: s[2] });
  }
  for (const f of facts) {
    if (!isArr(f) || f.length !== 6 || !isStr(f[0]) || !isPos(f[1]) || !isPos(f[2]) || !isArr(f[3]) || !isArr(f[4]) || !isArr(f[5])) return null;
    const cites: FileSummary['facts'][number]['cites'] = [];
    for (const c of f[3]) {
      if (!isArr(c) || c.length !== 3 || !isStr(c[0]) || !isPos(c[1]) || !isPos(c[2])) return null;
      cites.push({ source: c[0], line: c[1], col: c[2] });
    }
    if (!f[4].every(isStr)) return null;
    const flat = f[5];
    if (flat.length % 2 !== 0) return null;
    const terms = new Map<string, number>();
    for (let i = 0; i < flat.length; i += 2) {
      const t = flat[i];
      const cls = flat[i + 1];
      if (!isStr(t) || !t || typeof cls !== 'number' || !(cls === 0 || cls === 1 || cls === 2 || cls === 3) || terms.has(t)) return null;
      terms.set(t, cls);
    }
    out.facts.push({ id: f[0], line: f[1], col: f[2], cites, keys: f[4] as string[], terms });
  }
  return out;
}

/** Problems of one file, named as the user sees it. */
export function summaryProblems(s: FileSummary, file: string): Problem[] {
  return s.problems.map((p) => ({ file, line: p.line, col: p.col, severity: p.severity, message: p.message }));
}

// Records. JSON cannot write -0, which a facts file can hold; it travels as the string "-0".
const num = (v: number | undefined) => (v === undefined ? undefined : Object.is(v, -0) ? '-0' : v);
const pos = (l: Loc): Pos => [l.line, l.col];

export function encodeSource(s: Source): string {
  return JSON.stringify({ ...s, loc: pos(s.loc) });
}

export function encodeFact(f: Fact): string {
  return JSON.stringify({
    ...f,
    value: num(f.value),
    sources: f.sources.map((c) => ({ ...c, value: num(c.value), loc: pos(c.loc), quoteLoc: pos(c.quoteLoc) })),
    loc: pos(f.loc),
  });
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LOC_KEYS = new Set(['loc', 'quoteLoc']);
const BAD = Symbol('bad');

/**
 * Rebuilds a record as fresh plain objects, positions given back their file.
 * Every field is carried over, so a field the parser gains travels through the
 * cache unchanged; the fields zgc reads are then checked by type.
 */
function rebuild(x: unknown, file: string, key?: string): unknown {
  if (Array.isArray(x)) {
    if (key !== undefined && LOC_KEYS.has(key)) return x.length === 2 && isPos(x[0]) && isPos(x[1]) ? { file, line: x[0], col: x[1] } : BAD;
    const out: unknown[] = [];
    for (const v of x) {
      const r = rebuild(v, file);
      if (r === BAD) return BAD;
      out.push(r);
    }
    return out;
  }
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (FORBIDDEN_KEYS.has(k)) return BAD;
      const r = rebuild(v, file, k);
      if (r === BAD) return BAD;
      out[k] = r;
    }
    return out;
  }
  if (key === 'value' && x === '-0') return -0;
  if (typeof x === 'number' && !Number.isFinite(x)) return BAD;
  return x;
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const strings: Check = (v) => Array.isArray(v) && v.every(str);
const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const loc: Check = (v) => !!v && typeof v === 'object' && 'line' in v;

function conforms(o: Record<string, unknown>, shape: Record<string, Check>): boolean {
  for (const [k, check] of Object.entries(shape)) if (!check(o[k])) return false;
  return true;
}

const SOURCE_SHAPE: Record<string, Check> = {
  id: str,
  title: str,
  publisher: strOrNull,
  author: strings,
  published: strOrNull,
  accessed: optional(str),
  url: optional(str),
  kind: oneOf(SOURCE_KINDS),
  via: optional(str),
  archive: optional(str),
  notes: optional(str),
  loc,
};

const CITATION_SHAPE: Record<string, Check> = {
  source: str,
  quote: str,
  value: optional(finite),
  unit: optional(str),
  display: optional(str),
  bound: optional(oneOf(BOUNDS)),
  notes: optional(str),
  loc,
  quoteLoc: loc,
};

const FACT_SHAPE: Record<string, Check> = {
  id: str,
  title: str,
  statement: str,
  value: optional(finite),
  unit: optional(str),
  display: optional(str),
  bound: optional(oneOf(BOUNDS)),
  period: optional(str),
  subject: optional(str),
  aliases: strings,
  tags: strings,
  notes: optional(str),
  sources: (v) => Array.isArray(v) && v.length > 0 && v.every((c) => !!c && typeof c === 'object' && !Array.isArray(c) && conforms(c as Record<string, unknown>, CITATION_SHAPE)),
  loc,
};

function decode(x: unknown, file: string, shape: Record<string, Check>): Record<string, unknown> | null {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const r = rebuild(x, file);
  return r !== BAD && conforms(r as Record<string, unknown>, shape) ? (r as Record<string, unknown>) : null;
}

/** Reads back what encodeSource wrote, or null when anything is not as the parser makes it. */
export function decodeSource(x: unknown, file: string): Source | null {
  return decode(x, file, SOURCE_SHAPE) as Source | null;
}

export function decodeFact(x: unknown, file: string): Fact | null {
  return decode(x, file, FACT_SHAPE) as Fact | null;
}
