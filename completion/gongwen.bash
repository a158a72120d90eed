# bash completion for gongwen (installed as
# $(DATADIR)/bash-completion/completions/gongwen). The formats and rule ids
# are asked of gongwen itself (--list-formats, check --list-rules), so the
# completion never falls behind the program.

_gongwen_formats()
{
    "$1" --list-formats 2>/dev/null | while IFS='	' read -r name _ _ _ _ aliases; do
        printf '%s\n' "$name"
        [ "$aliases" = - ] || printf '%s\n' ${aliases//,/ }
    done
}

_gongwen()
{
    local cur prev words cword
    _init_completion -n = || return
    local prog=${words[0]} sub=
    [[ ${words[1]} == check || ${words[1]} == lsp ]] && sub=${words[1]}

    if [[ $sub == check ]]; then
        case $prev in
        --disable | --enable)
            COMPREPLY=($(compgen -W "all $("$prog" check --list-rules 2>/dev/null | awk '{print $1}')" -- "$cur"))
            return ;;
        --format) COMPREPLY=($(compgen -W "text json sarif github" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning note" -- "$cur")); return ;;
        --encoding | --include | --exclude | --max-diagnostics) return ;;
        --config) _filedir json; return ;;
        esac
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--format= --color= --no-caret --disable --enable --fail-on --max-diagnostics=
                --allow-level-skip --encoding --include --exclude --list-rules --fix --diff
                --config --no-config --help --version" -- "$cur"))
            [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
            return
        fi
        _filedir
        return
    fi
    [[ $sub == lsp ]] && return

    case $prev in
    -t | --to)
        # a comma-separated list with -O: complete the last item
        local head=${cur%,*} last=${cur##*,}
        [[ $cur == *,* ]] || head=
        COMPREPLY=($(compgen -W "$(_gongwen_formats "$prog")" -P "${head:+$head,}" -- "$last"))
        return ;;
    -o | --output | --xslt | --manifest) _filedir; return ;;
    -O | --output-dir) _filedir -d; return ;;
    --encoding-errors) COMPREPLY=($(compgen -W "strict replace" -- "$cur")); return ;;
    --from) COMPREPLY=($(compgen -W "text docx html pdf markdown" -- "$cur")); return ;;
    --diagnostics) COMPREPLY=($(compgen -W "embed none" -- "$cur")); return ;;
    -j | --jobs | --param | --encoding | --include | --exclude | --source-name) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--to --output --output-dir --jobs --include --exclude --manifest
            --incremental --xslt --param --allow-xslt-io --encoding --encoding-errors= --from
            --diagnostics= --source-name --timestamp --verbose --list-formats --help --version
            --max-input= --max-files= --max-total=" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi
    [[ $cword == 1 ]] && COMPREPLY=($(compgen -W "check lsp" -- "$cur"))
    _filedir
    COMPREPLY+=()
}
complete -F _gongwen gongwen
