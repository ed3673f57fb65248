"""critical_skills: someone holding each critical skill of a department stays at home."""

from __future__ import annotations

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.planner.rotation.variables import RotationModel, StintLoad


def add_critical_skills(rotation: RotationModel, load: StintLoad, model: cp_model.CpModel) -> None:
    """In every period, at most all but one available holder of a critical skill away."""
    holders = rotation.facts.holders
    for (home, skill, _), terms in load.critical_away.items():
        words = i18n.t("checks.group.critical_skill", home=home, skill=skill)
        most = max(0, holders[home, skill] - 1)
        model.add(sum(terms) <= most).only_enforce_if(rotation.rule_groups(words))
