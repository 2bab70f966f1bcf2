/** One resolver for the commands that take an id: aliases, and "did you mean" for a near id (fuse.js). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZgc } from '../helpers/io.js';

const HARBOUR = path.resolve(__dirname, '../fixtures/lookup');

describe('ids in cite and source', () => {
  it('cite suggests the near fact id for a misspelled one, exit 1', async () => {
    const r = await runZgc(['cite', '--no-cache', '--facts', HARBOUR, 'ferry-pasengers-2024']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^zgc: no fact or source "ferry-pasengers-2024"; did you mean: ferry-passengers-2024 \(Ferry passengers in Mirvale in 2024\)/);
  });

  it('cite takes an alias that names one fact, as stat does', async () => {
    const r = await runZgc(['cite', '--no-cache', '--facts', HARBOUR, 'Mirvale ferry passengers 2023']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mirvale harbour has its busiest year');
  });

  it('source suggests the near source id and takes a source title', async () => {
    const miss = await runZgc(['source', '--no-cache', '--facts', HARBOUR, 'mirvale-gazete']);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/^zgc: no source "mirvale-gazete" \(see zgc sources\); did you mean: mirvale-gazette \(Mirvale harbour has its busiest year\)\?/);
    const byTitle = await runZgc(['source', '--no-cache', '--facts', HARBOUR, 'Mirvale harbour has its busiest year', '--json']);
    expect(byTitle.code).toBe(0);
    expect(JSON.parse(byTitle.stdout).id).toBe('mirvale-gazette');
  });

  it('suggests nothing for an id like no other, and never prints the id raw', async () => {
    const r = await runZgc(['source', '--no-cache', 'zzqx\u001b[31m']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('zgc: no source "zzqx\\x1b[31m" (see zgc sources)\n');
  });
});
