/**
 * The build (src/build.mjs) changes how the CLI loads, never what it
 * says: the bundle with its split-out modules and its precompiled schema
 * validator prints what the sources print in-process.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnZgc } from '../helpers/spawn.js';
import { runZgc, FIXTURE_FACTS } from '../helpers/io.js';
import { factsDirWith, SOURCE_YAML } from '../helpers/tmp.js';

const DIST = path.resolve(__dirname, '../../dist');

/** A facts file breaking the schema in many ways at once. */
const BAD = `${SOURCE_YAML}  - id: Not An Id
    title: ""
    publisher: 7
    published: 2024-13
    kind: rumour
    extra: field
facts:
  - id: fact-a
    title: A fact
    statement: Something happened.
    value: twelve
    unit: Dollars
    bound: roughly
    period: {from: 2024}
    tags: [Not-A-Tag]
    aliases: [1]
    sources: []
  - title: No id
    statement: x
    sources:
      - source: src-a
`;

describe('the built CLI', () => {
  it('keeps the heavy libraries out of the bundle, in dist/lazy', () => {
    expect(existsSync(path.join(DIST, 'zgc.cjs'))).toBe(true);
    const lazy = readdirSync(path.join(DIST, 'lazy'));
    expect(lazy).toEqual(expect.arrayContaining(['yaml.cjs', 'ajv.cjs', 'ajv-compiler.cjs', 'cli-table3.cjs']));
  });

  it('reports schema errors exactly as the sources do (the validator is compiled at build time)', async () => {
    const dir = factsDirWith({ 'bad.yaml': BAD });
    const inProcess = await runZgc(['--no-cache', 'lint', '--facts', dir], { cwd: dir });
    expect(inProcess.code).toBe(1);
    expect(inProcess.stdout).toMatch(/bad\.yaml:\d+:\d+: error: "kind" must be one of: /);
    expect(inProcess.stdout).toMatch(/bad\.yaml:\d+:\d+: error: "value" must be a number/);
    const built = spawnZgc(['--no-cache', 'lint', '--facts', dir], { cwd: dir });
    expect({ code: built.code, stdout: built.stdout, stderr: built.stderr }).toEqual(inProcess);
  });

  it('answers as the sources do, cache cold and warm', async () => {
    for (const args of [['stat', 'expo-budget-2024', '--json'], ['search', 'robot', 'gides', '--json'], ['list', '--format', 'tsv']]) {
      const inProcess = await runZgc(['--no-cache', ...args]);
      for (let i = 0; i < 2; i++) {
        const built = spawnZgc([...args, '--facts', FIXTURE_FACTS]);
        expect({ code: built.code, stdout: built.stdout, stderr: built.stderr }).toEqual(inProcess);
      }
    }
  });
});
