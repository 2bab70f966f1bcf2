/**
 * How parsed facts are written into the cache and read back: each file's
 * summary (what the catalog is built from) and its records. Records carry
 * positions without the file name (the name shown depends on the working
 * directory) and are rebuilt as fresh objects on the way in, every field
 * checked by type: a cached record that is not what the parser makes is
 * refused, never half-used.
 */
import type { Loc, Problem } from '../errors.js';
import { BOUNDS, SOURCE_KINDS, type Fact, type Source } from './types.js';
import type { ParsedFile } from './parse.js';
import { factKeys, factTerms, posting } from '../search/terms.js';
import { readU32, u32Section } from './cache.js';

type Pos = [line: number, col: number];

/**
 * What the whole-directory checks and the catalog need from one file,
 * without its records: ids and positions, each fact's citations and
 * normalized keys, and the file's words as a small inverted index of its own.
 * It is kept in columns (strings in arrays, numbers in typed arrays) because
 * rebuilding a catalog reads every file's summary: at 100,000 facts, an
 * object per fact would cost more in garbage collection than all the rest.
 */
export interface FileSummary {
  problems: { line: number; col: number; severity: 'error' | 'warning'; message: string }[];
  sourceIds: string[];
  /** Line and column of each source. */
  sourcePos: Uint32Array;
  factIds: string[];
  factPos: Uint32Array;
  /** Fact i cites citeIds[citeStart[i]] to citeIds[citeStart[i + 1] - 1], at citePos. */
  citeStart: Uint32Array;
  citeIds: string[];
  citePos: Uint32Array;
  /** Fact i's keys (factKeys: its id, title and aliases, normalized) are keys[keyStart[i]] to keys[keyStart[i + 1] - 1]. */
  keyStart: Uint32Array;
  keys: string[];
  /** The file's distinct words; word j's postings (local fact index, class) are postings[postingStart[j]] onwards. */
  vocab: string[];
  postingStart: Uint32Array;
  postings: Uint32Array;
}

export function summarize(p: ParsedFile): FileSummary {
  const vocab: string[] = [];
  const lists: number[][] = [];
  const index = new Map<string, number>();
  p.facts.forEach((f, local) => {
    for (const [t, cls] of factTerms(f)) {
      let i = index.get(t);
      if (i === undefined) {
        index.set(t, (i = vocab.length));
        vocab.push(t);
        lists.push([]);
      }
      lists[i]!.push(posting(local, cls));
    }
  });
  const starts = (sizes: number[]) => {
    const out = new Uint32Array(sizes.length + 1);
    sizes.forEach((n, i) => (out[i + 1] = out[i]! + n));
    return out;
  };
  const keys = p.facts.map(factKeys);
  return {
    problems: p.problems.map((x) => ({ line: x.line, col: x.col, severity: x.severity, message: x.message })),
    sourceIds: p.sources.map((s) => s.id),
    sourcePos: Uint32Array.from(p.sources.flatMap((s) => [s.loc.line, s.loc.col])),
    factIds: p.facts.map((f) => f.id),
    factPos: Uint32Array.from(p.facts.flatMap((f) => [f.loc.line, f.loc.col])),
    citeStart: starts(p.facts.map((f) => f.sources.length)),
    citeIds: p.facts.flatMap((f) => f.sources.map((c) => c.source)),
    citePos: Uint32Array.from(p.facts.flatMap((f) => f.sources.flatMap((c) => [c.loc.line, c.loc.col]))),
    keyStart: starts(keys.map((k) => k.length)),
    keys: keys.flat(),
    vocab,
    postingStart: starts(lists.map((l) => l.length)),
    postings: Uint32Array.from(lists.flat()),
  };
}

/**
 * A summary as three sections: a small JSON head (counts and problems), one
 * text of every string (ids, cited ids, keys, words: none holds a newline),
 * and one array of every number.
 */
export function encodeSummary(s: FileSummary): [Buffer, Buffer, Buffer] {
  const head = { sources: s.sourceIds.length, facts: s.factIds.length, cites: s.citeIds.length, keys: s.keys.length, vocab: s.vocab.length, postings: s.postings.length, problems: s.problems.map((p) => [p.line, p.col, p.severity, p.message]) };
  const text = [...s.sourceIds, ...s.factIds, ...s.citeIds, ...s.keys, ...s.vocab].join('\n');
  const parts = [s.sourcePos, s.factPos, s.citeStart, s.citePos, s.keyStart, s.postingStart, s.postings];
  const nums = new Uint32Array(parts.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of parts) {
    nums.set(a, at);
    at += a.length;
  }
  return [Buffer.from(JSON.stringify(head), 'utf8'), Buffer.from(text, 'utf8'), u32Section(nums)];
}

const isPos = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0x7fffffff;
const isStr = (s: unknown): s is string => typeof s === 'string';
const isArr = Array.isArray as (x: unknown) => x is unknown[];

/** Reads back what encodeSummary wrote; null when anything does not add up. */
export function decodeSummary(headBytes: Buffer | null, textBytes: Buffer | null, numBytes: Buffer | null): FileSummary | null {
  if (!headBytes || !textBytes || !numBytes) return null;
  let head: Record<string, unknown>;
  try {
    head = JSON.parse(headBytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!head || typeof head !== 'object') return null;
  const { sources: nS, facts: nF, cites: nC, keys: nK, vocab: nV, postings: nP, problems } = head;
  if (![nS, nF, nC, nK, nV, nP].every(isPos) || !isArr(problems)) return null;
  const [ns, nf, nc, nk, nv, np] = [nS, nF, nC, nK, nV, nP] as [number, number, number, number, number, number];
  const out = { problems: [] } as unknown as FileSummary;
  for (const p of problems) {
    if (!isArr(p) || p.length !== 4 || !isPos(p[0]) || !isPos(p[1]) || (p[2] !== 'error' && p[2] !== 'warning') || !isStr(p[3])) return null;
    out.problems.push({ line: p[0], col: p[1], severity: p[2], message: p[3] });
  }
  const strings = ns + nf + nc + nk + nv;
  const text = strings === 0 ? [] : textBytes.toString('utf8').split('\n');
  if (text.length !== strings || (strings === 0 && textBytes.length !== 0)) return null;
  let t = 0;
  const take = (n: number) => text.slice(t, (t += n));
  out.sourceIds = take(ns);
  out.factIds = take(nf);
  out.citeIds = take(nc);
  out.keys = take(nk);
  out.vocab = take(nv);
  const nums = readU32(numBytes);
  if (!nums || nums.length !== 2 * ns + 2 * nf + (nf + 1) + 2 * nc + (nf + 1) + (nv + 1) + np) return null;
  let n = 0;
  const slice = (k: number) => nums.subarray(n, (n += k));
  out.sourcePos = slice(2 * ns);
  out.factPos = slice(2 * nf);
  out.citeStart = slice(nf + 1);
  out.citePos = slice(2 * nc);
  out.keyStart = slice(nf + 1);
  out.postingStart = slice(nv + 1);
  out.postings = slice(np);
  if (!ascendingTo(out.citeStart, nc) || !ascendingTo(out.keyStart, nk) || !ascendingTo(out.postingStart, np)) return null;
  if (new Set(out.vocab).size !== nv || out.vocab.some((w) => !w)) return null;
  // Each word's postings: local fact indexes ascending, classes 1 to 3.
  for (let j = 0; j < nv; j++) {
    let prev = -1;
    const end = out.postingStart[j + 1]!;
    if (end === out.postingStart[j]) return null;
    for (let k = out.postingStart[j]!; k < end; k++) {
      const p = out.postings[k]!;
      if ((p & 3) === 0 || p >>> 2 >= nf || p >>> 2 <= prev) return null;
      prev = p >>> 2;
    }
  }
  return out;
}

/** Offsets that start at 0, never decrease, and end at total. */
function ascendingTo(starts: Uint32Array, total: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== total) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) return false;
  return true;
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
