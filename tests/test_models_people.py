"""Who a tie source means: addresses, analytics ids, employee ids and names matched to
the employees of the workbook."""

from __future__ import annotations

import pytest
from instances import company

from crossteam.models import Employee
from crossteam.models.people import PersonIndex, address_key, split_addresses


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("hana@example.jp", "hana@example.jp"),
        ("Hana.Sato@Example.JP", "hana.sato@example.jp"),
        ("MAILTO:hana@example.jp", "hana@example.jp"),
        ("Hana Sato <Hana@Example.jp>", "hana@example.jp"),
        ('"Sato, Hana" <hana@example.jp>', "hana@example.jp"),
        ("Sato, Hana <hana@example.jp>", "hana@example.jp"),  # the comma names no address
        ("  hana@example.jp\u200b ", "hana@example.jp"),  # an invisible character pasted in
    ],
)
def test_an_address_is_compared_by_its_address_part_whatever_its_case(
    written: str, key: str
) -> None:
    assert address_key(written) == key


def test_a_cell_of_several_addresses_splits_at_commas_and_semicolons() -> None:
    assert split_addresses("a@x.jp, B@x.jp; c@x.jp;") == ["a@x.jp", "b@x.jp", "c@x.jp"]


def _index() -> PersonIndex:
    people = [
        Employee(
            employee_id="E1",
            name="Sato Hana",
            department="Sales",
            emails=("hana@x.jp", "h.sato@x.jp"),
        ),
        Employee(employee_id="E2", name="Suzuki Ken", department="Dev", person_id="ab12-CD34"),
        Employee(employee_id="E3", name="Ito Yui", department="Dev"),
        Employee(employee_id="E4", name="Ito Yui", department="Sales"),
    ]
    return PersonIndex.of(company(people))


def test_every_address_of_a_person_names_them_and_nothing_else_is_guessed() -> None:
    index = _index()
    assert index.address("H.Sato@X.jp") == index.address("hana@x.jp") == "E1"
    assert index.address("someone@partner.com") is None
    assert index.person("AB12-cd34") == "E2"
    assert index.person("E2") is None  # an analytics id is not an employee id


def test_anyone_takes_an_address_an_analytics_id_an_employee_id_or_a_unique_name() -> None:
    index = _index()
    assert index.anyone("hana@x.jp") == "E1"
    assert index.anyone("ab12-cd34") == "E2"
    assert index.anyone("e3") == "E3"
    assert index.anyone("suzuki ken") == "E2"
    assert index.anyone("Ito Yui") is None  # two people have this name: neither is meant
