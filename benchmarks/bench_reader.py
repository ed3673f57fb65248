"""Reading a large Interactions sheet: openpyxl against crossteam's two readers.

Run: ``python benchmarks/bench_reader.py [--rows 100000 1048575] [--employees 50000]``.
For each size a valid company is written (``bench_import.write_company``: every sheet of the
contract, the Interactions sheet holding ``rows`` distinct pairs; 1,048,575 pairs fill Excel's
last row), then each way of reading runs in a fresh child process, measured with ``wait4``
(processor seconds and peak resident size of the whole child, Python start and imports
included):

- ``openpyxl read-only``: ``load_workbook(read_only=True)``, every row of the sheet as values;
- ``detailed reader``: crossteam's own streaming reader (expat), the one that sees formulas,
  error cells, hidden rows and merged cells, forced for the sheet;
- ``calamine (plain)``: the byte scan, then calamine, as crossteam reads a large plain sheet;
- ``validate, detailed`` and ``validate``: the whole ``read_workbook`` (every sheet read and
  checked, the ``PlanningInput`` built) with the detailed reader only, and as crossteam reads.

Rows per second count the sheet's rows. Nothing else heavy should run meanwhile; compare
by ratio within one run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_import import write_company  # a sibling script, not a package

SHEET = "Interactions"


def _openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in workbook[SHEET].iter_rows(values_only=True))
    workbook.close()
    return rows


def _crossteam_sheet(path: Path, plain: bool) -> int:
    from crossteam.io import plain_sheet
    from crossteam.io.safety import open_workbook

    if not plain:
        plain_sheet.PLAIN_ABOVE = 1 << 62  # every sheet to the detailed reader
    with open_workbook(path) as workbook:
        content = workbook.read_sheet(SHEET)
    return len(content.rows)


def _validate(path: Path, plain: bool) -> int:
    from crossteam.io import plain_sheet
    from crossteam.io.reader import read_workbook

    if not plain:
        plain_sheet.PLAIN_ABOVE = 1 << 62
    result = read_workbook(path)
    if result.instance is None:
        raise SystemExit("invalid: " + result.errors[0].render())
    return len(result.instance.interactions)


WAYS: dict[str, Callable[[Path], int]] = {
    "openpyxl read-only": _openpyxl,
    "detailed reader": lambda path: _crossteam_sheet(path, plain=False),
    "calamine (plain)": lambda path: _crossteam_sheet(path, plain=True),
    "validate, detailed": lambda path: _validate(path, plain=False),
    "validate": lambda path: _validate(path, plain=True),
}


def _child(way: str, path: Path, out: multiprocessing.SimpleQueue) -> None:  # type: ignore[type-arg]
    started = time.perf_counter()
    rows = WAYS[way](path)
    out.put((rows, time.perf_counter() - started))


def measure(way: str, path: Path) -> tuple[int, float, float, float]:
    """(rows, seconds inside the child, processor seconds, peak MB) of one way, in a child."""
    context = multiprocessing.get_context("fork")
    out = context.SimpleQueue()
    child = context.Process(target=_child, args=(way, path, out))
    child.start()
    assert child.pid is not None
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{way} failed")
    rows, seconds = out.get()
    return rows, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_048_575])
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--ways", nargs="+", default=list(WAYS), choices=list(WAYS))
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the workbooks in")
    options = parser.parse_args(argv)
    print(
        f"{platform.platform()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.2f} at the start; {options.employees:,} employees"
    )
    print()
    print("| sheet rows | way | rows read | seconds | processor s | rows per s | peak MB |")
    print("|---:|:---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = options.keep or Path(scratch)
        for size in options.rows:
            path = folder / f"reader-{options.employees}-{size}.xlsx"
            if not path.exists():
                write_company(path, options.employees, size)
            for way in options.ways:
                rows, seconds, cpu, peak = measure(way, path)
                print(
                    f"| {size:,} | {way} | {rows:,} | {seconds:.1f} | {cpu:.1f} | "
                    f"{size / seconds:,.0f} | {peak:,.0f} |",
                    flush=True,
                )
    print()
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
