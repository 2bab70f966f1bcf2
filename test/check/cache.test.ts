/**
 * zgc check's word index in the cache (src/check/align/word-index.ts) changes no
 * verdict: cold, warm, after an edit, damaged, hostile or unwritable, a check
 * prints what it prints with --no-cache.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runZgc, type RunResult } from '../helpers/io.js';
import { tempDir } from '../helpers/tmp.js';
import { DAMAGE } from '../helpers/damage.js';
import { CacheFile, checksum, encodeContainer, KIND_CHECK_INDEX, KIND_CHECK_WORDS } from '../../src/facts/cache.js';
import { fileWords, memoryWords, mergeWords } from '../../src/check/align/word-index.js';
import { loadFacts } from '../../src/facts/load.js';

const ROOT = path.resolve(__dirname, '../..');
const SHIPPED = path.join(ROOT, 'facts');

/** Every labelled draft: real wording against the shipped facts, in several files. */
const DRAFTS = ['corpus', 'first-holdout', 'fresh'].flatMap((set) => {
  const dir = path.join(ROOT, 'test/eval/subjects/zgc/check', set);
  return readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
});

/** A copy of the shipped facts that a test may edit. */
function factsCopy(): string {
  const dir = path.join(tempDir(), 'facts');
  cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

const check = (facts: string, cacheHome: string | null, drafts = DRAFTS): Promise<RunResult> =>
  runZgc([...(cacheHome ? [] : ['--no-cache']), 'check', ...drafts, '--facts', facts, '--format', 'json'], { env: cacheHome ? { XDG_CACHE_HOME: cacheHome } : {} });

function filesUnder(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(d, e.name)) : [path.join(d, e.name)]))
    .sort();
}

/** The word index's files: the merged index, and one file of words per facts file. */
const indexFiles = (cacheHome: string) => filesUnder(cacheHome).filter((f) => path.basename(path.dirname(f)) === 'check');
const mergedIndex = (cacheHome: string) => indexFiles(cacheHome).filter((f) => path.basename(f) === 'index.zgc');
const perFile = (cacheHome: string) => indexFiles(cacheHome).filter((f) => path.basename(f) !== 'index.zgc');

function sections(file: string, kind: number): Buffer[] {
  const cf = CacheFile.open(file, kind)!;
  const out = Array.from({ length: cf.sectionCount }, (_, i) => cf.section(i)!);
  cf.close();
  return out;
}

let facts: string;
let expected: RunResult;
beforeAll(async () => {
  facts = factsCopy();
  expected = await check(facts, null);
});

describe('the word index of zgc check', () => {
  it('changes no verdict: cold, warm and --no-cache print the same', async () => {
    expect(expected.code).toBe(1);
    const claims = (JSON.parse(expected.stdout) as { claims: unknown[] }).claims;
    expect(claims.length).toBeGreaterThan(300);
    const cacheHome = tempDir();
    expect(await check(facts, cacheHome)).toEqual(expected);
    const yamlFiles = readdirSync(facts).filter((f) => f.endsWith('.yaml'));
    expect(mergedIndex(cacheHome)).toHaveLength(1);
    expect(perFile(cacheHome)).toHaveLength(yamlFiles.length);
    expect(await check(facts, cacheHome)).toEqual(expected);
  });

  it('is made only by zgc check, and not under --no-cache', async () => {
    const cacheHome = tempDir();
    await runZgc(['stat', 'rnd-2024', '--facts', facts], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(filesUnder(cacheHome).length).toBeGreaterThan(0);
    expect(indexFiles(cacheHome)).toEqual([]);
    await runZgc(['--no-cache', 'check', DRAFTS[0]!, '--facts', facts], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(indexFiles(cacheHome)).toEqual([]);
  });

  it('sees an edit, making again only the edited file\'s words', async () => {
    const dir = factsCopy();
    const cacheHome = tempDir();
    await check(dir, cacheHome);
    const before = new Map(perFile(cacheHome).map((f) => [path.basename(f), statSync(f).mtimeMs]));
    const file = path.join(dir, 'zgc-forum-2025.yaml');
    const text = readFileSync(file, 'utf8');
    // A figure and a title word changed: verdicts and matches move.
    const edited = text.replace(/value: (\d+)/, (_, v: string) => `value: ${Number(v) + 1}`).replace(/title: (\w+)/, 'title: Renamed $1');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const after = await check(dir, cacheHome);
    expect(after).toEqual(await check(dir, null));
    expect(after).not.toEqual(expected);
    const now = perFile(cacheHome);
    // The edited file's words are new; every other file's were kept, and the old words go only once they are stale.
    const made = now.filter((f) => !before.has(path.basename(f)));
    expect(made).toHaveLength(1);
    for (const f of now) if (before.has(path.basename(f))) expect(statSync(f).mtimeMs).toBe(before.get(path.basename(f)));
    expect(await check(dir, cacheHome)).toEqual(after);
  });

  it('sees a file added and a file removed', async () => {
    const dir = factsCopy();
    const cacheHome = tempDir();
    await check(dir, cacheHome);
    const { mkdirSync, rmSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'more'));
    writeFileSync(
      path.join(dir, 'more', 'added.yaml'),
      `facts:
  - id: beijing-high-tech-enterprises-2023
    title: Beijing's national high-tech enterprises in 2023
    statement: The number of Beijing's national high-tech enterprises reached 28,000 in 2023.
    value: 28000
    unit: count
    period: 2023
    subject: Beijing
    sources:
      - source: globaltimes-2025-zgc-forum-preview
        quote: "In 2023, the number of Beijing's national high-tech enterprises reached 28,000."
`,
    );
    const added = await check(dir, cacheHome);
    expect(added).toEqual(await check(dir, null));
    expect(perFile(cacheHome)).toHaveLength(readdirSync(SHIPPED).filter((f) => f.endsWith('.yaml')).length + 1);
    rmSync(path.join(dir, 'international-cooperation.yaml'));
    const fewer = await check(dir, cacheHome);
    expect(fewer).toEqual(await check(dir, null));
    expect(fewer).not.toEqual(added);
  });
});

describe('a damaged word index', () => {
  for (const target of ['merged index', 'file words']) {
    for (const [how, damage] of DAMAGE) {
      it(`is ignored and rebuilt when the ${target} is ${how}`, async () => {
        const cacheHome = tempDir();
        await check(facts, cacheHome);
        const victims = target === 'merged index' ? mergedIndex(cacheHome) : perFile(cacheHome);
        expect(victims.length).toBeGreaterThan(0);
        // The file words are read only when the merged index is rebuilt: remove it too.
        if (target === 'file words') for (const f of mergedIndex(cacheHome)) (await import('node:fs')).rmSync(f);
        for (const f of victims) writeFileSync(f, damage(readFileSync(f)));
        expect(await check(facts, cacheHome)).toEqual(expected);
        for (const f of indexFiles(cacheHome)) expect(readFileSync(f).subarray(0, 8).toString('latin1')).toBe('ZGCCACHE');
        expect(await check(facts, cacheHome)).toEqual(expected);
      });
    }
  }

  it('is dropped when a term\'s postings fail their checksum midway, and the check runs again', async () => {
    const cacheHome = tempDir();
    await check(facts, cacheHome);
    const [index] = mergedIndex(cacheHome);
    const s = sections(index!, KIND_CHECK_INDEX);
    // The file opens (its head and table are sound); every term's postings read wrong.
    const postings = Buffer.from(s[3]!.map((b) => b ^ 0x01));
    writeFileSync(index!, Buffer.concat(encodeContainer(KIND_CHECK_INDEX, [...s.slice(0, 3), postings])));
    expect(await check(facts, cacheHome)).toEqual(expected);
    expect(sections(mergedIndex(cacheHome)[0]!, KIND_CHECK_INDEX)[3]).toEqual(s[3]);
  });
});

describe('a hostile word index', () => {
  it('is ignored when its head lies about what it was made from', async () => {
    const cacheHome = tempDir();
    await check(facts, cacheHome);
    const [index] = mergedIndex(cacheHome);
    const s = sections(index!, KIND_CHECK_INDEX);
    const meta = JSON.parse(s[0]!.toString('utf8'));
    for (const lie of [{ count: meta.count + 1 }, { files: meta.files.slice(1) }, { dir: '/elsewhere' }, { termCount: meta.termCount - 1 }, { common: 7 }, { count: -1 }]) {
      writeFileSync(index!, Buffer.concat(encodeContainer(KIND_CHECK_INDEX, [Buffer.from(JSON.stringify({ ...meta, ...lie })), ...s.slice(1)])));
      expect(await check(facts, cacheHome)).toEqual(expected);
    }
  });

  it('is ignored when its postings name facts that do not exist, with checksums that hold', async () => {
    const cacheHome = tempDir();
    await check(facts, cacheHome);
    const [index] = mergedIndex(cacheHome);
    const s = sections(index!, KIND_CHECK_INDEX);
    const table = Buffer.from(s[2]!);
    const lists: Buffer[] = [];
    let at = 0;
    for (let i = 0; i < table.length / 16; i++) {
      // Every term held by one fact far beyond the last.
      const bytes = Buffer.from([0xff, 0xff, 0x7f]);
      table.writeUInt32LE(at, i * 16);
      table.writeUInt32LE(bytes.length, i * 16 + 4);
      table.writeUInt32LE(checksum(bytes), i * 16 + 8);
      table.writeUInt32LE(1, i * 16 + 12);
      lists.push(bytes);
      at += bytes.length;
    }
    writeFileSync(index!, Buffer.concat(encodeContainer(KIND_CHECK_INDEX, [s[0]!, s[1]!, table, Buffer.concat(lists)])));
    expect(await check(facts, cacheHome)).toEqual(expected);
  });

  it('is ignored when a file\'s words are well formed but out of order', async () => {
    const cacheHome = tempDir();
    await check(facts, cacheHome);
    for (const f of mergedIndex(cacheHome)) (await import('node:fs')).rmSync(f);
    for (const f of perFile(cacheHome)) {
      const s = sections(f, KIND_CHECK_WORDS);
      const postings = Buffer.from(s[3]!);
      // Postings reversed: each term's facts out of order, and classes out of range.
      postings.reverse();
      writeFileSync(f, Buffer.concat(encodeContainer(KIND_CHECK_WORDS, [...s.slice(0, 3), postings])));
    }
    expect(await check(facts, cacheHome)).toEqual(expected);
  });
  it('is made again from the facts when a file\'s words claim another number of facts', async () => {
    const cacheHome = tempDir();
    await check(facts, cacheHome);
    for (const f of mergedIndex(cacheHome)) (await import('node:fs')).rmSync(f);
    const [victim] = perFile(cacheHome);
    const s = sections(victim!, KIND_CHECK_WORDS);
    const head = JSON.parse(s[0]!.toString('utf8'));
    writeFileSync(victim!, Buffer.concat(encodeContainer(KIND_CHECK_WORDS, [Buffer.from(JSON.stringify({ ...head, count: head.count + 1 })), ...s.slice(1)])));
    expect(await check(facts, cacheHome)).toEqual(expected);
    // Rewritten as it was made: the next run reads it as it is.
    expect(JSON.parse(sections(victim!, KIND_CHECK_WORDS)[0]!.toString('utf8')).count).toBe(head.count);
    expect(mergedIndex(cacheHome)).toHaveLength(1);
  });
});

describe('an unwritable word index', () => {
  it('never fails a check: a file where its folder should be', async () => {
    const cacheHome = tempDir();
    await runZgc(['stat', 'rnd-2024', '--facts', facts], { env: { XDG_CACHE_HOME: cacheHome } });
    const catalog = filesUnder(cacheHome).find((f) => path.basename(f) === 'catalog.zgc')!;
    const blocker = path.join(path.dirname(catalog), 'check');
    writeFileSync(blocker, 'x');
    expect(await check(facts, cacheHome)).toEqual(expected);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });
});

describe('word index fuzzing', () => {
  it('random bytes in any of its files change no verdict (20 cases)', async () => {
    const drafts = DRAFTS.slice(0, 3);
    const want = await check(facts, null, drafts);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uint8Array({ maxLength: 1024 }), fc.boolean(), fc.nat(), fc.boolean(), async (pick, bytes, splice, at, keepIndex) => {
        const cacheHome = tempDir();
        await check(facts, cacheHome, drafts);
        if (!keepIndex) for (const f of mergedIndex(cacheHome)) (await import('node:fs')).rmSync(f);
        const files = indexFiles(cacheHome);
        const victim = files[pick % files.length]!;
        const original = readFileSync(victim);
        const offset = original.length ? at % original.length : 0;
        writeFileSync(victim, splice ? Buffer.concat([original.subarray(0, offset), Buffer.from(bytes), original.subarray(offset + bytes.length)]) : Buffer.from(bytes));
        expect(await check(facts, cacheHome, drafts)).toEqual(want);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});

describe('merging files\' words', () => {
  it('gives the index of all the facts at once, however the facts are split into files', async () => {
    const all = (await loadFacts(SHIPPED)).facts;
    const whole = mergeWords([fileWords(all)])!;
    await fc.assert(
      fc.property(fc.array(fc.nat({ max: all.length }), { maxLength: 6 }), (cuts) => {
        const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), all.length];
        const parts = at.slice(1).map((end, i) => all.slice(at[i], end));
        const merged = mergeWords(parts.map((p) => fileWords(p)))!;
        expect(merged.terms).toEqual(whole.terms);
        expect([...merged.starts]).toEqual([...whole.starts]);
        expect([...merged.postings]).toEqual([...whole.postings]);
        expect(merged.common).toBe(whole.common);
      }),
      { numRuns: 30 },
    );
    // Two subjects named by as many facts: the one named by the least id is the common one, whatever the files' order.
    const [p, q, r, s] = all.slice(0, 4).map((f) => ({ ...f }));
    Object.assign(p!, { id: 'b', subject: 'Xland' });
    Object.assign(q!, { id: 'c', subject: 'Xland' });
    Object.assign(r!, { id: 'a', subject: 'Yland' });
    Object.assign(s!, { id: 'd', subject: 'Yland' });
    expect(mergeWords([fileWords([p!, q!]), fileWords([r!, s!])])!.common).toBe('Yland');
    expect(mergeWords([fileWords([s!, r!]), fileWords([q!, p!])])!.common).toBe('Yland');
    expect(mergeWords([fileWords([p!, q!, s!])])!.common).toBe('Xland');
    const words = memoryWords(whole);
    expect(words.count).toBe(all.length);
    // The subject most facts share is the base's own.
    expect(whole.common).toBe('China');
    expect(words.df('zgc')).toBeGreaterThan(10);
    expect(words.postings('no-such-term')).toHaveLength(0);
  });
});

describe('ties', () => {
  it('go to the lower id, wherever the facts are kept: more facts tie than are weighed in full', async () => {
    // 128 facts worded alike in one file, and one more, with the least id, in a file the catalog reads after it.
    const fact = (id: string, value: number) => `  - id: ${id}
    title: Widget output of the Foo Works
    statement: The Foo Works made ${value} widgets.
    value: ${value}
    unit: count
    display: ${value} widgets
    sources:
      - source: src-a
        quote: "The Foo Works made ${value} widgets."
`;
    const dir = path.join(tempDir(), 'facts');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.yaml'), 'facts:\n' + Array.from({ length: 128 }, (_, i) => fact(`foo-widgets-${String(i).padStart(3, '0')}`, 1000 + i)).join(''));
    writeFileSync(path.join(dir, 'b.yaml'), 'facts:\n' + fact('aaa-foo-widgets', 5000));
    writeFileSync(path.join(dir, 's.yaml'), 'sources:\n  - id: src-a\n    title: A made-up article\n    publisher: Example Post\n    published: 2024-01-02\n    kind: news\n');
    const draft = path.join(dir, '..', 'draft.md');
    writeFileSync(draft, 'The Foo Works widget output reached 5,000 widgets.\n');
    const plain = await runZgc(['--no-cache', 'check', draft, '--facts', dir]);
    // The facts differ only in their figures: the figure picks the one that gives it, if it is among those weighed.
    expect(plain.stdout).toBe(`${draft}:1:37 supported: "5,000 widgets" (aaa-foo-widgets; Example Post, 2024-01-02)\n1 claim: 1 supported, 0 contradicted, 0 disputed, 0 unsupported\n`);
    const cacheHome = tempDir();
    expect(await runZgc(['check', draft, '--facts', dir], { env: { XDG_CACHE_HOME: cacheHome } })).toEqual(plain);
    expect(mergedIndex(cacheHome)).toHaveLength(1);
    expect(await runZgc(['check', draft, '--facts', dir], { env: { XDG_CACHE_HOME: cacheHome } })).toEqual(plain);
  });
});
