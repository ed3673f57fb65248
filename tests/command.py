"""Running the ``crossteam`` command inside a test, as a user would from a shell."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crossteam.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``crossteam ARGS``: its exit code, standard output and standard error."""
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code), out, err


def digest(path: Path) -> str:
    """The SHA-256 of a file, to show it was not modified."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
