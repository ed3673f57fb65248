"""What every command writes: only the output the user chose, atomically, never over an
existing file without --force, never into the input; and nothing else anywhere (no caches,
no temporary files, no sockets), with no employee name in its messages."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli, run_main

from crossteam.errors import OutputError

WRITERS = ("template", "example", "audit", "plan")
"""Every command that writes a workbook."""


def writer_args(command: str, small_input: Path, out: Path) -> tuple[str | Path, ...]:
    if command == "template":
        return ("template", out)
    if command == "example":
        return ("example", out, "--employees", "30")
    if command == "audit":
        return ("audit", small_input, "-o", out)
    return ("plan", small_input, "-o", out, "--time-limit", "2", "--workers", "1")


@pytest.mark.parametrize("command", WRITERS)
def test_an_existing_output_is_kept_without_force_and_replaced_atomically_with_it(
    command: str, small_input: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"the user's own file")
    other_name = tmp_path / "same-inode.xlsx"
    os.link(out, other_name)

    assert run_main(*writer_args(command, small_input, out)) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"the user's own file"

    assert run_main(*writer_args(command, small_input, out), "--force") == 0
    openpyxl.load_workbook(out, read_only=True).close()
    # renamed into place: the old file's other name still holds the old bytes
    assert other_name.read_bytes() == b"the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "same-inode.xlsx"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "{input}"),
        ("validate", "{input}", "--json"),
        ("audit", "{input}", "-o", "{out}"),
        ("audit", "{input}", "--plan", "{plan}", "-o", "{out}"),
        ("plan", "{input}", "-o", "{out}", "--time-limit", "2", "--workers", "1"),
    ],
    ids=["validate", "validate --json", "audit", "audit --plan", "plan"],
)
def test_no_command_changes_its_input_files(
    args: tuple[str, ...], small_input: Path, small_plan: Path, tmp_path: Path
) -> None:
    source = tmp_path / "input.xlsx"
    plan = tmp_path / "plan-in.xlsx"
    shutil.copy2(small_input, source)
    shutil.copy2(small_plan, plan)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (source, plan)}
    filled = [a.format(input=source, plan=plan, out=tmp_path / "out.xlsx") for a in args]

    assert run_main(*filled) == 0

    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (source, plan)} == before


@pytest.mark.parametrize("command", WRITERS)
def test_output_in_a_missing_folder_is_a_clear_error(
    command: str, small_input: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "out.xlsx"
    assert run_main(*writer_args(command, small_input, out)) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not out.parent.exists()


READ_ONLY_BIND = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
"""Run the command with the folder in $0 made read-only by a bind mount of its own."""


def _read_only_launcher(folder: Path) -> tuple[str, ...]:
    """How to run a child that cannot write in ``folder``: as root, permission bits are
    ignored, so the folder is bound read-only in a private mount namespace."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return ()
    launcher = ("unshare", "-m", "sh", "-c", READ_ONLY_BIND, str(folder))
    if shutil.which("unshare") is None or subprocess.run([*launcher, "true"]).returncode != 0:
        pytest.skip("running as root without unshare -m: no way to make a folder read-only")
    return launcher


@pytest.mark.parametrize("command", ["template", "plan"])
def test_output_in_a_read_only_folder_is_a_clear_error(
    command: str, small_input: Path, tmp_path: Path
) -> None:
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    out = read_only / "out.xlsx"
    launcher = _read_only_launcher(read_only)

    done = run_cli(*writer_args(command, small_input, out), launcher=launcher)

    assert done.code == 2, done.stderr
    assert "not writable" in done.stderr
    assert list(read_only.iterdir()) == []


def snapshot(*folders: Path) -> set[Path]:
    return {p for folder in folders for p in folder.rglob("*")}


@pytest.mark.parametrize("command", ["plan", "audit"])
def test_a_run_writes_nothing_but_its_output(
    command: str, small_input: Path, tmp_path: Path
) -> None:
    home, temp, work, inputs = (tmp_path / n for n in ("home", "tmp", "work", "inputs"))
    for folder in (home, temp, work, inputs):
        folder.mkdir()
    source = inputs / "input.xlsx"
    shutil.copy(small_input, source)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "MPLCONFIGDIR", "PYTHONPYCACHEPREFIX"))
    }
    env.update(HOME=str(home), TMPDIR=str(temp), PYTHONDONTWRITEBYTECODE="1")
    before = snapshot(home, temp, work, inputs)

    done = run_cli(*writer_args(command, source, Path("out.xlsx")), cwd=work, env=env)

    assert done.code == 0, done.stderr
    assert snapshot(home, temp, work, inputs) - before == {work / "out.xlsx"}


def test_a_plan_opens_no_socket(
    small_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[tuple[object, ...]] = []

    class NoNetwork(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            attempts.append(args)
            raise OSError("the network is off limits in this test")

    monkeypatch.setattr(socket, "socket", NoNetwork)
    monkeypatch.setattr(socket, "create_connection", NoNetwork)
    out = tmp_path / "plan.xlsx"
    assert run_main(*writer_args("plan", small_input, out)) == 0
    assert attempts == []


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="unshare -n is not permitted here")
def test_a_plan_needs_no_network_at_all(small_input: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    done = run_cli(*writer_args("plan", small_input, out), launcher=("unshare", "-n"))
    assert done.code == 0, done.stderr
    assert out.exists()


@pytest.fixture(scope="session")
def names_and_runs(reliability_dir: Path, small_input: Path) -> tuple[list[str], Path, Path]:
    """The example's employee names; a broken copy (errors on employee rows) and a copy
    no plan can satisfy (two people who must be both together and apart)."""
    book = openpyxl.load_workbook(small_input)
    employees = book["Employees"]
    headers = [c.value for c in employees[1]]
    rows = list(employees.iter_rows(min_row=2, values_only=True))
    names = [str(row[headers.index("name")]) for row in rows]
    first, second = (row[headers.index("employee_id")] for row in rows[:2])
    book["Rules"].append(["together", first, second])
    book["Rules"].append(["apart", first, second])
    impossible = reliability_dir / "impossible.xlsx"
    book.save(impossible)
    for row in range(2, 6):  # errors that point at rows where a name stands
        employees.cell(row=row, column=headers.index("available") + 1).value = "perhaps"
    broken = reliability_dir / "broken-rows.xlsx"
    book.save(broken)
    return names, broken, impossible


def test_messages_name_no_employee(
    names_and_runs: tuple[list[str], Path, Path],
    small_input: Path,
    small_plan: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    names, broken, impossible = names_and_runs
    runs = [
        (("validate", broken), 2),
        (("audit", broken), 2),
        (("plan", impossible, "-o", tmp_path / "x.xlsx", "--time-limit", "2"), 1),
        (("audit", small_input, "--plan", small_plan), 0),
        (writer_args("plan", small_input, tmp_path / "plan.xlsx"), 0),
    ]
    for args, code in runs:
        assert run_main(*args) == code
    said = capsys.readouterr().err
    assert "employee" in said.lower()  # the problems were told, by id
    assert [name for name in names if name in said] == []


# -- output errors are output errors: a full disk, a read-only file, a name too long -------

EVERY_WRITER = (*WRITERS, "sweep")


def every_writer_args(
    command: str, small_input: Path, out: Path, folder: Path
) -> tuple[str | Path, ...]:
    if command != "sweep":
        return writer_args(command, small_input, out)
    grid = folder / "grid.yaml"
    grid.write_text("scenarios:\n  - time_limit_seconds: 1\n", encoding="utf-8")
    return ("sweep", small_input, "--grid", grid, "-o", out, "--processes", "1")


def one_error_line(stderr: str) -> str:
    """The run said what went wrong in one line, and showed no traceback."""
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    [line] = [line for line in stderr.splitlines() if line.startswith("error")]
    return line


@pytest.mark.parametrize("command", EVERY_WRITER)
def test_a_full_disk_is_exit_2_in_one_line_and_leaves_nothing_behind(
    command: str,
    small_input: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crossteam.io import atomic

    def half_then_full(fd: int, data: memoryview) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", half_then_full)
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    out = out_folder / "out.xlsx"

    assert run_main(*every_writer_args(command, small_input, out, tmp_path)) == 2

    line = one_error_line(capsys.readouterr().err)
    assert "no space left on the disk" in line and "out.xlsx" in line
    assert list(out_folder.iterdir()) == []


FULL_DISK = (
    'mount -t tmpfs -o size=64k crossteam-full "$0" && '
    'head -c 1000000 /dev/zero > "$0/filler" 2>/dev/null; exec "$@"'
)
"""Run the command with a 64 KiB file system, already full, mounted on the folder in $0
(in a mount namespace of its own, so nothing outside the child sees it)."""


@pytest.mark.parametrize("command", ["plan", "audit"])
def test_a_really_full_disk_is_exit_2_in_one_line(
    command: str, small_input: Path, tmp_path: Path
) -> None:
    full = tmp_path / "full"
    full.mkdir()
    launcher = ("unshare", "-m", "sh", "-c", FULL_DISK, str(full))
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a small file system needs root and unshare -m")
    if subprocess.run([*launcher, "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -m or mount -t tmpfs is not permitted here")

    done = run_cli(*writer_args(command, small_input, full / "out.xlsx"), launcher=launcher)

    assert done.code == 2, done.stderr
    assert "no space left on the disk" in one_error_line(done.stderr)


def test_a_read_only_file_is_not_replaced_even_with_force(
    small_input: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kept.xlsx"
    out.write_bytes(b"the user's own file")
    out.chmod(0o444)

    assert run_main(*writer_args("audit", small_input, out), "--force") == 2

    assert "is read-only" in one_error_line(capsys.readouterr().err)
    assert out.read_bytes() == b"the user's own file"


@pytest.mark.parametrize("command", WRITERS)
def test_a_name_too_long_is_exit_2_in_one_line(
    command: str, small_input: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("n" * 300 + ".xlsx")

    assert run_main(*writer_args(command, small_input, out)) == 2

    assert "too long" in one_error_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", EVERY_WRITER)
def test_an_output_not_named_xlsx_is_refused_before_any_work(
    command: str, small_input: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "plan.csv"
    out.parent.mkdir()
    assert run_main(*every_writer_args(command, small_input, out, tmp_path)) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "writes .xlsx workbooks only" in line and "plan.xlsx" in line
    assert list(out.parent.iterdir()) == []


def test_an_output_named_without_a_suffix_gets_xlsx_and_says_so(
    small_input: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main(*writer_args("audit", small_input, tmp_path / "audit")) == 0
    assert "writing audit.xlsx" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["audit.xlsx"]
    openpyxl.load_workbook(tmp_path / "audit.xlsx", read_only=True).close()


def test_an_output_that_appears_between_the_check_and_the_rename_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run finishes the same name while this one writes: the final step itself
    refuses (a hard link fails on an existing name), not an earlier look."""
    from crossteam.io.atomic import write_atomically

    out = tmp_path / "plan.xlsx"
    real_link = os.link

    def other_run_first(source: str | Path, target: str | Path) -> None:
        Path(target).write_bytes(b"the other run's plan")
        real_link(source, target)

    monkeypatch.setattr(os, "link", other_run_first)
    with pytest.raises(OutputError, match="appeared while this run was writing"):
        write_atomically(out, lambda target: target.write(b"this run's plan"), force=False)
    assert out.read_bytes() == b"the other run's plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]


@pytest.mark.parametrize("appears", [False, True])
def test_without_hard_links_the_name_is_claimed_exclusively(
    appears: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (FAT, some shares): an exclusive create claims the
    name, so the check and the rename are still one step."""
    from crossteam.io.atomic import write_atomically

    out = tmp_path / "plan.xlsx"

    def no_hard_links(source: str | Path, target: str | Path) -> None:
        if appears:
            Path(target).write_bytes(b"the other run's plan")
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_hard_links)
    write = lambda target: target.write(b"this run's plan")  # noqa: E731
    if appears:
        with pytest.raises(OutputError, match="appeared while this run was writing"):
            write_atomically(out, write, force=False)
    else:
        write_atomically(out, write, force=False)
    expected = b"the other run's plan" if appears else b"this run's plan"
    assert out.read_bytes() == expected
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]
