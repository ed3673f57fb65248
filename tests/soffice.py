"""LibreOffice, the real spreadsheet application the tests open crossteam's files with."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert(source: Path, to: str, out: Path, scratch: Path, timeout: float = 180) -> Path:
    """``source`` converted by LibreOffice to ``to`` ("xlsx" re-saves it, "pdf" prints it)
    in the folder ``out``, with a profile of its own under ``scratch``; returns the new file.
    A failed conversion fails the test with LibreOffice's own words."""
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={(scratch / 'profile').as_uri()}", "--headless",
         "--convert-to", to, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out / f"{source.stem}.{to}"
