"""min_on_site: a department keeps a share of its people at home in every period."""

from __future__ import annotations

from ortools.sat.python import cp_model

from crossteam.models.wording import counted
from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_min_on_site(rotation: RotationModel, load: StintLoad, model: cp_model.CpModel) -> None:
    """No more of a department away in any period than its release allows."""
    facts = rotation.facts
    for (home, _), terms in load.away.items():
        department = facts.instance.department_by_name[home]
        words = (
            f"{home} keeps {department.min_on_site:.0%} of its "
            f"{counted(department.headcount, 'person', 'people')} at home in every period "
            "(min_on_site)"
        )
        model.add(sum(terms) <= facts.release[home]).only_enforce_if(rotation.rule_groups(words))
