"""tools/wheel_licenses.py: adds the licence of every library auditwheel bundled to the wheel.

SPDX-License-Identifier: MIT

Usage: python tools/wheel_licenses.py WHEEL   (rewrites WHEEL in place)

cJSON and utf8proc are MIT-licensed, and the MIT licence asks that its notice travel with
every copy; auditwheel copies the libraries but not their notices. For each library in
framelens.libs/ this finds the Debian package that installed the original (dpkg -S on the
file the dynamic loader resolves) and copies that package's copyright file (which holds the
upstream licence) into the wheel's .dist-info/licenses/framelens.libs/. Fails when a
bundled library's package or copyright file cannot be found, so that a wheel never ships a
library without its notice.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile


def loader_path(soname: str) -> str:
    """The file the dynamic loader resolves soname to (`ldconfig -p`), symlinks followed."""
    out = subprocess.run(["ldconfig", "-p"], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.split(" ", 1)[0] == soname:
            return os.path.realpath(path)
    raise SystemExit(f"wheel_licenses: the loader knows no {soname}")


def copyright_file(path: str) -> str:
    """The Debian copyright file of the package that installed path."""
    out = subprocess.run(["dpkg", "-S", path], check=True, capture_output=True, text=True).stdout
    package = out.split(":", 1)[0]
    doc = f"/usr/share/doc/{package}/copyright"
    if not os.path.exists(doc):
        raise SystemExit(f"wheel_licenses: {package} (owner of {path}) has no {doc}")
    return doc


def main(wheel: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "wheel", "unpack", "--dest", tmp, wheel],
                       check=True, capture_output=True)
        (root,) = glob.glob(os.path.join(tmp, "*"))
        libs = sorted(glob.glob(os.path.join(root, "*.libs", "*.so*")))
        (dist_info,) = glob.glob(os.path.join(root, "*.dist-info"))
        for lib in libs:
            # auditwheel names a copy <name>-<8 hex digits>.so.<version>; the soname the
            # loader knows is <name>.so.<major>.
            m = re.match(r"(.+)-[0-9a-f]{8}(\.so\.\d+)", os.path.basename(lib))
            if m is None:
                raise SystemExit(f"wheel_licenses: cannot read the name {os.path.basename(lib)}")
            soname = m.group(1) + m.group(2)
            doc = copyright_file(loader_path(soname))
            dest_dir = os.path.join(dist_info, "licenses", os.path.basename(os.path.dirname(lib)))
            os.makedirs(dest_dir, exist_ok=True)
            dest = os.path.join(dest_dir, os.path.basename(lib) + ".copyright")
            shutil.copyfile(doc, dest)
            print(f"wheel_licenses: {os.path.basename(lib)}: {doc}")
        out_dir = os.path.join(tmp, "out")
        os.mkdir(out_dir)
        subprocess.run([sys.executable, "-m", "wheel", "pack", "--dest-dir", out_dir, root],
                       check=True, capture_output=True)
        (packed,) = glob.glob(os.path.join(out_dir, "*.whl"))
        if os.path.basename(packed) != os.path.basename(wheel):
            raise SystemExit(f"wheel_licenses: repacking renamed the wheel to {packed}")
        shutil.move(packed, wheel)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
