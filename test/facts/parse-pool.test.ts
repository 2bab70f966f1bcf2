/**
 * Parsing on worker threads (src/facts/parse-pool.ts). The workers run the
 * built bundle, so these tests give them dist/zgc.cjs, as bin/zgc does.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInWorkers, type ParseJob } from '../../src/facts/parse-pool.js';
import { loadParseTools, parseFactFile } from '../../src/facts/parse.js';
import { summarize } from '../../src/facts/codec.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';
import { spawnZgc } from '../helpers/spawn.js';
import { FIXTURE_FACTS } from '../helpers/io.js';

const BUNDLE = path.resolve(__dirname, '../../dist/zgc.cjs');

/** n made-up facts citing src-a, each with a long statement so that a few thousand make megabytes. */
function facts(prefix: string, n: number, filler = 0): string {
  const pad = 'and more words about it '.repeat(filler);
  return Array.from({ length: n }, (_, i) => `  - id: ${prefix}-${i}\n    title: Made-up fact ${prefix} ${i}\n    statement: Something was counted ${i} times, ${pad}in ${prefix}.\n    value: ${i}\n    unit: count\n    sources:\n      - source: src-a\n        quote: "It was counted ${i} times."\n`).join('');
}

function jobsFor(dir: string, names: string[], cache: string): ParseJob[] {
  return names.map((name, i) => ({ shown: name, bytes: readFileSync(path.join(dir, name)), hash: i.toString(16).padStart(64, '0'), shardPath: path.join(cache, `${i}.zgc`) }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('parseInWorkers', () => {
  it("hands back each file's summary as the loader makes it, problems included, and writes its shard", async () => {
    const names = ['a.yaml', 'b.yaml', 'c.yaml'];
    const dir = factsDirWith({
      'a.yaml': `${SOURCE_YAML}facts:\n${facts('a', 20)}`,
      'b.yaml': `facts:\n${facts('b', 5)}  - id: b-bad\n    title: A bad one\n    statement: x\n    value: twelve\n    sources:\n      - source: src-a\n`,
      'c.yaml': 'facts: [\n',
    });
    const jobs = jobsFor(dir, names, tempDir());
    const done = await parseInWorkers(jobs, 2, BUNDLE);
    const tools = await loadParseTools();
    jobs.forEach((job, i) => {
      expect(done[i]).toEqual({ summary: summarize(parseFactFile(job.bytes, job.shown, tools)), stored: true });
      expect(existsSync(job.shardPath)).toBe(true);
    });
    expect(done[1]!.summary.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/"value" must be a number/));
    expect(done[2]!.summary.problems).toHaveLength(1);
  });

  it('gives null for every job when its workers cannot run, so that the loader parses those files itself', async () => {
    const dir = factsDirWith({ 'a.yaml': `${SOURCE_YAML}facts:\n${facts('a', 3)}`, 'b.yaml': `facts:\n${facts('b', 3)}` });
    const broken = path.join(tempDir(), 'broken.cjs');
    writeFileSync(broken, 'throw new Error("this worker cannot start");\n');
    const cache = tempDir();
    const jobs = jobsFor(dir, ['a.yaml', 'b.yaml'], cache);
    expect(await parseInWorkers(jobs, 2, broken)).toEqual([null, null]);
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('a first run over more than a megabyte of facts (parsed on worker threads)', () => {
  // Three files, about 1.5 MB in all: over the threshold at which the bundle starts workers.
  const big = () =>
    factsDirWith({
      'sources.yaml': SOURCE_YAML,
      'one.yaml': `facts:\n${facts('one', 900, 20)}`,
      'two.yaml': `facts:\n${facts('two', 900, 20)}`,
      'three.yaml': `facts:\n${facts('three', 900, 20)}`,
    });

  it('prints what --no-cache prints, cold and warm, and caches every file', () => {
    const dir = big();
    const size = filesUnder(dir).reduce((n, f) => n + readFileSync(f).length, 0);
    expect(size).toBeGreaterThan(1 << 20);
    const cacheHome = tempDir();
    const uncached = spawnZgc(['--no-cache', 'list', '--facts', dir, '--format', 'tsv']);
    expect(uncached.code).toBe(0);
    expect(uncached.stdout.split('\n')).toHaveLength(2702); // a header, 2,700 facts, and the empty string after the last newline
    for (let i = 0; i < 2; i++) expect(spawnZgc(['list', '--facts', dir, '--format', 'tsv'], { env: { XDG_CACHE_HOME: cacheHome } })).toEqual(uncached);
    expect(filesUnder(cacheHome).filter((f) => path.basename(path.dirname(f)) === 'shards')).toHaveLength(4);
  });

  it('reports an error in a file a worker parsed at its line and column, as --no-cache does', () => {
    const dir = big();
    writeFileSync(path.join(dir, 'two.yaml'), readFileSync(path.join(dir, 'two.yaml'), 'utf8').replace('value: 17\n', 'value: seventeen\n'));
    const uncached = spawnZgc(['--no-cache', 'stat', 'one-1', '--facts', dir]);
    expect(uncached.code).toBe(2);
    expect(uncached.stderr).toMatch(/two\.yaml:\d+:\d+: "value" must be a number/);
    expect(spawnZgc(['stat', 'one-1', '--facts', dir], { env: { XDG_CACHE_HOME: tempDir() } })).toEqual(uncached);
  });

  it('runs as the CLI when ZGC_PARSE_WORKER is set by hand, outside a worker', () => {
    const r = spawnZgc(['stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS, '--field', 'display'], { env: { ZGC_PARSE_WORKER: '1' } });
    expect(r).toMatchObject({ code: 0, stdout: '52,000 visitors\n', stderr: '' });
  });
});
