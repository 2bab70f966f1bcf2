import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { factsDirWith, SOURCE_YAML, tempDir } from '../helpers/tmp.js';
import { runZgc } from '../helpers/io.js';

// A made-up subject: the Riverton ferry service. "crossings" and "sailings" mean the same to its editors, and no
// word of the language says so: only the directory's vocabulary can.
const FACTS_YAML = `facts:
  - id: ferry-crossings-2023
    title: Ferry crossings at Riverton in 2023
    statement: The Riverton ferry made 4,200 crossings in 2023.
    value: 4200
    unit: count
    display: 4,200 crossings
    period: 2023
    subject: Riverton ferry
    aliases: [ferry crossings]
    sources:
      - source: src-a
        quote: "The ferry made 4,200 crossings in 2023."
`;
const VOCABULARY_YAML = `vocabulary:
  synonyms:
    - [crossing, crossings, sailing, sailings]
  abbreviations:
    RFS: Riverton ferry service
`;

const DRAFT = 'The Riverton ferry logged 4,800 sailings in 2023.\n';

async function checkWith(files: Record<string, string>, extra: string[] = []) {
  const dir = factsDirWith({ 'sources.yaml': SOURCE_YAML, 'ferry.yaml': FACTS_YAML, ...files });
  const draft = path.join(tempDir(), 'draft.md');
  writeFileSync(draft, DRAFT);
  return { dir, draft, run: () => runZgc(['check', '--facts', dir, '--format', 'json', draft, ...extra]) };
}

const verdictOf = (stdout: string) => (JSON.parse(stdout) as { claims: Array<{ text: string; verdict: string; fact: string | null }> }).claims.find((c) => c.text.includes('4,800'));

describe('vocabulary.yaml', () => {
  it('links a subject\'s words for zgc check: without it the draft\'s word names no fact', async () => {
    const without = await checkWith({});
    expect(verdictOf((await without.run()).stdout)?.verdict).toBe('unsupported');
    const withVocabulary = await checkWith({ 'vocabulary.yaml': VOCABULARY_YAML });
    const r = await withVocabulary.run();
    expect(r.stderr).toBe('');
    expect(verdictOf(r.stdout)).toMatchObject({ verdict: 'contradicted', fact: 'ferry-crossings-2023' });
  });

  it('is read anew from the cache when it changes', async () => {
    const env = { XDG_CACHE_HOME: tempDir() };
    const { dir, draft } = await checkWith({ 'vocabulary.yaml': VOCABULARY_YAML });
    const check = () => runZgc(['check', '--facts', dir, '--format', 'json', draft], { env });
    expect(verdictOf((await check()).stdout)?.verdict).toBe('contradicted');
    expect(verdictOf((await check()).stdout)?.verdict).toBe('contradicted');
    writeFileSync(path.join(dir, 'vocabulary.yaml'), 'vocabulary:\n  synonyms:\n    - [crossing, voyage]\n');
    expect(verdictOf((await check()).stdout)?.verdict).toBe('unsupported');
    writeFileSync(path.join(dir, 'vocabulary.yaml'), VOCABULARY_YAML);
    expect(verdictOf((await check()).stdout)?.verdict).toBe('contradicted');
  });

  it('is refused in any other file, at its position, and zgc check will not run on it', async () => {
    const { dir } = await checkWith({ 'words.yaml': VOCABULARY_YAML });
    const r = await runZgc(['lint', '--facts', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/words\.yaml:1:1: .*vocabulary belongs in vocabulary\.yaml/);
    const checked = await runZgc(['check', '--facts', dir, '-'], { stdin: DRAFT });
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/words\.yaml:1:1: /);
  });

  it('reports a malformed group at its line and column, and lint passes a good one', async () => {
    const bad = await checkWith({ 'vocabulary.yaml': 'vocabulary:\n  synonyms:\n    - [lonely]\n  abbrev: {}\n' });
    const r = await runZgc(['lint', '--facts', bad.dir]);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/vocabulary\.yaml:3:7: error: synonyms\[0\] needs at least 2 entries/);
    expect(out).toMatch(/vocabulary\.yaml:4:3: error: unknown field "abbrev"/);
    const good = await checkWith({ 'vocabulary.yaml': VOCABULARY_YAML });
    const clean = await runZgc(['lint', '--facts', good.dir, '--no-warnings']);
    expect(clean.stdout + clean.stderr).not.toMatch(/vocabulary/);
    expect(clean.code).toBe(0);
  });
});
