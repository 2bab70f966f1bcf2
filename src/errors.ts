/**
 * Errors carry the exit code the CLI should end with, so that only cli.ts
 * decides how a run ends (0 answered, 1 not found / findings, 2 usage or data).
 */
export const EXIT_OK = 0;
export const EXIT_NOT_FOUND = 1;
export const EXIT_ERROR = 2;

export class ZgcError extends Error {
  readonly exitCode: number;
  /** Lines already formatted for stderr (without the "zgc: " prefix). */
  readonly lines: string[];
  constructor(message: string, exitCode = EXIT_ERROR, lines?: string[]) {
    super(message);
    this.name = 'ZgcError';
    this.exitCode = exitCode;
    this.lines = lines ?? [message];
  }
}

export class UsageError extends ZgcError {
  constructor(message: string) {
    super(message, EXIT_ERROR);
    this.name = 'UsageError';
  }
}

/** A position in a file, 1-based like editors and compilers show it. */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

export interface Problem extends Loc {
  severity: 'error' | 'warning';
  message: string;
}

export function formatProblem(p: Problem): string {
  // Line 0 means the problem is with the file as a whole (missing, unreadable).
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** At most this many problems are printed when facts cannot be loaded; a last line counts the rest. */
export const MAX_PROBLEM_LINES = 1000;

/** The facts directory is unusable: every problem is reported, grouped by file (past MAX_PROBLEM_LINES, counted). */
export class FactsError extends ZgcError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const lines = errors.slice(0, MAX_PROBLEM_LINES).map(formatProblem);
    const rest = errors.length - lines.length;
    if (rest > 0) lines.push(`... and ${rest} more ${rest === 1 ? 'problem' : 'problems'} (${errors.length} in all; zgc lint lists every one)`);
    super(errors.length === 1 ? formatProblem(errors[0]!) : `${errors.length} problems in the facts`, EXIT_ERROR, lines);
    this.name = 'FactsError';
    this.problems = errors;
  }
}
