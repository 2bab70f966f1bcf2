/** Lint findings, compiler style for people, a documented object for scripts. */
import { formatProblem, type Problem } from '../errors.js';
import { visibleInline } from './sanitize.js';
import type { Style } from './style.js';

export function sortProblems(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || rank(a) - rank(b)));
}

export function renderProblems(problems: Problem[], style: Style): string {
  const lines = problems.map((p) => {
    const text = visibleInline(formatProblem(p));
    return p.severity === 'error' ? text.replace(/: /, `: ${style.bad('error')}: `) : text.replace(/: warning: /, `: ${style.warn('warning')}: `);
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  lines.push(problems.length ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}` : style.good('no problems found'));
  return lines.join('\n') + '\n';
}

export function problemsJson(problems: Problem[], checked: { facts: number; sources: number; quotes: number | null }): object {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    ok: problems.length === 0,
    errors,
    warnings: problems.length - errors,
    checked,
    problems: problems.map(({ file, line, col, severity, message }) => ({ file, line, col, severity, message })),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
