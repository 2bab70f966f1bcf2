/**
 * Loads a facts directory: every *.yaml file below it, each parsed on its own
 * (or taken from the cache), then the checks that need them all: unique ids
 * across files, references that resolve.
 *
 * The cache (see cache.ts and catalog.ts) keeps, per facts file, what the
 * parser and validator made of its content, and per directory a catalog of
 * ids, problems and words. A file is parsed again only when its content
 * changed; whether it did is judged from its size, times and inode, and from
 * its SHA-256 when those cannot be trusted (git's "racily clean" rule: a file
 * modified within RACY_MS of the moment it was last read is hashed again).
 */
import { readdirSync, statSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Io } from '../io.js';
import { FactsError, type Problem } from '../errors.js';
import type { FactBase } from './types.js';
import { loadParseTools, parseFactFile, type ParsedFile, type ParseTools } from './parse.js';
import { decodeName, describeFsError, fsPath, readRegularFile } from './read.js';
import { MAX_FILE_BYTES } from './yaml-safety.js';

export { describeFsError };
import { cacheDirFor, cacheRoot, CacheFile, unsafeCacheDir, collectGarbage, contentHash, jsonSection, KIND_CATALOG, KIND_MANIFEST, KIND_SHARD, writeContainer } from './cache.js';
import { summarize, type FileSummary } from './codec.js';
import { parseInWorkers, workerCount } from './parse-pool.js';
import { baseOf, buildTables, CacheReadError, catalogSections, DiskCatalog, eagerBase, memoryCatalog, readCatalogMeta, Shard, shardSections, type Catalog } from './catalog.js';

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
  // Paths joined by hand after one path.join: this runs on every lookup, and path.join per entry costs milliseconds at 200 files.
  // Names are read as bytes: one that is not UTF-8 keeps its bytes (read.ts), so it is opened as it is and shadows no other.
  const walk = (d: string) => {
    const prefix = d.endsWith(path.sep) ? d : d + path.sep;
    const entries = readdirSync(fsPath(d), { withFileTypes: true, encoding: 'buffer' })
      .map((e) => ({ e, name: decodeName(e.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { e, name } of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (e.isDirectory()) walk(prefix + name);
      else if (isYamlName(name)) out.push(prefix + name);
    }
  };
  walk(path.join(dir));
  return out;
}

/** *.yaml or *.yml, in any case. */
function isYamlName(name: string): boolean {
  const ext = name.slice(-5).toLowerCase();
  return ext === '.yaml' || (ext.endsWith('.yml') && name.length > 4);
}

/** Reads and parses files, loading the parser only when some file needs it. */
export async function parseFiles(files: string[], displayPath: (f: string) => string): Promise<ParsedFile[]> {
  let tools: ParseTools | null = null;
  const out: ParsedFile[] = [];
  for (const f of files) {
    const shown = displayPath(f);
    const read = readRegularFile(fsPath(f), MAX_FILE_BYTES);
    if ('problem' in read) {
      out.push({ file: shown, sources: [], facts: [], problems: [{ file: shown, line: 0, col: 0, severity: 'error', message: read.problem }] });
      continue;
    }
    tools ??= await loadParseTools();
    out.push(parseFactFile(read.bytes, shown, tools));
  }
  return out;
}

/** Joins parsed files into one base, with the problems only the whole directory shows. */
export function assembleBase(dir: string, parsed: ParsedFile[]): LoadResult {
  const catalog = memoryCatalog(dir, parsed);
  return { base: eagerBase(catalog), problems: catalog.problems };
}

export interface LoadOptions {
  cwd?: string;
  /**
   * The environment to find the cache directory in ($XDG_CACHE_HOME, $HOME):
   * the Io's, never process.env. Without it there is no cache.
   */
  env?: NodeJS.ProcessEnv;
  /** false (--no-cache): parse every file, and neither read nor write the cache. */
  cache?: boolean;
  /** Rebuild the catalog, checking every cached record on the way. */
  verify?: boolean;
  /** Where a note for --debug goes (a cache folder not used, and why). */
  note?: (message: string) => void;
}

/** A run's cache settings, as a command hands them to loadFacts. */
export interface CacheSettings {
  env: NodeJS.ProcessEnv;
  cache: boolean;
  /** Check every cached record before using its file's shard (the run after one failed a check). */
  verify?: boolean;
  /** Where a note for --debug goes. */
  note?: (message: string) => void;
}

/**
 * Runs one command with the cache settings of its run (the Io's environment,
 * --no-cache). If a cache file turns out damaged midway (the loader then
 * drops it) and the command has printed nothing yet, the command runs once
 * more, with stdin replayed, verifying what it reads, and the cache is rebuilt.
 */
export async function runWithCache<T>(io: Io, settings: CacheSettings, run: (io: Io, settings: CacheSettings) => Promise<T>): Promise<T> {
  let printed = false;
  let stdin: Promise<string | null> | null = null;
  let stdinBytes: Promise<Buffer | null> | null = null;
  // Everything else is read through from the run's Io, when asked for.
  const tracked: Io = Object.assign(Object.create(io) as Io, {
    write: (t: string) => {
      printed ||= t.length > 0;
      io.write(t);
    },
    error: (t: string) => {
      printed ||= t.length > 0;
      io.error(t);
    },
    readStdin: () => (stdin ??= io.readStdin()),
    readStdinBytes: (limit: number) => (stdinBytes ??= io.readStdinBytes(limit)),
  });
  try {
    return await run(tracked, settings);
  } catch (err) {
    if (!(err instanceof CacheReadError) || printed) throw err;
    return run(tracked, { ...settings, verify: true });
  }
}

/** Loads and validates a facts directory; throws FactsError (exit 2) listing every error. */
export async function loadFacts(dir: string, options: LoadOptions = {}): Promise<FactBase> {
  const { base, problems } = await loadFactsWithProblems(dir, options);
  if (problems.some((p) => p.severity === 'error')) throw new FactsError(problems);
  return base;
}

let parsedHere = false;

/**
 * Whether this process parsed facts files (itself or on worker threads): bin/zgc
 * keeps V8's compiled code only from runs that did not, whose code is what
 * lookups run.
 */
export function factsFilesParsed(): boolean {
  return parsedHere;
}

export async function loadFactsWithProblems(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const displayPath = (f: string) => {
    const rel = path.relative(cwd, f);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : f;
  };
  const files = listFactFiles(dir);
  const root = options.cache === false || !options.env ? null : cacheRoot(options.env);
  const cacheDir = root === null ? null : cacheDirFor(root, path.resolve(dir));
  // A cache folder others can write is not used at all: its files could be forged, checksums and all.
  const unsafe = cacheDir === null ? null : unsafeCacheDir(cacheDir);
  if (unsafe) options.note?.(unsafe);
  if (cacheDir === null || unsafe) {
    parsedHere = true;
    return assembleBase(dir, await parseFiles(files, displayPath));
  }
  const verify = options.verify ?? false;
  const catalog = await loadCached(path.resolve(dir), files, displayPath, cacheDir, verify);
  return { base: catalog instanceof DiskCatalog ? baseOf(catalog) : eagerBase(catalog), problems: catalog.problems };
}

/**
 * A file modified less than this long before zgc last read it may have
 * changed again since without its size or times showing it (file systems
 * keep times to a second or two, and clocks drift a little): such a file is
 * hashed on every run until it has been left alone for this long.
 */
export const RACY_MS = 3000;

/** What the manifest remembers of one file, to tell without reading it that it has not changed. */
export interface FileState {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** SHA-256 of the content. */
  hash: string;
  /** Date.now() just before the content was last read: times at or after this minus RACY_MS are not trusted. */
  verifiedAt: number;
}

const MANIFEST = 'manifest.zgc';
const CATALOG = 'catalog.zgc';
const SHARDS = 'shards';
/** The folder of zgc check's word index (src/check/align/word-index.ts), beside the catalog it is made from. */
export const CHECK_WORDS = 'check';
const HEX64 = /^[0-9a-f]{64}$/;

function readManifest(file: string, dir: string): Map<string, FileState> {
  const states = new Map<string, FileState>();
  const f = CacheFile.open(file, KIND_MANIFEST);
  if (!f) return states;
  const m = f.sectionCount === 1 ? (f.json(0) as { dir?: unknown; files?: unknown } | null) : null;
  f.close();
  if (!m || m.dir !== dir || !Array.isArray(m.files)) return states;
  for (const e of m.files as unknown[]) {
    if (!Array.isArray(e) || e.length !== 7) return new Map();
    const [rel, size, mtimeMs, ctimeMs, ino, hash, verifiedAt] = e as unknown[];
    if (typeof rel !== 'string' || typeof hash !== 'string' || !HEX64.test(hash) || ![size, mtimeMs, ctimeMs, ino, verifiedAt].every((n) => typeof n === 'number' && Number.isFinite(n))) return new Map();
    states.set(rel, { size: size as number, mtimeMs: mtimeMs as number, ctimeMs: ctimeMs as number, ino: ino as number, hash, verifiedAt: verifiedAt as number });
  }
  return states;
}

function writeManifest(file: string, dir: string, rels: string[], states: (FileState | null)[]): void {
  const files = rels.flatMap((rel, i) => {
    const s = states[i];
    return s ? [[rel, s.size, s.mtimeMs, s.ctimeMs, s.ino, s.hash, s.verifiedAt]] : [];
  });
  writeContainer(file, KIND_MANIFEST, [jsonSection({ dir, files })]);
}

/** Unchanged since it was hashed, as far as the file system can tell, and not racily so. */
export function trusted(st: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>, known: FileState | undefined): boolean {
  return (
    known !== undefined &&
    st.size === known.size &&
    st.mtimeMs === known.mtimeMs &&
    st.ctimeMs === known.ctimeMs &&
    st.ino === known.ino &&
    Math.max(st.mtimeMs, st.ctimeMs) < known.verifiedAt - RACY_MS
  );
}

/** One facts file as this run sees it. */
interface Entry {
  file: string;
  rel: string;
  /** Its name as shown to the user (computed when first needed: most runs name no file). */
  readonly shown: string;
  /** Its state after this run: null when it could not be read. */
  state: FileState | null;
  /** Its bytes, when this run had to read them. */
  bytes?: Buffer;
  /** Its parse, when this run made one. */
  parsed?: ParsedFile;
}

async function loadCached(dir: string, files: string[], displayPath: (f: string) => string, cacheDir: string, verify: boolean): Promise<Catalog> {
  const manifestFile = path.join(cacheDir, MANIFEST);
  const catalogFile = path.join(cacheDir, CATALOG);
  const shardDir = path.join(cacheDir, SHARDS);
  const shardPath = (hash: string) => path.join(shardDir, hash + '.zgc');
  const known = readManifest(manifestFile, dir);
  let manifestChanged = known.size !== files.length;

  const entries: Entry[] = [];
  for (const file of files) {
    const under = file.startsWith(dir) && file[dir.length] === path.sep ? file.slice(dir.length + 1) : path.relative(dir, file);
    const rel = path.sep === '/' ? under : under.split(path.sep).join('/');
    let shown: string | undefined;
    const entry: Entry = {
      file,
      rel,
      get shown() {
        return (shown ??= displayPath(file));
      },
      state: null,
    };
    entries.push(entry);
    const prior = known.get(rel);
    if (!prior) manifestChanged = true;
    const verifiedAt = Date.now();
    let st: Stats;
    try {
      st = statSync(fsPath(file));
    } catch {
      // Unreadable: the parse below reports it, as it does without a cache.
      manifestChanged = true;
      continue;
    }
    if (prior && trusted(st, prior)) {
      entry.state = prior;
      continue;
    }
    // Read as the parse would read it (a regular file, within the limit); its state is that of the descriptor read.
    const read = readRegularFile(fsPath(file), MAX_FILE_BYTES);
    if ('problem' in read) {
      manifestChanged = true;
      continue;
    }
    entry.bytes = read.bytes;
    st = read.stats;
    const hash = await contentHash(entry.bytes);
    entry.state = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hash, verifiedAt };
    // A racy file whose content is as remembered need not be remembered again until it is no longer racy.
    if (!prior || prior.hash !== hash || trusted(st, entry.state)) manifestChanged = true;
    else entry.state = { ...entry.state, verifiedAt: prior.verifiedAt };
  }

  const readable = entries.every((e) => e.state !== null);
  const current = entries.map((e) => [e.rel, e.state?.hash ?? ''] as [string, string]);
  const shown = (i: number) => entries[i]!.shown;

  // The catalog stands when it was made from exactly these files with exactly these contents.
  if (readable && !verify) {
    const cf = CacheFile.open(catalogFile, KIND_CATALOG);
    const meta = cf && readCatalogMeta(cf);
    if (cf && meta && meta.dir === dir && sameFiles(meta.files, current)) {
      if (manifestChanged) writeManifest(manifestFile, dir, entries.map((e) => e.rel), entries.map((e) => e.state));
      const catalog = new DiskCatalog(dir, cf, meta, shown, shardPath, cacheDir);
      catalog.onBroken = (shard) => dropCache(catalogFile, manifestFile, ...(shard ? [shard] : []));
      return catalog;
    }
    cf?.close();
  }

  // Rebuild: each file's summary from its shard, or from parsing it (and writing its shard).
  let tools: ParseTools | null = null;
  const summaries: (FileSummary | null)[] = entries.map(() => null);
  let allStored = readable;
  const unstored: number[] = [];
  for (const [i, e] of entries.entries()) {
    let shard = e.state ? Shard.open(shardPath(e.state.hash), e.state.hash) : null;
    if (!shard && e.state && !e.bytes) {
      // Trusted by its times, but its shard is gone: read it after all.
      const read = readRegularFile(fsPath(e.file), MAX_FILE_BYTES);
      if ('problem' in read) {
        e.state = null;
        allStored = false;
      } else {
        e.bytes = read.bytes;
        e.state = { ...e.state, hash: await contentHash(e.bytes) };
        shard = Shard.open(shardPath(e.state.hash), e.state.hash);
      }
    }
    // Verifying, a shard counts only when every record in it reads back as the parser made it.
    summaries[i] = shard && (!verify || shard.parsed(e.shown)) ? shard.summary() : null;
    shard?.close();
    if (!summaries[i]) unstored.push(i);
  }

  parsedHere ||= unstored.length > 0;
  // Many files to parse (a first run, a new build of zgc): on worker threads, a file at a time each.
  const jobs = unstored.flatMap((i) => {
    const e = entries[i]!;
    return e.bytes && e.state ? [{ i, job: { shown: e.shown, bytes: e.bytes, hash: e.state.hash, shardPath: shardPath(e.state.hash) } }] : [];
  });
  const workers = workerCount(jobs.map((j) => j.job));
  if (workers > 0) {
    const done = await parseInWorkers(jobs.map((j) => j.job), workers);
    done.forEach((d, k) => {
      if (!d) return;
      const e = entries[jobs[k]!.i]!;
      summaries[jobs[k]!.i] = d.summary;
      // Stored, its bytes are no longer needed; not, they are parsed again below to answer from memory.
      if (d.stored) e.bytes = undefined;
      else allStored = false;
    });
  }

  // The rest here: few files, no workers, or a file a worker could not finish.
  for (const i of unstored) {
    if (summaries[i]) continue;
    const e = entries[i]!;
    if (!e.bytes) {
      e.parsed = (await parseFiles([e.file], displayPath))[0]!;
    } else {
      tools ??= await loadParseTools();
      e.parsed = parseFactFile(e.bytes, e.shown, tools);
    }
    const summary = summarize(e.parsed);
    summaries[i] = summary;
    if (e.state && writeContainer(shardPath(e.state.hash), KIND_SHARD, shardSections(e.parsed, summary, e.state.hash))) {
      // Stored: the memory goes, and comes back from the shard should it be needed.
      e.parsed = undefined;
      e.bytes = undefined;
    } else {
      allStored = false;
    }
  }

  const tables = buildTables(summaries as FileSummary[]);
  const files2 = entries.map((e) => [e.rel, e.state?.hash ?? ''] as [string, string]);
  if (allStored && writeContainer(catalogFile, KIND_CATALOG, catalogSections({ dir, files: files2, problems: tables.problems }, tables))) {
    writeManifest(manifestFile, dir, entries.map((e) => e.rel), entries.map((e) => e.state));
    collectGarbage(shardDir, new Set(files2.map(([, h]) => h + '.zgc')));
    collectGarbage(cacheDir, new Set([MANIFEST, CATALOG, SHARDS, CHECK_WORDS]));
    const cf = CacheFile.open(catalogFile, KIND_CATALOG);
    const meta = cf && readCatalogMeta(cf);
    if (cf && meta && sameFiles(meta.files, files2)) {
      const catalog = new DiskCatalog(dir, cf, meta, shown, shardPath, cacheDir);
      catalog.onBroken = (shard) => dropCache(catalogFile, manifestFile, ...(shard ? [shard] : []));
      return catalog;
    }
    cf?.close();
  }

  // The cache cannot hold this directory (unwritable, or a file unreadable): answer from memory.
  const parsed: ParsedFile[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    let p = e.parsed ?? null;
    if (!p && e.state) {
      const shard = Shard.open(shardPath(e.state.hash), e.state.hash);
      p = shard?.parsed(e.shown) ?? null;
      shard?.close();
    }
    if (!p) {
      parsedHere = true;
      tools ??= await loadParseTools();
      p = e.bytes ? parseFactFile(e.bytes, e.shown, tools) : (await parseFiles([e.file], displayPath))[0]!;
    }
    parsed.push(p);
  }
  return memoryCatalog(dir, parsed);
}

function sameFiles(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  return a.length === b.length && a.every(([rel, hash], i) => rel === b[i]![0] && hash === b[i]![1]);
}

/** Forgets the directory's catalog and manifest, so that the next run checks every file and rebuilds. */
function dropCache(...files: string[]): void {
  for (const f of files) {
    try {
      unlinkSync(f);
    } catch {
      // Already gone, or not ours to remove: the next run's checks decide.
    }
  }
}
