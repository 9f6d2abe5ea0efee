"""tools/wheel_check.py: checks a built wheel and sdist before anyone installs them.

SPDX-License-Identifier: MIT

Usage:
    python tools/wheel_check.py wheel WHEEL   the wheel needs nothing outside itself and the
                                              manylinux set of system libraries
    python tools/wheel_check.py sdist SDIST   the sdist carries the docs, tests and benchmarks

`wheel` reads every ELF file in the wheel with `readelf -d` and resolves each DT_NEEDED entry:
a library bundled in the wheel (found through the file's RUNPATH/RPATH, $ORIGIN-relative) or
one the wheel's manylinux policy allows (auditwheel's own policy table) passes; anything else
(libcjson.so.1 from /usr/lib, say) fails, as does a wheel whose platform tag is not manylinux
(pip indexes refuse `linux_x86_64`), and so does a bundled library whose licence the wheel
lacks (tools/wheel_licenses.py adds them). Exits 1 with one line per problem.
"""

from __future__ import annotations

import glob
import importlib.resources
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

# What the sdist must carry besides the package (README links to docs/; tests and benchmarks
# let a packager check the build), and the build inputs that setup.py reads.
SDIST_REQUIRED = [
    "docs/",
    "tests/python/",
    "tests/c/",
    "benchmarks/",
    "csrc/sources.txt",
    "include/framelens.h",
    "csrc/internal.h",
    "MANIFEST.in",
    "Makefile",
    "LICENSE",
]


def wheel_platform_tags(wheel: str) -> list[str]:
    """The platform tags of a wheel file name (name-ver(-build)?-py-abi-plat.whl)."""
    stem = os.path.basename(wheel)[: -len(".whl")]
    return stem.split("-")[-1].split(".")


def policy_whitelist(tag: str) -> set[str]:
    """The system libraries auditwheel's policy for a manylinux tag lets a wheel need."""
    policies = json.loads(
        importlib.resources.files("auditwheel.policy").joinpath("manylinux-policy.json").read_text()
    )
    m = re.match(r"(manylinux(?:1|2010|2014|_\d+_\d+))_", tag)
    if m is None:
        raise SystemExit(f"wheel_check: {tag} is not a manylinux tag")
    name = m.group(1)
    for policy in policies:
        if policy["name"] == name or name in policy.get("aliases", []):
            return set(policy["lib_whitelist"])
    raise SystemExit(f"wheel_check: auditwheel has no policy named {name}")


def dynamic_section(path: str) -> tuple[list[str], list[str]]:
    """(DT_NEEDED names, RUNPATH/RPATH directories) of an ELF file, from `readelf -d`."""
    out = subprocess.run(
        ["readelf", "-d", path], check=True, capture_output=True, text=True
    ).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
    paths: list[str] = []
    runpath = r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]"
    for value in re.findall(runpath, out):
        paths += [p for p in value.split(":") if p]
    return needed, paths


def is_elf(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def check_wheel(wheel: str) -> list[str]:
    """Problems with a wheel: a non-manylinux tag, or a needed library from outside it."""
    problems = []
    tags = wheel_platform_tags(wheel)
    manylinux = [t for t in tags if t.startswith("manylinux")]
    if not manylinux:
        return [f"{wheel}: platform tag {'.'.join(tags)} is not manylinux (run auditwheel repair)"]
    allowed = set.intersection(*(policy_whitelist(t) for t in manylinux))
    with tempfile.TemporaryDirectory() as root:
        with zipfile.ZipFile(wheel) as z:
            z.extractall(root)
        elf_files = [
            os.path.join(d, f)
            for d, _, files in os.walk(root)
            for f in files
            if is_elf(os.path.join(d, f))
        ]
        if not any(".so" in f for f in elf_files):
            problems.append(f"{wheel}: no extension module inside")
        for lib in glob.glob(os.path.join(root, "*.libs", "*")):
            rel = os.path.relpath(lib, root)
            notice = glob.glob(os.path.join(root, "*.dist-info", "licenses", rel + ".copyright"))
            if not notice:
                problems.append(f"{rel} is bundled without its licence (tools/wheel_licenses.py)")
            else:
                print(f"  {rel}: licence in {os.path.relpath(notice[0], root)}")
        for path in elf_files:
            rel = os.path.relpath(path, root)
            needed, search = dynamic_section(path)
            dirs = [os.path.normpath(p.replace("$ORIGIN", os.path.dirname(path))) for p in search]
            for lib in needed:
                bundled = [d for d in dirs if os.path.commonpath([d, root]) == root
                           and os.path.exists(os.path.join(d, lib))]
                if bundled:
                    print(f"  {rel}: {lib} -> bundled in {os.path.relpath(bundled[0], root)}/")
                elif lib in allowed or lib.startswith("ld-linux"):
                    print(f"  {rel}: {lib} -> system ({manylinux[0]} set)")
                else:
                    problems.append(f"{rel} needs {lib}, which is neither in the wheel nor "
                                    f"in the {manylinux[0]} set of system libraries")
    return problems


def check_sdist(sdist: str) -> list[str]:
    """Problems with an sdist: a required file or directory missing."""
    with tarfile.open(sdist) as t:
        names = [n.split("/", 1)[1] for n in t.getnames() if "/" in n]
    problems = []
    for want in SDIST_REQUIRED:
        if want.endswith("/"):
            count = sum(1 for n in names if n.startswith(want) and not n.endswith("/"))
            print(f"  {want:<22} {count} files")
            if count == 0:
                problems.append(f"{sdist}: no {want} inside")
        elif want not in names:
            problems.append(f"{sdist}: no {want} inside")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("wheel", "sdist"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, path = argv
    print(f"wheel_check: {kind} {path}")
    problems = check_wheel(path) if kind == "wheel" else check_sdist(path)
    for p in problems:
        print(f"wheel_check: FAIL: {p}", file=sys.stderr)
    if not problems:
        print(f"wheel_check: {kind} OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
