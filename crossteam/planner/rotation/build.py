"""Rotation in the shared model: the variables, then each rule and objective part in turn.

The order in which the parts add their constraints and variables is the order CP-SAT
searches in: keep it when adding a part, or plans change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from crossteam.models import DepartmentName, EmployeeId
from crossteam.planner.context import ModelContext
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff
from crossteam.planner.groups import RuleGroups
from crossteam.planner.rotation.bridges import add_bridges
from crossteam.planner.rotation.classes import rotator_classes
from crossteam.planner.rotation.critical_skills import add_critical_skills
from crossteam.planner.rotation.facts import rotation_facts
from crossteam.planner.rotation.fairness import add_fairness
from crossteam.planner.rotation.hint import hint_rotation
from crossteam.planner.rotation.history import add_history_fairness
from crossteam.planner.rotation.host_capacity import add_host_capacity
from crossteam.planner.rotation.learning import add_learning
from crossteam.planner.rotation.min_on_site import add_min_on_site
from crossteam.planner.rotation.preference import add_preference
from crossteam.planner.rotation.rotate_to import add_rotate_to
from crossteam.planner.rotation.stints import add_stint_rules
from crossteam.planner.rotation.variables import RotationModel, stint_load

ASSUMPTION_NAME = "assume[{}]"
"""The variable name of a rotation rule group's literal in an explanation model."""


def build_rotation(
    ctx: ModelContext,
    *,
    explain: bool = False,
    aggregate: bool = True,
    personal: Collection[EmployeeId] = frozenset(),
    cutoff: Cutoff = NO_CUTOFF,
) -> RotationModel:
    """Add rotation stints, their rules, bridges and objective parts to ``ctx.model`` (the
    parts of wishes and History only when the workbook has them).

    Args:
        ctx: the shared model; call before ``ctx.finish()``.
        explain: enforce rule groups (rotate_to rules, min_on_site, host capacity,
            critical skills) under assumption literals listed in ``assumptions``, for an
            explanation solve when the plain model is infeasible.
        aggregate: group interchangeable employees into classes (the default); False
            gives one class per employee, the straightforward baseline the benchmark
            compares against.
        personal: employees who are classes of their own (a re-plan's previous rotators
            when each may do several stints, so that each keeps their own).
        cutoff: the run's stop, heard while the greedy hint is made.

    Raises:
        Stopped: the run was asked to stop.
    """
    facts = rotation_facts(ctx.instance)
    model = ctx.model
    gap_partners: dict[DepartmentName, set[DepartmentName]] = defaultdict(set)
    for a, b in ctx.gap_weights:
        gap_partners[a].add(b)
        gap_partners[b].add(a)
    classes, groups = (
        rotator_classes(facts, gap_partners, aggregate, personal)
        if facts.max_stints and facts.starts
        else ([], [])
    )
    rule_groups = RuleGroups(model, explain=explain, name=ASSUMPTION_NAME)
    rotation = RotationModel(facts=facts, classes=classes, groups=groups, rule_groups=rule_groups)
    rotation.add_variables(model)
    load = stint_load(rotation)
    add_stint_rules(rotation, load, model)
    add_rotate_to(rotation, model)
    add_host_capacity(rotation, load, model)
    add_min_on_site(rotation, load, model)
    add_critical_skills(rotation, load, model)
    add_bridges(rotation, load, ctx)
    add_fairness(rotation, load, ctx)
    add_learning(rotation, ctx)
    add_preference(rotation, ctx)
    add_history_fairness(rotation, ctx)
    hint_rotation(rotation, ctx, cutoff=cutoff)
    return rotation


def explain_rotation_assumptions(rotation: RotationModel, core: Iterable[int]) -> list[str]:
    """Plain words for the rotation rule groups among the literal indices of an infeasible core.

    ``core`` is ``CpSolver.sufficient_assumptions_for_infeasibility()`` after solving a model
    built with ``build_rotation(ctx, explain=True)`` and ``model.add_assumptions`` on
    ``[literal for literal, _ in rotation.assumptions]``; indices of other modules are ignored.
    """
    words = {literal.index: text for literal, text in rotation.assumptions}
    return [words[i] for i in core if i in words]
