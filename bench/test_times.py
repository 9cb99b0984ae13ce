"""Where the suite's time goes: the time per folder and the slowest tests of a pytest run.

Reads the JUnit XML that pytest writes with ``--junitxml`` (each test's setup, call and
teardown together, so fixtures are counted where they are paid). With xdist the times are
the workers' added up, not the wall clock: on two workers the run takes about half.

    make test JUNIT=var/sqlite      # var/sqlite-parallel.xml, var/sqlite-serial.xml
    .venv/bin/python bench/test_times.py var/sqlite-*.xml --slowest 30

`.ci/run` prints both tables for each of its two passes.
"""

import argparse
import xml.etree.ElementTree as ET
from collections import Counter


def folder_of(classname: str) -> str:
    """`tests.guides.test_pages` → `tests/guides`; `tests.test_i18n` → `tests`."""
    parts = classname.split(".")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("junit_xml", nargs="+")
    parser.add_argument("--slowest", type=int, default=30)
    args = parser.parse_args()

    cases = [
        (float(case.get("time") or 0), case.get("classname", ""), case.get("name", ""))
        for path in args.junit_xml
        for case in ET.parse(path).iter("testcase")  # noqa: S314 (our own files)
    ]
    per_folder = Counter()
    count = Counter()
    for seconds, classname, _name in cases:
        per_folder[folder_of(classname)] += seconds
        count[folder_of(classname)] += 1
    total = sum(per_folder.values())
    print(f"{len(cases)} tests, {total:.0f} s of test time\n")
    print("| folder | tests | seconds | share |\n|---|---:|---:|---:|")
    for folder, seconds in per_folder.most_common():
        print(f"| `{folder}` | {count[folder]} | {seconds:.0f} | {seconds / total:.0%} |")
    print(f"\n| the {args.slowest} slowest | seconds |\n|---|---:|")
    for seconds, classname, name in sorted(cases, reverse=True)[: args.slowest]:
        print(f"| `{classname.replace('.', '/')}.py::{name}` | {seconds:.1f} |")


if __name__ == "__main__":
    main()
