import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_FACTS, runZgc } from '../helpers/io.js';
import { BIN, shell } from '../helpers/spawn.js';
import { tempDir } from '../helpers/tmp.js';
import { commands } from '../../src/commands/index.js';

const CITE_FACTS = path.resolve(__dirname, '../fixtures/cite');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The bash script as zgc prints it, in a file bash can source. */
let scriptFile: string;
beforeAll(async () => {
  scriptFile = path.join(tempDir('zgc-completion-'), 'zgc.bash');
  writeFileSync(scriptFile, (await runZgc(['completion', 'bash'])).stdout);
});

/**
 * What bash's completion offers for the words typed, the last being the one
 * completed, with the script loaded and zgc the built CLI on the fixture facts.
 */
function complete(...words: string[]): string[] {
  const probe = [
    `zgc() { ${quote(process.execPath)} ${quote(BIN)} "$@"; }`,
    `source ${quote(scriptFile)}`,
    `COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}; _zgc`,
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join('\n');
  const r = shell(probe, { ZGC_FACTS: FIXTURE_FACTS });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('zgc completion bash', () => {
  it('prints a script that bash accepts, naming every command', async () => {
    const r = await runZgc(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.stdout }).status).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`    ${c.name})`);
    expect(r.stdout).toContain('complete -F _zgc zgc');
  });

  it('completes commands, and fact ids after global options', () => {
    expect(complete('zgc', 'st')).toEqual(['stat']);
    expect(complete('zgc', 'stat', 'expo-d')).toEqual(['expo-dates-2024']);
    expect(complete('zgc', '--no-color', 'stat', 'expo-b')).toEqual(['expo-budget-2024']);
    expect(complete('zgc', '--no-cache', '--no-color', 'stat', 'robot-')).toEqual(['robot-growth-2024', 'robot-guides-2024']);
  });

  it('replaces a word that cannot start an id (a query: capitals, spaces, Chinese) with the ids of the facts it finds', () => {
    expect(complete('zgc', 'stat', 'Robot guides')).toEqual(['robot-guides-2024', 'robot-growth-2024']);
    expect(complete('zgc', 'stat', '导览机器人')).toEqual(['robot-guides-2024']);
    expect(complete('zgc', 'stat', 'robot-gu')).toEqual(['robot-guides-2024']);
  });

  it("completes each command's own --format values", () => {
    expect(complete('zgc', 'stat', '--format', '')).toEqual(['table', 'plain', 'json', 'ndjson', 'tsv', 'csv']);
    expect(complete('zgc', 'lint', '--format', '')).toEqual(['plain', 'json']);
    expect(complete('zgc', 'cite', 'x', '--format', '')).toEqual(['text', 'markdown', 'html']);
    expect(complete('zgc', 'cite', 'x', '--style', 'chicago-')).toEqual(['chicago-author-date', 'chicago-notes', 'chicago-notes-bibliography']);
  });

  it('completes fact and source ids for cite, source ids for source', () => {
    expect(complete('zgc', 'cite', 'expo-v')).toEqual(['expo-visitors-2024']);
    expect(complete('zgc', 'cite', 'harb')).toEqual(['harbor-daily-expo']);
    expect(complete('zgc', 'source', '')).toEqual(['bot-digest', 'harbor-daily-expo', 'valley-wire-expo']);
  });

  it('completes --tag with tags, --source with source ids, --field with fields, --only with verdicts after a comma', () => {
    expect(complete('zgc', 'list', '--tag', '')).toEqual(['attendance', 'dates', 'expo', 'growth', 'money', 'robots']);
    expect(complete('zgc', 'list', '--source', 'v')).toEqual(['valley-wire-expo']);
    expect(complete('zgc', 'stat', 'x', '--field', 'di')).toEqual(['display', 'disputed']);
    expect(complete('zgc', 'sources', '--field', 'pub')).toEqual(['publisher', 'published']);
    expect(complete('zgc', 'check', '--only', 'supported,con')).toEqual(['supported,contradicted']);
    // An option whose value is free text offers nothing, not ids.
    expect(complete('zgc', 'search', '--limit', '')).toEqual([]);
  });

  it('asks the facts directory that --facts names on the line', () => {
    expect(complete('zgc', 'list', '--facts', CITE_FACTS, '--source', 'le')).toEqual(['ledger-mill']);
    expect(complete('zgc', 'stat', '--facts', CITE_FACTS, 'harv')).toEqual(['harvest-2024']);
  });

  it('completes on a terminal as a person types: Tab finishes a fact id after a global option', () => {
    // An interactive bash on a pseudo-terminal (script), the script loaded, "rnd-2024-u" and Tab typed.
    const rc = path.join(tempDir('zgc-completion-'), 'rc.sh');
    writeFileSync(rc, `zgc() { ${quote(process.execPath)} ${quote(BIN)} "$@"; }\nsource ${quote(scriptFile)}\nPS1='$ '\n`);
    const typed = `source ${quote(rc)}\nzgc --no-color stat rnd-2024-u\t --field id\nexit\n`;
    const r = spawnSync('script', ['-qec', 'bash --norc --noprofile -i', '/dev/null'], {
      input: typed,
      encoding: 'utf8',
      env: { ...process.env, INPUTRC: '/dev/null', ZGC_FACTS: path.resolve(__dirname, '../../facts') },
      timeout: 60_000,
    });
    const screen = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    expect(screen).toContain('$ zgc --no-color stat rnd-2024-usd  --field id\n');
    expect(screen).toContain('\nrnd-2024-usd\n');
  });
});

describe('zgc completion zsh and fish', () => {
  it('prints zsh and fish scripts with the same values', async () => {
    const zsh = await runZgc(['completion', 'zsh']);
    expect(zsh.stdout.startsWith('#compdef zgc')).toBe(true);
    expect(zsh.stdout).toContain("'stat:look a fact up");
    expect(zsh.stdout).toContain(`--tag'[`);
    expect(zsh.stdout).toContain(`:tag:( \${(f)"$(zgc list --field tags 2>/dev/null | tr , "\\n" | sort -u)"} )'`);
    const fish = await runZgc(['completion', 'fish']);
    expect(fish.stdout).toContain('complete -c zgc -n "__fish_seen_subcommand_from stat" -l facts');
    expect(fish.stdout).toContain("-a '(zgc list --field id 2>/dev/null)'");
    expect(fish.stdout).toContain(`complete -c zgc -n "__fish_seen_subcommand_from cite" -a '(zgc sources --field id 2>/dev/null)'`);
  });

  it('refuses an unknown shell', async () => {
    const r = await runZgc(['completion', 'tcsh']);
    expect(r.code).toBe(2);
  });
});
