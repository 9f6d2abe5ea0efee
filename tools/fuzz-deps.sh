#!/usr/bin/env bash
# tools/fuzz-deps.sh: makes sure clang can build libFuzzer targets (Debian: clang and
# libclang-rt-N-dev for clang's major version N); installs them as root, else says how.
# SPDX-License-Identifier: MIT
set -euo pipefail

can_fuzz() {
    command -v clang >/dev/null 2>&1 || return 1
    local dir
    dir=$(mktemp -d)
    printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$dir/t.c"
    clang -fsanitize=fuzzer,address "$dir/t.c" -o "$dir/t" >/dev/null 2>&1
    local rc=$?
    rm -rf "$dir"
    return $rc
}

if can_fuzz; then
    echo "fuzz-deps: clang with libFuzzer is present"
    exit 0
fi
install() {
    if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "fuzz-deps: clang with libFuzzer is missing. Run:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y $*" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@"
}
command -v clang >/dev/null 2>&1 || install clang
major=$(clang -dumpversion | cut -d. -f1)
can_fuzz || install "libclang-rt-${major}-dev"
can_fuzz || { echo "fuzz-deps: clang still cannot link -fsanitize=fuzzer" >&2; exit 1; }
echo "fuzz-deps: clang with libFuzzer is present"
