/**
 * zgc check's -o, --force and --open: the report written whole into a file,
 * never over one already there unless asked, and opened with the system's
 * opener; the options that apply to the HTML report only are refused without it.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/html');
const DRAFT = path.join(FIXTURES, 'draft.md');
const FACTS = path.join(FIXTURES, 'facts');

const check = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runZgc(['check', DRAFT, '--facts', FACTS, ...args], { cwd, env });

describe('zgc check -o FILE', () => {
  it('writes the HTML report for a .html name, says so on stderr and prints nothing, with the check\'s exit code', async () => {
    const dir = tempDir();
    const r = await check(['-o', 'report.html'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('zgc: wrote report.html: 10 claims: 4 supported, 2 contradicted, 1 disputed, 3 unsupported\n');
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('never writes over a file without --force, and replaces it with --force', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'report.html'), 'keep me');
    const refused = await check(['-o', 'report.html'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('zgc: report.html: a file is already there; nothing was written (--force replaces it)\n');
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['report.html']);
    const forced = await check(['-o', 'report.html', '--force'], dir);
    expect(forced.code).toBe(1);
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('writes any format given, and leaves nothing behind when the file cannot be placed', async () => {
    const dir = tempDir();
    expect((await check(['--format', 'json', '-o', 'out.json'], dir)).code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).summary.claims).toBe(10);
    const missing = await check(['-o', 'no/such/dir/report.html'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('zgc: no/such/dir/report.html: cannot write (no such directory); nothing was written\n');
    const onDir = await check(['-o', '.', '--format', 'html', '--force'], dir);
    expect(onDir.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it.runIf(process.platform === 'linux')('opens the report with the system opener when asked (--open)', async () => {
    const dir = tempDir();
    const bin = tempDir();
    const said = path.join(bin, 'opened');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${said}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    const r = await check(['-o', 'report.html', '--open'], dir, { PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(1);
    for (let i = 0; i < 100 && !existsSync(said); i++) await new Promise((ok) => setTimeout(ok, 20));
    expect(readFileSync(said, 'utf8')).toBe(`${path.join(dir, 'report.html')}\n`);
    const none = await check(['-o', 'other.html', '--open'], dir, { PATH: tempDir() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('zgc: warning: cannot open ');
    expect(existsSync(path.join(dir, 'other.html'))).toBe(true);
  });

  it('refuses the report\'s options without the report or a file', async () => {
    const dir = tempDir();
    const cases: Array<[string[], string]> = [
      [['--open', '--format', 'html'], '--open opens the HTML report written with --format html -o FILE'],
      [['--open', '-o', 'x.json', '--format', 'json'], '--open opens the HTML report written with --format html -o FILE'],
      [['--force'], '--force replaces the file named by -o: give -o FILE'],
      [['--style', 'mla'], '--style is the citation style of the HTML report: use it with --format html'],
    ];
    for (const [args, message] of cases) {
      const r = await check(args, dir);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr: `zgc: ${message}\n` });
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
