import type { Command, Option } from 'commander';
import type { CommandSpec } from './types.js';
import { completionScript, SHELLS, type CommandInfo, type OptionInfo, type Shell } from '../output/completion.js';
import { EXIT_OK } from '../errors.js';
import { VERDICTS } from '../check/verdict/verdicts.js';
import { unknownValue } from './options.js';

/** What the values of options complete to, beyond the choices commander knows: paths, and words of the facts directory. */
const VALUES: Record<string, OptionInfo['values']> = {
  '--facts': 'dir',
  '--archive': 'dir',
  '--output': 'file',
  '--tag': 'tags',
  '--source': 'sources',
  '--only': { list: [...VERDICTS] },
};

function optionInfo(o: Option): OptionInfo {
  const flags = [o.short, o.long].filter((f): f is string => Boolean(f));
  const values = o.argChoices ?? (o.long ? VALUES[o.long] : undefined);
  return { flags, description: o.description, takesValue: o.required || o.optional, ...(values && { values }) };
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
