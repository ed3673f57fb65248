"""Alternative plans: K good plans that differ from each other, for managers to choose from.

Plan 1 is the best plan. Each further plan is solved with Rules that bar a share of every
earlier plan's team members from their team's spec, and is kept when its objective is within
the tolerance of plan 1's and its teams differ enough from every earlier plan; otherwise the
barred share is adjusted and the solve retried a few times. Rotation is held as in plan 1:
alternatives vary the teams. The planner itself is untouched. See ``docs/alternatives.md``.
"""

from __future__ import annotations

import random
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from statistics import mean
from typing import Final

import numpy as np
from scipy.optimize import linear_sum_assignment

from crossteam import i18n
from crossteam.assessment import assess_plan
from crossteam.checks import verify
from crossteam.models import (
    AlternativeSummary,
    EmployeeId,
    NetworkReport,
    Plan,
    PlanningInput,
    Rule,
    RuleKind,
    TeamName,
)
from crossteam.planner import Progress, SolveOptions, Stage, solve

MIN_DIFFERENCE: Final = 0.30
"""Default share of team assignments in which two plans must differ."""
FIRST_SHARE: Final = 0.6
"""Share of each earlier team's members barred from its spec in the first attempt."""
SHARE_STEP: Final = 0.15
LOWEST_SHARE: Final = 0.15
HIGHEST_SHARE: Final = 0.9
MAX_ATTEMPTS: Final = 4
"""Solves tried for one alternative before the best of them is reported as it is."""


def __getattr__(name: str) -> str:
    # NOTHING_TO_VARY, the note of a run that plans no teams, is made when asked for
    # (PEP 562), in the language of that moment
    if name == "NOTHING_TO_VARY":
        return i18n.t("explain.alternatives.nothing_to_vary")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # not shown: a bug


@dataclass(frozen=True)
class AlternativesResult:
    """The plans found, best first, and how each compares (``summaries``, one per plan
    with a solution). ``notes`` say plainly where the tolerance or the difference was not
    reached, or fewer plans than asked were found."""

    plans: tuple[Plan, ...]
    summaries: tuple[AlternativeSummary, ...]
    tolerance: float
    min_difference: float
    notes: tuple[str, ...] = ()

    @property
    def best(self) -> Plan:
        return self.plans[0]

    @property
    def objectives(self) -> tuple[float, ...]:
        return tuple(s.objective for s in self.summaries)

    @property
    def achieved(self) -> bool:
        """Every plan asked for was found, within the tolerance and distinct enough."""
        return not self.notes and all(s.within_tolerance and s.distinct for s in self.summaries)


@dataclass(frozen=True)
class _Attempt:
    plan: Plan
    difference: float
    """Least difference to any earlier plan."""
    within_tolerance: bool
    share: float
    """Share of earlier members barred in this attempt."""
    solves: int = 1
    """Solves made for this alternative, this one and any after it."""

    def rank(self, min_difference: float) -> tuple[bool, bool, float, float]:
        good = self.within_tolerance and self.difference >= min_difference
        return (good, self.within_tolerance, self.difference, self.plan.objective or 0.0)


def plan_alternatives(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    k: int,
    *,
    tolerance: float,
    min_difference: float = MIN_DIFFERENCE,
    on_progress: Callable[[Progress], None] | None = None,
    on_stage: Callable[[Stage], None] | None = None,
    stop: threading.Event | None = None,
) -> AlternativesResult:
    """Plan 1 and up to ``k - 1`` alternatives, each within ``tolerance`` (a share) of plan
    1's objective and differing from every earlier plan in at least ``min_difference`` of
    team assignments (see ``assignment_difference``).

    Every solve may use the whole time limit of ``options``; an alternative takes up to
    ``MAX_ATTEMPTS`` solves. When plan 1 has no solution the result holds it alone.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")  # not shown: the CLI asks for k >= 2
    first = solve(instance, report, options, on_progress=on_progress, on_stage=on_stage, stop=stop)
    if not first.has_solution or first.objective is None:
        return AlternativesResult((first,), (), tolerance, min_difference)
    if k > 1 and not (options.plan_teams and instance.teams):
        summaries = _summaries(instance, report, [first], [], first.objective, min_difference)
        return AlternativesResult(
            (first,),
            summaries,
            tolerance,
            min_difference,
            (i18n.t("explain.alternatives.nothing_to_vary"),),
        )
    threshold = first.objective - tolerance * abs(first.objective)
    rng = random.Random(options.seed)
    plans = [first]
    attempts: list[_Attempt] = []
    notes: list[str] = []
    held = _rotation_holds(instance, first) if options.plan_rotation else []
    for number in range(2, k + 1):
        if stop is not None and stop.is_set():
            notes.append(i18n.t("explain.alternatives.stopped", number=number, k=k))
            break
        chosen, solves = _search(
            instance,
            report,
            options,
            plans,
            held,
            threshold,
            min_difference,
            rng,
            on_progress=on_progress,
            stop=stop,
        )
        if chosen is None:
            attempts_made = i18n.counted(solves, "attempt")
            notes.append(
                i18n.t("explain.alternatives.not_found", number=number, attempts=attempts_made)
            )
            break
        notes += _shortfalls(number, chosen, threshold, min_difference)
        plans.append(chosen.plan)
        attempts.append(chosen)
    summaries = _summaries(instance, report, plans, attempts, threshold, min_difference)
    return AlternativesResult(tuple(plans), summaries, tolerance, min_difference, tuple(notes))


def _shortfalls(
    number: int, chosen: _Attempt, threshold: float, min_difference: float
) -> list[str]:
    """Where alternative ``number`` falls short: below the tolerance, too like another."""
    notes = []
    if not chosen.within_tolerance:
        notes.append(
            i18n.t(
                "explain.alternatives.below_tolerance",
                number=number,
                objective=chosen.plan.objective,
                threshold=threshold,
            )
        )
    if chosen.difference < min_difference:
        notes.append(
            i18n.t(
                "explain.alternatives.too_similar",
                number=number,
                difference=chosen.difference,
                wanted=min_difference,
            )
        )
    return notes


def _search(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    earlier: Sequence[Plan],
    held: Sequence[Rule],
    threshold: float,
    min_difference: float,
    rng: random.Random,
    *,
    on_progress: Callable[[Progress], None] | None,
    stop: threading.Event | None,
) -> tuple[_Attempt | None, int]:
    """The best of up to ``MAX_ATTEMPTS`` solves, and how many were made: barring fewer
    earlier members when the objective falls too far (or no plan is found), more when the
    plan is too similar."""
    share = FIRST_SHARE
    best: _Attempt | None = None
    solves = 0
    while solves < MAX_ATTEMPTS:
        solves += 1
        rules = (*instance.rules, *_barring_rules(instance, earlier, share, rng), *held)
        # validated afresh, so that the added Rules are cross-checked and indexed
        found = solve(
            instance.validated_with(rules=rules),
            report,
            options,
            on_progress=on_progress,
            stop=stop,
        )
        if found.has_solution and found.objective is not None:
            plan = _with_periods_of(instance, found, earlier[0])
            attempt = _Attempt(
                plan,
                min(assignment_difference(instance, plan, p) for p in earlier),
                found.objective >= threshold,
                share,
            )
            if best is None or attempt.rank(min_difference) > best.rank(min_difference):
                best = attempt
            if attempt.rank(min_difference)[0]:
                break
            step = SHARE_STEP if attempt.within_tolerance else -SHARE_STEP
        else:
            step = -SHARE_STEP
        next_share = min(HIGHEST_SHARE, max(LOWEST_SHARE, round(share + step, 2)))
        if next_share == share or (stop is not None and stop.is_set()):
            break
        share = next_share
    return (replace(best, solves=solves) if best is not None else None), solves


# ---------------------------------------------------------------------------- difference


def assignment_difference(instance: PlanningInput, a: Plan, b: Plan) -> float:
    """The share of team assignments in which ``a`` and ``b`` differ, from 0 to 1.

    Teams of one spec are interchangeable, so each team of ``a`` is first matched to the
    team of ``b`` of the same spec it shares most members with (renaming teams is no
    difference). The share of ``a``'s assignments without a match in ``b`` and that of
    ``b``'s without one in ``a`` are then averaged (the mean of the two directions).
    """
    kept = _matched_members(instance, a, b)
    shares = [1 - kept / size for size in (_assigned(a), _assigned(b)) if size]
    return mean(shares) if shares else 0.0


def _assigned(plan: Plan) -> int:
    return sum(len(t.members) for t in plan.teams)


def _matched_members(instance: PlanningInput, a: Plan, b: Plan) -> int:
    """Members kept together under the best matching of same-spec teams of ``a`` and ``b``."""
    members_a = {t.team: set(t.members) for t in a.teams}
    members_b = {t.team: set(t.members) for t in b.teams}
    kept = 0
    for teams in _teams_by_spec(instance).values():
        overlap = np.array(
            [[len(members_a.get(x, set()) & members_b.get(y, set())) for y in teams] for x in teams]
        )
        rows, columns = linear_sum_assignment(overlap, maximize=True)
        kept += int(overlap[rows, columns].sum())
    return kept


def _teams_by_spec(instance: PlanningInput) -> dict[TeamName, list[TeamName]]:
    by_spec: dict[TeamName, list[TeamName]] = defaultdict(list)
    for team in instance.teams:
        by_spec[team.spec].append(team.name)
    return by_spec


# ---------------------------------------------------------------------------- rules


def _barring_rules(
    instance: PlanningInput, earlier: Iterable[Plan], share: float, rng: random.Random
) -> list[Rule]:
    """``not_in_team`` Rules that bar ``share`` of each earlier team's members (drawn with
    ``rng``) from every team of its spec, so that renaming a team cannot undo them.

    Each spec keeps at least as many candidates as its teams can take, and people whom
    the user's Rules place in a team are never barred.
    """
    spec_of = {t.name: t.spec for t in instance.teams}
    by_spec = _teams_by_spec(instance)
    placed = {r.employee_id for r in instance.rules if r.kind is RuleKind.IN_TEAM}
    available = [e.employee_id for e in instance.available_employees]
    barred: dict[TeamName, set[EmployeeId]] = defaultdict(set)
    for plan in earlier:
        for team in plan.teams:
            members = sorted(m for m in team.members if m not in placed)
            barred[spec_of[team.team]].update(rng.sample(members, round(share * len(members))))
    specs_of: dict[EmployeeId, list[TeamName]] = defaultdict(list)
    for spec, people in sorted(barred.items()):
        room = sum(instance.team_by_name[t].max_size for t in by_spec[spec])
        keep = max(0, len(available) - room)
        chosen = sorted(people)
        if len(chosen) > keep:
            chosen = sorted(rng.sample(chosen, keep))
        for employee_id in chosen:
            specs_of[employee_id].append(spec)
    barred_note = i18n.t("explain.alternatives.barred")
    return [
        _rule(RuleKind.NOT_IN_TEAM, who, tuple(t for s in specs for t in by_spec[s]), barred_note)
        for who, specs in sorted(specs_of.items())
    ]


def _rotation_holds(instance: PlanningInput, first: Plan) -> list[Rule]:
    """Rules that keep who rotates where as in ``first``: its stints, and no one else."""
    if not instance.periods:
        return []
    hosts: dict[EmployeeId, set[str]] = defaultdict(set)
    for stint in first.rotation:
        hosts[stint.employee_id].add(stint.department)
    held = i18n.t("explain.alternatives.held")
    holds: list[Rule] = []
    for employee in instance.available_employees:
        who = employee.employee_id
        if who in hosts:
            holds += [_rule(RuleKind.ROTATE_TO, who, (h,), held) for h in sorted(hosts[who])]
        elif employee.rotation_eligible:
            holds.append(_rule(RuleKind.NO_ROTATION, who, (), held))
    return holds


def _rule(kind: RuleKind, employee_id: EmployeeId, targets: tuple[str, ...], note: str) -> Rule:
    return Rule(
        kind=kind,
        employee_id=employee_id,
        target=", ".join(targets) or None,
        targets=targets,
        note=note,
    )


def _with_periods_of(instance: PlanningInput, plan: Plan, first: Plan) -> Plan:
    """``plan`` with ``first``'s rotation when the checker accepts it: the held Rules fix
    who goes where, not when, so the solver may have moved stints between periods."""
    if plan.rotation == first.rotation:
        return plan
    trial = plan.model_copy(update={"rotation": first.rotation})
    return trial if verify(instance, trial).passed else plan


# ---------------------------------------------------------------------------- summaries


def _summaries(
    instance: PlanningInput,
    report: NetworkReport,
    plans: Sequence[Plan],
    attempts: Sequence[_Attempt],
    threshold: float,
    min_difference: float,
) -> tuple[AlternativeSummary, ...]:
    best = plans[0].objective or 0.0
    summaries = []
    for index, plan in enumerate(plans):
        objective = plan.objective or 0.0
        attempt = attempts[index - 1] if index else None
        differences = {
            other + 1: round(assignment_difference(instance, plan, plans[other]), 4)
            for other in range(len(plans))
            if other != index
        }
        earlier = [differences[other + 1] for other in range(index)]
        checks, effect = assess_plan(instance, plan, report)
        summaries.append(
            AlternativeSummary(
                number=index + 1,
                objective=objective,
                share_of_best=objective / best if best else 1.0,
                within_tolerance=objective >= threshold,
                distinct=min(earlier, default=1.0) >= min_difference,
                checks_passed=checks.passed,
                silent_pairs_bridged=len(effect.bridged),
                departments_per_team=_departments_per_team(instance, plan),
                difference_to=differences,
                attempts=attempt.solves if attempt else 1,
                forbidden_share=attempt.share if attempt else 0.0,
                teams=plan.teams,
            )
        )
    return tuple(summaries)


def _departments_per_team(instance: PlanningInput, plan: Plan) -> float:
    department_of = {e.employee_id: e.department for e in instance.employees}
    counts = [len({department_of[m] for m in t.members}) for t in plan.teams if t.members]
    return mean(counts) if counts else 0.0
