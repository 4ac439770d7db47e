# bash completion for chronomap. The flags of each command are read from `chronomap --help`,
# so they follow the program; values are completed where they are one of a few words.

_chronomap_flags() {  # _chronomap_flags COMMAND: the flags --help lists for it
    chronomap --help 2>/dev/null | awk -v cmd="$1" '
        /^  chronomap / { block = ($2 == cmd) }
        block && (/^  chronomap / || /^ +\[/) {
            while (match($0, /--[a-z][a-z-]*[a-z]/)) { print substr($0, RSTART, RLENGTH); $0 = substr($0, RSTART + RLENGTH) }
        }' | grep -vx -- '--no' | sort -u
}

_chronomap() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="validate status events diff history export animate init"
    COMPREPLY=()
    case $prev in
        --basis | --compare-basis) COMPREPLY=($(compgen -W "de_facto de_jure" -- "$cur")); return ;;
        --renderer) COMPREPLY=($(compgen -W "auto cpu gpu" -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W "en tr az ru hy ka" -- "$cur")); return ;;
        --out | --script | --screenshot) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --date | --from | --to | --compare | --size | --bbox | --fps | --years-per-second | --per-event | \
            --hold-start | --hold-end | --ui-scale | --exit-after-frames) return ;;
    esac
    local command=${COMP_WORDS[1]}
    if [[ $COMP_CWORD -eq 1 && $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_chronomap_flags "[ATLAS]") --help --version --allow-external" -- "$cur"))
    elif [[ $COMP_CWORD -eq 1 ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur") $(compgen -f -- "$cur"))
    elif [[ $cur == -* ]]; then
        local flags
        case " $commands " in
            *" $command "*) flags=$(_chronomap_flags "$command") ;;
            *) flags=$(_chronomap_flags "[ATLAS]") ;;  # the window
        esac
        # animate takes export's --no-... switches too
        [[ $command == animate ]] && flags="$flags $(_chronomap_flags export | grep -- '^--no-')"
        COMPREPLY=($(compgen -W "$flags --allow-external" -- "$cur"))
    else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -F _chronomap chronomap
