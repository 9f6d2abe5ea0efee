# setup.py: the framelens._core extension module. Metadata lives in pyproject.toml.
# SPDX-License-Identifier: MIT
#
# Switches (environment variables, "1" to turn on):
#   FRAMELENS_SANITIZE     build with AddressSanitizer and UBSan (run Python with the ASan
#                          runtime in LD_PRELOAD; `make sanitize` does it all)
#   FRAMELENS_DEBUG        -O0 -g, and assert() active
#   FRAMELENS_WERROR       compiler warnings are errors (the Makefile, and so CI, turns it on)
#   FRAMELENS_LIMITED_API  build against the CPython limited API: one abi3 wheel for every
#                          CPython >= 3.11 (see docs/packaging.md for what it costs)
# PKG_CONFIG names the pkg-config program when it is not `pkg-config` on PATH.
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The oldest CPython the limited-API build targets (Py_LIMITED_API and the wheel's cp311 tag):
# 3.11 is the first whose limited API has Py_buffer, which the statistics functions read
# their float64 arrays through (3.10 reached its end of life in October 2026).
LIMITED_API_MIN = (3, 11)

# pkg-config name -> the Debian package that provides it.
PKG_CONFIG_LIBS = {"libcjson": "libcjson-dev", "libutf8proc": "libutf8proc-dev"}

# What a pip user installs first, per platform. Shown whenever a build prerequisite is missing.
INSTALL_HELP = """\
framelens is a C extension: building it from source needs a C compiler, the Python headers,
pkg-config, and the C libraries cJSON and utf8proc with their headers. Install them, then run
pip again:

  Debian/Ubuntu:  sudo apt-get install gcc pkg-config python3-dev libcjson-dev libutf8proc-dev
  Fedora:         sudo dnf install gcc pkgconf-pkg-config python3-devel cjson-devel utf8proc-devel
  macOS:          xcode-select --install; brew install pkgconf cjson utf8proc
  conda:          conda install -c conda-forge c-compiler pkg-config cjson utf8proc

A library installed under another prefix is found through PKG_CONFIG_PATH (the directory
holding libcjson.pc and libutf8proc.pc). A prebuilt wheel, where one exists for your platform,
needs none of this: pip install --only-binary framelens framelens"""


def _flag(name):
    return os.environ.get(name, "") not in ("", "0")


def _fail(problem):
    bar = "=" * 78
    raise SystemExit(f"\n{bar}\nframelens build error: {problem}\n\n{INSTALL_HELP}\n{bar}\n")


def read_sources(path="csrc/sources.txt"):
    """The C core's sources: csrc/sources.txt, one path per line, '#' starts a comment."""
    with open(path, encoding="utf-8") as f:
        lines = (line.split("#", 1)[0].strip() for line in f)
        return [line for line in lines if line]


def read_version(path="include/framelens.h"):
    """MAJOR.MINOR.PATCH from the FL_VERSION_* macros of the public header (the one place the
    version is written)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        m = re.search(rf"^#define FL_VERSION_{part} (\d+)\s*$", text, re.MULTILINE)
        if m is None:
            raise SystemExit(f"setup.py: no '#define FL_VERSION_{part} N' in {path}")
        parts.append(m.group(1))
    return ".".join(parts)


def _pkg_config(*args):
    """Runs pkg-config for all PKG_CONFIG_LIBS and returns its flags as a list."""
    tool = os.environ.get("PKG_CONFIG", "pkg-config")
    if shutil.which(tool) is None:
        _fail(f"pkg-config was not found (looked for {tool!r} on PATH).")
    missing = [
        name
        for name in PKG_CONFIG_LIBS
        if subprocess.run([tool, "--exists", name], check=False,
                          capture_output=True).returncode != 0
    ]
    if missing:
        _fail(
            "pkg-config cannot find "
            + " and ".join(missing)
            + " (their development files: headers and .pc files)."
        )
    out = subprocess.run(
        [tool, *args, *PKG_CONFIG_LIBS], check=True, capture_output=True, text=True
    ).stdout
    return shlex.split(out)


def limited_api():
    """True when building against the limited API (abi3). Refused where it cannot work."""
    if not _flag("FRAMELENS_LIMITED_API"):
        return False
    if sys.implementation.name != "cpython" or sys.version_info < LIMITED_API_MIN:
        raise SystemExit(
            "setup.py: FRAMELENS_LIMITED_API needs CPython >= {}.{}".format(*LIMITED_API_MIN)
        )
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        raise SystemExit("setup.py: the free-threaded CPython has no limited API (abi3)")
    return True


class BuildExt(build_ext):
    """Checks the prerequisites and looks up the libraries when (and only when) building, so
    that reading the metadata or making an sdist never needs them."""

    def _check_prerequisites(self):
        missing = [s for ext in self.extensions for s in ext.sources if not os.path.exists(s)]
        if missing:
            raise SystemExit("setup.py: source files are missing: " + ", ".join(missing))
        include = sysconfig.get_paths()["include"]
        if not os.path.exists(os.path.join(include, "Python.h")):
            _fail(f"the Python headers are missing (no Python.h in {include}).")
        if self.compiler.compiler_type == "unix":
            cc = self.compiler.compiler_so[0]
            if shutil.which(cc) is None:
                _fail(f"no C compiler: {cc!r} was not found.")

    def build_extensions(self):
        self._check_prerequisites()
        cflags = _pkg_config("--cflags")
        libs = _pkg_config("--libs")
        if self.compiler.compiler_type == "msvc":  # untested: see docs/packaging.md
            compile_args = ["/std:c11", "/W4"]
            link_args = []
            # MSVC has no pthreads: pthreads4w (vcpkg's `pthreads`) provides pthread.h and
            # this library for the corpus batch's worker threads (csrc/corpus.c).
            for ext in self.extensions:
                ext.libraries.append("pthreadVC3")
            if _flag("FRAMELENS_WERROR"):
                compile_args += ["/WX"]
        else:
            # -pthread: the corpus batch runs worker threads (csrc/corpus.c).
            compile_args = ["-std=c11", "-Wall", "-Wextra", "-fvisibility=hidden", "-pthread"]
            link_args = ["-pthread", "-lm"]
            if _flag("FRAMELENS_DEBUG"):
                compile_args += ["-O0", "-g", "-UNDEBUG"]
            else:
                compile_args += ["-O2"]
            if _flag("FRAMELENS_SANITIZE"):
                san = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer"]
                compile_args += san + ["-g"]
                link_args += san
            if _flag("FRAMELENS_WERROR"):
                compile_args += ["-Werror"]

        for ext in self.extensions:
            for f in cflags:
                if f.startswith("-I"):
                    ext.include_dirs.append(f[2:])
                elif f.startswith("-D"):
                    name, _, value = f[2:].partition("=")
                    ext.define_macros.append((name, value or None))
                else:
                    ext.extra_compile_args.append(f)
            for f in libs:
                if f.startswith("-l"):
                    ext.libraries.append(f[2:])
                elif f.startswith("-L"):
                    ext.library_dirs.append(f[2:])
                else:
                    ext.extra_link_args.append(f)
            # After Python's own CFLAGS, so that our -O level wins.
            ext.extra_compile_args += compile_args
            ext.extra_link_args += link_args
        super().build_extensions()


LIMITED = limited_api()
setup(
    version=read_version(),
    ext_modules=[
        Extension(
            "framelens._core",
            sources=["python/framelens/_core.c", *read_sources()],
            include_dirs=["include", "csrc"],
            depends=["include/framelens.h", "csrc/internal.h", "csrc/voice.h",
                     "csrc/attribution.h", "csrc/sources.txt"],
            define_macros=(
                [("Py_LIMITED_API", "0x{:02X}{:02X}0000".format(*LIMITED_API_MIN))]
                if LIMITED
                else []
            ),
            py_limited_api=LIMITED,
        )
    ],
    cmdclass={"build_ext": BuildExt},
    options=(
        {"bdist_wheel": {"py_limited_api": "cp{}{}".format(*LIMITED_API_MIN)}} if LIMITED else {}
    ),
)
