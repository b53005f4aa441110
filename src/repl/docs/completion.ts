import type { CommandGroupSpec } from '../../commands/spec/types.js';
import { jsonCommands } from '../../commands/json/commands.js';
import { globalOptions } from './globals.js';

/** Commands a user types (hidden ones and aliases left out, as virsh's completion does). */
function visibleCommands(groups: readonly CommandGroupSpec[]): string[] {
  return groups.flatMap((g) => g.commands.filter((c) => !c.aliasOf && !c.hidden).map((c) => c.name));
}

const optionWords = () =>
  globalOptions.flatMap((o) => [o.short && `-${o.short}`, o.long && `--${o.long}`].filter((w): w is string => !!w));

/** Options that take the next word as their value. */
const valueOptions = () =>
  globalOptions.filter((o) => o.arg && o.long !== 'version').flatMap((o) => [o.short && `-${o.short}`, o.long && `--${o.long}`].filter(Boolean));

/**
 * Bash completion: global options and command names from the registry; a command's options
 * and live values from `virsh-ts complete`, which runs the interactive shell's completion
 * on the same connection (-c, -r honoured).
 */
export function bashCompletion(groups: readonly CommandGroupSpec[]): string {
  return `# bash completion for virsh-ts (generated from the command registry: scripts/gen-man.mjs)
_virsh_ts() {
    local cur=\${COMP_WORDS[COMP_CWORD]} i=1 cmd=0 word
    local -a conn=()
    local commands="${visibleCommands(groups).join(' ')}"
    local options="${optionWords().join(' ')}"
    while [ $i -lt $COMP_CWORD ]; do
        word=\${COMP_WORDS[i]}
        case "$word" in
            -c|--connect) conn+=(-c "\${COMP_WORDS[i+1]}"); i=$((i + 2)); continue ;;
            -r|--readonly) conn+=(-r) ;;
            ${valueOptions().join('|')}) i=$((i + 1)) ;;
            -*) ;;
            *) cmd=$i; break ;;
        esac
        i=$((i + 1))
    done
    if [ $cmd -eq 0 ]; then
        case "$cur" in
            -*) COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
            *) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
        esac
        return 0
    fi
    local IFS=$'\\n'
    COMPREPLY=($("\${COMP_WORDS[0]}" "\${conn[@]}" -q complete -- "\${COMP_WORDS[@]:cmd:COMP_CWORD-cmd+1}" 2>/dev/null))
    # --json is virsh-ts's own option, which virsh's \`complete\` does not offer
    case " ${[...jsonCommands].join(' ')} " in
        *" \${COMP_WORDS[cmd]} "*)
            [[ $cur == -* && --json == "$cur"* && " \${COMP_WORDS[*]} " != *" --json "* ]] && COMPREPLY+=(--json) ;;
    esac
    return 0
}
complete -o default -o filenames -F _virsh_ts virsh-ts
`;
}

/** zsh completion, the same split as the bash script. */
export function zshCompletion(groups: readonly CommandGroupSpec[]): string {
  return `#compdef virsh-ts
# zsh completion for virsh-ts (generated from the command registry: scripts/gen-man.mjs)
_virsh_ts() {
  local -a commands options conn reply
  commands=(${visibleCommands(groups).join(' ')})
  options=(${optionWords().join(' ')})
  local -a jsoncmds=(${[...jsonCommands].join(' ')})
  local i=2 cmd=0
  while (( i < CURRENT )); do
    case $words[i] in
      -c|--connect) conn+=(-c $words[i+1]); (( i += 2 )); continue ;;
      -r|--readonly) conn+=(-r) ;;
      ${valueOptions().join('|')}) (( i++ )) ;;
      -*) ;;
      *) cmd=$i; break ;;
    esac
    (( i++ ))
  done
  if (( cmd == 0 )); then
    if [[ $PREFIX == -* ]]; then compadd -a options; else compadd -a commands; fi
    return
  fi
  reply=(\${(f)"$($words[1] $conn -q complete -- $words[cmd,CURRENT] 2>/dev/null)"})
  # --json is virsh-ts's own option, which virsh's \`complete\` does not offer
  if (( \${jsoncmds[(Ie)$words[cmd]]} )) && [[ $PREFIX == -* && --json == $PREFIX* ]] && (( ! \${words[(Ie)--json]} )); then
    reply+=(--json)
  fi
  if (( $#reply )); then compadd -Q -a reply; else _files; fi
}
_virsh_ts "$@"
`;
}
