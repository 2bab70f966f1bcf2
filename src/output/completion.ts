/**
 * Shell completion scripts for bash, zsh and fish, generated from the
 * program's own commands and options so they never fall out of date. Fact and
 * source ids are completed at completion time by asking zgc itself, so they
 * follow the facts directory in use ($ZGC_FACTS or the shipped one).
 */
export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: Shell[] = ['bash', 'zsh', 'fish'];

export interface OptionInfo {
  flags: string[];
  description: string;
  /** Values offered after the option, or 'dir' / 'file' for paths. */
  values?: string[] | 'dir' | 'file';
}

export interface CommandInfo {
  name: string;
  description: string;
  options: OptionInfo[];
  /** What the command's arguments are. */
  completes: 'facts' | 'sources' | 'files' | 'shells' | 'none';
}

const IDS = {
  facts: 'zgc list --field id 2>/dev/null',
  sources: 'zgc sources --field id 2>/dev/null',
};

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function completionScript(shell: Shell, commands: CommandInfo[], global: OptionInfo[]): string {
  if (shell === 'bash') return bash(commands, global);
  if (shell === 'zsh') return zsh(commands, global);
  return fish(commands, global);
}

function argWords(c: CommandInfo): string {
  switch (c.completes) {
    case 'facts':
      return `COMPREPLY=( $(compgen -W "$(${IDS.facts})" -- "$cur") )`;
    case 'sources':
      return `COMPREPLY=( $(compgen -W "$(${IDS.sources})" -- "$cur") )`;
    case 'files':
      return 'COMPREPLY=( $(compgen -f -- "$cur") )';
    case 'shells':
      return `COMPREPLY=( $(compgen -W "${SHELLS.join(' ')}" -- "$cur") )`;
    default:
      return 'COMPREPLY=()';
  }
}

function bash(commands: CommandInfo[], global: OptionInfo[]): string {
  const valueCases = new Map<string, string>();
  for (const o of [...global, ...commands.flatMap((c) => c.options)]) {
    if (!o.values) continue;
    const action = o.values === 'dir' ? 'compgen -d -- "$cur"' : o.values === 'file' ? 'compgen -f -- "$cur"' : `compgen -W "${o.values.join(' ')}" -- "$cur"`;
    for (const f of o.flags) valueCases.set(f, action);
  }
  const globalFlags = global.flatMap((o) => o.flags).join(' ');
  return `# zgc completion for bash. Install: zgc completion bash > ~/.local/share/bash-completion/completions/zgc
_zgc() {
  local cur prev cmd
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} ${globalFlags} --help --version" -- "$cur") )
    return
  fi
  case "$prev" in
${[...valueCases].map(([flag, action]) => `    ${flag}) COMPREPLY=( $(${action}) ); return ;;`).join('\n')}
  esac
  cmd="\${COMP_WORDS[1]}"
  case "$cmd" in
${commands
  .map((c) => `    ${c.name})
      if [[ "$cur" == -* ]]; then
        COMPREPLY=( $(compgen -W "${[...c.options.flatMap((o) => o.flags), ...global.flatMap((o) => o.flags), '--help'].join(' ')}" -- "$cur") )
      else
        ${argWords(c)}
      fi ;;`)
  .join('\n')}
  esac
}
complete -F _zgc zgc
`;
}

function zsh(commands: CommandInfo[], global: OptionInfo[]): string {
  const esc = (s: string) => s.replace(/[:\\'"[\]]/g, (m) => `\\${m}`);
  const optSpec = (o: OptionInfo) => {
    const values = o.values === 'dir' ? ':directory:_files -/' : o.values === 'file' ? ':file:_files' : o.values ? `:value:(${o.values.join(' ')})` : '';
    const flags = o.flags.length > 1 ? `{${o.flags.join(',')}}` : o.flags[0];
    return `${flags}'[${esc(o.description)}]${values}'`;
  };
  const args = (c: CommandInfo) => {
    switch (c.completes) {
      case 'facts':
        return `'*:fact id:( \${(f)"$(${IDS.facts})"} )'`;
      case 'sources':
        return `'*:source id:( \${(f)"$(${IDS.sources})"} )'`;
      case 'files':
        return `'*:file:_files'`;
      case 'shells':
        return `':shell:(${SHELLS.join(' ')})'`;
      default:
        return '';
    }
  };
  return `#compdef zgc
# zgc completion for zsh. Install: zgc completion zsh > "\${fpath[1]}/_zgc", then start a new shell.
_zgc() {
  local -a commands
  commands=(
${commands.map((c) => `    '${c.name}:${esc(c.description)}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local cmd=\${words[2]}
  shift words
  (( CURRENT-- ))
  case $cmd in
${commands.map((c) => `    ${c.name}) _arguments ${[...c.options, ...global].map(optSpec).join(' ')} ${args(c)} ;;`).join('\n')}
  esac
}
compdef _zgc zgc
`;
}

function fish(commands: CommandInfo[], global: OptionInfo[]): string {
  const lines = ['# zgc completion for fish. Install: zgc completion fish > ~/.config/fish/completions/zgc.fish', 'complete -c zgc -f'];
  const names = commands.map((c) => c.name).join(' ');
  for (const c of commands) lines.push(`complete -c zgc -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${shq(c.description)}`);
  const optLine = (o: OptionInfo, cond: string) => {
    const parts = [`complete -c zgc -n "${cond}"`];
    for (const f of o.flags) parts.push(f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`);
    if (o.values === 'dir') parts.push("-r -a '(__fish_complete_directories)'");
    else if (o.values === 'file') parts.push('-r -F');
    else if (o.values) parts.push(`-r -a ${shq(o.values.join(' '))}`);
    parts.push(`-d ${shq(o.description)}`);
    return parts.join(' ');
  };
  for (const o of global) lines.push(optLine(o, 'true'));
  for (const c of commands) {
    const cond = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(optLine(o, cond));
    if (c.completes === 'facts') lines.push(`complete -c zgc -n "${cond}" -a '(${IDS.facts})'`);
    if (c.completes === 'sources') lines.push(`complete -c zgc -n "${cond}" -a '(${IDS.sources})'`);
    if (c.completes === 'files') lines.push(`complete -c zgc -n "${cond}" -F`);
    if (c.completes === 'shells') lines.push(`complete -c zgc -n "${cond}" -a ${shq(SHELLS.join(' '))}`);
  }
  return lines.join('\n') + '\n';
}
