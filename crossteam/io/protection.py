"""Password-protected workbooks: read in memory, written encrypted.

A protected .xlsx is an OLE2 container holding an ``EncryptionInfo`` and an
``EncryptedPackage`` stream (ECMA-376 encryption, what Excel's "Encrypt with Password"
writes). msoffcrypto-tool decrypts it into a ``BytesIO``, which the safety gate then checks
as it checks a file; the plain package is never written to disk. Outputs asked to be
encrypted are encrypted in memory (agile encryption, AES-256) before the atomic writer
stores them, so only the encrypted bytes ever reach a temporary file.

The password comes from an environment variable named on the command line
(``--password-env VAR``) or, on a terminal, from a prompt with no echo; never from an
option, which the process list and the shell history would show. What the command line
asked is kept in ``asked`` for the run (a plain module value, not a context variable: the
planner writes its outputs from other threads too).
"""

from __future__ import annotations

import getpass
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import msoffcrypto
import olefile
from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError
from msoffcrypto.format.ooxml import OOXMLFile

from crossteam import i18n
from crossteam.errors import OutputError, UnreadableFileError

ENCRYPTED_STREAMS: Final = ("EncryptionInfo", "EncryptedPackage")
"""The streams of an OLE2 file that make it an encrypted Office package (an old .xls has a
``Workbook`` stream instead)."""


@dataclass
class Asked:
    """What this run's command line asked about passwords (reset by every command)."""

    password_env: str | None = None
    encrypt: bool = False
    output_password_env: str | None = None
    input_password: str | None = None
    """The password that opened a protected input: the default output password."""
    protected_inputs: int = 0


asked = Asked()


def reset(password_env: str | None = None) -> None:
    """Forget the previous run's passwords (``main`` may run several times in a process)."""
    global asked
    asked = Asked(password_env=password_env)


def is_protected(path: Path) -> bool:
    """Whether ``path`` is an OLE2 file holding an encrypted Office package."""
    try:
        with olefile.OleFileIO(str(path)) as container:
            return all(container.exists(stream) for stream in ENCRYPTED_STREAMS)
    except (OSError, ValueError, TypeError, IndexError, KeyError):
        return False  # a damaged OLE2 file: refused as an old or unknown file


def decrypted(path: Path) -> io.BytesIO:
    """The plain package of the protected workbook at ``path``, in memory.

    Raises:
        UnreadableFileError: no password given (and no terminal to ask on), a wrong one,
            or an encryption msoffcrypto-tool cannot read.
    """
    password = _input_password(path)
    plain = io.BytesIO()
    try:
        with open(path, "rb") as handle:
            office = msoffcrypto.OfficeFile(handle)
            office.load_key(password=password, verify_password=True)
            office.decrypt(plain)
    except InvalidKeyError:
        raise UnreadableFileError(i18n.t("protection.wrong_password", name=path.name)) from None
    except (DecryptionError, FileFormatError, ValueError, OSError, KeyError, IndexError) as error:
        raise UnreadableFileError(
            i18n.t("protection.cannot_decrypt", name=path.name, error=type(error).__name__)
        ) from None
    asked.input_password = asked.input_password or password
    asked.protected_inputs += 1
    plain.seek(0)
    return plain


def _input_password(path: Path) -> str:
    variable = asked.password_env
    if variable is not None:
        password = os.environ.get(variable)
        if not password:
            raise UnreadableFileError(
                i18n.t("protection.variable_unset", name=path.name, variable=variable)
            )
        return password
    if asked.input_password is not None:
        return asked.input_password  # a second protected file of the run: the same one first
    if _on_terminal():
        password = _prompt(i18n.t("protection.prompt", name=path.name))
        if password:
            return password
    raise UnreadableFileError(i18n.t("protection.no_password", name=path.name))


def encrypted(data: bytes, path: Path) -> bytes:
    """``data`` (a finished .xlsx package) encrypted with the output password, when
    ``--encrypt`` was given; ``data`` itself otherwise.

    Raises:
        OutputError: ``--encrypt`` without any password to encrypt with.
    """
    if not asked.encrypt:
        return data
    password = _output_password(path)
    sealed = io.BytesIO()
    office = OOXMLFile(io.BytesIO(data))
    office.encrypt(password, sealed)
    return sealed.getvalue()


def _output_password(path: Path) -> str:
    variable = asked.output_password_env
    if variable is not None:
        password = os.environ.get(variable)
        if not password:
            raise OutputError(
                i18n.t("protection.output_variable_unset", name=path.name, variable=variable)
            )
        return password
    if asked.input_password is not None:
        return asked.input_password
    if asked.password_env is not None and os.environ.get(asked.password_env):
        return os.environ[asked.password_env]  # the input was not protected after all
    if _on_terminal():
        password = _prompt(i18n.t("protection.output_prompt", name=path.name))
        if password and password == _prompt(i18n.t("protection.output_prompt_again")):
            return password
        raise OutputError(i18n.t("protection.output_mismatch", name=path.name))
    raise OutputError(i18n.t("protection.no_output_password", name=path.name))


def check_output_password(path: Path) -> None:
    """Refuse ``--encrypt`` with no password to come, before any work.

    Raises:
        OutputError: the variable of ``--output-password-env`` is unset or empty, or no
            password can come from the input's, a variable or the terminal.
    """
    if not asked.encrypt:
        return
    variable = asked.output_password_env
    if variable is not None and not os.environ.get(variable):
        raise OutputError(
            i18n.t("protection.output_variable_unset", name=path.name, variable=variable)
        )
    if variable is None and asked.password_env is None and not _on_terminal():
        raise OutputError(i18n.t("protection.no_output_password", name=path.name))


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _prompt(text: str) -> str:
    """A password typed on the terminal, not shown (``getpass`` reads the terminal itself)."""
    try:
        return getpass.getpass(f"{text} ", stream=sys.stderr)
    except EOFError:
        return ""


def keep_sheets_in_memory() -> None:
    """Make openpyxl build each worksheet's XML in memory (idempotent).

    openpyxl writes every worksheet's XML to a named temporary file before zipping it (and
    removes it after): plain cell values on disk, even when the workbook is then encrypted.
    Its writer already takes an in-memory ``out``; this makes that the default and zips
    such an ``out`` from memory.
    """
    from openpyxl.worksheet import _writer as sheet_writer
    from openpyxl.writer import excel as book_writer

    if getattr(sheet_writer.create_temporary_file, "in_memory", False):
        return

    def in_memory(suffix: str = "") -> io.BytesIO:
        return io.BytesIO()

    in_memory.in_memory = True  # type: ignore[attr-defined]  # marks the patch as made
    sheet_writer.create_temporary_file = in_memory
    plain_cleanup = sheet_writer.WorksheetWriter.cleanup

    def cleanup(writer: sheet_writer.WorksheetWriter) -> None:
        if not isinstance(writer.out, io.BytesIO):
            plain_cleanup(writer)

    sheet_writer.WorksheetWriter.cleanup = cleanup
    book_writer.ExcelWriter.write_worksheet = _write_worksheet


def _write_worksheet(self: Any, ws: Any) -> None:
    """openpyxl 3.1's ``ExcelWriter.write_worksheet``, zipping an in-memory sheet with
    ``writestr`` (``ZipFile.write`` takes only a file name)."""
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter

    ws._drawing = SpreadsheetDrawing()
    ws._drawing.charts = ws._charts
    ws._drawing.images = ws._images
    if self.workbook.write_only:
        if not ws.closed:
            ws.close()
        writer = ws._writer
    else:
        writer = WorksheetWriter(ws)
        writer.write()
    ws._rels = writer._rels
    if isinstance(writer.out, io.BytesIO):
        self._archive.writestr(ws.path[1:], writer.read())
    else:
        self._archive.write(writer.out, ws.path[1:])
    self.manifest.append(ws)
    writer.cleanup()
