"""The Employees ``email`` and ``person_id`` columns: read into ``Employee.emails`` and
``Employee.person_id`` (the tie sources match people by them), checked at their cells,
never taken for attributes, and written back only when some employee has one."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from workbooks import Sheets, as_written, company, write_workbook

from crossteam import i18n
from crossteam.io.input_writer import write_input
from crossteam.io.reader import ReadResult, read_workbook
from crossteam.models import PlanningInput
from crossteam.models.people import PersonIndex


def _with_contacts(emails: list[object], person_ids: list[object]) -> Sheets:
    """The test company with an ``email`` and a ``person_id`` column on Employees."""
    sheets = company()
    rows = sheets["Employees"]
    rows[0] += ["email", "person_id"]
    for row, email, person_id in zip(rows[1:], emails, person_ids, strict=True):
        row += [email, person_id]
    return sheets


def _read(tmp_path: Path, sheets: Sheets) -> ReadResult:
    return read_workbook(write_workbook(tmp_path / "input.xlsx", sheets))


def _valid(tmp_path: Path, sheets: Sheets) -> PlanningInput:
    result = _read(tmp_path, sheets)
    assert not result.errors, [e.render() for e in result.errors]
    assert result.instance is not None
    return result.instance


NONE = [None] * 7


def test_addresses_are_split_at_commas_and_semicolons_and_case_folded(tmp_path: Path) -> None:
    emails = [
        "Hana.Sato@Example.com; h.sato@example.co.jp",
        "Suzuki Ken <KEN@example.com>",
        "mailto:yui@example.com,  ",
        None,
        None,
        None,
        None,
    ]
    instance = _valid(tmp_path, _with_contacts(emails, ["P-1", 1234, None, None, None, None, None]))
    people = instance.employee_by_id
    assert people["E1"].emails == ("hana.sato@example.com", "h.sato@example.co.jp")
    assert people["E2"].emails == ("ken@example.com",)
    assert people["E3"].emails == ("yui@example.com",)
    assert people["E4"].emails == ()
    assert people["E1"].person_id == "P-1"
    assert people["E2"].person_id == "1234"  # a number in an id column is text
    index = PersonIndex.of(instance)
    assert index.address("H.SATO@example.co.jp") == "E1"
    assert index.person("p-1") == "E1"


def test_email_and_person_id_are_not_attributes_and_draw_no_unused_warning(
    tmp_path: Path,
) -> None:
    emails = ["a@example.com", *NONE[1:]]
    result = _read(tmp_path, _with_contacts(emails, ["P1", *NONE[1:]]))
    assert result.instance is not None
    assert "email" not in result.instance.employee_by_id["E1"].attributes
    assert "person_id" not in result.instance.employee_by_id["E1"].attributes
    assert not [w for w in result.warnings if w.column in ("email", "person_id")]


def test_japanese_headers_name_the_columns(tmp_path: Path) -> None:
    sheets = _with_contacts(["a@example.com", *NONE[1:]], ["P1", *NONE[1:]])
    sheets["Employees"][0][-2:] = ["メールアドレス", "個人ID"]
    instance = _valid(tmp_path, sheets)
    assert instance.employee_by_id["E1"].emails == ("a@example.com",)
    assert instance.employee_by_id["E1"].person_id == "P1"


def test_an_address_given_to_two_employees_is_an_error_at_the_second_naming_the_first(
    tmp_path: Path,
) -> None:
    emails = ["Same@example.com", None, "x@example.com; same@EXAMPLE.com", *NONE[3:]]
    result = _read(tmp_path, _with_contacts(emails, NONE))
    (error,) = result.errors
    assert (error.sheet, error.row, error.column, error.cell) == ("Employees", 4, "email", "I4")
    assert "same@example.com" in error.message and "row 2" in error.message


def test_one_address_twice_in_one_cell_is_kept_once(tmp_path: Path) -> None:
    emails = ["a@example.com; A@example.com", *NONE[1:]]
    instance = _valid(tmp_path, _with_contacts(emails, NONE))
    assert instance.employee_by_id["E1"].emails == ("a@example.com",)


def test_a_person_id_given_twice_is_an_error_at_the_second(tmp_path: Path) -> None:
    ids = [None, "abc", None, None, "ABC", None, None]
    result = _read(tmp_path, _with_contacts(NONE, ids))
    (error,) = result.errors
    assert (error.row, error.column, error.cell) == (6, "person_id", "J6")
    assert "ABC" in error.message and "row 3" in error.message


def test_text_without_an_at_sign_is_left_out_with_a_warning(tmp_path: Path) -> None:
    emails = ["sato (sales); sato@example.com", *NONE[1:]]
    result = _read(tmp_path, _with_contacts(emails, NONE))
    assert result.instance is not None
    assert result.instance.employee_by_id["E1"].emails == ("sato@example.com",)
    (warning,) = [w for w in result.warnings if w.column == "email"]
    assert warning.row == 2 and "sato (sales)" in warning.message


def test_the_messages_are_japanese_in_a_japanese_run(tmp_path: Path) -> None:
    emails = ["a@example.com", "A@example.com", *NONE[2:]]
    with i18n.using(i18n.Language.JA):
        result = _read(tmp_path, _with_contacts(emails, NONE))
    (error,) = result.errors
    assert "「a@example.com」は2行目" in error.message


def test_written_back_only_when_some_employee_has_one_and_read_back_the_same(
    tmp_path: Path,
) -> None:
    emails = ["b@example.com; a@example.com", *NONE[1:]]
    instance = _valid(tmp_path, _with_contacts(emails, [None, "P2", *NONE[2:]]))
    path = tmp_path / "again.xlsx"
    write_input(instance, path)
    header = next(openpyxl.load_workbook(path)["Employees"].iter_rows(max_row=1, values_only=True))
    assert header[7:9] == ("email", "person_id")
    again = read_workbook(path).instance
    assert again is not None
    assert as_written(again).employees == as_written(instance).employees

    plain = instance.validated_with(
        employees=tuple(
            e.model_copy(update={"emails": (), "person_id": ""}) for e in instance.employees
        )
    )
    write_input(plain, path)
    header = next(openpyxl.load_workbook(path)["Employees"].iter_rows(max_row=1, values_only=True))
    assert "email" not in header and "person_id" not in header
