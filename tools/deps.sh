#!/usr/bin/env bash
# tools/deps.sh: checks the system packages that building and testing framelens needs and
# installs the missing ones (Debian/Ubuntu: as root with apt-get, otherwise prints the command).
# SPDX-License-Identifier: MIT
#
# Usage: tools/deps.sh [--check]   (--check: only report, never install)
# Environment: PYTHON (default python3), CC (default gcc), CXX (default g++).
set -euo pipefail

PYTHON=${PYTHON:-python3}
CC=${CC:-gcc}
CXX=${CXX:-g++}
check_only=0
[[ "${1:-}" == "--check" ]] && check_only=1

have_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }

# Prints the Debian packages that are missing, one per line.
missing_packages() {
    command -v "$CC" >/dev/null 2>&1 || echo gcc
    command -v "$CXX" >/dev/null 2>&1 || echo g++
    command -v pkg-config >/dev/null 2>&1 || echo pkg-config
    have_pc libcjson || echo libcjson-dev
    have_pc libutf8proc || echo libutf8proc-dev
    # libgtest-dev ships prebuilt static libraries and gtest.pc / gtest_main.pc.
    { have_pc gtest && have_pc gtest_main; } || echo libgtest-dev
    # Debian's own python3 keeps venv/ensurepip and the C headers in separate packages.
    "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1 || echo python3-venv
    "$PYTHON" - >/dev/null 2>&1 <<'EOF' || echo python3-dev
import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))
EOF
}

missing=$(missing_packages | sort -u | tr '\n' ' ' | sed 's/ *$//')
if [[ -z "$missing" ]]; then
    echo "deps: all system dependencies are present"
    exit 0
fi

echo "deps: missing: $missing"
if [[ $check_only == 1 ]]; then
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: no apt-get here; install the equivalents of these Debian packages: $missing" >&2
    exit 1
fi
if [[ $(id -u) != 0 ]]; then
    echo "deps: not root, so nothing was installed. Run:" >&2
    echo "" >&2
    echo "    sudo apt-get update && sudo apt-get install -y $missing" >&2
    echo "" >&2
    echo "deps: then run make again." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "deps: apt-get update"
apt-get update -qq
echo "deps: apt-get install -y $missing"
# shellcheck disable=SC2086  # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing

still=$(missing_packages | sort -u | tr '\n' ' ' | sed 's/ *$//')
if [[ -n "$still" ]]; then
    echo "deps: still missing after apt-get install: $still" >&2
    if [[ " $still " == *" python3-venv "* || " $still " == *" python3-dev "* ]]; then
        echo "deps: ($PYTHON is $(command -v "$PYTHON"); Debian's python3-venv/python3-dev only" \
            "help Debian's /usr/bin/python3. Set PYTHON=/usr/bin/python3 or fix that Python.)" >&2
    fi
    exit 1
fi
echo "deps: all system dependencies are present"
