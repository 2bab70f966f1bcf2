/** The built bin as a real process: what only a process shows (pipes, exit codes, a full disk). */
import { chmodSync, cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, shell, spawnZgc } from '../helpers/spawn.js';
import { FIXTURE_FACTS } from '../helpers/io.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';

const FACTS = 4000;
let big: string;

beforeAll(() => {
  const facts = Array.from({ length: FACTS }, (_, i) => {
    const n = String(i).padStart(5, '0');
    return `  - id: fact-${n}\n    title: Made-up fact number ${n}\n    statement: Something was counted ${i} times.\n    value: ${i}\n    unit: count\n    period: 2024\n    aliases: [count ${n}]\n    sources:\n      - source: src-a\n        quote: "It was counted ${i} times."\n`;
  });
  big = factsDirWith({
    'facts.yaml': `sources:\n  - id: src-a\n    title: A made-up article\n    publisher: Example Post\n    published: 2024-01-02\n    kind: news\nfacts:\n${facts.join('')}`,
  });
});

describe('bin/zgc', () => {
  it('runs the built CLI', () => {
    expect(existsSync(BIN)).toBe(true);
    const r = spawnZgc(['stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS, '--field', 'display']);
    expect(r).toMatchObject({ code: 0, stdout: '52,000 visitors\n', stderr: '' });
  });

  it('prints its version and help', () => {
    const v = spawnZgc(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const h = spawnZgc(['stat', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
  });

  it('finds the shipped facts from any working directory', () => {
    const r = spawnZgc(['list', '--field', 'id'], { cwd: path.parse(process.cwd()).root, env: { ZGC_FACTS: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('exits 0 and stays quiet when the reader goes away (| head -1)', () => {
    const r = shell(`"${process.execPath}" "${BIN}" list --facts "${big}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`);
    expect(r.stdout).toBe(`fact-00000\tMade-up fact number 00000\t${(0).toLocaleString('en-US')}\t2024\tsrc-a\n`);
    expect(r.stderr).toBe('status=0\n');
  });

  it('delivers large output through a pipe whole', () => {
    const r = shell(`"${process.execPath}" "${BIN}" list --facts "${big}" --format ndjson | wc -l; echo "status=\${PIPESTATUS[0]}" >&2`);
    expect(r.stdout.trim()).toBe(String(FACTS));
    expect(r.stderr).toBe('status=0\n');
  });

  it('waits for a slow reader when its stdout was left non-blocking', () => {
    // A pipe whose writing end another program made non-blocking: a full pipe answers EAGAIN, which is not an error.
    const script = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    data += chunk',
      'print(p.wait(), data.count(b"\\n"), len(data))',
    ].join('\n');
    const r = shell(`python3 -c '${script}' "${process.execPath}" "${BIN}" list --facts "${big}" --format ndjson`);
    const [status, lines, bytes] = r.stdout.trim().split(' ').map(Number);
    expect(bytes).toBeGreaterThan(1 << 17); // more than a pipe holds, so the writer met a full pipe
    expect({ status, lines, stderr: r.stderr }).toEqual({ status: 0, lines: FACTS, stderr: '' });
  });

  it('knows a terminal from a file or /dev/null', () => {
    // util-linux's script runs zgc on a pseudo-terminal: a card in colour there, plain lines elsewhere.
    const onTerminal = shell(`script -qec '"${process.execPath}" "${BIN}" stat expo-visitors-2024 --facts "${FIXTURE_FACTS}"' /dev/null`);
    expect(onTerminal.stdout).toMatch(/^\x1b\[36mexpo-visitors-2024\x1b\[39m {2}/);
    const out = path.join(tempDir('zgc-out-'), 'out.txt');
    const toFile = shell(`"${process.execPath}" "${BIN}" stat expo-visitors-2024 --facts "${FIXTURE_FACTS}" > "${out}"; cat "${out}"`);
    expect(toFile.stdout).toMatch(/^id\texpo-visitors-2024\n/);
    expect(toFile.stdout).not.toContain('\x1b');
  });

  it('reports a write error (a full disk) with exit 2', () => {
    const r = shell(`"${process.execPath}" "${BIN}" list --facts "${big}" > /dev/full`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zgc: cannot write output: ENOSPC/);
  });

  it('prints no stack trace for bad input', () => {
    const dir = factsDirWith({ 'bad.yaml': 'facts: [\n' });
    const r = spawnZgc(['list', '--facts', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zgc: .*bad\.yaml:\d+:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('an installed copy of the package', () => {
  it('gives the path of its own schema, whatever the working directory', () => {
    const pkg = tempDir('zgc-pkg-');
    const root = path.resolve(BIN, '..', '..');
    for (const part of ['bin', 'dist', 'schema', 'facts']) cpSync(path.join(root, part), path.join(pkg, part), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{ "name": "zgc" }\n');
    const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'zgc'), 'schema', '--path'], { cwd: tempDir(), encoding: 'utf8' });
    expect(r.stdout).toBe(path.join(pkg, 'schema', 'facts.schema.json') + '\n');
  });
});

describe("the compiled code kept in the user's cache folder ($XDG_CACHE_HOME/zgc/code)", () => {
  /** A copy of the built package, read-only as a global install may be, so that its code cache is this test's alone. */
  function packageCopy(): string {
    const pkg = tempDir('zgc-pkg-');
    const root = path.resolve(BIN, '..', '..');
    cpSync(BIN, path.join(pkg, 'bin', 'zgc'));
    cpSync(path.join(root, 'dist', 'zgc.cjs'), path.join(pkg, 'dist', 'zgc.cjs'));
    cpSync(path.join(root, 'dist', 'lazy'), path.join(pkg, 'dist', 'lazy'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{ "name": "zgc" }\n');
    return pkg;
  }
  const run = (pkg: string, args: string[], cacheHome: string) =>
    spawnSync(process.execPath, [path.join(pkg, 'bin', 'zgc'), ...args], { env: { ...process.env, XDG_CACHE_HOME: cacheHome }, encoding: 'utf8' });
  const codeFiles = (cacheHome: string) => (existsSync(path.join(cacheHome, 'zgc', 'code')) ? readdirSync(path.join(cacheHome, 'zgc', 'code')) : []);

  it('is kept by a lookup, never by a run that parsed facts files, in-process or on worker threads', () => {
    const pkg = packageCopy();
    const fact = (i: number) => `  - id: f-${i}\n    title: Made-up fact ${i}\n    statement: Something was counted ${i} times, ${'and more words about it '.repeat(20)}.\n    value: ${i}\n    unit: count\n    sources:\n      - source: src-a\n        quote: "It was counted ${i} times."\n`;
    const large = factsDirWith({
      's.yaml': SOURCE_YAML,
      'a.yaml': `facts:\n${Array.from({ length: 1000 }, (_, i) => fact(i)).join('')}`,
      'b.yaml': `facts:\n${Array.from({ length: 1000 }, (_, i) => fact(1000 + i)).join('')}`,
    });

    const first = tempDir();
    expect(run(pkg, ['stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS], first).status).toBe(0); // parsed here
    expect(codeFiles(first)).toEqual([]);
    const workers = tempDir();
    expect(run(pkg, ['stat', 'f-1', '--facts', large], workers).status).toBe(0); // parsed on worker threads
    expect(codeFiles(workers)).toEqual([]);
    expect(run(pkg, ['stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS, '--field', 'display'], first).stdout).toBe('52,000 visitors\n'); // a lookup
    expect(codeFiles(first)).toEqual([expect.stringMatching(/^zgc-[0-9a-f]{8}\.codecache$/)]);
    // Nothing in the package: a global install stays as npm wrote it.
    expect(readdirSync(path.join(pkg, 'dist')).sort()).toEqual(['lazy', 'zgc.cjs']);
  });

  it('is not read when others may write it, nor kept in a folder others may write, nor used under --no-cache', () => {
    const pkg = packageCopy();
    const cacheHome = tempDir();
    const lookup = ['stat', 'expo-visitors-2024', '--facts', FIXTURE_FACTS, '--field', 'display'];
    run(pkg, lookup, cacheHome);
    run(pkg, lookup, cacheHome);
    const [name] = codeFiles(cacheHome);
    const file = path.join(cacheHome, 'zgc', 'code', name!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A file others may write is not believed: the run compiles afresh and writes its own in its place.
    chmodSync(file, 0o666);
    expect(run(pkg, lookup, cacheHome).stdout).toBe('52,000 visitors\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // --no-cache neither reads nor writes it.
    rmSync(file);
    expect(run(pkg, ['--no-cache', ...lookup], cacheHome).stdout).toBe('52,000 visitors\n');
    expect(codeFiles(cacheHome)).toEqual([]);
    // A folder others may write gets no file.
    chmodSync(path.join(cacheHome, 'zgc', 'code'), 0o777);
    expect(run(pkg, lookup, cacheHome).stdout).toBe('52,000 visitors\n');
    expect(codeFiles(cacheHome)).toEqual([]);
  });

  it('says how to build the bundle when it is missing, without a stack trace', () => {
    const pkg = packageCopy();
    rmSync(path.join(pkg, 'dist'), { recursive: true });
    const r = run(pkg, ['stat', 'rnd-2024'], tempDir());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`zgc: ${path.join(pkg, 'dist', 'zgc.cjs')} is missing: run "npm run build" in ${pkg}\n`);
  });
});
