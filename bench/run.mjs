/**
 * zgc's benchmark: generates fact bases of several sizes into a temporary
 * directory and times whole `zgc` processes against `node -e 0` measured in
 * the same rounds, so that every figure reads as a ratio to Node's own start.
 *
 *   npm run bench                       # 1,000, 10,000 and 100,000 facts
 *   npm run bench -- --sizes 1000,10000 --runs 15
 *   npm run bench -- --keep /tmp/zgc-bench   # keep the generated bases
 *
 * Measured, each as the median of --runs rounds (spread: min-max):
 *   node -e 0; zgc stat <id> (the shipped facts, then each size);
 *   zgc stat <misspelled query>; zgc search <words>; zgc check <2,000-word draft>;
 *   the same lookup by jq on an equivalent JSON file (when jq is installed);
 *   the first run ever (empty cache), and the first run after one file changed;
 *   peak memory of each lookup; and search quality: the share of misspelled
 *   queries whose intended fact ranks first.
 *
 * Each size is generated twice, by two generators of different shapes
 * (--corpora short,long): generate.mjs (words of 4 to 12 letters, titles of
 * about 6 words, yearly facts) and generate-long.mjs (words of 8 to 20
 * letters, titles of 9 to 14 words, facts by year, month and quarter), so
 * that one corpus cannot flatter a figure. The second is timed for lookups
 * only (stat <id>, misspelled, search; memory; quality).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBase } from './generate.mjs';
import { writeBase as writeLongBase } from './generate-long.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const ZGC = path.join(root, 'bin', 'zgc');
const RSS_PRELOAD = path.join(here, 'peak-rss.cjs');

function parseArgs(argv) {
  const o = { sizes: [1000, 10000, 100000], runs: 15, keep: null, quality: 200, corpora: ['short', 'long'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--sizes') o.sizes = v().split(',').map(Number);
    else if (a === '--runs') o.runs = Number(v());
    else if (a === '--keep') o.keep = v();
    else if (a === '--quality') o.quality = Number(v());
    else if (a === '--corpora') o.corpora = v().split(',');
    else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(path.join(root, 'dist', 'zgc.cjs'))) {
  console.error('dist/zgc.cjs is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(2);
}
const work = opts.keep ? (mkdirSync(opts.keep, { recursive: true }), opts.keep) : mkdtempSync(path.join(os.tmpdir(), 'zgc-bench-'));
const cacheHome = path.join(work, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };
delete env.ZGC_FACTS;
delete env.NODE_OPTIONS;
const hasJq = spawnSync('jq', ['--version'], { stdio: 'ignore' }).status === 0;
const help = spawnSync(process.execPath, [ZGC, '--help'], { env, encoding: 'utf8' });
const commands = new Set([...`${help.stdout}${help.stderr}`.matchAll(/^\s{2}(\w+)\b/gm)].map((m) => m[1]));

/** Runs one process; returns wall time in ms, with stdout when asked. */
function run(argv, { input, capture = false, extraEnv } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env: extraEnv ? { ...env, ...extraEnv } : env, input, stdio: [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const zgc = (...args) => [process.execPath, ZGC, ...args];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times each case once per round, each run right after a run of `node -e 0`:
 * a case's ratio is the median over rounds of its time over the node run
 * just before it, so that the machine's changing speed (other work on it)
 * touches both sides of each ratio alike. A case is a function of the round
 * number returning argv (and options), so that lookups vary.
 */
function measure(cases, rounds) {
  const node = [process.execPath, '-e', '0'];
  const times = { node: [] };
  const ratios = {};
  // Warm the page cache and the zgc cache; a case taking seconds is timed only three times.
  const slow = new Set(Object.entries(cases).filter(([, c]) => run(...c(0)).ms > 2000).map(([name]) => name));
  for (let i = 0; i < rounds; i++) {
    for (const [name, c] of Object.entries(cases)) {
      if (slow.has(name) && i >= 3) continue;
      const before = run(node).ms;
      times.node.push(before);
      const [argv, o] = c(i);
      const r = run(argv, o);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.slice(1).join(' ')} failed (${r.status}): ${r.stderr}`);
      (times[name] ??= []).push(r.ms);
      (ratios[name] ??= []).push(r.ms / before);
    }
  }
  const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, { ...stats(xs), ratio: k === 'node' ? 1 : median(ratios[k]) }]));
}

function peakRss(argv, input) {
  const out = path.join(work, `rss-${process.pid}.txt`);
  rmSync(out, { force: true });
  run(argv, { input, extraEnv: { NODE_OPTIONS: `--require ${RSS_PRELOAD}`, ZGC_BENCH_RSS: out } });
  return existsSync(out) ? Number(readFileSync(out, 'utf8')) / 1024 : NaN;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const fmt = (t) => `${t.median.toFixed(0).padStart(6)} ms ${`(${t.min.toFixed(0)}-${t.max.toFixed(0)})`.padEnd(13)} ${t.ratio.toFixed(2).padStart(6)}x`;

const report = [];
const say = (s = '') => {
  console.log(s);
  report.push(s);
};

say(`zgc benchmark: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.release()}`);
say(`${opts.runs} rounds per figure; times are medians (min-max); a ratio is the median, over rounds, of a run's time over that of \`node -e 0\` run just before it.`);
say(`commands found: ${[...commands].sort().join(', ')}${hasJq ? '; jq found' : '; jq not installed'}`);
say();

// The facts shipped with zgc.
{
  const shippedEnv = { XDG_CACHE_HOME: path.join(work, 'cache-shipped') };
  const first = run(zgc('stat', 'rnd-2024'), { extraEnv: shippedEnv });
  sleep(3100); // let the files age past the "racily clean" window, as they are in use
  const t = measure({ stat: () => [zgc('stat', 'rnd-2024'), { extraEnv: shippedEnv }] }, opts.runs);
  say('Shipped facts:');
  say(`  node -e 0                 ${fmt(t.node)}`);
  say(`  zgc stat <id>             ${fmt(t.stat)}`);
  say(`  zgc stat <id>, first run  ${first.ms.toFixed(0).padStart(6)} ms (empty cache)`);
  say();
}

const CORPORA = {
  short: { label: 'generate.mjs', write: writeBase, full: true },
  long: { label: 'generate-long.mjs', write: writeLongBase, full: false },
};
for (const c of opts.corpora) {
  if (!CORPORA[c]) {
    console.error(`unknown corpus ${c} (short, long)`);
    process.exit(2);
  }
}

const summary = [];
for (const size of opts.sizes) for (const corpus of opts.corpora) {
  const { label, write, full } = CORPORA[corpus];
  const dir = path.join(work, `base-${corpus}-${size}`);
  const t0 = Date.now();
  const base = write(dir, size);
  say(`${size.toLocaleString('en-US')} facts by ${label} in ${base.files.length} files (generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const facts = ['--facts', base.factsDir];
  const ids = base.ids;
  const pickId = (i) => ids[(i * 7919) % ids.length];
  const miss = base.queries;
  const words = (i) => {
    const q = miss[i % miss.length];
    return q.query.split(' ').filter((w) => !/\d/.test(w)).slice(0, 3).join(' ');
  };

  // The first run ever: nothing cached.
  const first = run(zgc('stat', ids[0], ...facts));
  say(`  first run ever (empty cache): ${(first.ms / 1000).toFixed(1)} s`);
  sleep(3100);

  const cases = {
    stat: (i) => [zgc('stat', pickId(i), ...facts)],
    fuzzy: (i) => [zgc('stat', miss[i % miss.length].query, ...facts)],
  };
  if (commands.has('search')) cases.search = (i) => [zgc('search', words(i), ...facts)];
  if (full && commands.has('check')) cases.check = () => [zgc('check', base.draft, ...facts)];
  if (full && hasJq) cases.jq = (i) => [['jq', '-c', '--arg', 'id', pickId(i), '.facts[] | select(.id == $id)', base.json]];
  const t = measure(cases, opts.runs);
  say(`  node -e 0                 ${fmt(t.node)}`);
  say(`  zgc stat <id>             ${fmt(t.stat)}`);
  say(`  zgc stat <misspelled>     ${fmt(t.fuzzy)}`);
  say(`  zgc search <words>        ${t.search ? fmt(t.search) : '(no search command)'}`);
  if (full) say(`  zgc check <draft>         ${t.check ? fmt(t.check) : '(no check command)'}`);
  if (full) say(`  jq, same lookup           ${t.jq ? fmt(t.jq) : '(jq not installed)'}`);

  // The first run after one file changed: edit a fact's statement in place (same size), then look up.
  const edits = [];
  for (let k = 0; full && k < 3; k++) {
    const file = base.files[1 + ((k * 37) % (base.files.length - 1))];
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('statement: "') + 'statement: "'.length;
    writeFileSync(file, text.slice(0, at) + (text[at] === 'X' ? 'Y' : 'X') + text.slice(at + 1));
    edits.push(run(zgc('stat', pickId(k), ...facts)).ms);
  }
  if (full) say(`  first run after editing one file: ${median(edits).toFixed(0)} ms (median of ${edits.length} edits)`);

  const rss = {
    stat: peakRss(zgc('stat', pickId(1), ...facts)),
    fuzzy: peakRss(zgc('stat', miss[1].query, ...facts)),
    ...(commands.has('search') && { search: peakRss(zgc('search', words(1), ...facts)) }),
  };
  say(`  peak memory: ${Object.entries(rss).map(([k, v]) => `${k} ${v.toFixed(0)} MB`).join(', ')}`);

  // Quality: every misspelled query in one batch; the answer must be the fact the query was made from.
  const qs = miss.slice(0, opts.quality);
  const batch = run(zgc('stat', '-', '--json', ...facts), { input: qs.map((q) => q.query).join('\n') + '\n', capture: true });
  const answers = batch.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const firstRight = answers.filter((a, i) => a.fact?.id === qs[i].id).length;
  let searchRight = null;
  if (commands.has('search')) {
    const sq = qs.slice(0, 40);
    searchRight = sq.filter((q) => {
      const r = run(zgc('search', q.query, '--json', '--limit', '1', ...facts), { capture: true });
      try {
        return JSON.parse(r.stdout)[0]?.id === q.id;
      } catch {
        return false;
      }
    }).length / sq.length;
  }
  say(`  quality: intended fact first for ${((100 * firstRight) / qs.length).toFixed(1)}% of ${qs.length} misspelled queries (zgc stat)${searchRight === null ? '' : `, ${(100 * searchRight).toFixed(1)}% of 40 (zgc search)`}`);
  say();
  summary.push({ size, corpus, label, t, first: first.ms, edit: edits.length ? median(edits) : undefined, rss, quality: firstRight / qs.length, searchQuality: searchRight });
}

// One table of ratios, as the README shows it: a column per size and corpus.
const ratio = (x) => (x ? x.ratio.toFixed(2) + 'x' : '');
const name = (s) => `${s.size.toLocaleString('en-US')} facts${opts.corpora.length > 1 ? `, ${s.label}` : ''}`;
say('Ratios to `node -e 0`:');
say(`| | ${summary.map(name).join(' | ')} |`);
say(`|---|${summary.map(() => '---').join('|')}|`);
say(`| node -e 0 (ms) | ${summary.map((s) => s.t.node.median.toFixed(0)).join(' | ')} |`);
for (const [label, key] of [['zgc stat <id>', 'stat'], ['zgc stat <misspelled>', 'fuzzy'], ['zgc search <words>', 'search'], ['zgc check <draft>', 'check'], ['jq, same lookup', 'jq']]) {
  say(`| ${label} | ${summary.map((s) => ratio(s.t[key])).join(' | ')} |`);
}
say(`| first run ever | ${summary.map((s) => `${(s.first / 1000).toFixed(1)} s`).join(' | ')} |`);
say(`| first run after editing one file | ${summary.map((s) => (s.edit === undefined ? '' : `${(s.edit / 1000).toFixed(2)} s`)).join(' | ')} |`);
say(`| peak memory, stat <id> / misspelled | ${summary.map((s) => `${s.rss.stat.toFixed(0)} / ${s.rss.fuzzy.toFixed(0)} MB`).join(' | ')} |`);
say(`| misspelled queries answered right | ${summary.map((s) => `${(100 * s.quality).toFixed(1)}%`).join(' | ')} |`);

writeFileSync(path.join(work, 'report.txt'), report.join('\n') + '\n');
if (!opts.keep) rmSync(work, { recursive: true, force: true });
else console.log(`\nbases, caches and report.txt kept in ${work}`);
