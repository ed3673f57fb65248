"""Why no plan meets every rule: the model rebuilt with an assumption literal per rule
group, and the groups in conflict cut down to a small set named in plain words."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from crossteam import i18n
from crossteam.i18n.catalogue import MESSAGES
from crossteam.models import NetworkReport, PlanningInput
from crossteam.planner.cutoff import NO_CUTOFF, Cutoff, OutOfTime, Stopped, WallCuts, solve_until
from crossteam.planner.model import build_model
from crossteam.planner.options import SolveOptions
from crossteam.planner.search import new_solver

EXPLAIN_SHARE = 0.25
"""Share of the time limit the explanation of an infeasible model gets at least, when the
search has used up the rest."""
EXPLAIN_INTERRUPTED = MESSAGES["checks.explain_interrupted"].en
"""The explanation of a run stopped while it looked for the rules in conflict, in English
(the plan says it in the run's language)."""


def explain(
    instance: PlanningInput,
    report: NetworkReport,
    options: SolveOptions,
    *,
    teams: bool,
    rotation: bool,
    cutoff: Cutoff = NO_CUTOFF,
    cuts: WallCuts | None = None,
) -> list[str]:
    """Rule groups that cannot all hold: the model rebuilt with an assumption literal per
    group of team rules and of rotation rules, CP-SAT's sufficient set of them, then cut
    down one group at a time while time allows (CP-SAT alone often blames every group).

    It has what is left of the ``cutoff``'s deadline, but at least ``EXPLAIN_SHARE`` of
    the time limit, and ends on its stop with what it found so far. In a run that repeats
    it has the search's work limit too, which ends it before the clock does (``cuts``
    hears when the clock did), so that the same rules are named every time.
    """
    limit = options.time_limit_seconds
    now = time.monotonic()
    deadline = cutoff.deadline if math.isfinite(cutoff.deadline) else now + limit
    within = replace(cutoff, deadline=max(deadline, now + EXPLAIN_SHARE * limit))
    try:
        built = build_model(
            instance, report, options, teams=teams, rotation=rotation, explain=True, cutoff=within
        )
    except Stopped:
        return [i18n.t("checks.explain_interrupted")]
    except OutOfTime:
        return [i18n.t("checks.explain_time")]
    model = built.ctx.model
    model.clear_objective()  # type: ignore[no-untyped-call]  # only feasibility matters here
    words = {lit.index: reason for reason, lit in built.groups.literals.items()}
    if built.rotation is not None:
        words.update({lit.index: text for lit, text in built.rotation.assumptions})
    work = _Work(options.work_limit if options.by_work else None)
    core = _infeasible_core(model, list(words), options, within, work)
    if core is None:
        _note_explain_cut(cuts, within, work)
        return [
            i18n.t("checks.explain_interrupted")
            if within.stopped
            else i18n.t("checks.explain_time")
        ]
    for index in list(core):
        if within.reached() or work.spent_all:
            break
        smaller = _infeasible_core(model, [i for i in core if i != index], options, within, work)
        if smaller is not None:
            core = smaller
    _note_explain_cut(cuts, within, work)
    if not core:
        return [i18n.t("checks.explain_basic_limits")]
    return [i18n.t("checks.explain_rules"), *(f"- {words[i]}" for i in core)]


@dataclass
class _Work:
    """Deterministic time a stage of several solves may use (``None``: no limit), and
    what its solves used so far."""

    limit: float | None
    spent: float = 0.0

    @property
    def left(self) -> float | None:
        return None if self.limit is None else max(0.0, self.limit - self.spent)

    @property
    def spent_all(self) -> bool:
        return self.limit is not None and self.spent >= 0.99 * self.limit


def _note_explain_cut(cuts: WallCuts | None, within: Cutoff, work: _Work) -> None:
    """The clock, not the work, ended a repeatable explanation: it may name other rules."""
    if cuts is not None and work.limit is not None and within.expired and not work.spent_all:
        cuts.add(i18n.t("checks.stage.explanation"))


def _infeasible_core(
    model: cp_model.CpModel,
    assumed: list[int],
    options: SolveOptions,
    cutoff: Cutoff,
    work: _Work | None = None,
) -> list[int] | None:
    """A subset of ``assumed`` (literal indices) proven infeasible together, or ``None``;
    within ``work``'s deterministic time, when it has a limit."""
    model.clear_assumptions()
    model.add_assumptions([model.get_bool_var_from_proto_index(i) for i in assumed])
    left = work.left if work is not None else None
    if left is not None and left <= 0:
        return None
    solver = new_solver(options, time_limit=max(0.1, cutoff.seconds_left), workers=1, work=left)
    status = solve_until(solver, model, Cutoff(cutoff.stop))
    if work is not None:
        work.spent += solver.deterministic_time
    if status != cp_model.INFEASIBLE:
        return None
    found = set(solver.sufficient_assumptions_for_infeasibility())
    return [i for i in assumed if i in found]
