/**
 * The catalog of a facts directory: which facts and sources it holds (first
 * occurrence of an id wins), where each one is, the problems of the whole
 * directory, the words that find each fact. It is built from per-file
 * summaries, so that after one file changes only that file is parsed again.
 *
 * A catalog lives in memory (zgc --no-cache, or when the cache cannot be
 * written) or in a cache file read piece by piece: `zgc stat <id>` reads one
 * bucket of ids and one record, not the directory.
 */
import { ZgcError, type Problem } from '../errors.js';
import type { Fact, FactBase, Source } from './types.js';
import type { ParsedFile } from './parse.js';
import { decodeFact, decodeSource, decodeSummary, encodeFact, encodeSource, encodeSummary, summarize, summaryProblems, type FileSummary } from './codec.js';
import { CacheFile, checksum, hash32, jsonSection, KIND_SHARD, readU32, u32Section } from './cache.js';
import { compareStrings, factKeys, sortedOrder, memoryTermIndex, packedClass, posting, postingClass, postingOrdinal, vocabularyLayout, type TermIndex, type VocabularyLayout } from '../search/terms.js';

/** A problem with its file as an index into the catalog's files. */
export interface StoredProblem {
  file: number;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
  /** For a duplicate id: where the id first appears; shown as "(first at FILE:LINE:COL)". */
  first?: [file: number, line: number, col: number];
}

/**
 * What the whole directory yields, computed from the files' summaries alone.
 * Ordinals number the accepted facts (and sources) in file order, each id's
 * first occurrence only, so that the files' own word indexes merge by
 * appending: no list needs sorting.
 */
export interface Tables {
  problems: StoredProblem[];
  factIds: string[];
  factFile: Int32Array;
  factLocal: Int32Array;
  sourceIds: string[];
  sourceFile: Int32Array;
  sourceLocal: Int32Array;
  /** Each fact's place in id order: ties in ranking go to the lower id, wherever the facts are kept. */
  idRank: Uint32Array;
  /** The keys (normalized id, title, aliases) of the fact with this ordinal. */
  keysOf(ordinal: number): readonly string[];
  /** The words of all facts: sorted, and the postings of terms[i] from offsets[i] to offsets[i + 1]. */
  terms: { count: number; terms: string[]; offsets: Uint32Array; postings: Uint32Array };
}

/**
 * The whole-directory checks (an id used twice, a citation of an unknown
 * source) and the tables of accepted facts, in the order the problems are
 * reported: each file's own problems, then duplicate sources, then facts.
 */
export function buildTables(summaries: readonly FileSummary[]): Tables {
  const problems: StoredProblem[] = [];
  summaries.forEach((s, file) => {
    for (const p of s.problems) problems.push({ file, ...p });
  });
  const sourceAt = new Map<string, [number, number, number]>();
  const sourceIds: string[] = [];
  const sourceFile: number[] = [];
  const sourceLocal: number[] = [];
  summaries.forEach((s, file) =>
    s.sourceIds.forEach((id, local) => {
      const [line, col] = [s.sourcePos[2 * local]!, s.sourcePos[2 * local + 1]!];
      const prior = sourceAt.get(id);
      if (prior) {
        problems.push({ file, line, col, severity: 'error', message: `duplicate source id "${id}"`, first: prior });
        return;
      }
      sourceAt.set(id, [file, line, col]);
      sourceIds.push(id);
      sourceFile.push(file);
      sourceLocal.push(local);
    }),
  );
  const factAt = new Map<string, [number, number, number]>();
  const factIds: string[] = [];
  const factFile: number[] = [];
  const factLocal: number[] = [];
  // Per file: the ordinal of each of its facts, -1 for an id seen before.
  const ordinalOf = summaries.map((s) => new Int32Array(s.factIds.length).fill(-1));
  summaries.forEach((s, file) =>
    s.factIds.forEach((id, local) => {
      const [line, col] = [s.factPos[2 * local]!, s.factPos[2 * local + 1]!];
      const prior = factAt.get(id);
      if (prior) {
        problems.push({ file, line, col, severity: 'error', message: `duplicate fact id "${id}"`, first: prior });
        return;
      }
      for (let c = s.citeStart[local]!; c < s.citeStart[local + 1]!; c++) {
        const source = s.citeIds[c]!;
        if (!sourceAt.has(source)) problems.push({ file, line: s.citePos[2 * c]!, col: s.citePos[2 * c + 1]!, severity: 'error', message: `fact "${id}" cites unknown source "${source}"` });
      }
      factAt.set(id, [file, line, col]);
      ordinalOf[file]![local] = factIds.length;
      factIds.push(id);
      factFile.push(file);
      factLocal.push(local);
    }),
  );
  return {
    problems,
    factIds,
    factFile: Int32Array.from(factFile),
    factLocal: Int32Array.from(factLocal),
    sourceIds,
    sourceFile: Int32Array.from(sourceFile),
    sourceLocal: Int32Array.from(sourceLocal),
    idRank: idRanks(factIds),
    keysOf: (o) => {
      const s = summaries[factFile[o]!]!;
      const local = factLocal[o]!;
      return s.keys.slice(s.keyStart[local]!, s.keyStart[local + 1]!);
    },
    terms: mergeWords(summaries, ordinalOf, factIds.length),
  };
}

function idRanks(ids: readonly string[]): Uint32Array {
  const rank = new Uint32Array(ids.length);
  sortedOrder(ids).forEach((o, r) => (rank[o] = r));
  return rank;
}

/** Merges the files' word indexes into one, renumbering local fact indexes as ordinals. */
function mergeWords(summaries: readonly FileSummary[], ordinalOf: readonly Int32Array[], count: number): Tables['terms'] {
  const index = new Map<string, number>();
  const words: string[] = [];
  const globalOf = summaries.map((s) => {
    const g = new Int32Array(s.vocab.length);
    s.vocab.forEach((w, l) => {
      let i = index.get(w);
      if (i === undefined) {
        index.set(w, (i = words.length));
        words.push(w);
      }
      g[l] = i;
    });
    return g;
  });
  // Sorted vocabulary: rank[i] is the sorted place of words[i].
  const sorted = sortedOrder(words);
  const rank = new Int32Array(words.length);
  sorted.forEach((i, r) => (rank[i] = r));
  const sizes = new Uint32Array(words.length + 1);
  summaries.forEach((s, file) => {
    const ords = ordinalOf[file]!;
    const g = globalOf[file]!;
    for (let l = 0; l < s.vocab.length; l++) {
      let n = 0;
      for (let k = s.postingStart[l]!; k < s.postingStart[l + 1]!; k++) if (ords[s.postings[k]! >>> 2]! >= 0) n++;
      sizes[rank[g[l]!]! + 1]! += n;
    }
  });
  for (let r = 1; r < sizes.length; r++) sizes[r]! += sizes[r - 1]!;
  const offsets = sizes;
  const postings = new Uint32Array(offsets[words.length]!);
  const cursor = offsets.slice(0, words.length);
  summaries.forEach((s, file) => {
    const ords = ordinalOf[file]!;
    const g = globalOf[file]!;
    for (let l = 0; l < s.vocab.length; l++) {
      const r = rank[g[l]!]!;
      for (let k = s.postingStart[l]!; k < s.postingStart[l + 1]!; k++) {
        const p = s.postings[k]!;
        const o = ords[p >>> 2]!;
        if (o >= 0) postings[cursor[r]!++] = posting(o, p & 3);
      }
    }
  });
  // A word held only by facts that lost to an earlier id is dropped.
  const terms: string[] = [];
  const kept: number[] = [0];
  const keptPostings = new Uint32Array(postings.length);
  let at = 0;
  sorted.forEach((i, r) => {
    const from = offsets[r]!;
    const to = offsets[r + 1]!;
    if (to === from) return;
    terms.push(words[i]!);
    keptPostings.set(postings.subarray(from, to), at);
    at += to - from;
    kept.push(at);
  });
  return { count, terms, offsets: Uint32Array.from(kept), postings: keptPostings };
}

/** The term index of merged tables, in memory. */
function tablesTermIndex(t: Tables['terms']): TermIndex {
  return { count: t.count, terms: t.terms, df: (i) => t.offsets[i + 1]! - t.offsets[i]!, postings: (i) => t.postings.subarray(t.offsets[i]!, t.offsets[i + 1]!) };
}

const byId = (a: { id: string }, b: { id: string }) => compareStrings(a.id, b.id);

/** A directory's facts as the commands read them, wherever they are kept. */
export interface Catalog {
  dir: string;
  /** Files as the user sees them (relative to the working directory where possible). */
  files: string[];
  problems: Problem[];
  factCount: number;
  factOrdinal(id: string): number;
  fact(ordinal: number): Fact;
  sourceOrdinal(id: string): number;
  source(ordinal: number): Source;
  keyOrdinals(key: string): readonly number[];
  termIndex(): TermIndex;
  /** The fact's place in id order. */
  tieRank(ordinal: number): number;
  /** The fact's keys: its id, title and aliases, normalized (factKeys). */
  keysOf(ordinal: number): readonly string[];
  allFacts(): Fact[];
  allSources(): Source[];
}

export function formatProblems(stored: readonly StoredProblem[], fileName: (i: number) => string): Problem[] {
  return stored.map((p) => ({
    file: fileName(p.file),
    line: p.line,
    col: p.col,
    severity: p.severity,
    message: p.first ? `${p.message} (first at ${fileName(p.first[0])}:${p.first[1]}:${p.first[2]})` : p.message,
  }));
}

/** The catalog of files parsed in this run, all in memory. */
export function memoryCatalog(dir: string, parsed: readonly ParsedFile[], summaries: readonly FileSummary[] = parsed.map(summarize)): Catalog {
  const t = buildTables(summaries);
  const files = parsed.map((p) => p.file);
  const facts = t.factIds.map((_, o) => parsed[t.factFile[o]!]!.facts[t.factLocal[o]!]!);
  const sources = t.sourceIds.map((_, o) => parsed[t.sourceFile[o]!]!.sources[t.sourceLocal[o]!]!);
  const factIndex = new Map(t.factIds.map((id, i) => [id, i]));
  const sourceIndex = new Map(t.sourceIds.map((id, i) => [id, i]));
  let keys: Map<string, number[]> | null = null;
  let terms: TermIndex | null = null;
  return {
    dir,
    files,
    problems: formatProblems(t.problems, (i) => files[i]!),
    factCount: facts.length,
    factOrdinal: (id) => factIndex.get(id) ?? -1,
    fact: (o) => facts[o]!,
    sourceOrdinal: (id) => sourceIndex.get(id) ?? -1,
    source: (o) => sources[o]!,
    keyOrdinals: (k) => (keys ??= keyMap(facts.length, t.keysOf)).get(k) ?? [],
    termIndex: () => (terms ??= tablesTermIndex(t.terms)),
    tieRank: (o) => t.idRank[o]!,
    keysOf: t.keysOf,
    allFacts: () => [...facts].sort(byId),
    allSources: () => [...sources].sort(byId),
  };
}

function keyMap(count: number, keysOf: (o: number) => readonly string[]): Map<string, number[]> {
  const keys = new Map<string, number[]>();
  for (let o = 0; o < count; o++) {
    for (const k of keysOf(o)) {
      const list = keys.get(k);
      if (list) list.push(o);
      else keys.set(k, [o]);
    }
  }
  return keys;
}

const catalogs = new WeakMap<object, Catalog>();

/** The catalog behind a base; a base made some other way gets one built from its facts. */
export function catalogOf(base: FactBase): Catalog {
  let c = catalogs.get(base);
  if (!c) catalogs.set(base, (c = factsCatalog(base.dir, base.files, base.facts, () => base.sources)));
  return c;
}

/** A catalog over an array of facts, its ordinals their places in the array; built once per array. */
export function catalogOfFacts(facts: Fact[]): Catalog {
  let c = catalogs.get(facts);
  if (!c) catalogs.set(facts, (c = factsCatalog('', [], facts, () => [])));
  return c;
}

function factsCatalog(dir: string, files: string[], facts: Fact[], sources: () => Source[]): Catalog {
  const index = new Map<string, number>();
  facts.forEach((f, o) => {
    if (!index.has(f.id)) index.set(f.id, o);
  });
  const keys = keyMap(facts.length, (o) => factKeys(facts[o]!));
  let terms: TermIndex | null = null;
  let sourceIndex: Map<string, number> | null = null;
  let ranks: Uint32Array | null = null;
  return {
    dir,
    files,
    problems: [],
    factCount: facts.length,
    factOrdinal: (id) => index.get(id) ?? -1,
    fact: (o) => facts[o]!,
    sourceOrdinal: (id) => (sourceIndex ??= new Map(sources().map((s, i) => [s.id, i]))).get(id) ?? -1,
    source: (o) => sources()[o]!,
    keyOrdinals: (k) => keys.get(k) ?? [],
    termIndex: () => (terms ??= memoryTermIndex(facts)),
    tieRank: (o) => (ranks ??= idRanks(facts.map((f) => f.id)))[o]!,
    keysOf: (o) => factKeys(facts[o]!),
    allFacts: () => facts,
    allSources: sources,
  };
}

/** A FactBase holding every fact in memory, as the catalog of a run without the cache has them. */
export function eagerBase(catalog: Catalog): FactBase {
  const facts = catalog.allFacts();
  const sources = catalog.allSources();
  const base: FactBase = {
    dir: catalog.dir,
    files: catalog.files,
    facts,
    sources,
    factById: new Map(facts.map((f) => [f.id, f])),
    sourceById: new Map(sources.map((s) => [s.id, s])),
  };
  catalogs.set(base, catalog);
  return base;
}

/**
 * A FactBase over a catalog. The maps answer one id by reading one record;
 * asking for every fact (iterating, .facts, .size) reads them all, once.
 */
export function baseOf(catalog: Catalog): FactBase {
  let facts: Fact[] | null = null;
  let sources: Source[] | null = null;
  const base: FactBase = {
    dir: catalog.dir,
    get files() {
      return catalog.files;
    },
    get facts() {
      return (facts ??= catalog.allFacts());
    },
    get sources() {
      return (sources ??= catalog.allSources());
    },
    factById: new LazyMap<Fact>(
      (id) => {
        const o = catalog.factOrdinal(id);
        return o < 0 ? undefined : catalog.fact(o);
      },
      () => base.facts.map((f) => [f.id, f]),
    ),
    sourceById: new LazyMap<Source>(
      (id) => {
        const o = catalog.sourceOrdinal(id);
        return o < 0 ? undefined : catalog.source(o);
      },
      () => base.sources.map((s) => [s.id, s]),
    ),
  };
  catalogs.set(base, catalog);
  return base;
}

/** A Map that finds entries on demand and loads them all only when asked for all. */
class LazyMap<V> extends Map<string, V> {
  private complete = false;
  constructor(
    private readonly find: (key: string) => V | undefined,
    private readonly every: () => [string, V][],
  ) {
    super();
  }
  override get(key: string): V | undefined {
    if (super.has(key) || this.complete) return super.get(key);
    const v = this.find(key);
    if (v !== undefined) super.set(key, v);
    return v;
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  private fill(): void {
    if (this.complete) return;
    for (const [k, v] of this.every()) if (!super.has(k)) super.set(k, v);
    this.complete = true;
  }
  override get size(): number {
    this.fill();
    return super.size;
  }
  override keys(): MapIterator<string> {
    this.fill();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.fill();
    return super.values();
  }
  override entries(): MapIterator<[string, V]> {
    this.fill();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    this.fill();
    return super.entries();
  }
  override forEach(cb: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(cb, thisArg);
  }
}

// ---------------------------------------------------------------------------
// Shards: one per facts file content, named by the content's SHA-256.

const SHARD_HEAD = 0;
const SHARD_SUMMARY = 1;
const SHARD_TEXT = 2;
const SHARD_NUMBERS = 3;
const SHARD_TABLE = 4;
const SHARD_RECORDS = 5;

/**
 * The sections of a shard: a small head (the content hash and the counts),
 * the summary in three sections (read only to rebuild the catalog), a table
 * of (length, checksum) per record, then the records: sources, then facts.
 */
export function shardSections(p: ParsedFile, summary: FileSummary, hash: string): Buffer[] {
  const records = [...p.sources.map(encodeSource), ...p.facts.map(encodeFact)].map((r) => Buffer.from(r, 'utf8'));
  const table: number[] = [];
  for (const r of records) table.push(r.length, checksum(r));
  return [jsonSection({ hash, sources: p.sources.length, facts: p.facts.length }), ...encodeSummary(summary), u32Section(table), Buffer.concat(records)];
}

/** An open shard: its records, read one at a time, and its summary when asked for. */
export class Shard {
  private offsets: number[] | null = null;
  private lengths: number[] = [];
  private sums: number[] = [];
  /** The whole records section, once many records are wanted. */
  private all: Buffer | null = null;

  private constructor(
    private readonly file: CacheFile,
    private readonly sources: number,
    private readonly facts: number,
  ) {}

  /** Opens the shard of the content with this SHA-256, or null when it is missing or fails its checks. */
  static open(file: string, hash: string): Shard | null {
    const f = CacheFile.open(file, KIND_SHARD);
    if (!f) return null;
    if (f.sectionCount !== 6) return fail(f);
    const head = f.json(SHARD_HEAD) as { hash?: unknown; sources?: unknown; facts?: unknown } | null;
    if (!head || head.hash !== hash || !isInt(head.sources) || !isInt(head.facts)) return fail(f);
    return new Shard(f, head.sources, head.facts);
  }

  /** What the catalog needs of the file; null when it fails its checks. */
  summary(): FileSummary | null {
    const s = decodeSummary(this.file.section(SHARD_SUMMARY), this.file.section(SHARD_TEXT), this.file.section(SHARD_NUMBERS));
    return s && s.sourceIds.length === this.sources && s.factIds.length === this.facts ? s : null;
  }

  private table(): boolean {
    if (this.offsets) return true;
    const n = this.sources + this.facts;
    const t = readU32(this.file.section(SHARD_TABLE), n * 2);
    if (!t) return false;
    const offsets: number[] = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
      offsets.push(at);
      this.lengths.push(t[2 * i]!);
      this.sums.push(t[2 * i + 1]!);
      at += t[2 * i]!;
    }
    this.offsets = offsets;
    return true;
  }

  get factCount(): number {
    return this.facts;
  }

  /** Reads every record in one go from now on: for loading a whole file. */
  readAll(): boolean {
    if (!this.table()) return false;
    this.all ??= this.file.section(SHARD_RECORDS);
    return this.all !== null;
  }

  private record(i: number): unknown {
    if (!this.table() || i >= this.offsets!.length) return undefined;
    const at = this.offsets![i]!;
    const b = this.all ? this.all.subarray(at, at + this.lengths[i]!) : this.file.range(SHARD_RECORDS, at, this.lengths[i]!);
    if (!b || b.length !== this.lengths[i] || checksum(b) !== this.sums[i]) return undefined;
    try {
      return JSON.parse(b.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  source(local: number, file: string): Source | null {
    return local < this.sources ? decodeSource(this.record(local), file) : null;
  }

  fact(local: number, file: string): Fact | null {
    return local < this.facts ? decodeFact(this.record(this.sources + local), file) : null;
  }

  /** The file as parsed, rebuilt from the shard; null when any part fails its checks. */
  parsed(file: string): ParsedFile | null {
    const summary = this.summary();
    if (!summary || !this.readAll()) return null;
    const sources: Source[] = [];
    const facts: Fact[] = [];
    for (let i = 0; i < this.sources; i++) {
      const s = this.source(i, file);
      if (!s) return null;
      sources.push(s);
    }
    for (let i = 0; i < this.facts; i++) {
      const f = this.fact(i, file);
      if (!f) return null;
      facts.push(f);
    }
    return { file, sources, facts, problems: summaryProblems(summary, file) };
  }

  close(): void {
    this.file.close();
  }
}

function fail(f: CacheFile): null {
  f.close();
  return null;
}

// ---------------------------------------------------------------------------
// The catalog file.

const IDS_PER_BUCKET = 64;
const S_META = 0;
const S_FACT_BUCKETS = 1;
const S_FACT_IDS = 2;
const S_SOURCE_BUCKETS = 3;
const S_SOURCE_IDS = 4;
const S_KEY_BUCKETS = 5;
const S_KEYS = 6;
const S_FACT_PLACES = 7;
const S_SOURCE_PLACES = 8;
const S_TERMS = 9;
const S_TERM_TABLE = 10;
const S_POSTINGS = 11;
const S_ID_RANK = 12;
const S_FACT_PLACE_SUMS = 13;
const S_SOURCE_PLACE_SUMS = 14;
const S_ID_RANK_SUMS = 15;
const S_TERM_BY_LENGTH = 16;
const S_TERM_LENGTH_START = 17;
const S_TERM_SIGNATURE = 18;
const S_TERM_TABLE_SUMS = 19;
const S_KEY_TEXT = 20;
const S_KEY_TEXT_STARTS = 21;
const S_KEY_TEXT_STARTS_SUMS = 22;
const S_KEY_TEXT_SUMS = 23;
const SECTIONS = 24;
/** Keys by ordinal are checked in runs of this many facts: one fact's keys are a small read. */
const KEY_RUN = 64;
/** Tables by ordinal are read a chunk at a time, each chunk with its own checksum. */
const CHUNK_ROWS = 1024;

export interface CatalogMeta {
  /** The facts directory, resolved. */
  dir: string;
  /** Each file: its path relative to the directory (with "/"), and the SHA-256 of the content catalogued. */
  files: [string, string][];
  problems: StoredProblem[];
  factCount: number;
  sourceCount: number;
  factBuckets: number;
  sourceBuckets: number;
  keyBuckets: number;
  termCount: number;
}

/**
 * Entries spread over buckets by a hash of their key: one bucket is one small
 * read. Each entry is binary: the key's UTF-8 length (u32) and bytes, then
 * its numbers (u32 each); entries keep their order within a bucket.
 */
function bucketed(keys: readonly string[], numbers: readonly Uint32Array[]): { count: number; table: Buffer; data: Buffer } {
  const n = keys.length;
  const count = Math.max(1, Math.ceil(n / IDS_PER_BUCKET));
  const bucketOf = new Uint32Array(n);
  const bytes = new Uint32Array(n);
  const sizes = new Uint32Array(count + 1);
  const fixed = 4 + 4 * numbers.length;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    bucketOf[i] = hash32(k) % count;
    bytes[i] = Buffer.byteLength(k, 'utf8');
    sizes[bucketOf[i]! + 1]! += fixed + bytes[i]!;
  }
  for (let b = 1; b <= count; b++) sizes[b]! += sizes[b - 1]!;
  const data = Buffer.allocUnsafe(sizes[count]!);
  const cursor = sizes.slice(0, count);
  for (let i = 0; i < n; i++) {
    let at = cursor[bucketOf[i]!]!;
    data.writeUInt32LE(bytes[i]!, at);
    at += 4 + data.write(keys[i]!, at + 4, 'utf8');
    for (const column of numbers) {
      data.writeUInt32LE(column[i]!, at);
      at += 4;
    }
    cursor[bucketOf[i]!] = at;
  }
  const table = new Uint32Array(count * 3);
  for (let b = 0; b < count; b++) table.set([sizes[b]!, sizes[b + 1]! - sizes[b]!, checksum(data, sizes[b]!, sizes[b + 1]!)], b * 3);
  return { count, table: u32Section(table), data };
}

/** Words in more than an eighth of the facts are stored dense: then two bits a fact take less room than the postings. */
function isDense(df: number, count: number): boolean {
  return df * 8 > count;
}

function packClasses(list: ArrayLike<number>, count: number): Buffer {
  const b = Buffer.alloc(Math.ceil(count / 4));
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const o = postingOrdinal(p);
    b[o >> 2]! |= postingClass(p) << ((o & 3) * 2);
  }
  return b;
}

/** Ascending numbers as LEB128 gaps (each less one). */
function encodeVarints(values: ArrayLike<number>): Buffer {
  const out = Buffer.allocUnsafe(values.length * 5);
  let n = 0;
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let d = v - prev - 1;
    prev = v;
    while (d >= 0x80) {
      out[n++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    out[n++] = d;
  }
  return out.subarray(0, n);
}

/** The postings of a word stored dense; null when they are not the df the table says. */
function unpackClasses(b: Uint8Array, count: number, df: number): Uint32Array | null {
  const out = new Uint32Array(df);
  let k = 0;
  for (let o = 0; o < count; o++) {
    const cls = packedClass(b, o);
    if (cls === 0) continue;
    if (k === df) return null;
    out[k++] = posting(o, cls);
  }
  return k === df ? out : null;
}

/** Decodes ascending postings; null when the bytes do not hold exactly n of them below the limit. */
function decodeVarints(b: Buffer, n: number, limit: number): Uint32Array | null {
  const out = new Uint32Array(n);
  let prev = -1;
  let i = 0;
  let k = 0;
  while (k < n) {
    let d = 0;
    let scale = 1;
    for (;;) {
      if (i >= b.length || scale > 2 ** 35) return null;
      const byte = b[i++]!;
      d += (byte & 0x7f) * scale;
      scale *= 0x80;
      if (byte < 0x80) break;
    }
    prev = prev + d + 1;
    if (prev >= limit) return null;
    out[k++] = prev;
  }
  return i === b.length ? out : null;
}

export function catalogSections(meta: Omit<CatalogMeta, 'factBuckets' | 'sourceBuckets' | 'keyBuckets' | 'termCount' | 'factCount' | 'sourceCount'>, t: Tables): Buffer[] {
  const factCount = t.factIds.length;
  const ordinals = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
  const factIds = bucketed(t.factIds, [ordinals(factCount), Uint32Array.from(t.factFile), Uint32Array.from(t.factLocal)]);
  const sourceIds = bucketed(t.sourceIds, [ordinals(t.sourceIds.length), Uint32Array.from(t.sourceFile), Uint32Array.from(t.sourceLocal)]);
  const flatKeys: string[] = [];
  const keyOrdinals: number[] = [];
  for (let o = 0; o < factCount; o++) {
    for (const k of t.keysOf(o)) {
      flatKeys.push(k);
      keyOrdinals.push(o);
    }
  }
  const keys = bucketed(flatKeys, [Uint32Array.from(keyOrdinals)]);
  const { terms, offsets, postings: all, count } = t.terms;
  const termTable = new Uint32Array(terms.length * 4);
  const postings: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < terms.length; i++) {
    const list = all.subarray(offsets[i]!, offsets[i + 1]!);
    // A word in many facts is kept as two bits per fact (its class there, 0 where absent): looked up per fact, never scanned.
    const bytes = isDense(list.length, count) ? packClasses(list, count) : encodeVarints(list);
    termTable.set([at, bytes.length, checksum(bytes), list.length], i * 4);
    postings.push(bytes);
    at += bytes.length;
  }
  const places = (file: Int32Array, local: Int32Array) => {
    const out = new Uint32Array(file.length * 2);
    for (let i = 0; i < file.length; i++) {
      out[2 * i] = file[i]!;
      out[2 * i + 1] = local[i]!;
    }
    return u32Section(out);
  };
  const layout = vocabularyLayout(terms);
  const full: CatalogMeta = {
    ...meta,
    factCount,
    sourceCount: t.sourceIds.length,
    factBuckets: factIds.count,
    sourceBuckets: sourceIds.count,
    keyBuckets: keys.count,
    termCount: terms.length,
  };
  const sections: Buffer[] = [];
  sections[S_META] = jsonSection(full);
  sections[S_FACT_BUCKETS] = factIds.table;
  sections[S_FACT_IDS] = factIds.data;
  sections[S_SOURCE_BUCKETS] = sourceIds.table;
  sections[S_SOURCE_IDS] = sourceIds.data;
  sections[S_KEY_BUCKETS] = keys.table;
  sections[S_KEYS] = keys.data;
  sections[S_FACT_PLACES] = places(t.factFile, t.factLocal);
  sections[S_SOURCE_PLACES] = places(t.sourceFile, t.sourceLocal);
  sections[S_FACT_PLACE_SUMS] = chunkSums(sections[S_FACT_PLACES]!, 2);
  sections[S_SOURCE_PLACE_SUMS] = chunkSums(sections[S_SOURCE_PLACES]!, 2);
  sections[S_TERMS] = Buffer.from(terms.join('\n'), 'utf8');
  sections[S_TERM_TABLE] = u32Section(termTable);
  sections[S_TERM_TABLE_SUMS] = chunkSums(sections[S_TERM_TABLE]!, 4);
  // Each fact's keys, one line of tab-separated keys (normalized text holds neither), found by ordinal.
  const keyLines = Array.from({ length: factCount }, (_, o) => Buffer.from(t.keysOf(o).join('\t'), 'utf8'));
  const starts = new Uint32Array(factCount + 1);
  keyLines.forEach((b, o) => (starts[o + 1] = starts[o]! + b.length));
  const keyText = Buffer.concat(keyLines);
  sections[S_KEY_TEXT] = keyText;
  sections[S_KEY_TEXT_STARTS] = u32Section(starts);
  sections[S_KEY_TEXT_STARTS_SUMS] = chunkSums(sections[S_KEY_TEXT_STARTS]!, 1);
  const runSums: number[] = [];
  for (let o = 0; o < factCount; o += KEY_RUN) runSums.push(checksum(keyText, starts[o]!, starts[Math.min(factCount, o + KEY_RUN)]!));
  sections[S_KEY_TEXT_SUMS] = u32Section(runSums);
  sections[S_POSTINGS] = Buffer.concat(postings);
  sections[S_ID_RANK] = u32Section(t.idRank);
  sections[S_ID_RANK_SUMS] = chunkSums(sections[S_ID_RANK]!, 1);
  sections[S_TERM_BY_LENGTH] = u32Section(layout.byLength);
  sections[S_TERM_LENGTH_START] = u32Section(layout.start);
  sections[S_TERM_SIGNATURE] = u32Section(new Uint32Array(layout.signature.buffer, layout.signature.byteOffset, layout.signature.length));
  return sections;
}

/** The checksum of each chunk of CHUNK_ROWS rows (of width numbers) of a table. */
function chunkSums(table: Buffer, width: number): Buffer {
  const bytes = CHUNK_ROWS * width * 4;
  const sums: number[] = [];
  for (let at = 0; at < table.length; at += bytes) sums.push(checksum(table, at, Math.min(table.length, at + bytes)));
  return u32Section(sums);
}

/** A table by ordinal (width numbers a row), read and checked a chunk at a time. */
class ChunkedTable {
  private sums: Uint32Array | null = null;
  private readonly chunks = new Map<number, Uint32Array>();
  constructor(
    private readonly file: CacheFile,
    private readonly section: number,
    private readonly sumSection: number,
    private readonly width: number,
    private readonly rows: number,
  ) {}

  /** Row i's numbers, or null when its chunk fails its checks. */
  row(i: number): Uint32Array | null {
    if (i < 0 || i >= this.rows) return null;
    const c = Math.floor(i / CHUNK_ROWS);
    let chunk = this.chunks.get(c);
    if (!chunk) {
      this.sums ??= readU32(this.file.section(this.sumSection), Math.ceil(this.rows / CHUNK_ROWS));
      if (!this.sums) return null;
      const first = c * CHUNK_ROWS;
      const n = Math.min(CHUNK_ROWS, this.rows - first);
      const bytes = this.file.range(this.section, first * this.width * 4, n * this.width * 4);
      const read = bytes && checksum(bytes) === this.sums[c] ? readU32(bytes, n * this.width) : null;
      if (!read) return null;
      this.chunks.set(c, (chunk = read));
    }
    const at = (i % CHUNK_ROWS) * this.width;
    return chunk.subarray(at, at + this.width);
  }
}

const isInt = (n: unknown, max = 0xffffffff): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
const HEX64 = /^[0-9a-f]{64}$/;

export function readCatalogMeta(f: CacheFile): CatalogMeta | null {
  if (f.sectionCount !== SECTIONS) return null;
  const m = f.json(S_META) as Partial<CatalogMeta> | null;
  if (!m || typeof m !== 'object' || typeof m.dir !== 'string' || !Array.isArray(m.files) || !Array.isArray(m.problems)) return null;
  for (const x of m.files) if (!Array.isArray(x) || x.length !== 2 || typeof x[0] !== 'string' || typeof x[1] !== 'string' || !HEX64.test(x[1])) return null;
  const nFiles = m.files.length;
  for (const p of m.problems as unknown[]) {
    const q = p as Partial<StoredProblem>;
    if (!q || typeof q !== 'object' || !isInt(q.file, nFiles - 1) || !isInt(q.line) || !isInt(q.col) || (q.severity !== 'error' && q.severity !== 'warning') || typeof q.message !== 'string') return null;
    if (q.first !== undefined && !(Array.isArray(q.first) && q.first.length === 3 && isInt(q.first[0], nFiles - 1) && isInt(q.first[1]) && isInt(q.first[2]))) return null;
  }
  if (![m.factCount, m.sourceCount, m.termCount].every((n) => isInt(n, 0x3fffffff)) || ![m.factBuckets, m.sourceBuckets, m.keyBuckets].every((n) => isInt(n) && n > 0)) return null;
  return m as CatalogMeta;
}

/** Reads a catalog file lazily: each question reads only the pieces it needs, and checks them. */
export class DiskCatalog implements Catalog {
  readonly problems: Problem[];
  readonly factCount: number;
  private readonly names: (string | undefined)[] = [];
  private readonly buckets = new Map<string, Buffer | null>();
  private readonly shards = new Map<number, Shard>();
  private readonly factPlaces: ChunkedTable;
  private readonly sourcePlaces: ChunkedTable;
  private readonly idRanks: ChunkedTable;
  private readonly factMemo = new Map<number, Fact>();
  private readonly sourceMemo = new Map<number, Source>();
  private terms: TermIndex | null = null;

  constructor(
    readonly dir: string,
    private readonly file: CacheFile,
    private readonly meta: CatalogMeta,
    /** The name shown to the user of the file at this place in the catalog: worked out only for the files a run names. */
    private readonly shown: (i: number) => string,
    private readonly shardPath: (hash: string) => string,
    /** The directory's cache folder: other indexes of these facts are kept there beside the catalog. */
    readonly cacheDir: string,
  ) {
    this.problems = formatProblems(meta.problems, (i) => this.fileName(i));
    this.factCount = meta.factCount;
    this.factPlaces = new ChunkedTable(file, S_FACT_PLACES, S_FACT_PLACE_SUMS, 2, meta.factCount);
    this.sourcePlaces = new ChunkedTable(file, S_SOURCE_PLACES, S_SOURCE_PLACE_SUMS, 2, meta.sourceCount);
    this.idRanks = new ChunkedTable(file, S_ID_RANK, S_ID_RANK_SUMS, 1, meta.factCount);
  }

  private fileName(i: number): string {
    return (this.names[i] ??= this.shown(i));
  }

  get files(): string[] {
    return this.meta.files.map((_, i) => this.fileName(i));
  }

  /** Each file catalogued, in catalog order: its path in the directory and the SHA-256 of its content. */
  get contents(): readonly (readonly [string, string])[] {
    return this.meta.files;
  }

  /** Set by the loader: drops the damaged cache so that the next attempt rebuilds it. */
  onBroken: (shard?: string) => void = () => {};

  /** A check failed: the damaged files go (the catalog's own, and the shard read when it failed), and the run stops. */
  private broken(shard?: string): never {
    this.onBroken(shard);
    throw new CacheReadError();
  }

  /**
   * The numbers of every entry of a bucketed table whose key is this key, in
   * the order written; the bucket is read and checked whole.
   */
  private lookup(tableSection: number, dataSection: number, buckets: number, key: string, width: number): number[][] {
    const b = hash32(key) % buckets;
    const memoKey = `${tableSection}:${b}`;
    let data = this.buckets.get(memoKey);
    if (data === undefined) {
      const entry = this.file.range(tableSection, b * 12, 12);
      const bytes = entry && this.file.range(dataSection, entry.readUInt32LE(0), entry.readUInt32LE(4));
      data = bytes && checksum(bytes) === entry!.readUInt32LE(8) ? bytes : null;
      this.buckets.set(memoKey, data);
    }
    if (!data) this.broken();
    const want = Buffer.from(key, 'utf8');
    const found: number[][] = [];
    for (let at = 0; at < data.length; ) {
      if (at + 4 > data.length) this.broken();
      const len = data.readUInt32LE(at);
      const end = at + 4 + len + 4 * width;
      if (end > data.length) this.broken();
      if (len === want.length && data.compare(want, 0, len, at + 4, at + 4 + len) === 0) {
        const nums: number[] = [];
        for (let k = 0; k < width; k++) nums.push(data.readUInt32LE(at + 4 + len + 4 * k));
        found.push(nums);
      }
      at = end;
    }
    return found;
  }

  /** An id's [ordinal, file, local], checked against the catalog's bounds. */
  private idEntry(tableSection: number, dataSection: number, buckets: number, id: string, count: number): [number, number, number] | null {
    const e = this.lookup(tableSection, dataSection, buckets, id, 3)[0];
    if (!e) return null;
    const [o, f, l] = e as [number, number, number];
    if (o >= count || f >= this.meta.files.length) this.broken();
    return [o, f, l];
  }

  factOrdinal(id: string): number {
    const e = this.idEntry(S_FACT_BUCKETS, S_FACT_IDS, this.meta.factBuckets, id, this.meta.factCount);
    if (!e) return -1;
    this.placeHint.set(`f${e[0]}`, [e[1], e[2], id]);
    return e[0];
  }

  sourceOrdinal(id: string): number {
    const e = this.idEntry(S_SOURCE_BUCKETS, S_SOURCE_IDS, this.meta.sourceBuckets, id, this.meta.sourceCount);
    if (!e) return -1;
    this.placeHint.set(`s${e[0]}`, [e[1], e[2], id]);
    return e[0];
  }

  /** Places (and ids) learnt from id buckets, so that one lookup need not read the whole table of places. */
  private readonly placeHint = new Map<string, [number, number, string]>();

  private place(kind: 'f' | 's', ordinal: number): [number, number, string?] {
    const hint = this.placeHint.get(kind + ordinal);
    if (hint) return hint;
    const row = (kind === 'f' ? this.factPlaces : this.sourcePlaces).row(ordinal) ?? this.broken();
    return [row[0]!, row[1]!];
  }


  private shardOf(file: number): string {
    return this.shardPath(this.meta.files[file]![1]);
  }

  private shard(file: number): Shard {
    let s = this.shards.get(file);
    if (!s) {
      const entry = this.meta.files[file];
      if (!entry) this.broken();
      s = Shard.open(this.shardPath(entry[1]), entry[1]) ?? this.broken(this.shardPath(entry[1]));
      this.shards.set(file, s);
    }
    return s;
  }

  fact(ordinal: number): Fact {
    const memo = this.factMemo.get(ordinal);
    if (memo) return memo;
    const [file, local, id] = this.place('f', ordinal);
    const f = this.shard(file).fact(local, this.fileName(file)) ?? this.broken(this.shardOf(file));
    if (id !== undefined && f.id !== id) this.broken(this.shardOf(file));
    this.factMemo.set(ordinal, f);
    return f;
  }

  source(ordinal: number): Source {
    const memo = this.sourceMemo.get(ordinal);
    if (memo) return memo;
    const [file, local, id] = this.place('s', ordinal);
    const s = this.shard(file).source(local, this.fileName(file)) ?? this.broken(this.shardOf(file));
    if (id !== undefined && s.id !== id) this.broken(this.shardOf(file));
    this.sourceMemo.set(ordinal, s);
    return s;
  }

  keyOrdinals(key: string): readonly number[] {
    const out = this.lookup(S_KEY_BUCKETS, S_KEYS, this.meta.keyBuckets, key, 1).map((e) => e[0]!);
    for (let i = 0; i < out.length; i++) if (out[i]! >= this.meta.factCount || (i > 0 && out[i]! <= out[i - 1]!)) this.broken();
    return out;
  }

  termIndex(): TermIndex {
    if (this.terms) return this.terms;
    const text = this.file.section(S_TERMS);
    if (!text) this.broken();
    const terms = this.meta.termCount === 0 ? [] : text.toString('utf8').split('\n');
    if (terms.length !== this.meta.termCount) this.broken();
    const count = this.meta.factCount;
    // The table is read by the chunk: a query needs the rows of the few words it matches.
    const rows = new ChunkedTable(this.file, S_TERM_TABLE, S_TERM_TABLE_SUMS, 4, terms.length);
    const row = (i: number) => rows.row(i) ?? this.broken();
    const lists = new Map<number, Uint32Array>();
    const packed = new Map<number, Uint8Array | null>();
    let layout: VocabularyLayout | null = null;
    const bytesOf = (i: number): Buffer => {
      const r = row(i);
      const bytes = this.file.range(S_POSTINGS, r[0]!, r[1]!);
      if (!bytes || checksum(bytes) !== r[2]) this.broken();
      return bytes;
    };
    const classes = (i: number): Uint8Array | null => {
      let c = packed.get(i);
      if (c === undefined) {
        c = null;
        if (isDense(row(i)[3]!, count)) {
          c = bytesOf(i);
          if (c.length !== Math.ceil(count / 4)) this.broken();
        }
        packed.set(i, c);
      }
      return c;
    };
    this.terms = {
      count,
      terms,
      df: (i) => row(i)[3]!,
      postings: (i) => {
        let list = lists.get(i);
        if (!list) {
          const dense = classes(i);
          const df = row(i)[3]!;
          const decoded = dense ? unpackClasses(dense, count, df) : decodeVarints(bytesOf(i), df, count * 4);
          if (!decoded) this.broken();
          lists.set(i, (list = decoded));
        }
        return list;
      },
      classes,
      layout: () => (layout ??= this.layout(terms)),
    };
    return this.terms;
  }

  tieRank(ordinal: number): number {
    return (this.idRanks.row(ordinal) ?? this.broken())[0]!;
  }

  private keyStarts: ChunkedTable | null = null;
  private keyRunSums: Uint32Array | null = null;
  private readonly keyRuns = new Map<number, string[]>();

  keysOf(ordinal: number): readonly string[] {
    if (ordinal < 0 || ordinal >= this.factCount) this.broken();
    const run = Math.floor(ordinal / KEY_RUN);
    let lines = this.keyRuns.get(run);
    if (!lines) {
      this.keyStarts ??= new ChunkedTable(this.file, S_KEY_TEXT_STARTS, S_KEY_TEXT_STARTS_SUMS, 1, this.factCount + 1);
      this.keyRunSums ??= readU32(this.file.section(S_KEY_TEXT_SUMS), Math.ceil(this.factCount / KEY_RUN)) ?? this.broken();
      const first = run * KEY_RUN;
      const last = Math.min(this.factCount, first + KEY_RUN);
      const starts: number[] = [];
      for (let o = first; o <= last; o++) starts.push((this.keyStarts.row(o) ?? this.broken())[0]!);
      const from = starts[0]!;
      if (starts.some((v, i) => i > 0 && v < starts[i - 1]!)) this.broken();
      const bytes = this.file.range(S_KEY_TEXT, from, starts[starts.length - 1]! - from);
      if (!bytes || checksum(bytes) !== this.keyRunSums[run]) this.broken();
      lines = starts.slice(0, -1).map((v, i) => bytes.toString('utf8', v - from, starts[i + 1]! - from));
      this.keyRuns.set(run, lines);
    }
    const line = lines[ordinal % KEY_RUN]!;
    return line ? line.split('\t') : [];
  }

  /** The vocabulary's layout as stored: its checksums, and every index within the vocabulary. */
  private layout(terms: readonly string[]): VocabularyLayout {
    const n = terms.length;
    const byLength = readU32(this.file.section(S_TERM_BY_LENGTH), n);
    const startU = readU32(this.file.section(S_TERM_LENGTH_START));
    const sig = readU32(this.file.section(S_TERM_SIGNATURE), n);
    if (!byLength || !startU || !sig || startU.length < 2 || startU[0] !== 0 || startU[startU.length - 1] !== n) this.broken();
    for (let l = 1; l < startU.length; l++) if (startU[l]! < startU[l - 1]!) this.broken();
    for (let x = 0; x < n; x++) if (byLength[x]! >= n) this.broken();
    const int32 = (a: Uint32Array) => new Int32Array(a.buffer, a.byteOffset, a.length);
    return { byLength: int32(byLength), start: int32(startU), signature: int32(sig) };
  }

  /**
   * Every fact of one file, in the file's order (an id seen in an earlier file
   * included), read in one go and not kept: for building other indexes a file
   * at a time.
   */
  factsOfFile(file: number): Fact[] {
    const entry = this.meta.files[file] ?? this.broken();
    const at = this.shardPath(entry[1]);
    const shard = Shard.open(at, entry[1]) ?? this.broken(at);
    try {
      if (!shard.readAll()) this.broken(at);
      const facts: Fact[] = [];
      for (let local = 0; local < shard.factCount; local++) facts.push(shard.fact(local, this.fileName(file)) ?? this.broken(at));
      return facts;
    } finally {
      shard.close();
    }
  }

  /** Reading everything: each shard's records in one read rather than one read per record. */
  private readAllShards(): void {
    for (let file = 0; file < this.meta.files.length; file++) if (!this.shard(file).readAll()) this.broken(this.shardOf(file));
  }

  allFacts(): Fact[] {
    this.readAllShards();
    const out: Fact[] = [];
    for (let o = 0; o < this.factCount; o++) out.push(this.fact(o));
    return out.sort(byId);
  }

  allSources(): Source[] {
    this.readAllShards();
    const out: Source[] = [];
    for (let o = 0; o < this.meta.sourceCount; o++) out.push(this.source(o));
    return out.sort(byId);
  }
}

/**
 * A cache file that checked out when the run began failed a check later
 * (changed or damaged under a running zgc). The run stops rather than answer
 * from bad data; the loader has already dropped the damaged files, and the
 * CLI runs the command once more if it has printed nothing yet.
 */
export class CacheReadError extends ZgcError {
  constructor() {
    super('the cache changed or was damaged while zgc read it: run the command again, or pass --no-cache');
    this.name = 'CacheReadError';
  }
}
