"""``crossteam share``: the auditor's copy (pseudonyms, no personal field, small
departments grouped, the other figures unchanged) and the manager's copy (one
department's teams and rotations, read back by ``plan --review``)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from command import run

from crossteam import network
from crossteam.cli import main
from crossteam.io.example_workbook import write_example
from crossteam.io.plan_reader import read_plan_for
from crossteam.io.reader import load_workbook
from crossteam.models import NetworkReport, PlanningInput
from crossteam.share import pseudonym

MIN_GROUP = 8
"""The company's min_group_size: Planning and Finance (7 people each) fall below it."""


def _cli(*args: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code == 0


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An input of 60 people in 6 departments (min_group_size 8) and its plan."""
    folder = tmp_path_factory.mktemp("share")
    source = folder / "company.xlsx"
    write_example(source, employees=60, departments=6, seed=0)
    book = openpyxl.load_workbook(source)
    book["Settings"].append(["min_group_size", MIN_GROUP])
    book.save(source)
    plan = folder / "plan.xlsx"
    _cli("plan", str(source), "-o", str(plan), "--time-limit", "5")
    return source, plan


@pytest.fixture(scope="module")
def instance(company: tuple[Path, Path]) -> PlanningInput:
    return load_workbook(company[0])


def _share(
    capsys: pytest.CaptureFixture[str], plan: Path, out: Path, *args: str
) -> tuple[int, str, str]:
    return run(capsys, "share", str(plan), "-o", str(out), *args)


def _auditor(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    out: Path,
    key: str = "k1",
) -> Path:
    monkeypatch.setenv("SHARE_KEY", key)
    code, _, err = _share(capsys, plan, out, "--for", "auditor", "--key-env", "SHARE_KEY")
    assert code == 0, err
    return out


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]


def _teams_ids(path: Path) -> list[str]:
    return [str(r[1]) for r in _rows(path, "Teams")[1:]]


def test_pseudonyms_are_stable_with_one_key_and_differ_with_another(
    company: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, plan = company
    first = _teams_ids(_auditor(capsys, monkeypatch, plan, tmp_path / "a.xlsx"))
    again = _teams_ids(_auditor(capsys, monkeypatch, plan, tmp_path / "b.xlsx"))
    other = _teams_ids(_auditor(capsys, monkeypatch, plan, tmp_path / "c.xlsx", key="k2"))
    originals = _teams_ids(plan)
    assert first == again == [pseudonym(b"k1", i) for i in originals]
    assert all(a != b for a, b in zip(first, other, strict=True))
    assert all(p.startswith("P-") and len(p) == 14 for p in first)


def test_the_auditors_copy_holds_no_name_role_location_or_id_of_the_input(
    company: tuple[Path, Path],
    instance: PlanningInput,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = _auditor(capsys, monkeypatch, company[1], tmp_path / "audit.xlsx")
    personal = {
        text
        for e in instance.employees
        for text in (e.name, e.role, e.location, e.employee_id)
        if text
    }
    book = openpyxl.load_workbook(copy)
    cells = {
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
    }
    assert not [c for c in cells for p in personal if p in c]
    with zipfile.ZipFile(copy) as archive:
        xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    assert not [p for p in personal if p in xml]
    # the plan itself does hold them: the search would find them
    with zipfile.ZipFile(company[1]) as archive:
        plain = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    assert instance.employees[0].name in plain


def test_small_departments_are_grouped_and_the_copy_says_so(
    company: tuple[Path, Path],
    instance: PlanningInput,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = _auditor(capsys, monkeypatch, company[1], tmp_path / "audit.xlsx")
    small = {d.name for d in instance.departments if d.headcount < MIN_GROUP}
    assert small == {"Planning", "Finance"}
    departments = {r[3] for r in _rows(copy, "Teams")[1:]} | {
        r[2] for r in _rows(copy, "Rotation")[1:]
    }
    assert "other" in departments
    assert not departments & small
    summary = " ".join(str(r[0]) for r in _rows(copy, "Summary"))
    assert f"2 departments with fewer than {MIN_GROUP} people" in summary
    connectivity = {str(v) for r in _rows(copy, "Connectivity") for v in r if v is not None}
    gaps = {str(v) for r in _rows(copy, "Gaps") for v in r[:2] if v is not None}
    assert not (connectivity | gaps) & small
    info = dict(r[:2] for r in _rows(copy, "Run Info"))
    assert info["share_copy"] == "auditor"
    assert info["share_min_group_size"] == MIN_GROUP
    assert "command" not in info and "input_file" not in info


def _heat_maps(path: Path) -> dict[tuple[int, str, str], object]:
    """Every density of the Connectivity sheet: (table, row department, column department)."""
    found: dict[tuple[int, str, str], object] = {}
    table, header = -1, ()
    for row in _rows(path, "Connectivity"):
        if row and row[0] == "department":
            table, header = table + 1, row
        elif row and row[0] is not None and table >= 0 and len(row) > 1:
            found.update(
                {
                    (table, str(row[0]), str(h)): v
                    for h, v in zip(header[1:], row[1:], strict=False)
                    if h
                }
            )
    return found


def test_every_figure_of_the_kept_departments_equals_the_plans(
    company: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = _auditor(capsys, monkeypatch, company[1], tmp_path / "audit.xlsx")
    small = {"Planning", "Finance"}
    original = _heat_maps(company[1])
    kept = {k: v for k, v in original.items() if not {k[1], k[2]} & small}
    assert len(kept) > 3 * 16  # three maps of at least four kept departments
    assert _heat_maps(copy) == kept
    plan_gaps = [r for r in _rows(company[1], "Gaps")[1:] if not {r[0], r[1]} & small]
    copy_gaps = _rows(copy, "Gaps")[1:]
    assert plan_gaps
    assert [r[:9] for r in copy_gaps] == [r[:9] for r in plan_gaps]


def test_the_auditors_copy_needs_a_key(
    company: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "audit.xlsx"
    code, _, err = _share(capsys, company[1], out, "--for", "auditor")
    assert code == 2 and "--key-env" in err and "Traceback" not in err
    monkeypatch.setenv("EMPTY_KEY", "")
    code, _, err = _share(capsys, company[1], out, "--for", "auditor", "--key-env", "EMPTY_KEY")
    assert code == 2 and "EMPTY_KEY" in err
    assert not out.exists()


def test_the_managers_copy_holds_only_the_departments_teams_and_rotations(
    company: tuple[Path, Path],
    instance: PlanningInput,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "finance.xlsx"
    code, _, err = _share(capsys, company[1], out, "--for", "manager", "--department", "Finance")
    assert code == 0, err
    department = {e.employee_id: e.department for e in instance.employees}
    plan_teams = _rows(company[1], "Teams")[1:]
    finance_teams = {r[0] for r in plan_teams if r[3] == "Finance"}
    copied = _rows(out, "Teams")[1:]
    assert finance_teams and {r[0] for r in copied} == finance_teams
    assert len(copied) == sum(1 for r in plan_teams if r[0] in finance_teams)
    others = [r for r in copied if department[str(r[1])] != "Finance"]
    assert others and all(r[4] is None and r[5] is None for r in others)
    assert all(r[2] for r in others)  # shown by name
    for row in _rows(out, "Rotation")[1:]:
        assert row[2] == "Finance" or "Finance" in row[3:]
        assert row[2] == "Finance" or set(row[3:]) <= {"Finance", None}
    review = [r for r in _rows(out, "Review") if r[0] in ("team", "rotation")]
    assert review
    assert all(r[1] in finance_teams for r in review if r[0] == "team")
    sheets = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert "Input Basis" not in sheets and "Preferences" not in sheets
    info = dict(r[:2] for r in _rows(out, "Run Info"))
    assert info["share_copy"] == "manager: Finance"
    assert len(str(info["share_plan_sha256"])) == 64


def test_a_department_the_plan_does_not_have_is_refused(
    company: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.xlsx"
    code, _, err = _share(capsys, company[1], out, "--for", "manager", "--department", "Nowhere")
    assert code == 2 and "Nowhere" in err and not out.exists()
    code, _, err = _share(capsys, company[1], out, "--for", "manager")
    assert code == 2 and "--department" in err and not out.exists()


def test_decisions_in_the_managers_copy_are_honoured_by_a_replan_of_the_company(
    company: tuple[Path, Path],
    instance: PlanningInput,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, plan = company
    copy = tmp_path / "finance.xlsx"
    code, _, err = _share(capsys, plan, copy, "--for", "manager", "--department", "Finance")
    assert code == 0, err
    book = openpyxl.load_workbook(copy)
    sheet = book["Review"]
    header_row = next(r for r in sheet.iter_rows() if r[0].value == "kind")
    header = [c.value for c in header_row]
    kind, decision = header.index("kind"), header.index("decision")
    employee = header.index("employee_id")
    ruled = {r.employee_id for r in instance.rules}
    rows = [
        r
        for r in sheet.iter_rows(min_row=header_row[0].row + 1)
        if r[kind].value == "team" and r[employee].value not in ruled
    ]
    for row, word in zip(rows[:3], ("lock", "lock", "remove"), strict=True):
        row[decision].value = word
    book.save(copy)
    replan = tmp_path / "replan.xlsx"

    code, out, err = run(
        capsys, "plan", str(source), "--review", str(copy), "-o", str(replan),
        "--time-limit", "5", "--json",
    )  # fmt: skip

    assert code == 0, err
    payload = json.loads(out)
    assert payload["review"]["locks_honoured"] == 2
    assert payload["review"]["removes_honoured"] == 1
    assert payload["checks"]["passed"] is True
    teams = {(str(r[1]), str(r[0])) for r in _rows(replan, "Teams")[1:]}
    locked = [(str(r[employee].value), str(r[1].value)) for r in rows[:2]]
    removed = (str(rows[2][employee].value), str(rows[2][1].value))
    assert all(pair in teams for pair in locked) and removed not in teams


def _pseudonymised(instance: PlanningInput, key: bytes, small: set[str]) -> PlanningInput:
    """The input as the auditor's copy names it: pseudonyms, small departments as one."""

    def department(name: str) -> str:
        return "other" if name in small else name

    employees = tuple(
        e.model_copy(
            update={
                "employee_id": pseudonym(key, e.employee_id),
                "name": "",
                "department": department(e.department),
            }
        )
        for e in instance.employees
    )
    ties = tuple(
        t.model_copy(
            update=dict(
                zip(
                    ("employee_a", "employee_b"),
                    sorted((pseudonym(key, t.employee_a), pseudonym(key, t.employee_b))),
                    strict=True,
                )
            )
        )
        for t in instance.interactions
    )
    grouped = next(d for d in instance.departments if d.name in small).model_copy(
        update={
            "name": "other",
            "headcount": sum(d.headcount for d in instance.departments if d.name in small),
        }
    )
    departments = (*(d for d in instance.departments if d.name not in small), grouped)
    fields = {name: getattr(instance, name) for name in type(instance).model_fields}
    fields.update(
        employees=employees,
        interactions=ties,
        departments=departments,
        rules=(),
        preferences=(),
        history=(),
        priorities=(),
    )
    return PlanningInput(**fields)


def test_the_auditors_copy_reads_back_as_a_plan_of_the_pseudonymised_input(
    company: tuple[Path, Path],
    instance: PlanningInput,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = _auditor(capsys, monkeypatch, company[1], tmp_path / "audit.xlsx")
    small = {"Planning", "Finance"}
    hidden = _pseudonymised(instance, b"k1", small)
    read = read_plan_for(copy, hidden).plan
    original = read_plan_for(company[1], instance).plan
    assert len(read.teams) == len(original.teams)
    assert len(read.rotation) == len(original.rotation)
    before = network.analyse(instance)
    seen = network.compare(hidden, read).before
    wanted = ("internal_ties", "external_ties", "ei_index", "internal_density")

    def figures(report: NetworkReport) -> dict[str, tuple[object, ...]]:
        return {
            d.department: tuple(getattr(d, f) for f in wanted)
            for d in report.per_department
            if d.department not in small | {"other"}
        }

    def densities(report: NetworkReport) -> dict[tuple[str, str], tuple[object, ...]]:
        return {
            (p.department_a, p.department_b): (p.tied_pairs, p.density, p.kind)
            for p in report.pairs
            if not {p.department_a, p.department_b} & (small | {"other"})
        }

    assert figures(seen) == figures(before) and len(figures(before)) == 4
    assert densities(seen) == densities(before) and len(densities(before)) == 6
