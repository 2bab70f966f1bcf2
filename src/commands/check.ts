import path from 'node:path';
import { Option } from 'commander';
import type { CommandSpec, Context } from './types.js';
import { factsOption, loadCommandFacts, outputFormat, unknownValue } from './options.js';
import { readRegularFile } from '../facts/read.js';
import { decodeUtf8 } from '../facts/yaml-safety.js';
import type { CheckedClaim } from '../check/verdict/check.js';
import { VERDICTS, type Verdict } from '../check/verdict/verdicts.js';
import type { CheckedFile } from '../output/check.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK, UsageError, ZgcError } from '../errors.js';
import { outputWidth } from '../output/layout.js';
import { visibleInline } from '../output/sanitize.js';
import type { FactBase } from '../facts/types.js';
import type { FactIndex } from '../check/align/fact-index.js';
import { citeStyleNamed, DEFAULT_CITE_STYLE, isExportStyle, STYLE_NAMES, type CiteStyle } from '../cite/styles.js';
import { openFile, writeOutputFile } from '../output-file.js';

/** The report's citation styles: every name --style takes but the file formats. */
const REPORT_STYLES = STYLE_NAMES.filter((n) => !isExportStyle(citeStyleNamed(n)!));

/** Drafts larger than this are refused: no article is near it, and it bounds the time a check takes. */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
const STDIN_NAME = '<stdin>';
const CHECK_FORMATS = ['plain', 'table', 'json', 'ndjson', 'html'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];
const USAGE = 'usage: zgc check [options] <file...>   (or "zgc check -" to read the draft from stdin)';

export const check: CommandSpec = {
  name: 'check',
  summary: 'fact-check every number in a draft against the facts, with citations',
  completes: 'files',
  examples: [
    'zgc check draft.md',
    'zgc check draft.md --strict',
    'pbpaste | zgc check -',
    'zgc check draft.md --only contradicted,disputed',
    'zgc check draft.md --format json | jq \'.claims[] | select(.verdict == "contradicted")\'',
    'zgc check draft.md --format html -o report.html --open',
    'zgc check a.md b.txt --format html --style chicago > report.html',
  ],
  configure(cmd) {
    cmd.argument('[files...]', 'Markdown or plain-text drafts; "-" reads stdin');
    cmd.option('--strict', 'also fail (exit 1) when a claim is unsupported');
    cmd.option('--only <verdicts>', `print only these verdicts (comma-separated: ${VERDICTS.join(', ')}); the summary still counts all`);
    factsOption(cmd);
    cmd
      .addOption(new Option('--format <format>', 'output format (default: plain, one compiler-style line per claim; html with -o FILE.html)').choices(CHECK_FORMATS as unknown as string[]))
      .option('--json', 'shorthand for --format json')
      .option('-o, --output <file>', 'write the output to this file (whole or not at all) instead of stdout')
      .option('--force', 'with -o, replace a file already there')
      .option('--open', 'with --format html -o FILE, open the report with the system\'s default application')
      .addOption(new Option('--style <style>', `citation style of the HTML report (default: ${DEFAULT_CITE_STYLE})`).choices(REPORT_STYLES as string[]));
  },
  async run(ctx, args, opts) {
    const { io, style } = ctx;
    const output = typeof opts.output === 'string' ? opts.output : undefined;
    const format = checkFormat(opts, output, io);
    const only = readOnly(opts.only);
    const { drafts, unreadable } = await readDrafts(ctx, args);
    const base = await loadCommandFacts(ctx, opts);
    // The checker is loaded by the command that uses it: its tables cost every other command's start-up about a millisecond.
    const [{ indexOf }, { checkDraft }, { renderCheckJson, renderCheckLines, renderCheckNdjson, renderCheckTable }, { vocabularyOf }] = await Promise.all([
      import('../check/align/fact-index.js'),
      import('../check/verdict/check.js'),
      import('../output/check.js'),
      import('../facts/vocabulary.js'),
    ]);
    const index = indexOf(base, await vocabularyOf(base));
    const files: CheckedFile[] = drafts.map((d) => ({ file: d.name, results: checkDraft(d.text, index) }));
    const shown = (r: CheckedClaim) => only === null || only.has(r.verdict);
    let text: string;
    if (format === 'json') text = renderCheckJson(files, base, shown);
    else if (format === 'ndjson') text = renderCheckNdjson(files, base, shown);
    else if (format === 'table') text = await renderCheckTable(files, base, style, shown, outputWidth(io));
    else if (format === 'html') text = await htmlReport(ctx, drafts, files, base, index, { shown, style: citeStyleNamed(opts.style as string | undefined) ?? DEFAULT_CITE_STYLE });
    else text = renderCheckLines(files, base, style, shown);
    if (output === undefined) io.write(text);
    else {
      writeOutputFile(output, text, { force: opts.force === true, cwd: io.cwd });
      io.error(`zgc: wrote ${visibleInline(output)}: ${countsLine(files)}\n`);
      const failed = opts.open === true ? await openFile(path.resolve(io.cwd, output), io.env) : null;
      if (failed) io.error(`zgc: warning: ${visibleInline(failed)}\n`);
    }
    const all = files.flatMap((f) => f.results);
    const failed = all.some((r) => r.verdict === 'contradicted') || (opts.strict === true && all.some((r) => r.verdict === 'unsupported'));
    // Drafts that could not be read are reported after the others are checked, and the run exits 2, as grep does.
    for (const p of unreadable) io.error(`zgc: ${visibleInline(p)}\n`);
    if (unreadable.length) return EXIT_ERROR;
    return failed ? EXIT_NOT_FOUND : EXIT_OK;
  },
};

/** The output format: --format or --json; html for -o FILE.html; else plain lines. --style, --force and --open apply to some only. */
function checkFormat(opts: Record<string, unknown>, output: string | undefined, io: Context['io']): CheckFormat {
  const html = opts.format === undefined && !opts.json && output !== undefined && /\.html?$/i.test(output);
  const format: CheckFormat = html ? 'html' : opts.format === undefined && !opts.json ? 'plain' : (outputFormat(opts, io) as CheckFormat);
  if (opts.style !== undefined && format !== 'html') throw new UsageError('--style is the citation style of the HTML report: use it with --format html');
  if (opts.force === true && output === undefined) throw new UsageError('--force replaces the file named by -o: give -o FILE');
  if (opts.open === true && (format !== 'html' || output === undefined)) throw new UsageError('--open opens the HTML report written with --format html -o FILE');
  return format;
}

/** The HTML report: the JSON result of each claim, the words that tied it to its fact, and the drafts. */
async function htmlReport(ctx: Context, drafts: Draft[], files: CheckedFile[], base: FactBase, index: FactIndex, options: { shown: (r: CheckedClaim) => boolean; style: CiteStyle }): Promise<string> {
  const [{ tyingWordsOf }, { buildReport, renderCheckHtml }] = await Promise.all([import('../check/verdict/why.js'), import('../output/html/page.js')]);
  const epoch = Number(ctx.io.env.SOURCE_DATE_EPOCH);
  const report = await buildReport(
    files.map((f, i) => ({ ...f, text: drafts[i]!.text, words: tyingWordsOf(drafts[i]!.text, f.results, index) })),
    base,
    { ...options, cwd: ctx.io.cwd, factCount: index.count, checkedAt: ctx.io.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date(), version: ctx.program.version() ?? '' },
  );
  return renderCheckHtml(report);
}

function countsLine(files: CheckedFile[]): string {
  const all = files.flatMap((f) => f.results);
  const n = (v: Verdict) => all.filter((r) => r.verdict === v).length;
  return `${all.length} ${all.length === 1 ? 'claim' : 'claims'}: ${VERDICTS.map((v) => `${n(v)} ${v}`).join(', ')}`;
}

function readOnly(value: unknown): Set<Verdict> | null {
  if (value === undefined) return null;
  const words = String(value)
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const bad = words.filter((w) => !(VERDICTS as readonly string[]).includes(w));
  if (bad.length) throw unknownValue('--only', bad[0]!, VERDICTS);
  if (!words.length) throw new UsageError(`--only takes verdicts from: ${VERDICTS.join(', ')}`);
  return new Set(words as Verdict[]);
}

interface Draft {
  name: string;
  text: string;
}

/**
 * Reads every draft before checking any. A draft that cannot be read is named
 * in `unreadable` and the others are checked; when none can be read, the run stops here.
 */
async function readDrafts({ io }: Context, args: string[]): Promise<{ drafts: Draft[]; unreadable: string[] }> {
  if (!args.length) {
    if (io.stdinIsTTY) throw new ZgcError('no draft given', EXIT_ERROR, ['no draft given', USAGE]);
    args = ['-'];
  }
  if (args.filter((a) => a === '-').length > 1) throw new UsageError('"-" (stdin) can be given only once');
  const drafts: Draft[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      const input = await io.readStdinBytes(MAX_DRAFT_BYTES);
      if (input === null) throw new UsageError(`"zgc check -" reads the draft from stdin, but stdin is a terminal: pipe a draft in\n${USAGE}`);
      // Stdin follows the rules of a draft file (size, UTF-8, text), with the same messages.
      const text = draftText(input);
      if (typeof text === 'string') drafts.push({ name: STDIN_NAME, text });
      else if (text.empty) throw new ZgcError('no input', EXIT_ERROR);
      else problems.push(`${STDIN_NAME}: ${text.problem}`);
      continue;
    }
    const text = readDraftFile(path.resolve(io.cwd, arg));
    if (typeof text === 'string') drafts.push({ name: arg, text });
    else problems.push(`${arg}: ${text.problem}`);
  }
  if (problems.length && !drafts.length) throw new ZgcError(problems[0]!, EXIT_ERROR, problems);
  return { drafts, unreadable: problems };
}

/** A draft file: a regular file (never a FIFO or a device: read.ts), within the size limit, as text. */
function readDraftFile(file: string): string | { problem: string } {
  const read = readRegularFile(file, MAX_DRAFT_BYTES);
  if ('problem' in read) return read;
  return draftText(read.bytes);
}

/** A draft's bytes (from a file or stdin, at most the limit plus one byte) as text, or why they are not a draft. */
function draftText(bytes: Buffer): string | { problem: string; empty?: boolean } {
  if (bytes.length > MAX_DRAFT_BYTES) return { problem: `larger than ${MAX_DRAFT_BYTES / 1024 / 1024} MiB` };
  if (bytes.includes(0)) return { problem: 'not a text file' };
  const decoded = decodeUtf8(bytes);
  if ('message' in decoded) return { problem: decoded.message.replace(/facts files/, 'drafts') };
  if (!decoded.text.trim()) return { problem: 'the file is empty', empty: true };
  return stripBom(decoded.text);
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
