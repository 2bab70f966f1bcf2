/**
 * Builds the commander program from the list of commands and runs it. This is
 * the only place that turns errors into messages and decides the exit code.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import type { CommandSpec, Context } from './commands/types.js';
import { checkChoices, styleFor, type GlobalOptions } from './commands/options.js';
import { EXIT_ERROR, ZgcError } from './errors.js';
import { processIo, type Io } from './io.js';
import { runWithCache } from './facts/load.js';
import { visibleInline } from './output/sanitize.js';

declare const ZGC_VERSION: string | undefined;
const version = typeof ZGC_VERSION === 'string' ? ZGC_VERSION : '0.0.0-dev';

/**
 * The command a run names, when it names one of ours: the first word that is
 * not an option (none of the global options takes a value).
 */
function commandNamed(argv: string[]): CommandSpec | undefined {
  const word = argv.find((a) => !a.startsWith('-'));
  return commands.find((c) => c.name === word);
}

/**
 * Builds the program. A run that names a command gets that command alone:
 * declaring all ten costs a lookup a few milliseconds. Completion describes
 * every command, and a run naming none (help, a typo) needs them all.
 */
function buildProgram(io: Io, setCode: (code: number) => void, argv: string[]): Command {
  const program = new Command('zgc')
    .description('Look up curated facts with their citations, check drafts against them, and cite them.')
    .version(version, '-V, --version', 'print the version')
    .option('--no-color', 'never colour the output (also NO_COLOR=1 or TERM=dumb)')
    .option('--debug', 'show stack traces for unexpected errors')
    .option('--no-cache', 'read every facts file afresh, neither using nor writing the cache')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.write(s),
      writeErr: (s) => io.error(s),
      outputError: (s, write) => write(usageLine(s)),
    });
  program.addHelpText('after', '\nRun "zgc <command> --help" for a command\'s options and examples.\n');
  const named = commandNamed(argv);
  const declared = named && named.name !== 'completion' ? [named] : commands;
  for (const spec of declared) {
    const cmd = program.command(spec.name).description(spec.summary);
    spec.configure(cmd);
    // Values of options with choices are checked by checkChoices, which suggests the nearest.
    for (const o of cmd.options) if (o.argChoices) o.parseArg = undefined;
    if (spec.examples.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    cmd.action(async function (this: Command) {
      checkChoices(this);
      const global = program.opts<GlobalOptions>();
      const style = await styleFor(global, io);
      const args = this.processedArgs.flatMap((a: unknown) => (a === undefined ? [] : Array.isArray(a) ? a.map(String) : [String(a)]));
      const settings = { env: io.env, cache: global.cache !== false, ...(global.debug === true && { note: (m: string) => io.error(`zgc: debug: ${visibleInline(m)}\n`) }) };
      setCode(await runWithCache(io, settings, (io, cache) => spec.run({ io, global, style, program, specs: commands, cache } satisfies Context, args, this.opts())));
    });
  }
  return program;
}

/**
 * A complaint of commander's as one line: it quotes the arguments as given,
 * so they are shown escaped like any untrusted text, and a hint of its own on
 * a second line ("Did you mean ...?") joins the first.
 */
export function usageLine(message: string): string {
  const text = message
    .replace(/^error: /, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  return `zgc: ${visibleInline(text)} (run with --help for usage)\n`;
}

/** Runs zgc with user arguments (no node and script path) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c), argv);
  if (argv.length === 0) {
    io.error(program.helpInformation());
    return EXIT_ERROR;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end well; every other commander complaint is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return err.code === 'commander.help' && err.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    if (err instanceof ZgcError) {
      for (const line of err.lines) io.error(`zgc: ${visibleInline(line)}\n`);
      return err.exitCode;
    }
    const debug = argv.includes('--debug');
    io.error(`zgc: internal error: ${visibleInline((err as Error)?.message ?? String(err))}\n`);
    if (debug && err instanceof Error && err.stack) io.error(err.stack + '\n');
    else io.error('zgc: run again with --debug for details\n');
    return EXIT_ERROR;
  }
}

/** The entry point of the built CLI: sets the exit code, which a failed write to stdout overrides. */
export async function run(): Promise<void> {
  const io = processIo();
  const code = await main(process.argv.slice(2), io);
  const failure = io.failure();
  if (failure) {
    io.error(`zgc: cannot write output: ${visibleInline(failure.message)}\n`);
    process.exitCode = EXIT_ERROR;
    return;
  }
  process.exitCode = code;
}
