"""min_on_site: a department keeps a share of its people at home in every period."""

from __future__ import annotations

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_min_on_site(rotation: RotationModel, load: StintLoad, model: cp_model.CpModel) -> None:
    """No more of a department away in any period than its release allows."""
    facts = rotation.facts
    for (home, _), terms in load.away.items():
        department = facts.instance.department_by_name[home]
        words = i18n.t(
            "checks.group.min_on_site",
            home=home,
            share=department.min_on_site,
            people=i18n.counted(department.headcount, "person"),
        )
        model.add(sum(terms) <= facts.release[home]).only_enforce_if(rotation.rule_groups(words))
