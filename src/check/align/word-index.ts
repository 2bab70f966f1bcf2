/**
 * The word index zgc check finds facts with: for every term (terms.ts), the
 * facts holding it, each with the class of the weightiest field it is in
 * there; and the subject most facts share.
 *
 * It is built in memory from facts, or kept in the cache beside the catalog:
 * per facts file, the words of its content (named by the content's SHA-256,
 * as the file's shard is), and for the directory the merged index (keyed by
 * the catalog's files and their hashes, as the catalog is), read a term at a
 * time. A check then reads the postings of its draft's words, not every fact.
 * When files change, only the changed files' words are made again; the
 * merged index is rebuilt by the first check that finds it stale.
 *
 * Like every cache file, these are checked before use and rebuilt silently
 * when they fail a check. Their content depends on this file and terms.ts:
 * the build id must cover both.
 */
import path from 'node:path';
import { unlinkSync } from 'node:fs';
import type { Fact } from '../../facts/types.js';
import { CacheFile, checksum, collectGarbage, jsonSection, KIND_CHECK_INDEX, KIND_CHECK_WORDS, readU32, u32Section, writeContainer } from '../../facts/cache.js';
import { CacheReadError, type DiskCatalog } from '../../facts/catalog.js';
import { CHECK_WORDS } from '../../facts/load.js';
import { compareStrings, sortedOrder } from '../../search/terms.js';
import { CLASS_WEIGHTS, factTerms, PLAIN_TERMS, weightClass, type Terms } from './terms.js';

/**
 * A posting packs a fact's ordinal and the class of the term in it (three
 * bits): ordinal * 8 + class, ascending by ordinal in each list.
 */
export const postingOrdinal = (p: number): number => p >>> 3;
export const postingClass = (p: number): number => p & 7;
const packPosting = (ordinal: number, cls: number): number => ordinal * 8 + cls;
/** Ordinals must fit the 29 bits a posting leaves them. */
const MAX_FACTS = 2 ** 29;
const MAX_CLASS = CLASS_WEIGHTS.length - 1;

/** The index as the ranking reads it, wherever it is kept. */
export interface Words {
  /** Number of facts; ordinals run from 0 to count - 1. */
  count: number;
  /** The subject most facts share (the first in id order among equals), null when no fact has one. */
  common: string | null;
  /** How many facts hold the term. */
  df(term: string): number;
  /** The term's postings; empty for a term no fact holds. */
  postings(term: string): Uint32Array;
}

/** The words of some facts (a file's, or a whole base's), each fact numbered by its place among them. */
export interface FileWords {
  count: number;
  /** Distinct terms, in no particular order; term j's postings are postings[starts[j]] to postings[starts[j + 1] - 1]. */
  terms: string[];
  starts: Uint32Array;
  postings: Uint32Array;
  /** Each subject with the number of facts naming it and the least of their ids. */
  subjects: Array<[subject: string, facts: number, firstId: string]>;
}

export function fileWords(facts: readonly Fact[], vocabulary: Terms = PLAIN_TERMS): FileWords {
  const terms: string[] = [];
  const lists: number[][] = [];
  const index = new Map<string, number>();
  const subjects = new Map<string, [string, number, string]>();
  facts.forEach((fact, local) => {
    for (const [t, w] of factTerms(fact, (text) => vocabulary.termsOfText(text))) {
      let j = index.get(t);
      if (j === undefined) {
        index.set(t, (j = terms.length));
        terms.push(t);
        lists.push([]);
      }
      lists[j]!.push(packPosting(local, weightClass(w)));
    }
    if (fact.subject) {
      const s = subjects.get(fact.subject);
      if (!s) subjects.set(fact.subject, [fact.subject, 1, fact.id]);
      else {
        s[1]++;
        if (compareStrings(fact.id, s[2]) < 0) s[2] = fact.id;
      }
    }
  });
  const starts = new Uint32Array(terms.length + 1);
  lists.forEach((l, j) => (starts[j + 1] = starts[j]! + l.length));
  const postings = new Uint32Array(starts[terms.length]!);
  lists.forEach((l, j) => postings.set(l, starts[j]!));
  return { count: facts.length, terms, starts, postings, subjects: [...subjects.values()] };
}

/** One index over files in order: a file's facts are numbered after the facts of the files before it. */
export interface MergedWords {
  count: number;
  common: string | null;
  /** Sorted; term i's postings are postings[starts[i]] to postings[starts[i + 1] - 1]. */
  terms: string[];
  starts: Uint32Array;
  postings: Uint32Array;
}

/**
 * Merges files' words one file at a time, so that only the postings of the
 * files before are held, not their words.
 */
export class WordsMerger {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly sizes: number[] = [];
  private readonly files: Array<{ g: Int32Array; starts: Uint32Array; postings: Uint32Array; count: number }> = [];
  private readonly subjects = new Map<string, [facts: number, firstId: string]>();
  private count = 0;

  /** Adds the next file's words; false, adding nothing, when they are not what fileWords makes. */
  add(f: FileWords): boolean {
    if (!validFileWords(f) || this.count + f.count >= MAX_FACTS) return false;
    const g = new Int32Array(f.terms.length);
    for (let j = 0; j < f.terms.length; j++) {
      let i = this.ids.get(f.terms[j]!);
      if (i === undefined) {
        this.ids.set(f.terms[j]!, (i = this.words.length));
        this.words.push(f.terms[j]!);
        this.sizes.push(0);
      }
      g[j] = i;
      this.sizes[i]! += f.starts[j + 1]! - f.starts[j]!;
    }
    for (const [subject, n, first] of f.subjects) {
      const s = this.subjects.get(subject);
      if (!s) this.subjects.set(subject, [n, first]);
      else {
        s[0] += n;
        if (compareStrings(first, s[1]) < 0) s[1] = first;
      }
    }
    this.files.push({ g, starts: f.starts, postings: f.postings, count: f.count });
    this.count += f.count;
    return true;
  }

  finish(): MergedWords {
    const { words, sizes } = this;
    const sorted = sortedOrder(words);
    const starts = new Uint32Array(words.length + 1);
    const at = new Uint32Array(words.length);
    sorted.forEach((i, r) => {
      at[i] = starts[r]!;
      starts[r + 1] = starts[r]! + sizes[i]!;
    });
    const postings = new Uint32Array(starts[words.length]!);
    let offset = 0;
    for (const f of this.files) {
      for (let j = 0; j < f.g.length; j++) {
        for (let p = f.starts[j]!; p < f.starts[j + 1]!; p++) postings[at[f.g[j]!]!++] = packPosting(offset + postingOrdinal(f.postings[p]!), postingClass(f.postings[p]!));
      }
      offset += f.count;
    }
    return { count: this.count, common: this.common(), terms: Array.from(sorted, (i) => words[i]!), starts, postings };
  }

  /** The subject most facts name; among equals, the one named by the least id (the first met in id order). */
  private common(): string | null {
    let best: string | null = null;
    let bestN = 0;
    let bestFirst = '';
    for (const [subject, [n, first]] of this.subjects) {
      if (n > bestN || (n === bestN && compareStrings(first, bestFirst) < 0)) [best, bestN, bestFirst] = [subject, n, first];
    }
    return best;
  }
}

/** Each term once, its postings in order, below the file's count and of a known class. */
function validFileWords(f: FileWords): boolean {
  if (f.starts.length !== f.terms.length + 1 || f.starts[0] !== 0 || f.starts[f.terms.length] !== f.postings.length) return false;
  if (new Set(f.terms).size !== f.terms.length) return false;
  for (let j = 0; j < f.terms.length; j++) {
    if (f.starts[j + 1]! < f.starts[j]!) return false;
    let prev = -1;
    for (let p = f.starts[j]!; p < f.starts[j + 1]!; p++) {
      const local = postingOrdinal(f.postings[p]!);
      const cls = postingClass(f.postings[p]!);
      if (local <= prev || local >= f.count || cls < 1 || cls > MAX_CLASS) return false;
      prev = local;
    }
  }
  return true;
}

/** Merges files' words; null when some are not what fileWords makes. */
export function mergeWords(files: readonly FileWords[]): MergedWords | null {
  const merger = new WordsMerger();
  return files.every((f) => merger.add(f)) ? merger.finish() : null;
}

/** The index of merged words, in memory. */
export function memoryWords(m: MergedWords): Words {
  const find = (term: string) => sortedIndexOf(m.terms, term);
  return {
    count: m.count,
    common: m.common,
    df: (t) => {
      const i = find(t);
      return i < 0 ? 0 : m.starts[i + 1]! - m.starts[i]!;
    },
    postings: (t) => {
      const i = find(t);
      return i < 0 ? new Uint32Array(0) : m.postings.subarray(m.starts[i]!, m.starts[i + 1]!);
    },
  };
}

function sortedIndexOf(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareStrings(terms[mid]!, term);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// In the cache: <cache dir>/check/<content hash>.zgc per file, and <cache dir>/check/index.zgc.

const INDEX = 'index.zgc';

const W_HEAD = 0;
const W_TERMS = 1;
const W_STARTS = 2;
const W_POSTINGS = 3;
const W_SECTIONS = 4;

function fileWordsSections(w: FileWords, hash: string): Buffer[] {
  const sections: Buffer[] = [];
  sections[W_HEAD] = jsonSection({ hash, count: w.count, termCount: w.terms.length, subjects: w.subjects });
  sections[W_TERMS] = Buffer.from(w.terms.join('\n'), 'utf8');
  sections[W_STARTS] = u32Section(w.starts);
  sections[W_POSTINGS] = u32Section(w.postings);
  return sections;
}

const isInt = (n: unknown, max = 0xffffffff): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

/** A file's words as stored, or null when missing or failing a check (WordsMerger.add checks the postings). */
function readFileWords(file: string, hash: string): FileWords | null {
  const f = CacheFile.open(file, KIND_CHECK_WORDS);
  if (!f) return null;
  try {
    if (f.sectionCount !== W_SECTIONS) return null;
    const head = f.json(W_HEAD) as { hash?: unknown; count?: unknown; termCount?: unknown; subjects?: unknown } | null;
    if (!head || head.hash !== hash || !isInt(head.count, MAX_FACTS) || !isInt(head.termCount) || !Array.isArray(head.subjects)) return null;
    for (const s of head.subjects as unknown[]) {
      if (!Array.isArray(s) || s.length !== 3 || typeof s[0] !== 'string' || !isInt(s[1], head.count) || s[1] === 0 || typeof s[2] !== 'string') return null;
    }
    const text = f.section(W_TERMS);
    const terms = text === null ? null : head.termCount === 0 ? [] : text.toString('utf8').split('\n');
    const starts = readU32(f.section(W_STARTS), head.termCount + 1);
    const postings = readU32(f.section(W_POSTINGS));
    if (!terms || terms.length !== head.termCount || terms.some((t) => !t) || !starts || !postings) return null;
    return { count: head.count, terms, starts, postings, subjects: head.subjects as FileWords['subjects'] };
  } finally {
    f.close();
  }
}

const I_META = 0;
const I_TERMS = 1;
const I_TABLE = 2;
const I_POSTINGS = 3;
const I_SECTIONS = 4;

interface IndexMeta {
  dir: string;
  files: [string, string][];
  count: number;
  termCount: number;
  common: string | null;
}

/** The merged index's sections: its terms, a row per term (offset, length, checksum, df), and each term's postings as varints. */
function indexSections(meta: Omit<IndexMeta, 'count' | 'termCount' | 'common'>, m: MergedWords): Buffer[] {
  const table = new Uint32Array(m.terms.length * 4);
  const lists: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < m.terms.length; i++) {
    const bytes = encodePostings(m.postings.subarray(m.starts[i]!, m.starts[i + 1]!));
    table.set([at, bytes.length, checksum(bytes), m.starts[i + 1]! - m.starts[i]!], i * 4);
    lists.push(bytes);
    at += bytes.length;
  }
  const sections: Buffer[] = [];
  sections[I_META] = jsonSection({ ...meta, count: m.count, termCount: m.terms.length, common: m.common });
  sections[I_TERMS] = Buffer.from(m.terms.join('\n'), 'utf8');
  sections[I_TABLE] = u32Section(table);
  sections[I_POSTINGS] = Buffer.concat(lists);
  return sections;
}

/** Postings as LEB128 numbers: the gap to the ordinal before (less one) times 8, plus the class. */
function encodePostings(list: ArrayLike<number>): Buffer {
  const out = Buffer.allocUnsafe(list.length * 5);
  let n = 0;
  let prev = -1;
  for (let k = 0; k < list.length; k++) {
    const o = postingOrdinal(list[k]!);
    let v = (o - prev - 1) * 8 + postingClass(list[k]!);
    prev = o;
    while (v >= 0x80) {
      out[n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    out[n++] = v;
  }
  return out.subarray(0, n);
}

/** Decodes df postings below count; null when the bytes hold anything else. */
function decodePostings(b: Uint8Array, df: number, count: number): Uint32Array | null {
  const out = new Uint32Array(df);
  let prev = -1;
  let i = 0;
  for (let k = 0; k < df; k++) {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (i >= b.length || scale > 2 ** 35) return null;
      const byte = b[i++]!;
      v += (byte & 0x7f) * scale;
      scale *= 0x80;
      if (byte < 0x80) break;
    }
    const cls = v % 8;
    const o = prev + 1 + Math.floor(v / 8);
    if (cls < 1 || cls > MAX_CLASS || o >= count) return null;
    out[k] = packPosting(o, cls);
    prev = o;
  }
  return i === b.length ? out : null;
}

function readIndexMeta(f: CacheFile): IndexMeta | null {
  if (f.sectionCount !== I_SECTIONS) return null;
  const m = f.json(I_META) as Partial<IndexMeta> | null;
  if (!m || typeof m !== 'object' || typeof m.dir !== 'string' || !Array.isArray(m.files) || !isInt(m.count, MAX_FACTS - 1) || !isInt(m.termCount)) return null;
  if (m.common !== null && typeof m.common !== 'string') return null;
  for (const x of m.files) if (!Array.isArray(x) || x.length !== 2 || typeof x[0] !== 'string' || typeof x[1] !== 'string') return null;
  return m as IndexMeta;
}

/** The merged index read from its file a term at a time; a term that fails its checks drops the file and stops the run. */
function diskWords(f: CacheFile, meta: IndexMeta, drop: () => void): Words | null {
  const text = f.section(I_TERMS);
  const terms = text === null ? null : meta.termCount === 0 ? [] : text.toString('utf8').split('\n');
  const table = readU32(f.section(I_TABLE), meta.termCount * 4);
  if (!terms || terms.length !== meta.termCount || !table) return null;
  for (let i = 1; i < terms.length; i++) if (compareStrings(terms[i - 1]!, terms[i]!) >= 0) return null;
  for (let i = 0; i < terms.length; i++) if (table[4 * i + 3]! > meta.count || table[4 * i + 3] === 0) return null;
  const lists = new Map<number, Uint32Array>();
  const broken = (): never => {
    drop();
    throw new CacheReadError();
  };
  return {
    count: meta.count,
    common: meta.common,
    df: (t) => {
      const i = sortedIndexOf(terms, t);
      return i < 0 ? 0 : table[4 * i + 3]!;
    },
    postings: (t) => {
      const i = sortedIndexOf(terms, t);
      if (i < 0) return new Uint32Array(0);
      let list = lists.get(i);
      if (!list) {
        const bytes = f.range(I_POSTINGS, table[4 * i]!, table[4 * i + 1]!);
        if (!bytes || checksum(bytes) !== table[4 * i + 2]) broken();
        list = decodePostings(bytes!, table[4 * i + 3]!, meta.count) ?? broken();
        lists.set(i, list);
      }
      return list;
    },
  };
}

const sameFiles = (a: readonly (readonly [string, string])[], b: readonly (readonly [string, string])[]) =>
  a.length === b.length && a.every(([rel, hash], i) => rel === b[i]![0] && hash === b[i]![1]);

/**
 * The word index of a cached catalog: read from the cache when it was made
 * from the catalog's very files, else made (from each file's stored words, or
 * from its facts) and stored. Null when the files' facts are not numbered as
 * the catalog numbers them (an id twice): the index is then built in memory.
 */
export function storedWords(catalog: DiskCatalog, terms: Terms, vocabularyKey: string): Words | null {
  const dir = path.join(catalog.cacheDir, CHECK_WORDS);
  const indexFile = path.join(dir, INDEX);
  // A file's words depend on its content and on the directory's vocabulary: both name them.
  const files = catalog.contents.map(([rel, hash]) => [rel, vocabularyKey ? `${hash}-${vocabularyKey.slice(0, 16)}` : hash] as const);
  const open = (): Words | null => {
    const f = CacheFile.open(indexFile, KIND_CHECK_INDEX);
    const meta = f && readIndexMeta(f);
    const words = f && meta && meta.dir === catalog.dir && meta.count === catalog.factCount && sameFiles(meta.files, files) ? diskWords(f, meta, () => drop(indexFile)) : null;
    if (!words) f?.close();
    return words;
  };
  const stored = open();
  if (stored) return stored;

  // Each file's words as stored, else (missing, or not what fileWords makes) from its facts.
  const merge = (useStored: boolean): MergedWords | null => {
    const merger = new WordsMerger();
    for (let i = 0; i < files.length; i++) {
      const hash = files[i]![1];
      const file = path.join(dir, hash + '.zgc');
      const kept = useStored ? readFileWords(file, hash) : null;
      if (kept && merger.add(kept)) continue;
      const made = fileWords(catalog.factsOfFile(i), terms);
      writeContainer(file, KIND_CHECK_WORDS, fileWordsSections(made, hash));
      if (!merger.add(made)) return null;
    }
    const merged = merger.finish();
    // Numbered as the catalog numbers its facts only when no id is there twice (a base with errors is never checked).
    return merged.count === catalog.factCount ? merged : null;
  };
  // Stored words that add up to another count than the catalog's are made again from the facts, all of them.
  const merged = merge(true) ?? merge(false);
  if (!merged) return null;
  if (writeContainer(indexFile, KIND_CHECK_INDEX, indexSections({ dir: catalog.dir, files: files.map(([rel, hash]) => [rel, hash]) }, merged))) {
    collectGarbage(dir, new Set([INDEX, ...files.map(([, hash]) => hash + '.zgc')]));
    const reread = open();
    if (reread) return reread;
  }
  return memoryWords(merged);
}

function drop(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: the next run rebuilds it either way.
  }
}
