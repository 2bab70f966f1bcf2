/**
 * `npm run eval`: measures `zgc check` on labelled drafts against the shipped
 * facts. Each draft has a labels file written by hand (line, the claim as
 * written, the verdict it should get). test/eval/corpus/ is the development
 * set (the rules were refined while reading its disagreements);
 * test/eval/holdout/ was labelled before zgc ever ran on it. This prints
 * precision and recall for each verdict, per set and together, every
 * disagreement, and the time a 2,000-word draft takes. Exits 1 when a goal is
 * missed on the two sets together: a wrong number reported supported, or
 * recall of supported or contradicted under 95%.
 *
 * Options: --facts DIR (default: facts/ of the working directory), --quiet
 * (no list of disagreements).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFacts } from '../../src/facts/load.js';
import { buildIndex } from '../../src/check/match.js';
import { checkDraft, VERDICTS, type CheckedClaim, type Verdict } from '../../src/check/check.js';

interface Label {
  line: number;
  /** The claim as the draft writes it, or a part of it that names it on its line. */
  claim: string;
  verdict: Verdict;
  fact?: string;
  why?: string;
}

interface LabelFile {
  draft: string;
  style: string;
  claims: Label[];
}

type Outcome = Verdict | 'missed' | 'not a claim';

interface Row {
  draft: string;
  line: number;
  text: string;
  gold: Verdict | 'not a claim';
  predicted: Verdict | 'missed';
  goldFact: string | null;
  fact: string | null;
}

const GOAL_RECALL = 0.95;

function parseArgs(argv: string[]): { facts: string; quiet: boolean } {
  let facts = process.env.ZGC_FACTS || path.resolve(process.cwd(), 'facts');
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--facts') facts = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--quiet') quiet = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { facts, quiet };
}

/** Pairs each label with the claim zgc found on its line whose text holds the label's words, in order. */
function align(labels: Label[], results: CheckedClaim[], draft: string): Row[] {
  const used = new Set<CheckedClaim>();
  const rows: Row[] = [];
  for (const l of labels) {
    const onLine = results.filter((r) => r.claim.line === l.line && !used.has(r));
    const hit = onLine.find((r) => r.claim.text.includes(l.claim) || l.claim.includes(r.claim.text));
    if (hit) used.add(hit);
    rows.push({ draft, line: l.line, text: l.claim, gold: l.verdict, predicted: hit ? hit.verdict : 'missed', goldFact: l.fact ?? null, fact: hit?.fact?.id ?? null });
  }
  for (const r of results) {
    if (!used.has(r)) rows.push({ draft, line: r.claim.line, text: r.claim.text, gold: 'not a claim', predicted: r.verdict, goldFact: null, fact: r.fact?.id ?? null });
  }
  return rows.sort((a, b) => a.line - b.line);
}

function pct(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

const SETS = [
  { name: 'development set', dir: 'test/eval/corpus' },
  { name: 'held-out set', dir: 'test/eval/holdout' },
  { name: 'fresh set', dir: 'test/eval/fresh' },
];

async function main(): Promise<number> {
  const { facts, quiet } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const base = await loadFacts(facts);
  const t1 = performance.now();
  const index = buildIndex(base);
  const t2 = performance.now();

  const out: string[] = [];
  const all: Row[] = [];
  const drafts: string[] = [];
  out.push(`zgc check against ${path.relative(process.cwd(), facts) || facts} (${base.facts.length} facts)`);
  for (const set of SETS) {
    const dir = path.resolve(process.cwd(), set.dir);
    const rows: Row[] = [];
    let n = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort()) {
      const labels = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as LabelFile;
      const text = readFileSync(path.join(dir, labels.draft), 'utf8');
      drafts.push(text);
      n++;
      rows.push(...align(labels.claims, checkDraft(text, index), labels.draft));
    }
    all.push(...rows);
    out.push('');
    out.push(`== ${set.name} (${set.dir}): ${n} drafts, ${rows.filter((r) => r.gold !== 'not a claim').length} labelled claims`);
    report(rows, out, quiet);
  }
  out.push('');
  out.push(`== both sets: ${drafts.length} drafts, ${all.filter((r) => r.gold !== 'not a claim').length} labelled claims`);
  report(all, out, true);
  const rows = all;

  // Throughput: the drafts joined until they make 2,000 words, checked as one draft.
  const pieces: string[] = [];
  let words = 0;
  for (let i = 0; words < 2000; i++) {
    const d = drafts[i % drafts.length]!;
    pieces.push(d);
    words += d.split(/\s+/).filter(Boolean).length;
  }
  const big = pieces.join('\n\n');
  const times: number[] = [];
  let claims = 0;
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    claims = checkDraft(big, index).length;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  out.push('');
  out.push(`throughput: a ${words}-word draft (${claims} claims) checks in ${times[3]!.toFixed(1)} ms (median of 7 runs; slowest ${times[times.length - 1]!.toFixed(1)} ms)`);
  out.push(`            loading ${base.facts.length} facts ${(t1 - t0).toFixed(1)} ms, building the index ${(t2 - t1).toFixed(1)} ms`);

  const recall = (v: Verdict) => {
    const gold = rows.filter((r) => r.gold === v).length;
    return gold ? rows.filter((r) => r.gold === v && r.predicted === v).length / gold : 1;
  };
  const wrongSupported = rows.filter(passedWrongly);
  const failures: string[] = [];
  if (wrongSupported.length) failures.push(`${wrongSupported.length} claim(s) reported supported that are not`);
  for (const v of ['supported', 'contradicted'] as const) if (recall(v) < GOAL_RECALL) failures.push(`recall of ${v} ${(100 * recall(v)).toFixed(1)}% is under ${100 * GOAL_RECALL}%`);
  out.push('');
  out.push(failures.length ? `goals missed: ${failures.join('; ')}` : 'goals met: no wrong number reported supported; recall of supported and contradicted at least 95%');
  process.stdout.write(out.join('\n') + '\n');
  return failures.length ? 1 : 0;
}

/** Reported supported, labelled contradicted, unsupported or no claim at all: a wrong or unchecked number passed. */
function passedWrongly(r: Row): boolean {
  return r.predicted === 'supported' && (r.gold === 'contradicted' || r.gold === 'unsupported' || r.gold === 'not a claim');
}

function report(rows: Row[], out: string[], quiet: boolean): void {
  out.push('verdict        labelled  reported  correct  precision  recall');
  for (const v of VERDICTS) {
    const gold = rows.filter((r) => r.gold === v).length;
    const predicted = rows.filter((r) => r.predicted === v).length;
    const correct = rows.filter((r) => r.gold === v && r.predicted === v).length;
    out.push(`${v.padEnd(14)} ${String(gold).padStart(8)}  ${String(predicted).padStart(8)}  ${String(correct).padStart(7)}     ${pct(correct, predicted)}  ${pct(correct, gold)}`);
  }
  const missed = rows.filter((r) => r.predicted === 'missed').length;
  const extra = rows.filter((r) => r.gold === 'not a claim').length;
  out.push(`claims not found: ${missed}; found but not labelled as claims: ${extra}`);

  const wrongSupported = rows.filter(passedWrongly);
  const factRows = rows.filter((r) => r.goldFact && r.fact && (r.gold === 'supported' || r.gold === 'contradicted' || r.gold === 'disputed') && r.predicted === r.gold);
  const sameFact = factRows.filter((r) => r.fact === r.goldFact).length;
  out.push(`reported supported but labelled otherwise (a wrong or unchecked number passed): ${wrongSupported.length}`);
  out.push(`correct verdicts citing the labelled fact: ${sameFact} of ${factRows.length}`);

  // Confusion matrix: rows are labels, columns what zgc reported.
  const cols: Outcome[] = [...VERDICTS, 'missed'];
  out.push('');
  out.push(`labelled \\ reported  ${cols.map((c) => c.padStart(12)).join('')}`);
  for (const g of [...VERDICTS, 'not a claim'] as const) {
    out.push(`${g.padEnd(20)}${cols.map((c) => String(rows.filter((r) => r.gold === g && r.predicted === c).length).padStart(12)).join('')}`);
  }

  const wrong = rows.filter((r) => r.gold !== r.predicted);
  if (!quiet && wrong.length) {
    out.push('');
    out.push('disagreements:');
    for (const r of wrong) out.push(`  ${r.draft}:${r.line} "${r.text}": labelled ${r.gold}${r.goldFact ? ` (${r.goldFact})` : ''}, reported ${r.predicted}${r.fact ? ` (${r.fact})` : ''}`);
  }

}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
