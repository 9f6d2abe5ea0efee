"""The packaging contracts: one version, one list of C sources, `framelens --version`, and a
source build that tells a pip user what to install."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import glob
import os
import platform
import re
import subprocess
import sys

import pytest

import framelens
from framelens import _core
from framelens.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def header_version() -> str:
    with open(os.path.join(ROOT, "include", "framelens.h"), encoding="utf-8") as f:
        text = f.read()
    return ".".join(
        re.search(rf"^#define FL_VERSION_{p} (\d+)$", text, re.MULTILINE).group(1)  # type: ignore[union-attr]
        for p in ("MAJOR", "MINOR", "PATCH")
    )


def test_one_version_everywhere() -> None:
    # A mismatch here is a stale build: the extension or the installed metadata predates a
    # version change in include/framelens.h (make venv build redoes both).
    assert framelens.__version__ == header_version()
    assert _core.core_version == header_version()


def test_version_option_names_package_core_python_and_platform(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1, "one line, however narrow the terminal"
    assert out.startswith(f"framelens {framelens.__version__} (C core {_core.core_version}; ")
    assert f"{platform.python_implementation()} {platform.python_version()}; " in out
    assert platform.system() in out


def test_version_option_from_the_command_line() -> None:
    out = subprocess.run([sys.executable, "-m", "framelens", "--version"], check=True,
                         capture_output=True, text=True, env={**os.environ, "COLUMNS": "30"})
    assert out.stdout.startswith(f"framelens {framelens.__version__} (C core ")
    assert out.stdout.count("\n") == 1


def test_sources_list_names_every_c_file_of_the_core() -> None:
    # A C file added to csrc/ but not to the list would be missing from the extension.
    listed = read_sources_txt()
    on_disk = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "csrc", "*.c")))
    assert sorted(listed) == on_disk, "csrc/sources.txt and the files in csrc/ differ"
    assert len(set(listed)) == len(listed), "a source listed twice"


def read_sources_txt() -> list[str]:
    with open(os.path.join(ROOT, "csrc", "sources.txt"), encoding="utf-8") as f:
        return [s for s in (line.split("#", 1)[0].strip() for line in f) if s]


def run_setup_build(tmp_path: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--build-temp", str(tmp_path),
         "--build-lib", str(tmp_path)],
        check=False, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env},
    )


INSTALL_LINES = ["Debian/Ubuntu:", "libcjson-dev libutf8proc-dev", "Fedora:",
                 "cjson-devel utf8proc-devel", "brew install", "conda install"]


def test_source_build_without_pkg_config_says_what_to_install(tmp_path: str) -> None:
    r = run_setup_build(tmp_path, PKG_CONFIG="framelens-no-such-pkg-config")
    assert r.returncode != 0
    assert "pkg-config was not found" in r.stderr
    for line in INSTALL_LINES:
        assert line in r.stderr
    assert "make deps" not in r.stderr


def test_source_build_without_the_libraries_says_what_to_install(tmp_path: str) -> None:
    empty = os.path.join(str(tmp_path), "no-pc-files")
    os.mkdir(empty)
    r = run_setup_build(tmp_path, PKG_CONFIG_LIBDIR=empty, PKG_CONFIG_PATH=empty)
    assert r.returncode != 0
    assert "pkg-config cannot find libcjson and libutf8proc" in r.stderr
    for line in INSTALL_LINES:
        assert line in r.stderr
