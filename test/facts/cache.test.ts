/**
 * The cache is invisible: whatever state it is in (none, fresh, stale,
 * damaged, hostile, unwritable), every command prints what it prints with
 * --no-cache, and an error in a facts file is reported on every run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc, FIXTURE_FACTS, type RunResult } from '../helpers/io.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';
import { BIN } from '../helpers/spawn.js';
import { DAMAGE } from '../helpers/damage.js';
import { cacheRoot, CacheFile, checksum, encodeContainer, KIND_CATALOG, KIND_MANIFEST, KIND_SHARD, writeContainer } from '../../src/facts/cache.js';
import { RACY_MS, trusted, type FileState } from '../../src/facts/load.js';

/** Every command that reads facts, in the formats that show the most. */
const COMMANDS: string[][] = [
  ['stat', 'expo-visitors-2024', '--json'],
  ['stat', 'expo-budget-2024', '--format', 'table'],
  ['stat', 'expo vistors 2O24', '--json'],
  ['stat', 'How many robots?', '--json'],
  ['stat', 'quantum tunnelling in eels', '--json'],
  ['search', 'robot', 'guides', '--json'],
  ['search', 'expo', '--format', 'tsv'],
  ['list', '--format', 'json'],
  ['lint'],
  ['sources', '--json'],
];

async function run(argv: string[], cacheHome: string | null, extra: { cwd?: string; facts?: string; stdin?: string } = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ZGC_FACTS: extra.facts ?? FIXTURE_FACTS, ...(cacheHome ? { XDG_CACHE_HOME: cacheHome } : {}) };
  return runZgc(argv, { env, cwd: extra.cwd, stdin: extra.stdin });
}

/** What every command prints without the cache. */
async function uncached(facts?: string, cwd?: string): Promise<RunResult[]> {
  return Promise.all(COMMANDS.map((c) => run(['--no-cache', ...c], null, { facts, cwd })));
}

async function cached(cacheHome: string, facts?: string, cwd?: string): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for (const c of COMMANDS) out.push(await run(c, cacheHome, { facts, cwd }));
  return out;
}

function cacheFiles(cacheHome: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  if (existsSync(cacheHome)) walk(cacheHome);
  return out.sort();
}

const named = (cacheHome: string, name: string) => cacheFiles(cacheHome).filter((f) => path.basename(f) === name);
const shards = (cacheHome: string) => cacheFiles(cacheHome).filter((f) => path.basename(path.dirname(f)) === 'shards');

describe('the cache', () => {
  it('changes no output: cold, warm and --no-cache print the same for every command', async () => {
    const expected = await uncached();
    expect(expected.map((r) => r.code)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
    const cacheHome = tempDir();
    expect(await cached(cacheHome)).toEqual(expected);
    expect(named(cacheHome, 'catalog.zgc')).toHaveLength(1);
    expect(named(cacheHome, 'manifest.zgc')).toHaveLength(1);
    expect(shards(cacheHome)).toHaveLength(3);
    expect(await cached(cacheHome)).toEqual(expected);
  });

  it('lives under $XDG_CACHE_HOME/zgc, else ~/.cache/zgc, and nowhere without either', () => {
    expect(cacheRoot({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'zgc'));
    expect(cacheRoot({ HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'zgc'));
    expect(cacheRoot({ XDG_CACHE_HOME: 'relative/cache', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'zgc'));
    expect(cacheRoot({})).toBeNull();
  });

  it('writes nothing under --no-cache', async () => {
    const cacheHome = tempDir();
    for (const c of COMMANDS) await run(['--no-cache', ...c], cacheHome);
    await run(['stat', 'expo-visitors-2024', '--no-cache'], cacheHome);
    expect(cacheFiles(cacheHome)).toEqual([]);
  });

  it('keeps one cache per facts directory, and answers from each', async () => {
    const cacheHome = tempDir();
    const other = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12) });
    expect((await run(['stat', 'fact-a', '--field', 'value'], cacheHome, { facts: other })).stdout).toBe('12\n');
    expect((await run(['stat', 'expo-visitors-2024', '--field', 'value'], cacheHome)).stdout).toBe('52000\n');
    expect((await run(['stat', 'fact-a', '--field', 'value'], cacheHome, { facts: other })).stdout).toBe('12\n');
    expect(named(cacheHome, 'catalog.zgc')).toHaveLength(2);
  });

  it('names files as seen from the working directory of each run, not of the run that cached them', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12) + fact('fact-a', 13, false) });
    const cacheHome = tempDir();
    for (const cwd of [dir, path.dirname(dir), '/']) {
      const plain = await run(['--no-cache', 'lint'], null, { facts: dir, cwd });
      const first = await run(['lint'], cacheHome, { facts: dir, cwd });
      expect(first).toEqual(plain);
      expect(first.stdout + first.stderr).toContain('duplicate fact id "fact-a" (first at ');
    }
  });
});

function fact(id: string, value: number, header = true): string {
  return `${header ? 'facts:\n' : ''}  - id: ${id}
    title: A fact called ${id}
    statement: Something happened ${value} times.
    value: ${value}
    unit: count
    sources:
      - source: src-a
        quote: "It happened ${value} times."
`;
}

describe('the cache after the facts change', () => {
  it('sees an edit, an added file and a removed file', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12) });
    const cacheHome = tempDir();
    const value = async () => (await run(['stat', 'fact-a', '--field', 'value'], cacheHome, { facts: dir })).stdout;
    expect(await value()).toBe('12\n');
    writeFileSync(path.join(dir, 'f.yaml'), fact('fact-a', 345));
    expect(await value()).toBe('345\n');
    writeFileSync(path.join(dir, 'g.yaml'), fact('fact-b', 7));
    expect((await run(['stat', 'fact-b', '--field', 'value'], cacheHome, { facts: dir })).stdout).toBe('7\n');
    writeFileSync(path.join(dir, 'g.yaml'), '');
    const emptied = await run(['stat', 'fact-a'], cacheHome, { facts: dir });
    expect(emptied).toEqual(await run(['--no-cache', 'stat', 'fact-a'], null, { facts: dir }));
    expect(emptied.stderr).toMatch(/g\.yaml:1:1: the file is empty/);
    (await import('node:fs')).rmSync(path.join(dir, 'g.yaml'));
    expect(await run(['stat', 'fact-a', '--field', 'value'], cacheHome, { facts: dir })).toEqual({ code: 0, stdout: '345\n', stderr: '' });
  });

  it('sees a same-size edit made in the same second, with the file times put back as they were', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12) });
    const file = path.join(dir, 'f.yaml');
    const cacheHome = tempDir();
    const before = statSync(file);
    expect((await run(['stat', 'fact-a', '--field', 'value'], cacheHome, { facts: dir })).stdout).toBe('12\n');
    writeFileSync(file, fact('fact-a', 34));
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    expect(Math.floor(statSync(file).mtimeMs / 1000)).toBe(Math.floor(before.mtimeMs / 1000));
    expect((await run(['stat', 'fact-a', '--field', 'value'], cacheHome, { facts: dir })).stdout).toBe('34\n');
  });

  it('trusts size, times and inode only for a file left alone for RACY_MS before it was read', () => {
    const st = { size: 100, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 };
    const known = (verifiedAt: number): FileState => ({ ...st, hash: 'a'.repeat(64), verifiedAt });
    // Read in the same second as written: a later same-size write in that second would not show.
    expect(trusted(st, known(st.mtimeMs + 500))).toBe(false);
    expect(trusted(st, known(st.mtimeMs + RACY_MS))).toBe(false);
    expect(trusted(st, known(st.mtimeMs + RACY_MS + 1))).toBe(true);
    const later = known(st.mtimeMs + RACY_MS + 1);
    expect(trusted({ ...st, size: 101 }, later)).toBe(false);
    expect(trusted({ ...st, mtimeMs: st.mtimeMs + 1 }, later)).toBe(false);
    expect(trusted({ ...st, ctimeMs: st.ctimeMs + 1 }, later)).toBe(false);
    expect(trusted({ ...st, ino: 8 }, later)).toBe(false);
    expect(trusted(st, undefined)).toBe(false);
  });

  it('reports an error in a file on every run, cached or not', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12), 'bad.yaml': 'facts:\n  - id: Not An Id\n' });
    const cacheHome = tempDir();
    const plain = await run(['--no-cache', 'stat', 'fact-a'], null, { facts: dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/bad\.yaml:2:/);
    for (let i = 0; i < 3; i++) expect(await run(['stat', 'fact-a'], cacheHome, { facts: dir })).toEqual(plain);
  });

  it('reports a citation of a source removed from another file', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12) });
    const cacheHome = tempDir();
    expect((await run(['stat', 'fact-a'], cacheHome, { facts: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 's.yaml'), SOURCE_YAML.replace('src-a', 'src-b'));
    const r = await run(['stat', 'fact-a'], cacheHome, { facts: dir });
    expect(r).toEqual(await run(['--no-cache', 'stat', 'fact-a'], null, { facts: dir }));
    expect(r.stderr).toContain('cites unknown source "src-a"');
  });
});

describe('a damaged cache', () => {
  for (const target of ['catalog.zgc', 'manifest.zgc', 'shard']) {
    for (const [how, damage] of DAMAGE) {
      it(`is ignored and rebuilt when the ${target} is ${how}`, async () => {
        const expected = await uncached();
        const cacheHome = tempDir();
        await cached(cacheHome);
        const victims = target === 'shard' ? shards(cacheHome) : named(cacheHome, target);
        expect(victims.length).toBeGreaterThan(0);
        for (const f of victims) writeFileSync(f, damage(readFileSync(f)));
        expect(await cached(cacheHome)).toEqual(expected);
        // Rebuilt: every cache file reads as sound again.
        for (const f of cacheFiles(cacheHome)) expect(readFileSync(f).subarray(0, 8).toString('latin1')).toBe('ZGCCACHE');
        expect(await cached(cacheHome)).toEqual(expected);
      });
    }
  }

  it('is ignored when a cache file is a directory, a symbolic link or a FIFO', async () => {
    const expected = await uncached();
    const cacheHome = tempDir();
    await cached(cacheHome);
    const [catalog] = named(cacheHome, 'catalog.zgc');
    const [manifest] = named(cacheHome, 'manifest.zgc');
    const fs = await import('node:fs');
    fs.rmSync(catalog!);
    mkdirSync(catalog!);
    fs.rmSync(manifest!);
    fs.symlinkSync('/dev/zero', manifest!);
    const [shard] = shards(cacheHome);
    fs.rmSync(shard!);
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [shard!]);
    expect(await cached(cacheHome)).toEqual(expected);
  });
});

describe('a hostile cache', () => {
  it('is ignored when its files are well formed but lie', async () => {
    const expected = await uncached();
    const cacheHome = tempDir();
    await cached(cacheHome);
    const [catalog] = named(cacheHome, 'catalog.zgc');
    const [manifest] = named(cacheHome, 'manifest.zgc');
    // A catalog whose head claims more than it holds, with an out-of-range problem.
    const cf = CacheFile.open(catalog!, KIND_CATALOG)!;
    const sections = Array.from({ length: cf.sectionCount }, (_, i) => cf.section(i)!);
    cf.close();
    const meta = JSON.parse(sections[0]!.toString('utf8'));
    writeContainer(catalog!, KIND_CATALOG, [Buffer.from(JSON.stringify({ ...meta, factCount: 10 ** 9, problems: [{ file: 99, line: 1, col: 1, severity: 'error', message: 'x' }] })), ...sections.slice(1)]);
    // A manifest whose entries are not what a manifest holds, with a __proto__ key.
    writeContainer(manifest!, KIND_MANIFEST, [Buffer.from('{"dir": 1, "files": [["__proto__", 1, 2, 3, 4, "zz", 5]], "__proto__": {"polluted": true}}')]);
    expect(await cached(cacheHome)).toEqual(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is ignored when a shard holds records that are not what the parser makes', async () => {
    const expected = await uncached();
    const cacheHome = tempDir();
    await cached(cacheHome);
    for (const f of shards(cacheHome)) {
      const cf = CacheFile.open(f, KIND_SHARD)!;
      const sections = Array.from({ length: cf.sectionCount }, (_, i) => cf.section(i)!);
      cf.close();
      // Every record replaced by one with the right checksum but the wrong shape.
      const table = sections[4]!;
      const records: Buffer[] = [];
      for (let i = 0; i < table.length / 8; i++) {
        const r = Buffer.from(JSON.stringify({ id: 7, __proto__: { x: 1 }, sources: 'none', loc: 'here' }));
        table.writeUInt32LE(r.length, i * 8);
        table.writeUInt32LE(checksum(r), i * 8 + 4);
        records.push(r);
      }
      writeFileSync(f, Buffer.concat(encodeContainer(KIND_SHARD, [...sections.slice(0, 4), table, Buffer.concat(records)])));
    }
    expect(await cached(cacheHome)).toEqual(expected);
  });
});

describe('an unwritable cache', () => {
  it('never fails a command: a file where the cache directory should be', async () => {
    const expected = await uncached();
    const blocker = path.join(tempDir(), 'not-a-directory');
    writeFileSync(blocker, 'x');
    expect(await cached(blocker)).toEqual(expected);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('never fails a command: a cache directory that cannot be created', async () => {
    const expected = await uncached();
    expect(await cached('/dev/null/cache')).toEqual(expected);
  });
});

describe('parallel runs', () => {
  it('never see a partial cache: eight processes at once on a cold cache print the same', async () => {
    const facts = Array.from({ length: 600 }, (_, i) => fact(`fact-${i}`, i, i === 0)).join('');
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'a.yaml': facts, 'b.yaml': facts.replace(/fact-/g, 'other-') });
    const cacheHome = tempDir();
    const runBin = (args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args, '--facts', dir], { env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' } });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('close', (code) => resolve(`${code}\n${out}`));
      });
    const expected = await runBin(['--no-cache', 'stat', 'fact-321', '--json']);
    expect(expected).toMatch(/^0\n/);
    for (let round = 0; round < 2; round++) {
      const outs = await Promise.all(Array.from({ length: 8 }, () => runBin(['stat', 'fact-321', '--json'])));
      for (const o of outs) expect(o).toBe(expected);
    }
  }, 60000);
});

describe('cached records', () => {
  it('come back exactly as parsed, -0 and fields zgc does not know of included', async () => {
    const { encodeFact, decodeFact, encodeSource, decodeSource } = await import('../../src/facts/codec.js');
    const loc = (line: number) => ({ file: 'f.yaml', line, col: 5 });
    const fact = {
      id: 'neg-zero',
      title: 'T',
      statement: 'S',
      value: -0,
      unit: 'count',
      aliases: ['a'],
      tags: [],
      sources: [{ source: 'src-a', quote: 'q', value: -0, loc: loc(3), quoteLoc: loc(4) }],
      loc: loc(2),
      addedLater: { nested: [1, 'x'] },
    };
    const back = decodeFact(JSON.parse(encodeFact(fact as never)), 'f.yaml');
    expect(back).toEqual(fact);
    expect(Object.is(back!.value, -0)).toBe(true);
    expect(Object.is(back!.sources[0]!.value, -0)).toBe(true);
    expect(Object.keys(back!)).toEqual(Object.keys(fact));
    const source = { id: 's', title: 'T', publisher: null, author: [], published: null, kind: 'news', loc: loc(1) };
    expect(decodeSource(JSON.parse(encodeSource(source as never)), 'f.yaml')).toEqual(source);
    expect(decodeFact({ ...JSON.parse(encodeFact(fact as never)), sources: [] }, 'f.yaml')).toBeNull();
    expect(decodeFact({ ...JSON.parse(encodeFact(fact as never)), value: 'many' }, 'f.yaml')).toBeNull();
    expect(decodeSource({ ...JSON.parse(encodeSource(source as never)), kind: 'rumour' }, 'f.yaml')).toBeNull();
  });

  it('print a value of -0 as the parser gives it', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': fact('fact-a', 12).replace('value: 12', 'value: -0') });
    const cacheHome = tempDir();
    const plain = await run(['--no-cache', 'stat', 'fact-a', '--format', 'plain'], null, { facts: dir });
    expect(plain.stdout).toContain('value\t-0\n');
    await run(['stat', 'fact-a'], cacheHome, { facts: dir });
    expect(await run(['stat', 'fact-a', '--format', 'plain'], cacheHome, { facts: dir })).toEqual(plain);
  });
});
