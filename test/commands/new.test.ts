import { cpSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { runZgc, FIXTURE_FACTS } from '../helpers/io.js';
import { BIN } from '../helpers/spawn.js';
import { tempDir } from '../helpers/tmp.js';
import { loadFacts } from '../../src/facts/load.js';

function copyOfFixtures(): string {
  const dir = path.join(tempDir(), 'facts');
  cpSync(FIXTURE_FACTS, dir, { recursive: true });
  return dir;
}

const snapshot = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('zgc new', () => {
  it('writes a filled fact that loads, and says which file it wrote', async () => {
    const dir = copyOfFixtures();
    const r = await runZgc(['new', 'expo-pavilions-2024', '--facts', dir, '--title', 'Pavilions at the expo', '--statement', 'The expo had 12 pavilions.', '--value', '12', '--unit', 'count', '--period', '2024', '--source', 'harbor-daily-expo', '--quote', 'There were 12 pavilions.', '--alias', 'how many pavilions'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote expo-pavilions-2024.yaml\n');
    expect(r.stderr).toBe('');
    const base = await loadFacts(dir);
    const fact = base.factById.get('expo-pavilions-2024')!;
    expect(fact).toMatchObject({ value: 12, unit: 'count', period: '2024', aliases: ['how many pavilions'] });
    expect(fact.sources[0]).toMatchObject({ source: 'harbor-daily-expo', quote: 'There were 12 pavilions.' });
  });

  it("points the editor at zgc's installed schema, from wherever the new file is", async () => {
    const dir = copyOfFixtures();
    await runZgc(['new', 'expo-halls-2024', '--facts', dir], { cwd: dir });
    const first = readFileSync(path.join(dir, 'expo-halls-2024.yaml'), 'utf8').split('\n')[0]!;
    const url = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(url).toMatch(/^file:\/\//);
    const schema = JSON.parse(readFileSync(fileURLToPath(url!), 'utf8')) as { title: string };
    expect(schema.title).toBe('zgc facts file');
    expect(fileURLToPath(url!)).toBe(path.resolve(__dirname, '../../schema/facts.schema.json'));
  });

  it('writes a commented template whose blanks the loader refuses at their positions', async () => {
    const dir = copyOfFixtures();
    const r = await runZgc(['new', 'expo-draft', '--facts', dir], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('is a template');
    const text = readFileSync(path.join(dir, 'expo-draft.yaml'), 'utf8');
    expect(text).toContain('# value:');
    const lint = await runZgc(['lint', '--facts', dir], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('expo-draft.yaml:7:12: error: "title" is still "<fill in>"');
  });

  it('refuses bad ids before touching the file system', async () => {
    const dir = copyOfFixtures();
    const before = snapshot(dir);
    for (const id of ['../x', '/etc/x', 'a/b', '.', '..', '', 'a\u0000b', 'x'.repeat(300), 'Expo-Visitors-2024', 'expo_visitors']) {
      const r = await runZgc(['new', id, '--facts', dir]);
      expect(r.code, id).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(path.join(path.dirname(dir), 'x.yaml'))).toBe(false);
  });

  it('refuses an id taken by a fact or a source', async () => {
    const dir = copyOfFixtures();
    const r = await runZgc(['new', 'expo-visitors-2024', '--facts', dir], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is taken (expo.yaml:2:5)');
    expect((await runZgc(['new', 'bot-digest', '--facts', dir])).code).toBe(2);
  });

  it('leaves an existing file or a dangling link exactly as it was', async () => {
    const dir = copyOfFixtures();
    writeFileSync(path.join(dir, 'taken.yaml'), '# mine\n');
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.yaml'));
    expect((await runZgc(['new', 'taken', '--facts', dir])).code).toBe(2);
    expect(readFileSync(path.join(dir, 'taken.yaml'), 'utf8')).toBe('# mine\n');
    const r = await runZgc(['new', 'dangling', '--facts', dir]);
    expect(r.code).toBe(2);
    expect(lstatSync(path.join(dir, 'dangling.yaml')).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses an unknown source or a bad value without writing', async () => {
    const dir = copyOfFixtures();
    const before = snapshot(dir);
    expect((await runZgc(['new', 'x-1', '--facts', dir, '--source', 'nope'])).code).toBe(2);
    expect((await runZgc(['new', 'x-2', '--facts', dir, '--value', 'lots'])).code).toBe(2);
    expect((await runZgc(['new', 'x-3', '--facts', dir, '--bound', 'roughly'])).code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('of two simultaneous runs for one id, exactly one succeeds', async () => {
    const dir = copyOfFixtures();
    const runOnce = (id: string, title: string) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'new', id, '--facts', dir, '--title', title, '--statement', 'A race.', '--source', 'harbor-daily-expo', '--quote', 'Q.'], { stdio: 'ignore' });
        child.on('close', (code) => resolve(code ?? -1));
      });
    for (let round = 1; round <= 5; round++) {
      const id = `race-${round}`;
      const codes = await Promise.all([runOnce(id, 'first'), runOnce(id, 'second')]);
      expect(codes.sort()).toEqual([0, 2]);
      // The file is whole: one run's text, not a mix.
      const titles = readFileSync(path.join(dir, `${id}.yaml`), 'utf8').match(/title: "(first|second)"/g);
      expect(titles).toHaveLength(1);
    }
  });
});

describe('zgc new and the facts it leaves unfinished', () => {
  it('never writes into the facts shipped with zgc: it needs --facts or ZGC_FACTS', async () => {
    const cwd = tempDir();
    const shipped = path.resolve(__dirname, '../../facts');
    const before = snapshot(shipped);
    const r = await runZgc(['new', 'my-fact'], { cwd, env: { ZGC_FACTS: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zgc: zgc new writes into the facts directory you name: pass --facts DIR \(or set ZGC_FACTS\)/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(snapshot(shipped)).toEqual(before);
    expect(readdirSync(cwd)).toEqual([]);
    const named = await runZgc(['new', 'my-fact'], { cwd, env: { ZGC_FACTS: copyOfFixtures() } });
    expect(named.code).toBe(0);
  });

  it('leaves an unfinished file out of lookups with a warning naming file:line:col, while lint fails on it', async () => {
    const dir = copyOfFixtures();
    expect((await runZgc(['new', 'expo-draft', '--facts', dir], { cwd: dir })).code).toBe(0);
    const stat = await runZgc(['stat', 'expo-visitors-2024', '--facts', dir, '--format', 'plain'], { cwd: dir });
    expect(stat.code).toBe(0);
    expect(stat.stdout).toContain('value\t52,000 visitors\n');
    expect(stat.stderr).toMatch(/^zgc: warning: expo-draft\.yaml is unfinished/);
    expect(stat.stderr).toContain('  expo-draft.yaml:7:12: "title" is still "<fill in>"');
    // Its fact is not there to be found, and a second zgc new works beside it.
    expect((await runZgc(['stat', 'expo-draft', '--facts', dir], { cwd: dir })).code).toBe(1);
    expect((await runZgc(['new', 'expo-draft-two', '--facts', dir], { cwd: dir })).code).toBe(0);
    expect((await runZgc(['list', '--facts', dir, '--field', 'id'], { cwd: dir })).stdout).not.toContain('expo-draft');
    const lint = await runZgc(['lint', '--facts', dir], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('expo-draft.yaml:7:12: error: "title" is still "<fill in>"');
  });

  it('still refuses a directory with any other error', async () => {
    const dir = copyOfFixtures();
    expect((await runZgc(['new', 'expo-draft', '--facts', dir], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'bad.yaml'), 'facts:\n  - id: Bad Id\n');
    const r = await runZgc(['stat', 'expo-visitors-2024', '--facts', dir], { cwd: dir });
    expect(r.code).toBe(2);
  });

  it('takes an interval for --period as zgc prints periods', async () => {
    const dir = copyOfFixtures();
    const r = await runZgc(['new', 'expo-week-2024', '--facts', dir, '--title', 'Expo week', '--statement', 'The expo ran a week.', '--period', '2024-04-28/2024-05-02', '--source', 'harbor-daily-expo', '--quote', 'It ran a week.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await loadFacts(dir)).factById.get('expo-week-2024')!.period).toBe('2024-04-28/2024-05-02');
  });
});
