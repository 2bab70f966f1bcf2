/**
 * Shell completion scripts for bash, zsh and fish, generated from the
 * program's own commands and options so they never fall out of date. Fact and
 * source ids are completed at completion time by asking zgc itself, so they
 * follow the facts directory in use ($ZGC_FACTS or the shipped one).
 */
export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: Shell[] = ['bash', 'zsh', 'fish'];

/** Values that come from the facts directory in use, asked of zgc itself when completing. */
export type DynamicValues = 'facts' | 'sources' | 'tags';

export interface OptionInfo {
  flags: string[];
  description: string;
  /** Whether the option takes a value (the word after it is that value). */
  takesValue: boolean;
  /**
   * What its value completes to: fixed words, paths ('dir', 'file'), words of
   * the facts directory, or a comma-separated list of fixed words.
   */
  values?: string[] | 'dir' | 'file' | DynamicValues | { list: string[] };
}

export interface CommandInfo {
  name: string;
  description: string;
  options: OptionInfo[];
  /** What the command's arguments are: fact ids, source ids, either ('ids'), files, shells, or nothing. */
  completes: 'facts' | 'sources' | 'ids' | 'files' | 'shells' | 'none';
}

/** The commands that list the words of the facts directory in use (zsh and fish; bash passes --facts on). */
const IDS = {
  facts: 'zgc list --field id 2>/dev/null',
  sources: 'zgc sources --field id 2>/dev/null',
  tags: 'zgc list --field tags 2>/dev/null | tr , "\\n" | sort -u',
};

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function completionScript(shell: Shell, commands: CommandInfo[], global: OptionInfo[]): string {
  if (shell === 'bash') return bash(commands, global);
  if (shell === 'zsh') return zsh(commands, global);
  return fish(commands, global);
}

/** The bash lines that fill COMPREPLY with what a value or an argument completes to. */
function bashReply(values: OptionInfo['values'] | CommandInfo['completes']): string {
  if (values === undefined || values === 'none') return 'COMPREPLY=()';
  if (Array.isArray(values)) return `COMPREPLY=( $(compgen -W ${shq(values.join(' '))} -- "$cur") )`;
  if (typeof values === 'object') {
    // A comma-separated list: the words before the last comma stay, the last is completed.
    return `local head=""; [[ "$cur" == *,* ]] && head="\${cur%,*},"; COMPREPLY=( $(compgen -P "$head" -W ${shq(values.list.join(' '))} -- "\${cur##*,}") )`;
  }
  switch (values) {
    case 'dir':
      return 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- "$cur") )';
    case 'file':
    case 'files':
      return 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )';
    case 'shells':
      return `COMPREPLY=( $(compgen -W ${shq(SHELLS.join(' '))} -- "$cur") )`;
    case 'ids':
      return 'COMPREPLY=( $(compgen -W "$(_zgc_words facts; _zgc_words sources)" -- "$cur") )';
    case 'facts':
      // A word that cannot start an id ("码头吞吐量", "Robot guides") is a query: the ids of the facts it finds replace it.
      return 'if [[ -n "$cur" && "$cur" == *[^a-z0-9-]* ]]; then COMPREPLY=( $(_zgc_words query "$cur") ); else COMPREPLY=( $(compgen -W "$(_zgc_words facts)" -- "$cur") ); fi';
    default:
      return `COMPREPLY=( $(compgen -W "$(_zgc_words ${values})" -- "$cur") )`;
  }
}

/**
 * bash: the command is the first word that is not an option (no global
 * option takes a value), wherever global options stand; each command
 * completes its own options' values, so --format offers what that command
 * takes; ids and tags come from the facts directory in use, the one a
 * --facts on the line names, asked of the same zgc being completed.
 */
function bash(commands: CommandInfo[], global: OptionInfo[]): string {
  const globalFlags = global.flatMap((o) => o.flags);
  const commandCase = (c: CommandInfo) => {
    const valued = c.options.filter((o) => o.takesValue);
    const flags = [...c.options.flatMap((o) => o.flags), ...globalFlags, '--help'];
    return `    ${c.name})
      case "$prev" in
${valued.map((o) => `        ${o.flags.join('|')}) ${bashReply(o.values)}; return ;;`).join('\n')}
      esac
      if [[ "$cur" == -* ]]; then
        COMPREPLY=( $(compgen -W ${shq(flags.join(' '))} -- "$cur") )
      else
        ${bashReply(c.completes)}
      fi ;;`;
  };
  return `# zgc completion for bash. Install: zgc completion bash > ~/.local/share/bash-completion/completions/zgc
# Words of the facts directory in use: the --facts given on the line, else $ZGC_FACTS or the shipped facts.
_zgc_words() {
  local i facts=()
  for ((i = 1; i < \${#COMP_WORDS[@]} - 1; i++)); do
    [[ "\${COMP_WORDS[i]}" == --facts ]] && facts=(--facts "\${COMP_WORDS[i+1]/#\\~/$HOME}")
  done
  case "$1" in
    facts) "\${COMP_WORDS[0]}" list "\${facts[@]}" --field id 2>/dev/null ;;
    sources) "\${COMP_WORDS[0]}" sources "\${facts[@]}" --field id 2>/dev/null ;;
    tags) "\${COMP_WORDS[0]}" list "\${facts[@]}" --field tags 2>/dev/null | tr ',' '\\n' | sort -u ;;
    query) "\${COMP_WORDS[0]}" search "\${facts[@]}" --field id -- "$2" 2>/dev/null | head -n 20 ;;
  esac
}

_zgc() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ "\${COMP_WORDS[i]}" != -* ]]; then
      cmd="\${COMP_WORDS[i]}"
      break
    fi
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=( $(compgen -W ${shq([...commands.map((c) => c.name), ...globalFlags, '--help', '--version'].join(' '))} -- "$cur") )
    return
  fi
  case "$cmd" in
${commands.map(commandCase).join('\n')}
  esac
}
complete -F _zgc zgc
`;
}

function zsh(commands: CommandInfo[], global: OptionInfo[]): string {
  // For a single-quoted word that _describe and _arguments read: their colons and brackets escaped, a quote closed and reopened.
  const esc = (s: string) => s.replace(/[:\\[\]]/g, (m) => `\\${m}`).replace(/'/g, `'\\''`);
  const dynamic = (what: string, command: string) => `:${what}:( \${(f)"$(${command})"} )`;
  const valueSpec = (o: OptionInfo) => {
    const v = o.values;
    if (v === undefined) return o.takesValue ? ':value: ' : '';
    if (v === 'dir') return ':directory:_files -/';
    if (v === 'file') return ':file:_files';
    if (Array.isArray(v)) return `:value:(${v.join(' ')})`;
    if (typeof v === 'object') return `:values:_values -s , value ${v.list.join(' ')}`;
    return dynamic(v === 'facts' ? 'fact id' : v === 'sources' ? 'source id' : 'tag', IDS[v]);
  };
  const optSpec = (o: OptionInfo) => {
    const flags = o.flags.length > 1 ? `{${o.flags.join(',')}}` : o.flags[0];
    return `${flags}'[${esc(o.description)}]${valueSpec(o)}'`;
  };
  const args = (c: CommandInfo) => {
    switch (c.completes) {
      case 'facts':
        return `'*${dynamic('fact id', IDS.facts)}'`;
      case 'sources':
        return `'*${dynamic('source id', IDS.sources)}'`;
      case 'ids':
        return `'*${dynamic('id', `${IDS.facts}; ${IDS.sources}`)}'`;
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
  # The command is the first word that is not an option: global options may stand before it.
  local cmd i
  for (( i = 2; i < CURRENT; i++ )); do
    if [[ \${words[i]} != -* ]]; then
      cmd=\${words[i]}
      break
    fi
  done
  if [[ -z $cmd ]]; then
    _describe 'command' commands
    return
  fi
  words=("\${(@)words[i,-1]}")
  (( CURRENT -= i - 1 ))
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
    const v = o.values;
    if (v === 'dir') parts.push("-r -a '(__fish_complete_directories)'");
    else if (v === 'file') parts.push('-r -F');
    else if (Array.isArray(v)) parts.push(`-r -a ${shq(v.join(' '))}`);
    else if (typeof v === 'object') parts.push(`-r -a ${shq(v.list.join(' '))}`);
    else if (v !== undefined) parts.push(`-r -a '(${IDS[v]})'`);
    else if (o.takesValue) parts.push('-r');
    parts.push(`-d ${shq(o.description)}`);
    return parts.join(' ');
  };
  for (const o of global) lines.push(optLine(o, 'true'));
  for (const c of commands) {
    const cond = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(optLine(o, cond));
    if (c.completes === 'facts' || c.completes === 'ids') lines.push(`complete -c zgc -n "${cond}" -a '(${IDS.facts})'`);
    if (c.completes === 'sources' || c.completes === 'ids') lines.push(`complete -c zgc -n "${cond}" -a '(${IDS.sources})'`);
    if (c.completes === 'files') lines.push(`complete -c zgc -n "${cond}" -F`);
    if (c.completes === 'shells') lines.push(`complete -c zgc -n "${cond}" -a ${shq(SHELLS.join(' '))}`);
  }
  return lines.join('\n') + '\n';
}
