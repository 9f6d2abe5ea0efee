# setup.py: the framelens._core extension module. Metadata lives in pyproject.toml.
# SPDX-License-Identifier: MIT
#
# Switches (environment variables, "1" to turn on):
#   FRAMELENS_SANITIZE  build with AddressSanitizer and UBSan (run Python with the ASan
#                       runtime in LD_PRELOAD; `make sanitize` does it all)
#   FRAMELENS_DEBUG     -O0 -g, and assert() active
#   FRAMELENS_WERROR    compiler warnings are errors
import os
import shlex
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The C core, listed explicitly (keep in step with CSRC in the Makefile).
CSRC = [
    "csrc/alloc.c",
    "csrc/error.c",
    "csrc/utf8.c",
    "csrc/fold.c",
    "csrc/tokenize.c",
    "csrc/segment.c",
    "csrc/lexicon.c",
    "csrc/json_check.c",
    "csrc/lexicon_json.c",
    "csrc/match.c",
    "csrc/cues.c",
    "csrc/quotes.c",
    "csrc/attribution.c",
    "csrc/context.c",
    "csrc/analyze.c",
    "csrc/corpus.c",
    "csrc/compare.c",
]
HEADERS = ["include/framelens.h", "csrc/internal.h", "csrc/voice.h"]

# pkg-config name -> the Debian package that provides it.
PKG_CONFIG_LIBS = {"libcjson": "libcjson-dev", "libutf8proc": "libutf8proc-dev"}


def _flag(name):
    return os.environ.get(name, "") not in ("", "0")


def _fail(message):
    bar = "=" * 78
    raise SystemExit(f"\n{bar}\nframelens build error: {message}\n{bar}\n")


def _pkg_config(*args):
    """Runs pkg-config for all PKG_CONFIG_LIBS and returns its flags as a list."""
    if shutil.which("pkg-config") is None:
        _fail(
            "pkg-config was not found.\n"
            "On Debian/Ubuntu: sudo apt-get install pkg-config "
            + " ".join(PKG_CONFIG_LIBS.values())
            + "\n(or run `make deps`, which installs what is missing)"
        )
    missing = [
        name
        for name in PKG_CONFIG_LIBS
        if subprocess.run(["pkg-config", "--exists", name]).returncode != 0
    ]
    if missing:
        _fail(
            "pkg-config cannot find " + ", ".join(missing) + ".\n"
            "On Debian/Ubuntu: sudo apt-get install "
            + " ".join(PKG_CONFIG_LIBS[m] for m in missing)
            + "\n(or run `make deps`; if the library is installed elsewhere, add its .pc"
            " directory to PKG_CONFIG_PATH)"
        )
    out = subprocess.run(
        ["pkg-config", *args, *PKG_CONFIG_LIBS], check=True, capture_output=True, text=True
    ).stdout
    return shlex.split(out)


class BuildExt(build_ext):
    """Looks up the libraries and checks the sources when (and only when) building, so that
    reading the metadata never needs them."""

    def build_extensions(self):
        missing = [s for ext in self.extensions for s in ext.sources if not os.path.exists(s)]
        if missing:
            _fail("source files are missing: " + ", ".join(missing))

        cflags = _pkg_config("--cflags")
        libs = _pkg_config("--libs")
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


setup(
    ext_modules=[
        Extension(
            "framelens._core",
            sources=["python/framelens/_core.c", *CSRC],
            include_dirs=["include", "csrc"],
            depends=HEADERS,
        )
    ],
    cmdclass={"build_ext": BuildExt},
)
