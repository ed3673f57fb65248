"""Password-protected workbooks: read in memory with ``--password-env``, written with
``--encrypt``, and no plain workbook bytes on disk on the way."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from command import run
from msoffcrypto.exceptions import InvalidKeyError
from msoffcrypto.format.ooxml import OOXMLFile

from crossteam.checks import verify
from crossteam.cli_options import bundled_example
from crossteam.io import protection
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook

PASSWORD = "s3cret"
VARIABLE = "CROSSTEAM_TEST_PASSWORD"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
LIBREOFFICE_PYTHON = Path("/usr/bin/python3")


def encrypt(data: bytes, password: str = PASSWORD) -> bytes:
    sealed = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, sealed)
    return sealed.getvalue()


def decrypt(path: Path, password: str = PASSWORD) -> io.BytesIO:
    plain = io.BytesIO()
    with open(path, "rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password, verify_password=True)
        office.decrypt(plain)
    plain.seek(0)
    return plain


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example, saved with the password ``s3cret``."""
    path = tmp_path_factory.mktemp("protected") / "company.xlsx"
    path.write_bytes(encrypt(bundled_example().read_bytes()))
    assert path.read_bytes().startswith(OLE2)
    return path


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Standard input is not a terminal: no prompt, whatever runs the tests."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setenv(VARIABLE, PASSWORD)
    yield
    protection.reset()


def personal_strings() -> list[bytes]:
    """Names of the bundled example's people: text that only the plain workbook holds."""
    book = openpyxl.load_workbook(bundled_example(), read_only=True)
    rows = book["Employees"].iter_rows(min_row=1, max_row=40, values_only=True)
    header = [str(cell) for cell in next(iter(rows))]
    at = header.index("name")
    names = [str(row[at]).encode() for row in rows if row[at]]
    book.close()
    assert len(names) > 10
    return names[:10]


def test_validate_and_audit_read_a_protected_input_in_memory(
    protected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "validate", str(protected), "--password-env", VARIABLE, "--json")
    assert code == 0
    assert json.loads(out)["valid"] is True

    audit_path = tmp_path / "audit.xlsx"
    args = ("audit", str(protected), "--password-env", VARIABLE, "-o", str(audit_path), "--json")
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert json.loads(out)["employees"] == 150
    # without --encrypt an output is written as before, in the clear
    assert audit_path.read_bytes().startswith(ZIP)


def test_plan_encrypted_output_opens_with_the_password_and_passes_the_checks(
    protected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "plan.xlsx"
    args = ("plan", str(protected), "--password-env", VARIABLE, "--encrypt")
    code, out, _ = run(capsys, *args, "-o", str(out_path), "--time-limit", "3", "--json")

    assert code == 0
    assert json.loads(out)["checks"]["passed"] is True
    assert out_path.read_bytes().startswith(OLE2)  # the input's password by default
    book = openpyxl.load_workbook(decrypt(out_path), read_only=True)
    assert {"Teams", "Review", "Run Info"} <= set(book.sheetnames)
    book.close()
    with pytest.raises(InvalidKeyError):
        decrypt(out_path, "wrong")
    # the checker re-checks the plan, read back from the encrypted file
    protection.reset(VARIABLE)
    instance = load_workbook(protected)
    assert verify(instance, read_plan(out_path, instance)).passed

    # a protected plan reads back on every command that takes one
    audit_args = ("audit", str(protected), "--plan", str(out_path), "--password-env", VARIABLE)
    code, out, _ = run(capsys, *audit_args, "--json")
    assert code == 0
    assert "after" in json.loads(out)


def test_the_output_password_may_differ_from_the_input_s(
    protected: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CROSSTEAM_TEST_OUT", "other-pw")
    out_path = tmp_path / "audit.xlsx"
    args = ("audit", str(protected), "--password-env", VARIABLE, "-o", str(out_path))
    code, _, _ = run(capsys, *args, "--output-password-env", "CROSSTEAM_TEST_OUT")

    assert code == 0
    assert openpyxl.load_workbook(decrypt(out_path, "other-pw")).sheetnames
    with pytest.raises(InvalidKeyError):
        decrypt(out_path, PASSWORD)


def test_a_wrong_password_is_one_line_exit_2_and_nothing_written(
    protected: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(VARIABLE, "not-it")
    out_path = tmp_path / "plan.xlsx"
    args = ("plan", str(protected), "--password-env", VARIABLE, "-o", str(out_path))
    code, _, err = run(capsys, *args, "--time-limit", "1")

    assert code == 2
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error")]
    assert errors == [
        f"error {protected.name} is password-protected and the password given does not open it"
    ]
    assert list(tmp_path.iterdir()) == []


def test_no_password_and_no_terminal_says_how_to_give_one(
    protected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", str(protected), "--json")

    assert code == 2
    assert "--password-env VAR" in err
    assert "Traceback" not in err
    assert json.loads(out)["valid"] is False


def test_an_unset_variable_is_named(
    protected: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(VARIABLE)
    code, _, err = run(capsys, "validate", str(protected), "--password-env", VARIABLE)
    assert code == 2
    assert VARIABLE in err


def test_an_old_xls_keeps_its_own_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(OLE2 + bytes(4088))  # an OLE2 file without the encryption streams
    code, _, err = run(capsys, "validate", str(path), "--password-env", VARIABLE)
    assert code == 2
    assert "old .xls file" in err


def test_encrypt_without_any_password_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "plan.xlsx"
    code, _, err = run(capsys, "template", str(out_path), "--encrypt")
    assert code == 2
    assert "--output-password-env" in err
    assert not out_path.exists()

    code, _, _ = run(capsys, "template", str(out_path), "--output-password-env", VARIABLE)
    assert code == 0
    assert openpyxl.load_workbook(decrypt(out_path)).sheetnames


class Watcher:
    """Every file written during a run (through the ``open`` audit event, so nothing is
    missed however short-lived), and what a background scan of folders saw in them."""

    recording: Watcher | None = None
    hooked = False

    def __init__(self, folders: list[Path], needles: list[bytes]) -> None:
        self.folders = folders
        self.needles = needles
        self.written: set[str] = set()
        self.seen: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.scan_until_stopped, daemon=True)

    @staticmethod
    def hook(event: str, args: tuple[object, ...]) -> None:
        watcher = Watcher.recording
        if watcher is None or event != "open" or not isinstance(args[0], str | Path):
            return
        mode, flags = args[1], args[2]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        )
        if writing:
            watcher.written.add(str(args[0]))

    def __enter__(self) -> Watcher:
        if not Watcher.hooked:
            sys.addaudithook(Watcher.hook)
            Watcher.hooked = True
        Watcher.recording = self
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        Watcher.recording = None
        self.stop.set()
        self.thread.join()
        self.scan()

    @staticmethod
    def files(folder: Path) -> list[Path]:
        """What ``folder`` holds now; a folder removed while walked (matplotlib's own
        temporary one) ends this walk, the next one sees the rest."""
        found: list[Path] = []
        with contextlib.suppress(OSError):  # what was found before stays in the list
            found.extend(folder.rglob("*"))
        return found

    def scan_until_stopped(self) -> None:
        while not self.stop.wait(0.002):
            self.scan()

    def scan(self) -> None:
        for folder in self.folders:
            for path in self.files(folder):
                try:
                    data = path.read_bytes()
                except OSError:  # gone, or a folder
                    continue
                found = [n for n in (ZIP, b"<sheetData", *self.needles) if n in data]
                if found:
                    self.seen.append(f"{path.name}: {found[0]!r}")


def test_no_plain_workbook_bytes_reach_the_disk(
    protected: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp, output = tmp_path / "temp", tmp_path / "out"
    temp.mkdir()
    output.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    base = ("--password-env", VARIABLE, "--encrypt")
    with Watcher([temp, output], personal_strings()) as watcher:
        plan_path = output / "plan.xlsx"
        code, _, _ = run(
            capsys, "plan", str(protected), *base, "-o", str(plan_path), "--time-limit", "2"
        )
        assert code == 0
        args = ("audit", str(protected), "--plan", str(plan_path), *base)
        code, _, _ = run(capsys, *args, "-o", str(output / "audit.xlsx"))
        assert code == 0
        args = ("next-round", str(protected), str(plan_path), *base)
        code, _, _ = run(capsys, *args, "-o", str(output / "next.xlsx"))
        assert code == 0

    assert watcher.seen == []
    written = {Path(name).resolve() for name in watcher.written}
    workbook_writes = {p for p in written if ".xlsx" in p.name or p.name.startswith("openpyxl")}
    assert workbook_writes, "the audit hook saw no write at all"
    assert all(p.parent == output.resolve() for p in workbook_writes), workbook_writes
    for name in ("plan.xlsx", "audit.xlsx", "next.xlsx"):
        assert (output / name).read_bytes().startswith(OLE2)
    assert {p.name for p in output.iterdir()} == {"plan.xlsx", "audit.xlsx", "next.xlsx"}

    # the watcher does see a plain workbook when one is written
    with Watcher([output], []) as control:
        code, _, _ = run(capsys, "template", str(output / "plain.xlsx"))
    assert code == 0
    assert control.seen


def _libreoffice_python() -> bool:
    if shutil.which("soffice") is None or not LIBREOFFICE_PYTHON.exists():
        return False
    found = subprocess.run(
        [str(LIBREOFFICE_PYTHON), "-c", "import uno"], capture_output=True, check=False
    )
    return found.returncode == 0


@pytest.mark.skipif(not _libreoffice_python(), reason="needs soffice and Python's uno module")
def test_libreoffice_opens_the_encrypted_plan_with_the_password(
    protected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second implementation: LibreOffice, given the password as a load property through
    UNO (``soffice --convert-to`` has no way to take one)."""
    out_path = tmp_path / "plan.xlsx"
    args = ("plan", str(protected), "--password-env", VARIABLE, "--encrypt", "-o", str(out_path))
    code, _, _ = run(capsys, *args, "--time-limit", "2", "--no-rotation")
    assert code == 0
    opener = Path(__file__).with_name("libreoffice_open.py")

    def opened(password: str, profile: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "LO_PASSWORD": password}
        command = [str(LIBREOFFICE_PYTHON), str(opener), str(out_path), str(tmp_path / profile)]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)

    done = opened(PASSWORD, "profile-right")
    assert done.returncode == 0, done.stdout + done.stderr
    shown = json.loads(done.stdout)
    assert "Teams" in shown["sheets"]
    assert shown["first_cells"]["Teams"] == "team"
    assert opened("wrong", "profile-wrong").returncode == 1


def test_on_a_terminal_the_password_is_asked_without_echo(
    protected: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def typed(prompt: str, stream: object = None) -> str:
        asked.append(prompt)
        return PASSWORD

    monkeypatch.setattr(protection, "_on_terminal", lambda: True)
    monkeypatch.setattr(protection.getpass, "getpass", typed)
    code, out, _ = run(capsys, "validate", str(protected), "--json")

    assert code == 0
    assert json.loads(out)["valid"] is True
    assert asked == [f"Password of {protected.name}: "]


def test_share_reads_a_protected_plan_and_writes_its_copy_protected(
    protected: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan_path, copy_path = tmp_path / "plan.xlsx", tmp_path / "auditor.xlsx"
    args = ("plan", str(protected), "--password-env", VARIABLE, "--encrypt")
    assert run(capsys, *args, "-o", str(plan_path), "--time-limit", "3")[0] == 0
    monkeypatch.setenv("CROSSTEAM_TEST_KEY", "audit-key")
    share = ("share", str(plan_path), "--for", "auditor", "--key-env", "CROSSTEAM_TEST_KEY")
    code, _, err = run(capsys, *share, "-o", str(copy_path))
    assert code == 2 and not copy_path.exists()  # protected, and no password given
    assert "--password-env" in err
    code, _, _ = run(capsys, *share, "--password-env", VARIABLE, "--encrypt", "-o", str(copy_path))
    assert code == 0
    assert copy_path.read_bytes().startswith(OLE2)
    book = openpyxl.load_workbook(decrypt(copy_path), read_only=True)
    assert "Teams" in book.sheetnames
    book.close()
