/**
 * Hardening II (issue 15), the loader's part: no hang, no runaway memory or
 * time, names kept as bytes, system errors in zgc's words, a cache others can
 * write never believed. Tests that need a real process (a FIFO blocks the
 * thread that opens it) are in test/cli/hardening2.test.ts.
 */
import { chmodSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactsWithProblems } from '../../src/facts/load.js';
import { formatProblem, MAX_PROBLEM_LINES } from '../../src/errors.js';
import { MAX_VALUES } from '../../src/facts/yaml-safety.js';
import { readRegularFile } from '../../src/facts/read.js';
import { CacheFile, checksum, KIND_SHARD, writeContainer } from '../../src/facts/cache.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';
import { runZgc } from '../helpers/io.js';

const fact = (id: string, title = 'A fact') => `  - id: ${id}
    title: ${title}
    statement: Something happened.
    sources:
      - source: src-a
        quote: "Twelve things happened."
`;

async function problemsOf(dir: string): Promise<string[]> {
  const { problems } = await loadFactsWithProblems(dir, { cwd: dir });
  return problems.map(formatProblem);
}

describe('files that are not regular files', () => {
  it('a link to /dev/zero is refused by name, reading nothing', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML });
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    expect(await problemsOf(dir)).toEqual(['zero.yaml: is a device, not a regular file']);
  });

  it('reads at most the limit plus one byte', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big'), Buffer.alloc(5000, 0x61));
    const r = readRegularFile(path.join(dir, 'big'), 100);
    expect('bytes' in r && r.bytes.length).toBe(101);
  });
});

describe('many schema errors', () => {
  it('cost linear time: 12,000 broken facts in one file are all counted, the first 1,000 printed', async () => {
    const lines = [SOURCE_YAML, 'facts:\n'];
    for (let i = 0; i < 12_000; i++) lines.push(`  - {id: f-${i}, title: t, sources: [{source: src-a, quote: q}]}\n`);
    const dir = factsDirWith({ 'one.yaml': lines.join('') });
    const r = await runZgc(['stat', 'f-1', '--facts', dir], { cwd: dir });
    expect(r.code).toBe(2);
    const err = r.stderr.trimEnd().split('\n');
    expect(err).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(err[0]).toBe('zgc: one.yaml:8:5: a fact needs "statement"');
    expect(err.at(-2)).toBe(`zgc: one.yaml:${7 + MAX_PROBLEM_LINES}:5: a fact needs "statement"`);
    expect(err.at(-1)).toBe('zgc: ... and 11000 more problems (12000 in all; zgc lint lists every one)');
  });
});

describe('files too large for their size in values', () => {
  it('a file of more values than the limit is refused at the value that passes it, before it is parsed', async () => {
    const dir = factsDirWith({ 'flow.yaml': 'facts: [' + Array.from({ length: MAX_VALUES + 10 }, () => 'ab').join(',') + ', ]]\n' });
    const p = await problemsOf(dir);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^flow\.yaml:1:\d+: more than 250,000 values in one file: split it into smaller files$/);
  });

  it('the shipped kind of facts file is far below it', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML + 'facts:\n' + Array.from({ length: 3000 }, (_, i) => fact(`f-${i}`)).join('') });
    expect(await problemsOf(dir)).toEqual([]);
  });
});

describe('file names that are not UTF-8', () => {
  it('are read by their bytes, shown escaped, and shadow no other file', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, '\ufffd.yaml': 'facts:\n' + fact('fact-b') });
    const raw = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xff]), Buffer.from('.yaml')]);
    writeFileSync(raw, 'facts:\n' + fact('fact-a'));
    const names = readdirSync(dir, { encoding: 'buffer' }).map((b) => b.toString('hex'));
    expect(names).toContain('ff2e79616d6c');
    expect(await problemsOf(dir)).toEqual([]);
    const r = await runZgc(['list', '--facts', dir, '--field', 'id'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('fact-a\nfact-b\n');
    // A broken one is named with its stray byte escaped.
    writeFileSync(raw, 'facts: [\n');
    const bad = await runZgc(['list', '--facts', dir], { cwd: dir });
    expect(bad.stderr).toMatch(/^zgc: \\xff\.yaml:\d+:\d+: /);
  });
});

describe('system errors', () => {
  it('a symbolic link loop is named as the user sees it, in zgc words', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML });
    symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
    const r = await runZgc(['list', '--facts', dir], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zgc: loop.yaml: too many levels of symbolic links (a link that leads back to itself?)\n');
    expect(r.stderr).not.toContain(dir);
    expect(r.stderr).not.toContain('ELOOP');
  });
});

describe('the YAML test suite', () => {
  it('SF5V: a second %YAML directive is refused as such, not as an empty file', async () => {
    const dir = factsDirWith({ 'f.yaml': '%YAML 1.2\n%YAML 1.2\n---\n' });
    expect(await problemsOf(dir)).toEqual(['f.yaml:2:1: a second %YAML directive: a file declares its YAML version once']);
  });
});

describe('a cache others can write', () => {
  const SHIPPED = `facts:\n${fact('fact-a', 'The real title')}`;

  /**
   * Runs a lookup that fills the cache, then forges it as anyone who can write
   * there can: every cache file holding the title gets another title of the
   * same length, with its checksums made again. Returns the forged files.
   */
  async function forge(mode: number) {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': SHIPPED });
    const cache = tempDir('zgc-cache-');
    const env = { XDG_CACHE_HOME: cache };
    const stat = () => runZgc(['stat', 'fact-a', '--facts', dir, '--format', 'plain'], { env, cwd: dir });
    const first = await stat();
    expect(first.stdout).toContain('The real title');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name)));
    };
    walk(cache);
    let forged = 0;
    for (const f of files) {
      for (let kind = 1; kind <= 6; kind++) {
        const c = CacheFile.open(f, kind);
        if (!c) continue;
        const sections = Array.from({ length: c.sectionCount }, (_, i) => c.section(i)!);
        c.close();
        const text = sections.map((b) => b.toString('latin1'));
        if (!text.some((t) => t.includes('The real title'))) break;
        const out = text.map((t) => Buffer.from(t.replaceAll('The real title', 'A forged title'), 'latin1'));
        if (kind === KIND_SHARD) {
          // A shard's records each carry a checksum in the table before them: made again too.
          const table = new Uint32Array(new Uint8Array(out.at(-2)!).buffer);
          for (let i = 0, at = 0; i < table.length; i += 2) {
            table[i + 1] = checksum(out.at(-1)!, at, at + table[i]!);
            at += table[i]!;
          }
          out[out.length - 2] = Buffer.from(table.buffer);
        }
        expect(writeContainer(f, kind, out)).toBe(true);
        chmodSync(f, mode);
        forged++;
        break;
      }
    }
    expect(forged).toBeGreaterThan(0);
    const cacheDir = path.dirname(files.find((f) => f.endsWith('catalog.zgc'))!);
    return { first, stat, cacheDir, dir, env };
  }

  it('checksums guard against damage, not forgery: a forged file only its owner could write is believed', async () => {
    const { stat } = await forge(0o600);
    expect((await stat()).stdout).toContain('A forged title');
  });

  it('a cache file writable by group or others is not believed: the answer is made afresh', async () => {
    const { first, stat } = await forge(0o666);
    expect(await stat()).toEqual(first);
  });

  it('a cache folder writable by others is not used at all, with a note under --debug only', async () => {
    const { first, stat, cacheDir, dir, env } = await forge(0o600);
    chmodSync(cacheDir, 0o777);
    const catalog = path.join(cacheDir, 'catalog.zgc');
    const before = readFileSync(catalog);
    expect(await stat()).toEqual(first);
    const r = await runZgc(['stat', 'fact-a', '--facts', dir, '--format', 'plain', '--debug'], { env, cwd: dir });
    expect(r.stdout).toBe(first.stdout);
    expect(r.stderr).toMatch(/^zgc: debug: the cache folder .* is owned by another user or writable by group or others \(mode 777\); running without the cache\n$/);
    // Nothing in it was read, nor written.
    expect(readFileSync(catalog).equals(before)).toBe(true);
  });
});
