import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { tempDir } from '../helpers/tmp.js';

const FACTS = path.resolve(__dirname, '../fixtures/check/facts');
const check = (args: string[], options: Parameters<typeof runZgc>[1] = {}) => runZgc(['check', ...args, '--facts', FACTS], options);

/** Writes a draft into a temporary directory and returns the directory and the file's name there. */
function draftFile(name: string, text: string): { cwd: string; name: string } {
  const cwd = tempDir('zgc-check-');
  writeFileSync(path.join(cwd, name), text);
  return { cwd, name };
}

const DRAFT = [
  '# The fair',
  '',
  'The 2024 Harbor Fair drew 25,000 visitors.',
  'It is the third-largest trade fair in the region.',
  'The fair had 40 food stalls.',
  '',
].join('\n');

describe('zgc check', () => {
  it('prints one compiler-style line per claim, then the counts, and exits 1 on a contradiction', async () => {
    const { cwd, name } = draftFile('draft.md', DRAFT);
    const r = await check([name], { cwd });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'draft.md:3:27 contradicted: "25,000 visitors": the facts say 52,000 (fair-visitors-2024; Harbor Gazette, 2024-06-02)',
        'draft.md:4:11 supported: "third-largest trade fair" (fair-rank-2024; “Harbor Fair in numbers”, n.d. [AI-generated])',
        'draft.md:5:14 unsupported: "40 food stalls": no fact covers it',
        '3 claims: 1 supported, 1 contradicted, 0 disputed, 1 unsupported',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('exits 0 when nothing is contradicted, and 1 under --strict when something is unsupported', async () => {
    const { cwd, name } = draftFile('ok.md', 'The 2024 Harbor Fair drew 52,000 visitors. It had 40 food stalls.\n');
    expect((await check([name], { cwd })).code).toBe(0);
    expect((await check([name, '--strict'], { cwd })).code).toBe(1);
    const clean = draftFile('clean.md', 'The 2024 Harbor Fair drew 52,000 visitors.\n');
    expect((await check([clean.name, '--strict'], { cwd: clean.cwd })).code).toBe(0);
  });

  it('shows every version of a disputed figure with its source', async () => {
    const r = await check(['-'], { stdin: 'The Harbor Fair had a budget of about 1.2 billion dollars in 2024.\n' });
    expect(r.stdout).toContain(
      '<stdin>:1:33 disputed: "about 1.2 billion dollars": the sources disagree: about 1.2 billion US dollars (Harbor Gazette, 2024-06-02); 1.5 billion US dollars (Valley Post, 2024-06) (fair-budget-2024)',
    );
    expect(r.code).toBe(0);
  });

  it('says which year the facts give when the sentence has another', async () => {
    const r = await check(['-'], { stdin: 'In 2023, the Harbor Fair drew 52,000 visitors.\n' });
    expect(r.stdout).toContain('<stdin>:1:4 contradicted: "2023": the facts say 2024 (fair-visitors-2024; Harbor Gazette, 2024-06-02)');
    expect(r.stdout).toContain('<stdin>:1:31 unsupported: "52,000 visitors": the facts are about 2024, not 2023; they say 52,000 (fair-visitors-2024; Harbor Gazette, 2024-06-02)');
    const open = await check(['-'], { stdin: 'The 2024 Harbor Fair drew 1,500 exhibitors.\n' });
    expect(open.stdout).toContain('unsupported: "1,500 exhibitors": the facts neither confirm nor rule it out; they say more than 1,200 (fair-exhibitors-2024; Harbor Gazette, 2024-06-02)');
  });

  it('prints the documented JSON object', async () => {
    const { cwd, name } = draftFile('draft.md', DRAFT);
    const r = await check([name, '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    // "2024" only dates the figure beside it: it has no line of its own.
    expect(out.summary).toEqual({ files: 1, claims: 3, supported: 1, contradicted: 1, disputed: 0, unsupported: 1 });
    expect(out.claims).toHaveLength(3);
    expect(out.claims[0]).toEqual({
      file: 'draft.md',
      line: 3,
      column: 27,
      text: '25,000 visitors',
      number: { kind: 'quantity', value: 25000, high: null, unit: null, bound: 'exact', change: null, date: null },
      verdict: 'contradicted',
      fact: 'fair-visitors-2024',
      expected: { value: 52000, unit: 'count', bound: 'exact', display: '52,000 visitors', period: null, text: '52,000' },
      versions: [{ value: 52000, unit: 'count', bound: 'exact', display: '52,000 visitors', period: null, text: '52,000', sources: ['harbor-gazette-fair'], outcome: 'contradicted' }],
      sources: [
        {
          id: 'harbor-gazette-fair',
          publisher: 'Harbor Gazette',
          title: 'Harbor Fair opens with record crowds',
          published: '2024-06-02',
          kind: 'news',
          url: null,
          quote: 'The fair drew 52,000 visitors over five days.',
          quotes: ['The fair drew 52,000 visitors over five days.'],
        },
      ],
      note: null,
    });
    expect(out.claims[2]).toMatchObject({ verdict: 'unsupported', fact: null, expected: null, versions: [], sources: [] });
  });

  it('prints one JSON object per line with --format ndjson, and a table with --format table', async () => {
    const { cwd, name } = draftFile('draft.md', DRAFT);
    const nd = await check([name, '--format', 'ndjson'], { cwd });
    const lines = nd.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ line: 3, verdict: 'contradicted' });
    const table = await check([name, '--format', 'table'], { cwd, env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/│ where\s+│ verdict\s+│ claim\s+│ the facts say/);
    expect(table.stdout).toContain('draft.md:3:27');
    expect(table.stdout.trimEnd().split('\n').pop()).toBe('3 claims: 1 supported, 1 contradicted, 0 disputed, 1 unsupported');
  });

  it('prints only the verdicts asked for with --only, counting all', async () => {
    const { cwd, name } = draftFile('draft.md', DRAFT);
    const r = await check([name, '--only', 'contradicted,unsupported'], { cwd });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('draft.md'))).toHaveLength(2);
    expect(r.stdout).toContain('3 claims: 1 supported');
    const bad = await check([name, '--only', 'wrong'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('zgc: --only: unknown value "wrong" (one of supported, contradicted, disputed, unsupported)\n');
  });

  it('checks several files and counts them in the summary', async () => {
    const a = draftFile('a.md', 'The 2024 Harbor Fair drew 52,000 visitors.\n');
    writeFileSync(path.join(a.cwd, 'b.txt'), 'The Harbor Fair was founded in 1999.\n');
    const r = await check(['a.md', 'b.txt'], { cwd: a.cwd });
    expect(r.stdout).toContain('b.txt:1:32 contradicted: "1999": the facts say 1998 (fair-founded; Valley Post, 2024-06)');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('2 files, 2 claims: 1 supported, 1 contradicted, 0 disputed, 0 unsupported');
  });

  it('reads stdin with "-", and with no file when stdin is piped', async () => {
    const dash = await check(['-'], { stdin: 'The 2024 Harbor Fair drew 52,000 visitors.\n' });
    expect(dash.stdout).toContain('<stdin>:1:27 supported: "52,000 visitors"');
    const none = await check([], { stdin: 'The 2024 Harbor Fair drew 52,000 visitors.\n' });
    expect(none.stdout).toBe(dash.stdout);
  });

  it('is a usage error (exit 2) with a terminal on stdin and no file, or "-" twice', async () => {
    const r = await check([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('zgc: no draft given\n');
    expect(r.stderr).not.toContain('\\n');
    expect(r.stderr).toContain('usage: zgc check');
    const twice = await check(['-', '-'], { stdin: 'x' });
    expect(twice.code).toBe(2);
  });

  it('says "no input" (exit 2) for empty stdin and names an empty or missing file', async () => {
    const empty = await check(['-'], { stdin: '  \n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('zgc: no input\n');
    const missing = await check(['draft.md'], { cwd: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('zgc: draft.md: no such file\n');
    const e = draftFile('empty.md', '');
    expect((await check([e.name], { cwd: e.cwd })).stderr).toBe('zgc: empty.md: the file is empty\n');
  });

  it('refuses binary and non-UTF-8 drafts', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'bin.md'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(path.join(cwd, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = await check(['bin.md', 'latin1.md'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zgc: bin.md: not a text file\nzgc: latin1.md: encoding error: the file is not valid UTF-8\n');
  });

  it('does not read numbers in code, URLs or link targets', async () => {
    const md = 'See [the 2024 report](https://example.com/2024/128) and `zgc check 138`.\n\n```\n138 events\n```\n';
    const r = await check(['-'], { stdin: md });
    expect(r.stdout).toBe('<stdin>:1:10 unsupported: "2024": no fact covers it\n1 claim: 0 supported, 0 contradicted, 0 disputed, 1 unsupported\n');
  });

  it('colours verdicts on a terminal only, and escapes control characters from the draft', async () => {
    const tty = await check(['-'], { stdin: 'The 2024 Harbor Fair drew 25,000 visitors.\n', stdoutIsTTY: true });
    expect(tty.stdout).toContain('\x1b[');
    const pipe = await check(['-'], { stdin: 'The 2024 Harbor Fair drew 25,000 visitors.\n' });
    expect(pipe.stdout).not.toContain('\x1b');
    const noColor = await check(['-'], { stdin: 'The 2024 Harbor Fair drew 25,000 visitors.\n', stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\x1b');
    const { cwd } = draftFile('x.md', '');
    const evil = 'bad\x1b[31mname.md';
    writeFileSync(path.join(cwd, evil), 'The fair had 40 food stalls.\n');
    const r = await check([evil], { cwd });
    expect(r.stdout).toContain('bad\\x1b[31mname.md:1:14 unsupported');
  });

  it('is a data error (exit 2) when the facts cannot be loaded', async () => {
    const r = await runZgc(['check', '-', '--facts', '/nonexistent/facts'], { stdin: 'The fair had 40 food stalls.\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zgc: /nonexistent/facts: no such facts directory\n');
  });
});
