import type { Command, Option } from 'commander';
import type { CommandSpec } from './types.js';
import { completionScript, SHELLS, type CommandInfo, type OptionInfo, type Shell } from '../output/completion.js';
import { EXIT_OK } from '../errors.js';
import { unknownValue } from './options.js';

/** Options whose value is a directory or a file, for path completion. */
const PATH_VALUES: Record<string, 'dir' | 'file'> = { '--facts': 'dir', '--archive': 'dir', '--out': 'file' };

function optionInfo(o: Option): OptionInfo {
  const flags = [o.short, o.long].filter((f): f is string => Boolean(f));
  const values = o.argChoices ?? (o.long ? PATH_VALUES[o.long] : undefined);
  return { flags, description: o.description, ...(values && { values }) };
}

export function describeProgram(program: Command, specs: CommandSpec[]): { commands: CommandInfo[]; global: OptionInfo[] } {
  const commands = program.commands.map((c) => {
    const spec = specs.find((s) => s.name === c.name());
    return { name: c.name(), description: c.description(), options: c.options.map(optionInfo), completes: spec?.completes ?? 'none' };
  });
  return { commands, global: program.options.filter((o) => o.long !== '--version').map(optionInfo) };
}

export const completion: CommandSpec = {
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish)',
  examples: [
    'zgc completion bash > ~/.local/share/bash-completion/completions/zgc',
    'zgc completion zsh > "${fpath[1]}/_zgc"',
    'zgc completion fish > ~/.config/fish/completions/zgc.fish',
  ],
  completes: 'shells',
  configure(cmd) {
    cmd.argument('<shell>', `one of ${SHELLS.join(', ')}`);
  },
  async run({ io, program, specs }, args) {
    const shell = args[0] as Shell;
    if (!SHELLS.includes(shell)) throw unknownValue('<shell>', String(args[0]), SHELLS);
    const { commands, global } = describeProgram(program, specs);
    io.write(completionScript(shell, commands, global));
    return EXIT_OK;
  },
};
