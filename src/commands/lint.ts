import path from 'node:path';
import { statSync } from 'node:fs';
import type { CommandSpec } from './types.js';
import { factsDir, factsOption, formatOptions, loadOptions, outputFormat } from './options.js';
import { loadFactsWithProblems } from '../facts/load.js';
import { checkQuotes, lintWarnings, unknownSourcesOfRefusedFiles } from '../facts/lint.js';
import { jsonDocument } from '../output/json.js';
import { problemsJson, renderProblems, sortProblems } from '../output/problems.js';
import { EXIT_OK, EXIT_NOT_FOUND, UsageError } from '../errors.js';

export const lint: CommandSpec = {
  name: 'lint',
  summary: 'validate a facts directory and check quotes against saved articles',
  examples: ['zgc lint', 'zgc lint --facts ./facts --archive ../shared/seeds', 'zgc lint --format json | jq .problems'],
  configure(cmd) {
    factsOption(cmd);
    cmd.option('--archive <dir>', "folder of saved article texts: every quote must occur in its source's archive file");
    cmd.option('--no-warnings', 'report errors only');
    formatOptions(cmd, ['plain', 'json']);
  },
  async run(ctx, _args, opts) {
    const { io, style } = ctx;
    const format = outputFormat(opts, io);
    const archive = opts.archive as string | undefined;
    const archiveDir = archive === undefined ? undefined : path.resolve(io.cwd, archive);
    if (archiveDir !== undefined) {
      let isDir = false;
      try {
        isDir = statSync(archiveDir).isDirectory();
      } catch {
        // reported below
      }
      if (!isDir) throw new UsageError(`${archive}: no such archive directory`);
    }
    const { base, problems } = await loadFactsWithProblems(factsDir(opts, io), loadOptions(ctx));
    const clean = !problems.some((p) => p.severity === 'error');
    // Citations in files refused for other errors are checked too, so that every error is reported at once.
    if (!clean) problems.push(...(await unknownSourcesOfRefusedFiles(base, problems, io.cwd)));
    // Warnings and quote checks speak of a base that loaded; a broken one gets its errors first.
    if (clean) {
      if (opts.warnings !== false) problems.push(...lintWarnings(base));
      if (archiveDir !== undefined) problems.push(...checkQuotes(base, archiveDir, io.cwd));
    }
    // A directory with no facts file passes nothing: it is a finding, not "no problems".
    if (!base.files.length) problems.push({ file: path.relative(io.cwd, factsDir(opts, io)) || '.', line: 0, col: 0, severity: 'error', message: 'no facts files (*.yaml) here: nothing was checked' });
    const found = sortProblems(opts.warnings === false ? problems.filter((p) => p.severity === 'error') : problems);
    const quotes = archiveDir !== undefined && clean ? base.facts.reduce((n, f) => n + f.sources.length, 0) : null;
    if (format === 'json') io.write(jsonDocument(problemsJson(found, { facts: base.facts.length, sources: base.sources.length, quotes })));
    else io.write(renderProblems(found, style));
    return found.length ? EXIT_NOT_FOUND : EXIT_OK;
  },
};
