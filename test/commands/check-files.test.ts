/** zgc check with several drafts, some unreadable: what can be read is checked, the rest reported, exit 2 (as grep and rg do). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';
import { tempDir } from '../helpers/tmp.js';

const FACTS = path.resolve(__dirname, '../fixtures/check/facts');

describe('zgc check with an unreadable draft', () => {
  it('checks the drafts it can read, names the others on stderr, and exits 2', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'good.md'), 'The 2024 Harbor Fair drew 52,000 visitors.\n');
    const r = await runZgc(['check', 'good.md', 'missing.md', '--facts', FACTS], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('good.md:1:');
    expect(r.stdout).toContain('supported');
    expect(r.stderr).toBe('zgc: missing.md: no such file\n');
    const json = await runZgc(['check', 'missing.md', 'good.md', '--json', '--facts', FACTS], { cwd });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).claims.length).toBeGreaterThan(0);
  });

  it('exits 2 with no output when no draft can be read', async () => {
    const cwd = tempDir();
    const r = await runZgc(['check', 'missing.md', 'gone.md', '--facts', FACTS], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
