/**
 * The build (src/build.mjs) changes how the CLI loads, never what it
 * says: the bundle with its split-out modules and its precompiled schema
 * validator prints what the sources print in-process.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnZgc } from '../helpers/spawn.js';
import { runZgc, FIXTURE_FACTS } from '../helpers/io.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';

const DIST = path.resolve(__dirname, '../../dist');

/** A facts file breaking the schema in many ways at once. */
const BAD = `${SOURCE_YAML}  - id: Not An Id
    title: ""
    publisher: 7
    published: 2024-13
    kind: rumour
    extra: field
facts:
  - id: fact-a
    title: A fact
    statement: Something happened.
    value: twelve
    unit: Dollars
    bound: roughly
    period: {from: 2024}
    tags: [Not-A-Tag]
    aliases: [1]
    sources: []
  - title: No id
    statement: x
    sources:
      - source: src-a
`;

describe('the built CLI', () => {
  it('keeps the heavy libraries out of the bundle, in dist/lazy', () => {
    expect(existsSync(path.join(DIST, 'zgc.cjs'))).toBe(true);
    const lazy = readdirSync(path.join(DIST, 'lazy'));
    expect(lazy).toEqual(expect.arrayContaining(['yaml.cjs', 'ajv.cjs', 'ajv-compiler.cjs', 'cli-table3.cjs']));
  });

  it('writes the bundle and its split-out modules in ASCII, so that V8 holds them as one-byte strings', () => {
    const files = ['zgc.cjs', ...readdirSync(path.join(DIST, 'lazy')).map((f) => path.join('lazy', f))];
    for (const f of files) expect({ file: f, nonAscii: /[^\x00-\x7f]/.exec(readFileSync(path.join(DIST, f), 'latin1'))?.[0] }).toEqual({ file: f, nonAscii: undefined });
  });

  it('checks a draft full of non-ASCII punctuation as the sources do (bullets, dashes, curly quotes, ellipses)', async () => {
    const dir = factsDirWith({});
    const draft = path.join(dir, 'draft.md');
    writeFileSync(draft, '\u2022 The expo drew 52,000 visitors in 2024\u2026 a record.\n\n\u201cThe expo ran 27\u201331 March 2024,\u201d organisers said. It cost 1.2\u20131.5 million yuan.\n');
    const inProcess = await runZgc(['check', draft, '--json']);
    const built = spawnZgc(['check', draft, '--json', '--facts', FIXTURE_FACTS]);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(inProcess.stdout));
    const claims = (JSON.parse(built.stdout) as { claims: { text: string; number: { high: number | null }; verdict: string }[] }).claims;
    expect(claims.map((c) => [c.text, c.verdict])).toContainEqual(['52,000 visitors', 'supported']);
    expect(claims.find((c) => c.text === '1.2\u20131.5 million yuan')?.number.high).toBe(1_500_000);
  });

  it('looks a fact up loading none of the modules that only other work needs', () => {
    // What a lookup's start-up must not pay for: stdout's stream, tty and net, os, promise hooks (AsyncLocalStorage), workers, the split-out libraries.
    const dir = tempDir();
    const preload = path.join(dir, 'loaded.cjs');
    const out = path.join(dir, 'loaded.json');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));\n`);
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: tempDir() };
    const lookup = () => spawnSync(process.execPath, ['-r', preload, path.join(DIST, '..', 'bin', 'zgc'), 'stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS], { env, encoding: 'utf8' });
    expect(lookup().status).toBe(0); // the first run parses and caches
    expect(lookup().stdout).toMatch(/^id\texpo-visitors-2024\n/);
    const { builtins, files } = JSON.parse(readFileSync(out, 'utf8')) as { builtins: string[]; files: string[] };
    for (const m of ['os', 'tty', 'net', 'stream', 'internal/promise_hooks', 'worker_threads', 'internal/streams/writable']) expect(builtins).not.toContain(`NativeModule ${m}`);
    expect(files.filter((f) => f.includes(`${path.sep}lazy${path.sep}`))).toEqual([]);
  });

  it('loads cli-table3 only to draw a table: list in a pipe (plain) leaves it, list --format table loads it', () => {
    const dir = tempDir();
    const preload = path.join(dir, 'loaded.cjs');
    const out = path.join(dir, 'loaded.json');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_CACHE_HOME: tempDir() };
    const loaded = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', preload, path.join(DIST, '..', 'bin', 'zgc'), 'list', '--facts', FIXTURE_FACTS, ...args], { env, encoding: 'utf8' });
      expect(r.status).toBe(0);
      return (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f.endsWith(`${path.sep}cli-table3.cjs`));
    };
    expect(loaded()).toEqual([]);
    expect(loaded('--format', 'table')).toEqual([path.join(DIST, 'lazy', 'cli-table3.cjs')]);
  });

  it('reports schema errors exactly as the sources do (the validator is compiled at build time)', async () => {
    const dir = factsDirWith({ 'bad.yaml': BAD });
    const inProcess = await runZgc(['--no-cache', 'lint', '--facts', dir], { cwd: dir });
    expect(inProcess.code).toBe(1);
    expect(inProcess.stdout).toMatch(/bad\.yaml:\d+:\d+: error: "kind" must be one of: /);
    expect(inProcess.stdout).toMatch(/bad\.yaml:\d+:\d+: error: "value" must be a number/);
    const built = spawnZgc(['--no-cache', 'lint', '--facts', dir], { cwd: dir });
    expect({ code: built.code, stdout: built.stdout, stderr: built.stderr }).toEqual(inProcess);
  });

  it('answers as the sources do, cache cold and warm', async () => {
    for (const args of [['stat', 'expo-budget-2024', '--json'], ['search', 'robot', 'gides', '--json'], ['list', '--format', 'tsv']]) {
      const inProcess = await runZgc(['--no-cache', ...args]);
      for (let i = 0; i < 2; i++) {
        const built = spawnZgc([...args, '--facts', FIXTURE_FACTS]);
        expect({ code: built.code, stdout: built.stdout, stderr: built.stderr }).toEqual(inProcess);
      }
    }
  });
});
