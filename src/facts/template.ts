/**
 * Writes a new fact file for `zgc new`. The id is checked before anything
 * touches the file system; the file is created exclusively, so an existing
 * file, a dangling link, or a racing `zgc new` for the same id is never
 * overwritten.
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { ZgcError, EXIT_ERROR } from '../errors.js';
import type { FactBase } from './types.js';
export { PLACEHOLDER };

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 100;
import { PLACEHOLDER } from './parse.js';

export interface NewFact {
  id: string;
  title?: string;
  statement?: string;
  value?: number;
  unit?: string;
  display?: string;
  bound?: string;
  period?: string;
  source?: string;
  quote?: string;
  aliases?: string[];
  tags?: string[];
}

/** Why an id cannot be used, or null. Pure: run before any file is touched. */
export function idProblem(id: string, base?: FactBase): string | null {
  if (id === '') return 'the id is empty';
  if (id.length > MAX_ID_LENGTH) return `the id is longer than ${MAX_ID_LENGTH} characters`;
  if (!ID_PATTERN.test(id)) return `"${id}" is not a kebab-case id (lower-case letters and digits joined by single hyphens, such as rnd-2025)`;
  if (base) {
    const folded = id.normalize('NFKC').toLowerCase();
    const clash = base.facts.find((f) => f.id.normalize('NFKC').toLowerCase() === folded) ?? base.sources.find((s) => s.id.normalize('NFKC').toLowerCase() === folded);
    if (clash) return `the id "${id}" is taken (${clash.loc.file}:${clash.loc.line}:${clash.loc.col})`;
  }
  return null;
}

/** YAML double-quoted scalar: JSON's escaping is valid YAML. */
const q = (s: string) => JSON.stringify(s);

/** The file, with `schema` (where the installed JSON Schema is, as a URL) for the YAML language server. */
export function renderTemplate(f: NewFact, schema: string): string {
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    `# A new fact written by zgc new. Replace every "${PLACEHOLDER}", then run zgc lint.`,
    "# The fields are described in zgc's JSON Schema (zgc schema --path prints where it is) and in its README (the data model).",
    'facts:',
    `  - id: ${f.id}`,
    `    # A short label, e.g. "China's R&D expenditure in 2024".`,
    `    title: ${q(f.title ?? PLACEHOLDER)}`,
    '    # One sentence in plain words.',
    `    statement: ${q(f.statement ?? PLACEHOLDER)}`,
  ];
  const opt = (key: string, value: string | number | undefined, hint: string) => {
    lines.push(value === undefined ? `    # ${key}: ${hint}` : `    ${key}: ${typeof value === 'number' ? value : q(value)}`);
  };
  opt('value', f.value, '3600000000000  (the number, scaled: 3.6 trillion -> 3600000000000; omit for a qualitative fact)');
  opt('unit', f.unit, 'CNY  (ISO 4217 for money, else percent, count, rank, year, ...)');
  opt('display', f.display, '"3.6 trillion yuan"  (as the article writes it)');
  opt('bound', f.bound, 'exact  (exact, about, more-than, at-least, nearly, at-most)');
  // An interval as zgc prints it (2025-03-27/2025-03-31) is written as the from/to mapping the schema takes.
  const interval = f.period === undefined ? null : /^([^/\s]+)\/([^/\s]+)$/.exec(f.period);
  if (interval) lines.push(`    period: {from: ${q(interval[1]!)}, to: ${q(interval[2]!)}}`);
  else opt('period', f.period, '2024  (a year, a date, or {from: 2025-03-27, to: 2025-03-31})');
  lines.push(`    aliases: [${(f.aliases ?? []).map(q).join(', ')}]`);
  lines.push(`    tags: [${(f.tags ?? []).map(q).join(', ')}]`);
  lines.push('    sources:');
  lines.push(`      - source: ${f.source ?? q(PLACEHOLDER)}`);
  lines.push('        # The sentence from the article, verbatim.');
  lines.push(`        quote: ${q(f.quote ?? PLACEHOLDER)}`);
  return lines.join('\n') + '\n';
}

/** The options of zgc new by the key they write in the template. */
const OPTION_OF_KEY: Record<string, string> = {
  id: 'the id',
  title: '--title',
  statement: '--statement',
  value: '--value',
  unit: '--unit',
  display: '--display',
  bound: '--bound',
  period: '--period',
  from: '--period',
  to: '--period',
  aliases: '--alias',
  tags: '--tag',
  source: '--source',
  quote: '--quote',
};

/**
 * The input of zgc new that a problem found in its rendered template comes
 * from (the key written on that line): a template that fails validation was
 * never written, so its file and line name nothing the user can open.
 */
export function inputAt(text: string, line: number): string {
  const written = text.split('\n')[line - 1] ?? '';
  const key = /^\s*(?:- )?([a-z]+):/.exec(written)?.[1];
  return (key && OPTION_OF_KEY[key]) ?? 'the new fact';
}

/** Creates dir/<id>.yaml exclusively; returns the path written. */
export function writeNewFactFile(dir: string, id: string, text: string): string {
  const target = path.join(dir, `${id}.yaml`);
  // The id pattern already forbids separators and dots; this keeps the promise even if it changes.
  if (path.dirname(target) !== dir) throw new ZgcError(`"${id}" would be written outside the facts directory`, EXIT_ERROR);
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ZgcError(`${target}: a file is already there; nothing was written`, EXIT_ERROR);
    throw new ZgcError(`${target}: cannot create (${code ?? (err as Error).message})`, EXIT_ERROR);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return target;
}
