"""Write outputs atomically: build the workbook in memory, write it to a temporary file beside
the target, then put it in place in one step.

A crash or Ctrl-C never leaves a half-written workbook under the user's chosen name. Without
``--force`` the final step is a hard link, which fails when the name exists, so the check that
the output is new and the rename are one atomic step: two runs writing the same name cannot
overwrite each other. With ``--force`` it is ``os.replace``. A full disk, a read-only folder
or a name too long is an ``OutputError`` in one line, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Final

from crossteam import i18n
from crossteam.errors import OutputError
from crossteam.io.protection import encrypted, keep_sheets_in_memory

OUTPUT_SUFFIX: Final = ".xlsx"
TEMP_STEM: Final = 32
"""Characters of the output's stem kept in the temporary name (a long name still fits)."""
DEFAULT_NAME_MAX: Final = 255
"""Bytes a file name may have where the system does not say (most file systems)."""

_WHY: Final = {
    errno.ENOSPC: "no_space",
    errno.EDQUOT: "quota",
    errno.EFBIG: "too_large",
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ENOENT: "folder_gone",
    errno.ENOTDIR: "not_folder",
    errno.EISDIR: "is_folder",
    errno.EIO: "io",
}
"""Why an output could not be written (``reader.output.why.*``), by ``errno``: anything else
is a bug, not the disk."""
_NO_HARD_LINKS: Final = frozenset(
    {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}
)
"""How ``os.link`` says a file system has no hard links (FAT, some network shares)."""


def shown(path: Path) -> str:
    """``path`` for a one-line message: a very long one keeps its start and end."""
    text = str(path)
    return text if len(text) <= 120 else f"{text[:60]}…{text[-40:]}"


def output_error(path: Path, error: OSError) -> OutputError | None:
    """The ``OutputError`` an operating-system error on ``path`` means, or ``None`` when it is
    not one a disk or folder causes."""
    why = _WHY.get(error.errno) if error.errno is not None else None
    if why is None:
        return None
    why_text = i18n.t(f"reader.output.why.{why}")
    return OutputError(i18n.t("reader.output.failed", path=shown(path), why=why_text))


def xlsx_path(path: Path) -> Path:
    """``path`` as an output workbook's name: ``.xlsx`` added when it has no suffix.

    Raises:
        OutputError: another suffix (``plan.csv``: crossteam writes workbooks only), or a
            folder.
    """
    try:
        is_folder = path.is_dir()
    except OSError as error:
        raise output_error(path, error) or error from None
    if is_folder:
        raise OutputError(i18n.t("reader.output.folder", path=shown(path)))
    if path.suffix.lower() == OUTPUT_SUFFIX:
        return path
    if path.suffix:
        raise OutputError(
            i18n.t(
                "reader.output.suffix",
                path=shown(path),
                example=path.with_suffix(OUTPUT_SUFFIX).name,
            )
        )
    return path.with_name(path.name + OUTPUT_SUFFIX)


def check_output_path(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output that would overwrite an input, an existing file without ``force`` or
    a read-only one with it, a name too long for its folder, or a folder that is missing or
    not writable."""
    try:
        _check(path, force=force, inputs=inputs)
    except OSError as error:
        raise output_error(path, error) or error from None


def _check(path: Path, *, force: bool, inputs: tuple[Path, ...]) -> None:
    target = path.resolve()
    for source in inputs:
        if source.exists() and target == source.resolve():
            raise OutputError(i18n.t("reader.output.overwrites_input", path=shown(path)))
    if target.is_dir():
        raise OutputError(i18n.t("reader.output.folder", path=shown(path)))
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(i18n.t("reader.output.no_folder", path=shown(path), folder=shown(folder)))
    longest = _name_max(folder)
    if len(os.fsencode(path.name)) > longest:
        raise OutputError(
            i18n.t(
                "reader.output.name_too_long",
                path=shown(path),
                length=len(os.fsencode(path.name)),
                most=longest,
            )
        )
    if path.exists() and not force:
        raise OutputError(i18n.t("reader.output.exists", path=shown(path)))
    if not os.access(folder, os.W_OK):
        raise OutputError(
            i18n.t("reader.output.not_writable", path=shown(path), folder=shown(folder))
        )
    if path.exists() and _read_only(path):
        raise OutputError(i18n.t("reader.output.read_only", path=shown(path)))


def _name_max(folder: Path) -> int:
    with contextlib.suppress(OSError, ValueError):
        return os.pathconf(folder, "PC_NAME_MAX")
    return DEFAULT_NAME_MAX


def _read_only(path: Path) -> bool:
    """No write permission for anyone (root ignores the bits, so they are read too)."""
    return not os.access(path, os.W_OK) or not stat.S_IMODE(path.stat().st_mode) & 0o222


def write_atomically(
    path: Path,
    write: Callable[[BinaryIO], None],
    *,
    force: bool,
    inputs: tuple[Path, ...] = (),
) -> None:
    """Call ``write`` on an in-memory file, store the bytes in a temporary file in the
    target's folder, and put that in place (see the module's docstring).

    With ``--encrypt`` the finished bytes are encrypted in memory first: the plain workbook
    never reaches the disk (nor do openpyxl's per-sheet temporary files: see
    ``keep_sheets_in_memory``). The workbook is built in memory so that a full disk fails
    in this function's own writes, where the temporary file is removed; inside openpyxl it
    would leave a zip file half open, whose later clean-up prints a traceback.

    Raises:
        OutputError: the output may not or cannot be written; nothing was written.
    """
    check_output_path(path, force=force, inputs=inputs)
    buffer = io.BytesIO()
    keep_sheets_in_memory()
    try:
        write(buffer)
        # --encrypt: sealed in memory, so only encrypted bytes reach the temporary file
        data = encrypted(buffer.getvalue(), path)
        fd, name = tempfile.mkstemp(
            prefix=f".{path.stem[:TEMP_STEM]}.", suffix=".tmp.xlsx", dir=path.resolve().parent
        )
    except OSError as error:  # a full temporary folder, or none to create the file in
        raise output_error(path, error) or error from None
    tmp = Path(name)
    try:
        try:
            _write_all(fd, memoryview(data))
        finally:
            os.close(fd)
        # mkstemp creates the file private (0600); give it the permissions of a normal file
        os.chmod(tmp, 0o666 & ~_umask())
        _put_in_place(tmp, path, force=force)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise output_error(path, error) or error from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: memoryview) -> None:
    written = 0
    while written < len(data):
        written += os.write(fd, data[written:])


def _put_in_place(tmp: Path, path: Path, *, force: bool) -> None:
    """Rename ``tmp`` to ``path``: over an existing file only with ``force``, and otherwise
    in one step that fails if ``path`` appeared since it was checked."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise _appeared(path) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        _reserve_then_replace(tmp, path)
        return
    tmp.unlink()


def _reserve_then_replace(tmp: Path, path: Path) -> None:
    """Without hard links: claim the name with an exclusive create, then rename over that
    empty file of ours (removed again if the rename fails)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise _appeared(path) from None
    try:
        os.replace(tmp, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _appeared(path: Path) -> OutputError:
    return OutputError(i18n.t("reader.output.appeared", path=shown(path)))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
