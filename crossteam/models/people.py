"""Who a source means: its addresses, analytics ids, employee ids and names, matched to
the employees of the input workbook."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import getaddresses

from crossteam.models.planning_input import EmployeeId, PlanningInput
from crossteam.models.text import clean


def address_key(text: str) -> str:
    """An e-mail address as it is compared: the address part of ``Name <a@b>``, ``mailto:``
    dropped, case-folded (mail systems treat addresses case-insensitively in practice)."""
    text = clean(text).strip()
    text = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE)
    found = [address for _, address in getaddresses([text]) if "@" in address]
    return (found[0] if found else text).strip().casefold()


def split_addresses(cell: str) -> list[str]:
    """The addresses of one cell, separated by commas or semicolons, as ``address_key``s."""
    return [key for part in re.split(r"[;,]", cell) if (key := address_key(part))]


@dataclass
class PersonIndex:
    """Looks people up by e-mail address (any of their addresses), analytics ``person_id``,
    employee id or full name; one instance per input workbook."""

    by_address: dict[str, EmployeeId] = field(default_factory=dict)
    by_person_id: dict[str, EmployeeId] = field(default_factory=dict)
    by_employee_id: dict[str, EmployeeId] = field(default_factory=dict)
    by_name: dict[str, EmployeeId] = field(default_factory=dict)

    @classmethod
    def of(cls, instance: PlanningInput) -> PersonIndex:
        index = cls()
        names: dict[str, list[EmployeeId]] = {}
        for employee in instance.employees:
            for address in employee.emails:
                index.by_address[address_key(address)] = employee.employee_id
            if employee.person_id:
                index.by_person_id[employee.person_id.casefold()] = employee.employee_id
            index.by_employee_id[clean(employee.employee_id).casefold()] = employee.employee_id
            if employee.name:
                names.setdefault(clean(employee.name).casefold(), []).append(employee.employee_id)
        # a name two people share names nobody for sure: left out
        index.by_name = {name: ids[0] for name, ids in names.items() if len(ids) == 1}
        return index

    def address(self, text: str) -> EmployeeId | None:
        return self.by_address.get(address_key(text))

    def person(self, text: str) -> EmployeeId | None:
        """An analytics tool's person id."""
        return self.by_person_id.get(clean(text).casefold())

    def anyone(self, text: str) -> EmployeeId | None:
        """Whoever ``text`` names: an address, a person id, an employee id or a full name
        (survey answers name colleagues any of these ways)."""
        key = clean(text).casefold()
        if "@" in key:
            return self.address(key)
        return self.by_employee_id.get(key) or self.by_person_id.get(key) or self.by_name.get(key)

    def matched(self, tokens: Iterable[str]) -> list[EmployeeId]:
        """The employees the addresses ``tokens`` name (unknown ones left out)."""
        return [e for t in tokens if (e := self.address(t)) is not None]
