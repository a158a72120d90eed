#!/bin/sh
# A real editor as the client: Neovim's built-in LSP client (nvim --headless)
# opens a report through `gongwen lsp`, receives diagnostics and symbols and
# applies a code action (tests/nvim_lsp.lua). Usage: sh tests/nvim_lsp.sh ./gongwen
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null 2>&1 || { echo "nvim_lsp: nvim is missing (make deps)"; exit 1; }
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
printf '各位代表：\n一、总体要求\n（一）加强领导,落实责任。\n（二）推进工作(重点)落实。\n二、主要任务\n全面推进。\n' \
    > "$dir/report.txt"
# a home of its own: no user configuration, logs left in $dir
HOME=$dir XDG_CONFIG_HOME=$dir XDG_DATA_HOME=$dir XDG_STATE_HOME=$dir XDG_CACHE_HOME=$dir \
GONGWEN=$exe GW_FILE=$dir/report.txt \
    timeout 120 nvim --headless --clean -n -c "luafile $here/nvim_lsp.lua" </dev/null
rc=$?
[ $rc = 0 ] && echo "nvim_lsp: passed" || echo "nvim_lsp: failed ($rc)"
exit $rc
