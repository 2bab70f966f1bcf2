/**
 * Hardening II (issue 15), what a real process shows: FIFOs and devices that
 * would block or never end, bytes on stdin, and what reaches the terminal from
 * commander's messages and from untrusted text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, spawnZgc } from '../helpers/spawn.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';
import { runZgc } from '../helpers/io.js';

const FACT = `facts:
  - id: fact-a
    title: A fact
    statement: Twelve things happened in 2024.
    value: 12
    unit: count
    period: 2024
    aliases: [twelve things]
    sources:
      - source: src-a
        quote: "Twelve things happened."
`;

/** A run that would hang is killed after 10 s: the test then fails on its exit code, not on vitest's timeout. */
const TIMEOUT = { timeout: 10_000 };

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

describe('a FIFO or device where a file is expected', () => {
  it('a FIFO in the facts directory is refused by name, with and without the cache', () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT });
    mkfifo(path.join(dir, 'p.yaml'));
    for (const extra of [[], ['--no-cache']]) {
      const r = spawnZgc(['stat', 'fact-a', '--facts', dir, ...extra], { ...TIMEOUT, cwd: dir });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('zgc: p.yaml: is a named pipe (FIFO), not a regular file\n');
    }
  });

  it('a cached file replaced by a FIFO is refused, not waited on', () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT });
    const cache = tempDir('zgc-cache-');
    expect(spawnZgc(['stat', 'fact-a', '--facts', dir], { env: { XDG_CACHE_HOME: cache }, cwd: dir }).code).toBe(0);
    rmSync(path.join(dir, 'f.yaml'));
    mkfifo(path.join(dir, 'f.yaml'));
    const r = spawnZgc(['stat', 'fact-a', '--facts', dir], { ...TIMEOUT, env: { XDG_CACHE_HOME: cache }, cwd: dir });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zgc: f.yaml: is a named pipe (FIFO), not a regular file\n');
  });

  it('a FIFO or /dev/zero given as a draft is refused like any file that is not one', () => {
    const cwd = tempDir('zgc-draft-');
    mkfifo(path.join(cwd, 'pipe.md'));
    symlinkSync('/dev/zero', path.join(cwd, 'zero.md'));
    for (const [name, what] of [
      ['pipe.md', 'is a named pipe (FIFO), not a regular file'],
      ['zero.md', 'is a device, not a regular file'],
      ['/dev/zero', 'is a device, not a regular file'],
    ]) {
      const r = spawnZgc(['check', name!], { ...TIMEOUT, cwd });
      expect(r.signal, name).toBeNull();
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`zgc: ${name}: ${what}\n`);
    }
  });
});

describe('a draft on stdin', () => {
  it('follows the rules of a draft file: not UTF-8 is refused with the same message', () => {
    const cwd = tempDir('zgc-draft-');
    const latin1 = Buffer.from('The fair drew 25\xa0000 visitors, caf\xe9 included.\n', 'latin1');
    writeFileSync(path.join(cwd, 'd.md'), latin1);
    const file = spawnZgc(['check', 'd.md'], { cwd });
    const piped = spawnZgc(['check', '-'], { cwd, input: latin1 });
    expect(file.code).toBe(2);
    expect(piped.code).toBe(2);
    expect(file.stderr).toBe('zgc: d.md: encoding error: the file is not valid UTF-8\n');
    expect(piped.stderr).toBe('zgc: <stdin>: encoding error: the file is not valid UTF-8\n');
  });

  it('more than 16 MiB is refused without reading the rest', () => {
    // yes(1) never ends: only a reader that stops at the limit lets this finish.
    const r = spawnSync('bash', ['-c', `yes 'The fair drew 25,000 visitors.' | '${process.execPath}' '${BIN}' check -; echo "exit \${PIPESTATUS[1]}"`], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, XDG_CACHE_HOME: tempDir('zgc-cache-') },
    });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('zgc: <stdin>: larger than 16 MiB\n');
    expect(r.stdout).toBe('exit 2\n');
  });

  it('in-process, bytes that are not UTF-8 are refused too', async () => {
    const r = await runZgc(['check', '-'], { stdin: Buffer.from('caf\xe9 25 visitors\n', 'latin1') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zgc: <stdin>: encoding error: the file is not valid UTF-8\n');
  });
});

describe("commander's messages", () => {
  it('never echo an argument raw, and take one line', async () => {
    for (const argv of [['stat', '--\x1b]52;c;SGVsbG8=\x07'], ['\x1b[2J'], ['list', '--format', '\x1b[31mred'], ['stat', 'x', '--bogus\u202e']]) {
      const r = await runZgc(argv, { env: { NO_COLOR: '1' } });
      expect(r.code, JSON.stringify(argv)).toBe(2);
      expect(r.stderr, JSON.stringify(argv)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
      expect(r.stderr.split('\n'), JSON.stringify(argv)).toHaveLength(2);
      // An option's value is checked by zgc (with "did you mean"), the rest by commander.
      if (argv[1] === '--format') expect(r.stderr).toBe('zgc: --format: unknown value "\\x1b[31mred" (one of table, plain, json, ndjson, tsv, csv)\n');
      else expect(r.stderr).toMatch(/^zgc: .* \(run with --help for usage\)\n$/);
    }
    const r = await runZgc(['\x1b[2J']);
    expect(r.stderr).toBe("zgc: unknown command '\\x1b[2J' (run with --help for usage)\n");
  });
});

describe('invisible and line-breaking characters, and a backslash', () => {
  it('are shown escaped in every text format, unambiguously', async () => {
    const title = 'A\u200bB\u200dC\u2060D\ufeffE\u2028F\u2029G \\x1b H \x1b';
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT.replace('title: A fact', `title: ${JSON.stringify(title)}`) });
    const shown = 'A\\u200bB\\u200dC\\u2060D\\ufeffE\\u2028F\\u2029G \\\\x1b H \\x1b';
    for (const format of ['plain', 'table', 'tsv']) {
      const r = await runZgc(['stat', 'fact-a', '--facts', dir, '--format', format], { cwd: dir });
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).not.toMatch(/[\u200b-\u200d\u2060\ufeff\u2028\u2029\x1b]/);
      expect(r.stdout, format).toContain(shown);
    }
    // JSON keeps the text as it is: its own escaping is unambiguous.
    const json = await runZgc(['stat', 'fact-a', '--facts', dir, '--json'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { fact: { title: string } }).fact.title).toBe(title);
  });
});

describe('zgc new with input that fails validation', () => {
  it('names the option that failed, not the file it never wrote', async () => {
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT });
    const r = await runZgc(['new', 'inj-1', '--facts', dir, '--period', 'not a period', '--unit', 'x y'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'zgc: --unit: "unit" must be ISO 4217 code for money (CNY, USD, EUR, ...), or a lower-case unit such as percent, count, rank, year, qubit; nothing was written',
        'zgc: --period: "period" must be the time the fact is about: a year, a date, or a from/to interval; nothing was written',
        '',
      ].join('\n'),
    );
    expect(existsSync(path.join(dir, 'inj-1.yaml'))).toBe(false);
  });
});
