#!/usr/bin/env node
/**
 * `npm run eval`: measures zgc on labelled sets, per subject and in total.
 *
 * Each folder test/eval/subjects/<subject>/ has a subject.json naming its
 * facts directory, labelled drafts for `zgc check` in check/<set>/ (a draft
 * beside its NAME.labels.json, written by hand before zgc first ran on it),
 * and labelled queries for `zgc stat` in queries/<set>.json. Sets whose name
 * is or ends in "holdout" (holdout, zh-holdout) are kept untouched until the
 * end of a piece of work: they run only with --holdout. first-holdout, held out
 * once and read since, runs by default as before.
 *
 * It drives a built zgc (`--zgc PATH`, default bin/zgc) through its JSON
 * output, so the same script measures any build, and prints for check:
 * verdicts right, wrong figures reported supported, correct figures reported
 * contradicted, contradicted claims naming another fact than the labelled
 * one; for stat: queries answered with the intended fact, wrong answers, and
 * queries that must not be answered but were.
 *
 * Options: --zgc PATH, --strip-vocabulary (a copy of each facts directory
 * without its vocabulary.yaml: for builds made before zgc read one), --holdout (also the held-out sets), --only-holdout,
 * --subject NAME (repeatable), --set NAME (repeatable), --list (print every
 * disagreement), --json FILE (write the figures as JSON).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUBJECTS = path.join(ROOT, 'test/eval/subjects');

function parseArgs(argv) {
  const o = { zgc: path.join(ROOT, 'bin/zgc'), stripVocabulary: false, holdout: false, onlyHoldout: false, subjects: [], sets: [], list: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--zgc') o.zgc = path.resolve(argv[++i]);
    else if (a === '--holdout') o.holdout = true;
    else if (a === '--strip-vocabulary') o.stripVocabulary = true;
    else if (a === '--only-holdout') o.holdout = o.onlyHoldout = true;
    else if (a === '--subject') o.subjects.push(argv[++i]);
    else if (a === '--set') o.sets.push(argv[++i]);
    else if (a === '--list') o.list = true;
    else if (a === '--json') o.json = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

function zgc(opts, args, input) {
  try {
    return execFileSync(process.execPath, [opts.zgc, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (err) {
    // Exit 1 is an answer (something contradicted, a query missed); 2 is a failure.
    if (err.status === 1) return err.stdout;
    throw new Error(`zgc ${args.join(' ')} failed: ${err.stderr || err.message}`);
  }
}

/** Held-out sets: a name that is or ends in `holdout`, less the older sets listed here that are no longer held out. */
const NO_LONGER_HELD_OUT = new Set(['first-holdout']);
const heldOut = (name) => name.endsWith('holdout') && !NO_LONGER_HELD_OUT.has(name);

const wanted = (opts, name) => (opts.onlyHoldout ? heldOut(name) : !heldOut(name) || opts.holdout) && (!opts.sets.length || opts.sets.includes(name));

/** Pairs each label with the claim zgc found on its line whose text holds the label's words, in order. */
function align(labels, claims, draft) {
  const used = new Set();
  const rows = [];
  for (const l of labels) {
    const onLine = claims.filter((c) => c.line === l.line && !used.has(c));
    const hit = onLine.find((c) => c.text.includes(l.claim) || l.claim.includes(c.text));
    if (hit) used.add(hit);
    rows.push({ draft, line: l.line, text: l.claim, gold: l.verdict, predicted: hit ? hit.verdict : 'missed', goldFact: l.fact ?? null, fact: hit ? factId(hit) : null });
  }
  for (const c of claims) if (!used.has(c)) rows.push({ draft, line: c.line, text: c.text, gold: 'not a claim', predicted: c.verdict, goldFact: null, fact: factId(c) });
  return rows.sort((a, b) => a.line - b.line);
}

const factId = (c) => (c.fact === null || c.fact === undefined ? null : typeof c.fact === 'string' ? c.fact : c.fact.id);

function checkSet(opts, facts, dir, draftNames) {
  const rows = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort()) {
    const labels = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const draft = path.join(dir, labels.draft);
    draftNames.push(draft);
    const out = JSON.parse(zgc(opts, ['check', '--no-cache', '--facts', facts, '--format', 'json', draft]));
    rows.push(...align(labels.claims, out.claims, labels.draft));
  }
  return rows;
}

/** The check measures: every row labelled a claim, or reported as one. */
function checkFigures(rows) {
  const labelled = rows.filter((r) => r.gold !== 'not a claim');
  return {
    claims: labelled.length,
    right: labelled.filter((r) => r.gold === r.predicted).length,
    wrongSupported: labelled.filter((r) => r.predicted === 'supported' && r.gold !== 'supported').length,
    extraSupported: rows.filter((r) => r.predicted === 'supported' && r.gold === 'not a claim').length,
    correctContradicted: rows.filter((r) => r.predicted === 'contradicted' && (r.gold === 'supported' || r.gold === 'disputed')).length,
    correctFigures: labelled.filter((r) => r.gold === 'supported' || r.gold === 'disputed').length,
    wrongFactContradicted: rows.filter((r) => r.predicted === 'contradicted' && r.gold === 'contradicted' && r.goldFact && r.fact !== r.goldFact).length,
    extra: rows.filter((r) => r.gold === 'not a claim').length,
    missed: labelled.filter((r) => r.predicted === 'missed').length,
  };
}

function querySet(opts, facts, file) {
  const { queries } = JSON.parse(readFileSync(file, 'utf8'));
  const out = zgc(opts, ['stat', '-', '--no-cache', '--facts', facts, '--json'], queries.map((q) => q.query.replace(/\s+/g, ' ')).join('\n') + '\n');
  const results = out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  if (results.length !== queries.length) throw new Error(`${file}: ${queries.length} queries, ${results.length} answers`);
  return queries.map((q, i) => {
    const r = results[i];
    const answer = r.fact ? r.fact.id : null;
    const listed = [answer, ...(r.alternatives ?? []).map((a) => a.id ?? a.fact?.id), ...(r.suggestions ?? []).map((a) => a.id ?? a.fact?.id)].filter(Boolean);
    let outcome;
    if (q.fact) outcome = answer === q.fact ? 'right' : answer ? 'wrong' : 'missed';
    else if (q.ambiguous) outcome = !answer || q.ambiguous.filter((id) => listed.includes(id)).length >= 2 ? 'right' : 'wrong';
    else outcome = answer ? 'answered off-base' : 'right';
    return { query: q.query, kind: q.kind, gold: q.fact ?? null, answer, outcome };
  });
}

function queryFigures(rows) {
  const onBase = rows.filter((r) => r.gold);
  const offBase = rows.filter((r) => !r.gold);
  return {
    queries: rows.length,
    onBase: onBase.length,
    answeredRight: onBase.filter((r) => r.outcome === 'right').length,
    wrong: onBase.filter((r) => r.outcome === 'wrong').length,
    offBase: offBase.length,
    offBaseAnswered: offBase.filter((r) => r.outcome !== 'right').length,
  };
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const lines = [];
  const summary = { check: {}, stat: {} };
  const allCheck = [];
  const allQueries = [];
  for (const subject of readdirSync(SUBJECTS).sort()) {
    const dir = path.join(SUBJECTS, subject);
    if (!existsSync(path.join(dir, 'subject.json')) || (opts.subjects.length && !opts.subjects.includes(subject))) continue;
    const meta = JSON.parse(readFileSync(path.join(dir, 'subject.json'), 'utf8'));
    let facts = path.resolve(dir, meta.facts);
    if (opts.stripVocabulary) {
      const copy = mkdtempSync(path.join(os.tmpdir(), 'zgc-eval-'));
      cpSync(facts, copy, { recursive: true });
      rmSync(path.join(copy, 'vocabulary.yaml'), { force: true });
      facts = copy;
    }
    lines.push(`== ${subject}: ${meta.name}`);
    const checkDir = path.join(dir, 'check');
    const subjectRows = [];
    for (const set of existsSync(checkDir) ? readdirSync(checkDir).sort() : []) {
      const setDir = path.join(checkDir, set);
      if (!statSync(setDir).isDirectory() || !wanted(opts, set)) continue;
      const rows = checkSet(opts, facts, setDir, []);
      const f = checkFigures(rows);
      subjectRows.push(...rows);
      summary.check[`${subject}/${set}`] = f;
      lines.push(
        `check ${set.padEnd(14)} ${String(f.claims).padStart(4)} claims  right ${pct(f.right, f.claims).padStart(6)}  wrong supported ${f.wrongSupported}  correct contradicted ${f.correctContradicted}/${f.correctFigures}  contradicted naming another fact ${f.wrongFactContradicted}  missed ${f.missed}  extra ${f.extra} (${f.extraSupported} of them supported)`,
      );
      if (opts.list) for (const r of rows.filter((x) => x.gold !== x.predicted)) lines.push(`    ${r.draft}:${r.line} "${r.text}": labelled ${r.gold}${r.goldFact ? ` (${r.goldFact})` : ''}, reported ${r.predicted}${r.fact ? ` (${r.fact})` : ''}`);
    }
    if (subjectRows.length) {
      const f = checkFigures(subjectRows);
      summary.check[subject] = f;
      lines.push(`check ${'(all sets)'.padEnd(14)} ${String(f.claims).padStart(4)} claims  right ${pct(f.right, f.claims).padStart(6)}  wrong supported ${f.wrongSupported}  correct contradicted ${f.correctContradicted}/${f.correctFigures}  contradicted naming another fact ${f.wrongFactContradicted}`);
      allCheck.push(...subjectRows);
    }
    const queryDir = path.join(dir, 'queries');
    for (const file of existsSync(queryDir) ? readdirSync(queryDir).filter((f) => f.endsWith('.json')).sort() : []) {
      const set = file.replace(/\.json$/, '');
      if (!wanted(opts, set)) continue;
      const rows = querySet(opts, facts, path.join(queryDir, file));
      const f = queryFigures(rows);
      summary.stat[`${subject}/${set}`] = f;
      allQueries.push(...rows);
      lines.push(`stat  ${set.padEnd(14)} ${String(f.queries).padStart(4)} queries  answered right ${f.answeredRight}/${f.onBase} (${pct(f.answeredRight, f.onBase)})  wrong answers ${f.wrong}  off-base answered ${f.offBaseAnswered}/${f.offBase}`);
      if (opts.list) for (const r of rows.filter((x) => x.outcome !== 'right')) lines.push(`    [${r.kind}] "${r.query}": intended ${r.gold ?? 'no answer'}, got ${r.answer ?? 'no answer'}`);
    }
    lines.push('');
  }
  if (allCheck.length) {
    const f = checkFigures(allCheck);
    summary.check.total = f;
    lines.push(`check total: ${f.claims} claims, right ${pct(f.right, f.claims)}, wrong figures reported supported ${f.wrongSupported}, correct figures reported contradicted ${f.correctContradicted} of ${f.correctFigures} (${pct(f.correctContradicted, f.correctFigures)}), contradicted claims naming another fact ${f.wrongFactContradicted}`);
  }
  if (allQueries.length) {
    const f = queryFigures(allQueries);
    summary.stat.total = f;
    lines.push(`stat total: ${f.queries} queries, answered right ${f.answeredRight} of ${f.onBase} (${pct(f.answeredRight, f.onBase)}), wrong answers ${f.wrong}, off-base answered ${f.offBaseAnswered} of ${f.offBase}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (opts.json) writeFileSync(opts.json, JSON.stringify(summary, null, 2) + '\n');
}

main();
