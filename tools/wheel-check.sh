#!/usr/bin/env bash
# tools/wheel-check.sh: installs a wheel into a fresh virtual environment and runs the smoke
# test (tools/wheel_smoke.py) with the system's cJSON and utf8proc out of reach, so that a
# wheel which still needs them fails here instead of on a user's machine.
# SPDX-License-Identifier: MIT
#
# Usage: tools/wheel-check.sh PYTHON WHEEL
#
# How the libraries are hidden: in a private mount namespace (unshare -m; as a non-root user
# unshare -rm, a user namespace mapping root), every file the dynamic loader knows for
# libcjson and libutf8proc (`ldconfig -p`, symlinks resolved) gets an empty file bind-mounted
# over it. Loading one then fails ("file too short"); outside the namespace nothing changes.
# A control step proves it: inside the namespace, loading libcjson.so.1 by name must fail.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 PYTHON WHEEL" >&2
    exit 2
fi
python=$1
wheel=$(realpath "$2")
src=$(realpath "$(dirname "$0")/..")
work=$(mktemp -d "${TMPDIR:-/tmp}/framelens-wheel-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "wheel-check: fresh virtual environment in $work/venv"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"

# The library files to hide: what the loader would find, resolved to the real files.
mapfile -t libs < <(ldconfig -p | awk '/lib(cjson|utf8proc)\.so/ {print $NF}' | xargs -r realpath | sort -u)
if [[ ${#libs[@]} -eq 0 ]]; then
    echo "wheel-check: the system has no libcjson/libutf8proc; nothing to hide"
fi
for lib in "${libs[@]}"; do
    echo "wheel-check: hiding $lib"
done

if [[ $(id -u) == 0 ]]; then
    ns=(unshare --mount --propagation private)
else
    ns=(unshare --map-root-user --mount --propagation private)
fi
: > "$work/empty"
cd "$work"  # so that nothing is imported from the source tree
env -u PYTHONPATH -u LD_LIBRARY_PATH -u LD_PRELOAD "${ns[@]}" bash -euo pipefail -c '
    empty=$1; venv_python=$2; src=$3; shift 3
    for lib in "$@"; do
        mount --bind "$empty" "$lib"
    done
    # Control: the system copies must really be out of reach now.
    if "$venv_python" -c "import ctypes; ctypes.CDLL(\"libcjson.so.1\")" 2>/dev/null ||
       "$venv_python" -c "import ctypes; ctypes.CDLL(\"libutf8proc.so.2\")" 2>/dev/null; then
        echo "wheel-check: FAIL: the system libcjson/libutf8proc can still be loaded" >&2
        exit 1
    fi
    echo "wheel-check: ok: the system libcjson and libutf8proc cannot be loaded"
    "$venv_python" "$src/tools/wheel_smoke.py" "$src"
' wheel-check "$work/empty" "$work/venv/bin/python" "$src" "${libs[@]}"
echo "wheel-check: $(basename "$wheel") works without the system libraries"
