import path from 'node:path';
import { Option } from 'commander';
import type { CommandSpec, Context } from './types.js';
import { factsOption, loadCommandFacts, outputFormat, unknownValue, type Format } from './options.js';
import { readRegularFile } from '../facts/read.js';
import { decodeUtf8 } from '../facts/yaml-safety.js';
import type { CheckedClaim } from '../check/check.js';
import { VERDICTS, type Verdict } from '../check/verdicts.js';
import type { CheckedFile } from '../output/check.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK, UsageError, ZgcError } from '../errors.js';
import { outputWidth } from '../output/layout.js';
import { visibleInline } from '../output/sanitize.js';

/** Drafts larger than this are refused: no article is near it, and it bounds the time a check takes. */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
const STDIN_NAME = '<stdin>';
const CHECK_FORMATS: Format[] = ['plain', 'table', 'json', 'ndjson'];
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
  ],
  configure(cmd) {
    cmd.argument('[files...]', 'Markdown or plain-text drafts; "-" reads stdin');
    cmd.option('--strict', 'also fail (exit 1) when a claim is unsupported');
    cmd.option('--only <verdicts>', `print only these verdicts (comma-separated: ${VERDICTS.join(', ')}); the summary still counts all`);
    factsOption(cmd);
    cmd
      .addOption(new Option('--format <format>', 'output format (default: plain, one compiler-style line per claim)').choices(CHECK_FORMATS as string[]))
      .option('--json', 'shorthand for --format json');
  },
  async run(ctx, args, opts) {
    const { io, style } = ctx;
    const format: Format = opts.format === undefined && !opts.json ? 'plain' : outputFormat(opts, io);
    const only = readOnly(opts.only);
    const { drafts, unreadable } = await readDrafts(ctx, args);
    const base = await loadCommandFacts(ctx, opts);
    // The checker is loaded by the command that uses it: its tables cost every other command's start-up about a millisecond.
    const [{ indexOf }, { checkDraft }, { renderCheckJson, renderCheckLines, renderCheckNdjson, renderCheckTable }, { vocabularyOf }] = await Promise.all([
      import('../check/match.js'),
      import('../check/check.js'),
      import('../output/check.js'),
      import('../facts/vocabulary.js'),
    ]);
    const index = indexOf(base, await vocabularyOf(base));
    const files: CheckedFile[] = drafts.map((d) => ({ file: d.name, results: checkDraft(d.text, index) }));
    const shown = (r: CheckedClaim) => only === null || only.has(r.verdict);
    if (format === 'json') io.write(renderCheckJson(files, base, shown));
    else if (format === 'ndjson') io.write(renderCheckNdjson(files, base, shown));
    else if (format === 'table') io.write(await renderCheckTable(files, base, style, shown, outputWidth(io)));
    else io.write(renderCheckLines(files, base, style, shown));
    const all = files.flatMap((f) => f.results);
    const failed = all.some((r) => r.verdict === 'contradicted') || (opts.strict === true && all.some((r) => r.verdict === 'unsupported'));
    // Drafts that could not be read are reported after the others are checked, and the run exits 2, as grep does.
    for (const p of unreadable) io.error(`zgc: ${visibleInline(p)}\n`);
    if (unreadable.length) return EXIT_ERROR;
    return failed ? EXIT_NOT_FOUND : EXIT_OK;
  },
};

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
