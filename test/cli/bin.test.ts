/** The built bin as a real process: what only a process shows (pipes, exit codes, a full disk). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, shell, spawnZgc } from '../helpers/spawn.js';
import { FIXTURE_FACTS } from '../helpers/io.js';
import { factsDirWith } from '../helpers/tmp.js';

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
