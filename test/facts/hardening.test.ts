/** Fact files edited by hand by many people: every kind of bad input is a clean, positioned error. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactsWithProblems } from '../../src/facts/load.js';
import { formatProblem } from '../../src/errors.js';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';
import { runZgc } from '../helpers/io.js';

async function problemsOf(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const dir = factsDirWith(files);
  const { problems } = await loadFactsWithProblems(dir, { cwd: dir });
  return problems.map(formatProblem);
}

const FACT = `facts:
  - id: fact-a
    title: A fact
    statement: Something happened.
    value: 12
    sources:
      - source: src-a
        quote: "Twelve things happened."
`;

describe('fact files that are not what they should be', () => {
  it('tab indentation', async () => {
    const p = await problemsOf({ 'f.yaml': 'facts:\n\t- id: x\n' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^f\.yaml:2:1: /);
  });

  it('a duplicate key', async () => {
    expect(await problemsOf({ 'f.yaml': SOURCE_YAML + '    kind: news\n' })).toEqual(['f.yaml:7:5: duplicate key']);
  });

  it('a second document after ---', async () => {
    const p = await problemsOf({ 'f.yaml': SOURCE_YAML + '---\nfacts: []\n' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^f\.yaml:7:1: a second YAML document/);
  });

  it('an empty or comment-only file, and a top-level list or scalar', async () => {
    expect(await problemsOf({ 'f.yaml': '' })).toEqual(['f.yaml:1:1: the file is empty: a facts file is a mapping with "sources:" and/or "facts:"']);
    expect(await problemsOf({ 'f.yaml': '# nothing yet\n\n' })).toEqual(['f.yaml:1:1: the file is empty: a facts file is a mapping with "sources:" and/or "facts:"']);
    expect(await problemsOf({ 'f.yaml': '- id: a\n' })).toEqual(['f.yaml:1:1: a facts file must be a mapping with "sources:" and/or "facts:", not a list']);
    expect(await problemsOf({ 'f.yaml': 'hello\n' })).toEqual(['f.yaml:1:1: a facts file must be a mapping with "sources:" and/or "facts:", not a scalar']);
  });

  it('anchors, aliases and merge keys are refused where they stand', async () => {
    const p = await problemsOf({ 'f.yaml': 'sources:\n  - &s\n    id: src-a\n  - *s\n  - <<: *s\n    id: src-b\n' });
    expect(p).toContain('f.yaml:2:5: anchor "&s" is not allowed');
    expect(p).toContain('f.yaml:4:5: alias "*s" is not allowed: write the value out');
    expect(p).toContain('f.yaml:5:5: merge key "<<" is not allowed: write the fields out');
  });

  it('an alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const p = await problemsOf({ 'bomb.yaml': bomb.join('\n') + '\n' });
    expect(p.length).toBeGreaterThan(0);
    expect(p.every((l) => l.startsWith('bomb.yaml:'))).toBe(true);
  });

  it('custom tags are refused', async () => {
    for (const tag of ['!foo', '!!js/function', '!!binary', '!!set', '!!timestamp']) {
      const p = await problemsOf({ 'f.yaml': `sources:\n  - id: src-a\n    title: ${tag} x\n` });
      expect(p, tag).toContain(`f.yaml:3:12: tag "${tag}" is not allowed`);
    }
  });

  it('__proto__ and constructor keys are refused and Object.prototype stays clean', async () => {
    const p = await problemsOf({ 'f.yaml': 'sources:\n  - __proto__: {polluted: true}\n    constructor: x\n' });
    expect(p).toContain('f.yaml:2:5: key "__proto__" is not allowed');
    expect(p).toContain('f.yaml:3:5: key "constructor" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads YAML 1.2 core even under a %YAML 1.1 header: "no" stays a string', async () => {
    const p = await problemsOf({ 's.yaml': '%YAML 1.1\n---\n' + SOURCE_YAML.replace('title: A made-up article', 'title: no') });
    expect(p).toEqual([]);
    const dir = factsDirWith({ 's.yaml': SOURCE_YAML.replace('title: A made-up article', 'title: no') });
    const { base } = await loadFactsWithProblems(dir);
    expect(base.sources[0]!.title).toBe('no');
  });

  it('numbers that cannot be held exactly or are not finite', async () => {
    const value = async (v: string) => problemsOf({ 's.yaml': SOURCE_YAML, 'f.yaml': FACT.replace('value: 12', `value: ${v}`) });
    expect(await value('9007199254740993')).toEqual(['f.yaml:5:12: "value" is too large to hold exactly (over 2^53)']);
    expect((await value('1e400'))[0]).toMatch(/^f\.yaml:5:12: "value" must be/);
    expect((await value('.inf'))[0]).toMatch(/^f\.yaml:5:12: "value" must be/);
    expect((await value('.nan'))[0]).toMatch(/^f\.yaml:5:12: "value" must be/);
    expect(await value('12.5')).toEqual([]);
  });

  it('a BOM and CRLF line ends are fine', async () => {
    expect(await problemsOf({ 's.yaml': '\uFEFF' + SOURCE_YAML.replace(/\n/g, '\r\n') })).toEqual([]);
  });

  it('invalid UTF-8 and UTF-16 are encoding errors naming the file', async () => {
    const bad = Buffer.concat([Buffer.from('sources:\n  - id: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(await problemsOf({ 'bad.yaml': bad })).toEqual(['bad.yaml:2:12: encoding error: the file is not valid UTF-8']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sources: []\n', 'utf16le')]);
    expect(await problemsOf({ 'u16.yaml': utf16 })).toEqual(['u16.yaml:1:1: encoding error: the file is UTF-16; facts files must be UTF-8']);
  });

  it('deep nesting is refused before parsing, also after another file failed', async () => {
    const p = await problemsOf({ 'a.yaml': 'facts: [\n', 'b.yaml': 'facts: ' + '['.repeat(20000) + '\n' });
    expect(p[0]).toMatch(/^a\.yaml:/);
    expect(p[1]).toMatch(/^b\.yaml:1:\d+: nesting deeper than 64 levels$/);
  });

  it('a file over the size limit is refused', async () => {
    const p = await problemsOf({ 'huge.yaml': '# ' + 'x'.repeat(8 * 1024 * 1024) + '\n' });
    expect(p).toEqual(['huge.yaml:1:1: file is larger than 8 MiB']);
  });

  it('many broken files: every error, grouped by file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`f${i}.yaml`] = `facts:\n  - id: Bad_${i}\n    colour: red\n`;
    const p = await problemsOf(files);
    const order = p.map((l) => l.split(':')[0]);
    expect(new Set(order).size).toBe(5);
    expect(order).toEqual([...order].sort());
    expect(p.length).toBeGreaterThanOrEqual(15);
  });
});

describe('facts directories that are not what they should be', () => {
  it('a missing directory, a file given as the directory', async () => {
    const missing = await runZgc(['list', '--facts', '/nonexistent/zgc-facts']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'zgc: /nonexistent/zgc-facts: no such facts directory\n' });
    const dir = factsDirWith({ 'a.yaml': SOURCE_YAML });
    const file = await runZgc(['list', '--facts', path.join(dir, 'a.yaml')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe(`zgc: ${path.join(dir, 'a.yaml')}: not a directory\n`);
  });

  it('a directory named like a facts file is skipped, an unreadable file is named', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'folder.yaml'));
    writeFileSync(path.join(dir, 'locked.yaml'), SOURCE_YAML);
    chmodSync(path.join(dir, 'locked.yaml'), 0o000);
    const r = await runZgc(['list', '--facts', dir], { cwd: dir });
    chmodSync(path.join(dir, 'locked.yaml'), 0o644);
    if (process.getuid?.() === 0) {
      // root reads any file: only the folder case can be seen.
      expect(r.code).toBe(0);
    } else {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('zgc: locked.yaml: permission denied\n');
    }
  });
});
