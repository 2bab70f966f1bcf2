/**
 * Property: whatever bytes a cache file holds — random, or a valid file with
 * random bytes spliced in — every command prints what it prints with
 * --no-cache.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runZgc, FIXTURE_FACTS, type RunResult } from '../helpers/io.js';
import { tempDir } from '../helpers/tmp.js';

const COMMANDS: string[][] = [
  ['stat', 'expo-visitors-2024', '--json'],
  ['stat', 'expo vistors 2O24', '--json'],
  ['search', 'robot', 'guides', '--json'],
  ['list', '--format', 'json'],
];

const runAll = async (cacheHome: string | null): Promise<RunResult[]> => {
  const out: RunResult[] = [];
  for (const c of COMMANDS) out.push(await runZgc(cacheHome ? c : ['--no-cache', ...c], { env: { ZGC_FACTS: FIXTURE_FACTS, ...(cacheHome ? { XDG_CACHE_HOME: cacheHome } : {}) } }));
  return out;
};

function filesUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(d, e.name)) : [path.join(d, e.name)]));
}

let expected: RunResult[];
beforeAll(async () => {
  expected = await runAll(null);
});

describe('cache fuzzing', () => {
  it('random bytes in any cache file change no output (40 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uint8Array({ maxLength: 2048 }), fc.boolean(), fc.nat(), async (pick, bytes, splice, at) => {
        const cacheHome = tempDir();
        await runAll(cacheHome);
        const files = filesUnder(cacheHome).sort();
        expect(files.length).toBeGreaterThan(0);
        const victim = files[pick % files.length]!;
        const original = readFileSync(victim);
        const offset = original.length ? at % original.length : 0;
        writeFileSync(victim, splice ? Buffer.concat([original.subarray(0, offset), bytes, original.subarray(offset + bytes.length)]) : bytes);
        expect(await runAll(cacheHome)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
