"""Write outputs atomically: into a temporary file beside the target, then rename.

A crash or Ctrl-C never leaves a half-written workbook under the user's chosen name, and an
existing file is only replaced when the user said ``--force``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from crossteam.errors import OutputError


def check_output_path(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output that would overwrite an input, an existing file without ``force``,
    or that lands in a folder that is missing or not writable."""
    target = path.resolve()
    for source in inputs:
        if source.exists() and target == source.resolve():
            raise OutputError(
                f"{path}: the output would overwrite an input file; choose another name"
            )
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name ending in .xlsx")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; use --force to overwrite it")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: the folder {folder} is not writable")


def write_atomically(
    path: Path,
    write: Callable[[Path], None],
    *,
    force: bool,
    inputs: tuple[Path, ...] = (),
) -> None:
    """Call ``write(tmp)`` on a temporary file in the target's folder, then rename it."""
    check_output_path(path, force=force, inputs=inputs)
    folder = path.resolve().parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp.xlsx", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if path.exists() and not force:  # appeared while we were writing
            raise OutputError(f"{path}: already exists; use --force to overwrite it")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # mkstemp creates the file private (0600); give it the permissions of a normal file
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
