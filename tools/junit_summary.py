"""tools/junit_summary.py: one summary line per JUnit XML report (GoogleTest, pytest) and a total.

SPDX-License-Identifier: MIT

Usage: python3 tools/junit_summary.py LABEL=REPORT.xml [LABEL=REPORT.xml ...]
Prints "LABEL: N passed, N failed, N skipped" for each report, then a "total:" line when
there is more than one. Exits 1 when anything failed.

A runner's exit status, when saved in REPORT.rc (the Makefile does), is checked too: a
non-zero status with no failed test in the report (a sanitizer's leak report at exit, pytest
finding no tests) counts as one failure, and so does a missing report (a crash), so such a
run never reads as green.
"""

import os
import sys
import xml.etree.ElementTree as ET


def count(path):
    """Returns (passed, failed, skipped) for the <testcase> elements of a JUnit XML file."""
    passed = failed = skipped = 0
    for case in ET.parse(path).getroot().iter("testcase"):
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            failed += 1
        elif "skipped" in tags or case.get("status") == "notrun" or case.get("result") in (
            "skipped",
            "suppressed",
        ):
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def exit_status(report):
    """The exit status saved beside report (REPORT.rc), or 0 when none was saved."""
    try:
        with open(os.path.splitext(report)[0] + ".rc") as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0


def main(argv):
    totals = [0, 0, 0]
    for arg in argv:
        label, _, path = arg.partition("=")
        status = exit_status(path)
        try:
            counts = count(path)
            note = ""
            if status and not counts[1]:
                counts = (counts[0], 1, counts[2])
                note = f"  (+1: the runner exited with status {status}; see its output above)"
        except (OSError, ET.ParseError) as exc:
            counts = (0, 1, 0)
            why = f"the runner exited with status {status}" if status else str(exc)
            note = f"  (no report: {why}; see its output above)"
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        print(f"{label}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped{note}")
    if len(argv) > 1:
        print(f"total: {totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 1 if totals[1] else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
