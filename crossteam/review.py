"""The manager review loop: re-plan a reviewed plan with as few changes as possible.

A manager's decisions become Rules on a copy of the instance (lock -> in_team / rotate_to,
remove -> not_in_team / not_rotate_to), and every other assignment of the previous plan is
held in place by more Rules, except in a neighbourhood around the decisions that may
change. When that leaves no plan, the neighbourhood grows and, in the end, only the locks
and removes stay. The planner itself is untouched. See ``docs/review.md``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from crossteam.checks import verify
from crossteam.errors import InputError
from crossteam.io.plan_layout import REVIEW
from crossteam.models import (
    DepartmentName,
    EmployeeId,
    NetworkReport,
    PeriodLabel,
    Plan,
    PlanningInput,
    Problem,
    ReviewDecision,
    RotationStint,
    Rule,
    RuleKind,
    SolveStatus,
    TeamName,
)
from crossteam.models.review import ChangeKind, PlanChange, ReviewKind
from crossteam.planner import Progress, SolveOptions, Stage, solve

NO_PLAN_AFTER_REVIEW = (
    "The locks and removes on the Review sheet leave no plan, even with the rest of the "
    "plan free to change. The planner's account follows; its 'Rules:' lines without a row "
    "number are the Review decisions."
)
LOCKED = "locked by manager"
REMOVED = "removed by manager"
REOPTIMISED = "re-optimised"


def refilled(employee_id: EmployeeId) -> str:
    """The reason of a change that takes the place a manager's decision freed."""
    return f"refilled the place of {employee_id}"


class Scope(StrEnum):
    """How much of the previous plan a round lets change, narrowest first."""

    DECIDED = "decided"
    """Only the people a lock or remove names move; everyone else is held."""
    NEWCOMERS = "newcomers"
    """Also people without a team may refill the teams a decision emptied, and people not
    rotating may rotate to the open departments."""
    LEAVERS = "leavers"
    """Also the members of a team a lock moves someone into may leave it (for no team or
    an emptied one), and the rotators to or from the open departments may stop."""
    MEMBERS = "members"
    """Also the members of the open teams and the rotators of the open departments may
    change freely."""
    FREE = "free"
    """Nothing is held: only the locks, removes and the user's own Rules."""


_NEXT_SCOPE = {
    Scope.DECIDED: Scope.NEWCOMERS,
    Scope.NEWCOMERS: Scope.LEAVERS,
    Scope.LEAVERS: Scope.MEMBERS,
}


@dataclass(frozen=True)
class Neighbourhood:
    """What may change in one part of the plan (teams, or rotation) during a round."""

    scope: Scope
    open: frozenset[str]
    """Teams (for teams) or departments as home or host (for rotation) that a decision
    touches, or that were added to them when widening."""

    def advanced(self, wider: Callable[[frozenset[str]], frozenset[str]]) -> Neighbourhood:
        """The next, wider neighbourhood: the next scope, then the open set doubled, then
        a free re-plan."""
        if self.scope in _NEXT_SCOPE:
            return Neighbourhood(_NEXT_SCOPE[self.scope], self.open)
        grown = wider(self.open)
        if self.scope is Scope.FREE or grown == self.open:
            return Neighbourhood(Scope.FREE, self.open)
        return Neighbourhood(Scope.MEMBERS, grown)


@dataclass(frozen=True)
class ReviewRound:
    """One solve of the re-plan: what was allowed to change and what came of it."""

    teams: Neighbourhood
    rotation: Neighbourhood
    status: SolveStatus


@dataclass(frozen=True)
class ReviewStats:
    """How far the re-plan followed the manager and the previous plan."""

    locks: int
    locks_honoured: int
    removes: int
    removes_honoured: int
    others: int
    """Assignments of the previous plan that no lock or remove named."""
    others_changed: int

    @property
    def others_kept(self) -> int:
        return self.others - self.others_changed

    @property
    def changed_share(self) -> float:
        """Share of the other previous assignments that changed (0 when there were none)."""
        return self.others_changed / self.others if self.others else 0.0


@dataclass(frozen=True)
class ReviewResult:
    plan: Plan
    changes: tuple[PlanChange, ...]
    stats: ReviewStats
    rounds: tuple[ReviewRound, ...]


def replan(
    instance: PlanningInput,
    report: NetworkReport,
    previous: Plan,
    decisions: Sequence[ReviewDecision],
    options: SolveOptions,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    on_stage: Callable[[Stage], None] | None = None,
    stop: threading.Event | None = None,
) -> ReviewResult:
    """Re-plan ``previous`` so that every lock and remove in ``decisions`` holds and as few
    other assignments as possible change.

    Each round may use the whole time limit of ``options``; rounds without a plan usually
    end within a second. When even the last round finds no plan, the result's plan says
    why (its ``explanation``) and lists no changes.

    Raises:
        InputError: a decision that cannot be honoured whatever the plan (a lock of someone
            unavailable, two locks into different teams, a lock and a remove of one
            assignment, a lock against the user's own Rules), named at its Review row.
    """
    _check_decisions(instance, decisions)
    review = _Review(instance, previous, decisions, options)
    teams, rotation = review.touched()
    rounds: list[ReviewRound] = []
    while True:
        plan = review.solve(
            teams, rotation, report, options, on_progress=on_progress, on_stage=on_stage, stop=stop
        )
        rounds.append(ReviewRound(teams, rotation, plan.status))
        free = Scope.FREE in (teams.scope, rotation.scope)
        if plan.has_solution or free or (stop is not None and stop.is_set()):
            break
        stuck = review.stuck_parts(teams, rotation, report, options)
        if "teams" in stuck:
            teams = teams.advanced(review.wider_teams)
        if "rotation" in stuck:
            rotation = rotation.advanced(review.wider_departments)
        if Scope.FREE in (teams.scope, rotation.scope):
            teams = Neighbourhood(Scope.FREE, teams.open)
            rotation = Neighbourhood(Scope.FREE, rotation.open)
    if plan.has_solution:
        plan = _restore_periods(instance, plan, review.wanted_periods())
        changes = _changes(instance, previous, plan, decisions)
    else:
        changes = ()
        if Scope.FREE in (teams.scope, rotation.scope) and plan.explanation:
            plan = plan.model_copy(
                update={"explanation": (NO_PLAN_AFTER_REVIEW, *plan.explanation)}
            )
    return ReviewResult(plan, changes, _stats(previous, plan, decisions), tuple(rounds))


# ---------------------------------------------------------------------------- decisions


def _check_decisions(instance: PlanningInput, decisions: Sequence[ReviewDecision]) -> None:
    """Refuse decisions no plan can honour, each named at its Review row."""
    problems = [
        Problem(sheet=REVIEW, row=d.row, column="decision", message=message)
        for d, message in _refusals(instance, decisions)
    ]
    if problems:
        raise InputError(problems)


def _refusals(
    instance: PlanningInput, decisions: Sequence[ReviewDecision]
) -> Iterator[tuple[ReviewDecision, str]]:
    removed = {(d.kind, d.employee_id, d.team, d.department) for d in _decided(decisions, "remove")}
    for lock in _decided(decisions, "lock"):
        if (lock.kind, lock.employee_id, lock.team, lock.department) in removed:
            yield lock, f"{lock.employee_id} is both locked into and removed from {_place(lock)}"
        for message in _lock_refusals(instance, lock):
            yield lock, message
    by_team: dict[TeamName, list[ReviewDecision]] = defaultdict(list)
    first_team: dict[EmployeeId, ReviewDecision] = {}
    for lock in sorted(_decided(decisions, "lock", kind="team"), key=lambda d: d.row):
        by_team[lock.team or ""].append(lock)
        first = first_team.setdefault(lock.employee_id, lock)
        if first.team != lock.team:
            yield (
                lock,
                (
                    f"{lock.employee_id} is locked into team '{first.team}' (Review row "
                    f"{first.row}) and team '{lock.team}'"
                ),
            )
    for team, locks in by_team.items():
        largest = instance.team_by_name[team].max_size
        if len(locks) > largest:
            yield (
                locks[largest],
                (
                    f"{len(locks)} people are locked into team '{team}', which takes at most "
                    f"{largest}"
                ),
            )


def _lock_refusals(instance: PlanningInput, lock: ReviewDecision) -> Iterator[str]:
    """Why ``lock`` alone cannot be honoured, if it cannot."""
    who, place = lock.employee_id, _place(lock)
    employee = instance.employee_by_id[who]
    if not employee.available:
        yield f"{who} is not available, so cannot be locked into {place}"
    for rule in instance.rules:
        if rule.employee_id == who and _rule_forbids(rule, lock):
            where = f"Rules row {rule.row}" if rule.row is not None else "the Rules"
            yield f"{where} keeps {who} out of {place}"
    if lock.kind == "team":
        return
    host = instance.department_by_name[lock.department or ""]
    if not employee.rotation_eligible:
        yield f"{who} is not eligible for rotation, so cannot be locked into {place}"
    elif host.name == employee.department:
        yield f"{who} cannot rotate to their own department {host.name}"
    elif not host.can_host or host.host_capacity == 0:
        yield f"{host.name} hosts no one on rotation, so cannot take {who}"


def _place(decision: ReviewDecision) -> str:
    if decision.kind == "team":
        return f"team '{decision.team}'"
    return f"a rotation to {decision.department}"


def _rule_forbids(rule: Rule, lock: ReviewDecision) -> bool:
    """Whether the user's ``rule`` on the locked employee rules the lock out."""
    if lock.kind == "team":
        return (rule.kind is RuleKind.NOT_IN_TEAM and lock.team in rule.targets) or (
            rule.kind is RuleKind.IN_TEAM and lock.team not in rule.targets
        )
    return rule.kind is RuleKind.NO_ROTATION or (
        rule.kind is RuleKind.NOT_ROTATE_TO and lock.department in rule.targets
    )


def _decided(
    decisions: Iterable[ReviewDecision], *words: str, kind: ReviewKind | None = None
) -> list[ReviewDecision]:
    """The decisions that say one of ``words`` (lock, remove, keep), of ``kind`` if given."""
    return [d for d in decisions if d.decision in words and kind in (None, d.kind)]


def _decision_rule(decision: ReviewDecision) -> Rule:
    kinds = {
        ("team", "lock"): RuleKind.IN_TEAM,
        ("team", "remove"): RuleKind.NOT_IN_TEAM,
        ("rotation", "lock"): RuleKind.ROTATE_TO,
        ("rotation", "remove"): RuleKind.NOT_ROTATE_TO,
    }
    target = decision.team if decision.kind == "team" else decision.department
    assert target is not None  # read_review fills the team or the host of each row
    why = LOCKED if decision.decision == "lock" else REMOVED
    return Rule(
        kind=kinds[decision.kind, decision.decision],
        employee_id=decision.employee_id,
        target=target,
        targets=(target,),
        note=f"Review row {decision.row}: {why}",
    )


# ---------------------------------------------------------------------------- rounds


class _Review:
    """The previous plan and the decisions, and the Rules of each round built from them."""

    def __init__(
        self,
        instance: PlanningInput,
        previous: Plan,
        decisions: Sequence[ReviewDecision],
        options: SolveOptions,
    ) -> None:
        self.instance = instance
        self.previous = previous
        self.decisions = decisions
        self.with_teams = options.plan_teams and bool(instance.teams)
        self.with_rotation = options.plan_rotation and bool(instance.periods)
        self.team_of = {m: t.team for t in previous.teams for m in t.members}
        self.hosts_of: dict[EmployeeId, set[DepartmentName]] = defaultdict(set)
        for stint in previous.rotation:
            self.hosts_of[stint.employee_id].add(stint.department)
        self.team_ruled = {
            d.employee_id for d in _decided(decisions, "lock", "remove", kind="team")
        }
        self.kept_teams = {d.employee_id: d.team for d in _decided(decisions, "keep", kind="team")}
        # the teams a decision empties (newcomers may refill them) and the teams a lock
        # moves someone into (a member may have to leave to make room)
        refill: set[TeamName] = set()
        receiving: set[TeamName] = set()
        for d in _decided(decisions, "lock", "remove", kind="team"):
            was = self.team_of.get(d.employee_id)
            if was is not None and (d.decision == "remove" or was != d.team):
                refill.add(was)
            if d.decision == "lock" and d.team is not None and was != d.team:
                receiving.add(d.team)
        self.refill_teams = frozenset(refill)
        self.receiving_teams = frozenset(receiving)
        self.kept_rotation = {d.employee_id for d in _decided(decisions, "keep", kind="rotation")}

    def home(self, employee_id: EmployeeId) -> DepartmentName:
        return self.instance.employee_by_id[employee_id].department

    def touched(self) -> tuple[Neighbourhood, Neighbourhood]:
        """The teams and departments a lock or remove touches: a removed person's team
        must refill, a locked person's new team may need to drop someone and their old
        team refill; a rotation decision moves people between its host and home."""
        teams: set[TeamName] = set()
        departments: set[DepartmentName] = set()
        for d in _decided(self.decisions, "lock", "remove"):
            if d.kind == "team" and d.team is not None:
                teams.add(d.team)
                if d.decision == "lock" and d.employee_id in self.team_of:
                    teams.add(self.team_of[d.employee_id])
            elif d.department is not None:
                departments.update((d.department, self.home(d.employee_id)))
        return (
            Neighbourhood(Scope.DECIDED, frozenset(teams)),
            Neighbourhood(Scope.DECIDED, frozenset(departments)),
        )

    def wider_teams(self, teams: frozenset[TeamName]) -> frozenset[TeamName]:
        """``teams`` and as many again: those sharing the most departments and skills."""
        members_of = {t.team: t.members for t in self.previous.teams}

        def traits(team: TeamName) -> set[str]:
            spec = self.instance.team_by_name[team]
            homes = {f"department {self.home(m)}" for m in members_of.get(team, ())}
            return homes | {f"skill {need.skill}" for need in spec.skill_needs}

        shared = set().union(*(traits(t) for t in teams))
        every = [t.name for t in self.instance.teams]
        return _double(teams, every, lambda t: len(traits(t) & shared))

    def wider_departments(self, departments: frozenset[DepartmentName]) -> frozenset[str]:
        """``departments`` and as many again: those exchanging the most rotators with them."""
        exchange: dict[DepartmentName, int] = defaultdict(int)
        for stint in self.previous.rotation:
            home = self.home(stint.employee_id)
            if home in departments:
                exchange[stint.department] += 1
            if stint.department in departments:
                exchange[home] += 1
        every = [d.name for d in self.instance.departments]
        return _double(departments, every, lambda d: exchange[d])

    def solve(
        self,
        teams: Neighbourhood,
        rotation: Neighbourhood,
        report: NetworkReport,
        options: SolveOptions,
        **run: Any,
    ) -> Plan:
        """Solve the instance with this round's Rules added (``run``: progress and stop)."""
        rules = self.rules(teams, rotation)
        trial = self.instance.model_copy(update={"rules": rules})
        return solve(type(trial).model_validate(trial.model_dump()), report, options, **run)

    def stuck_parts(
        self,
        teams: Neighbourhood,
        rotation: Neighbourhood,
        report: NetworkReport,
        options: SolveOptions,
    ) -> set[str]:
        """The parts (teams, rotation) to widen after a round without a plan.

        Rotation is tried alone first: when it has a plan, teams are what is stuck.
        Otherwise teams are tried alone too, and widen with rotation only if they have
        no plan either. (A part that has no plan ends in the planner's explanation,
        which takes long on large companies, so the team part is tried only if needed.)
        """
        if not (self.with_teams and self.with_rotation):
            return {"teams", "rotation"}
        if self._has_plan(teams, rotation, report, replace(options, plan_teams=False)):
            return {"teams"}
        if self._has_plan(teams, rotation, report, replace(options, plan_rotation=False)):
            return {"rotation"}
        return {"teams", "rotation"}

    def _has_plan(
        self,
        teams: Neighbourhood,
        rotation: Neighbourhood,
        report: NetworkReport,
        options: SolveOptions,
    ) -> bool:
        # only whether a plan exists matters: stop at the first one
        found = threading.Event()
        plan = self.solve(
            teams, rotation, report, options, on_progress=lambda _: found.set(), stop=found
        )
        return plan.has_solution

    def rules(self, teams: Neighbourhood, rotation: Neighbourhood) -> tuple[Rule, ...]:
        """The user's Rules, the decisions', and the holds of a round."""
        decided = tuple(_decision_rule(d) for d in _decided(self.decisions, "lock", "remove"))
        holds = self._team_holds(teams) if self.with_teams else []
        if self.with_rotation:
            holds += self._rotation_holds(rotation)
        return (*self.instance.rules, *decided, *holds)

    def _team_holds(self, teams: Neighbourhood) -> list[Rule]:
        """Everyone's team held, except what ``teams`` lets change: newcomers may refill
        the teams a decision emptied, and members may leave the teams a lock moves
        someone into (until MEMBERS, when the open teams change freely)."""
        scope = teams.scope
        if scope is Scope.FREE:
            return []
        joinable = teams.open if scope is Scope.MEMBERS else self.refill_teams
        if scope is Scope.DECIDED:
            joinable = frozenset()
        leavable = teams.open if scope is Scope.MEMBERS else self.receiving_teams
        every = [t.name for t in self.instance.teams]
        holds: list[Rule] = []
        seated = {d.employee_id for d in _decided(self.decisions, "lock", kind="team")}
        for employee_id, team in self.team_of.items():
            if employee_id in self.team_ruled:
                continue
            seated.add(employee_id)
            kept = self.kept_teams.get(employee_id) == team
            if scope in (Scope.LEAVERS, Scope.MEMBERS) and team in leavable and not kept:
                barred = tuple(t for t in every if t != team and t not in joinable)
                holds.append(_hold(RuleKind.NOT_IN_TEAM, employee_id, barred))
            else:
                holds.append(_hold(RuleKind.IN_TEAM, employee_id, (team,)))
        barred = tuple(t for t in every if t not in joinable)
        if barred:
            holds += [
                _hold(RuleKind.NOT_IN_TEAM, e.employee_id, barred)
                for e in self.instance.available_employees
                if e.employee_id not in seated
            ]
        return holds

    def _rotation_holds(self, rotation: Neighbourhood) -> list[Rule]:
        scope, departments_open = rotation.scope, rotation.open
        if scope is Scope.FREE:
            return []
        everywhere = [d.name for d in self.instance.departments]
        locked = {d.employee_id for d in _decided(self.decisions, "lock", kind="rotation")}
        removed = {
            (d.employee_id, d.department)
            for d in _decided(self.decisions, "remove", kind="rotation")
        }
        holds: list[Rule] = []
        for employee in self.instance.available_employees:
            who = employee.employee_id
            if who in locked:
                continue
            hosts = {h for h in self.hosts_of.get(who, set()) if (who, h) not in removed}
            touched = employee.department in departments_open or bool(hosts & departments_open)
            released = touched and who not in self.kept_rotation
            if hosts and released and scope is Scope.LEAVERS:
                others = tuple(d for d in everywhere if d not in hosts)
                holds.append(_hold(RuleKind.NOT_ROTATE_TO, who, others))
                continue
            if hosts and not (released and scope is Scope.MEMBERS):
                holds += [_hold(RuleKind.ROTATE_TO, who, (h,)) for h in sorted(hosts)]
                continue
            if not employee.rotation_eligible:
                continue
            # someone without a held stint may go only where the round lets things change
            barred = tuple(
                d
                for d in everywhere
                if scope is Scope.DECIDED or (d not in departments_open and d not in hosts)
            )
            if len(barred) == len(everywhere):
                holds.append(_hold(RuleKind.NO_ROTATION, who, ()))
            elif barred:
                holds.append(_hold(RuleKind.NOT_ROTATE_TO, who, barred))
        return holds

    def wanted_periods(self) -> dict[tuple[EmployeeId, DepartmentName], PeriodLabel]:
        """The period each stint should keep: the previous plan's, or the one a lock names."""
        wanted = {(s.employee_id, s.department): s.period for s in self.previous.rotation}
        for d in _decided(self.decisions, "lock", kind="rotation"):
            if d.department is not None and d.period is not None:
                wanted[d.employee_id, d.department] = d.period
        return wanted


def _hold(kind: RuleKind, employee_id: EmployeeId, targets: tuple[str, ...]) -> Rule:
    return Rule(
        kind=kind,
        employee_id=employee_id,
        target=", ".join(targets) or None,
        targets=targets,
        note="held from the reviewed plan",
    )


def _double(
    chosen: frozenset[str], every: Sequence[str], closeness: Callable[[str], int]
) -> frozenset[str]:
    """``chosen`` and as many again of the rest (at least one), closest first."""
    rest = sorted((n for n in every if n not in chosen), key=lambda n: -closeness(n))
    return chosen | frozenset(rest[: max(1, len(chosen))])


# ---------------------------------------------------------------------------- periods


def _restore_periods(
    instance: PlanningInput,
    plan: Plan,
    wanted: Mapping[tuple[EmployeeId, DepartmentName], PeriodLabel],
) -> Plan:
    """Give stints back the period they had, where every rule still holds.

    Rules can hold who goes where but not when, so the solver may move held stints
    between periods. All of them are put back at once if the checker accepts that, else
    one at a time, keeping each move that fails no rule the plan did not fail already.
    Only one-period stints are moved (a longer stint spans several periods).
    """
    if instance.settings.stint_periods != 1:
        return plan

    def want(stint: RotationStint) -> PeriodLabel:
        return wanted.get((stint.employee_id, stint.department), stint.period)

    allowed = _failures(instance, plan)

    def accepted(rotation: tuple[RotationStint, ...]) -> Plan | None:
        trial = plan.model_copy(update={"rotation": rotation})
        return trial if _failures(instance, trial) <= allowed else None

    moved = [i for i, s in enumerate(plan.rotation) if want(s) != s.period]
    if not moved:
        return plan
    everything = tuple(s.model_copy(update={"period": want(s)}) for s in plan.rotation)
    restored = accepted(everything)
    if restored is not None:
        return restored
    rotation = plan.rotation
    for i in moved:
        trial = (*rotation[:i], everything[i], *rotation[i + 1 :])
        if accepted(trial) is not None:
            rotation = trial
    return plan.model_copy(update={"rotation": rotation})


def _failures(instance: PlanningInput, plan: Plan) -> set[tuple[str, str]]:
    return {(r.rule, r.subject) for r in verify(instance, plan).failures}


# ---------------------------------------------------------------------------- changes


def _stint_text(
    instance: PlanningInput, stints: Iterable[tuple[PeriodLabel, DepartmentName]]
) -> str:
    order = {p.label: p.index for p in instance.periods}
    return "; ".join(
        f"{host} in {period}" for period, host in sorted(stints, key=lambda s: order[s[0]])
    )


def _changes(
    instance: PlanningInput, previous: Plan, plan: Plan, decisions: Sequence[ReviewDecision]
) -> tuple[PlanChange, ...]:
    """One change per employee and kind whose place differs, with the reason it moved."""
    before_team = {m: t.team for t in previous.teams for m in t.members}
    after_team = {m: t.team for t in plan.teams for m in t.members}
    before_stints = _stints_by_employee(previous)
    after_stints = _stints_by_employee(plan)
    locks = {(d.kind, d.employee_id, d.team or d.department) for d in _decided(decisions, "lock")}
    removes = {
        (d.kind, d.employee_id, d.team or d.department) for d in _decided(decisions, "remove")
    }
    # places the manager emptied, in Review order: whoever takes them refills them
    freed: dict[tuple[ReviewKind, str], list[EmployeeId]] = defaultdict(list)
    for d in sorted(_decided(decisions, "lock", "remove"), key=lambda d: d.row):
        if d.kind == "team":
            was = before_team.get(d.employee_id)
            if was is not None and was != after_team.get(d.employee_id):
                freed["team", was].append(d.employee_id)
        elif d.decision == "remove":
            freed["rotation", d.department or ""].append(d.employee_id)

    def reason(kind: ReviewKind, who: EmployeeId, gone: set[str], gained: set[str]) -> str:
        if any((kind, who, place) in locks for place in gained):
            return LOCKED
        if any((kind, who, place) in removes for place in gone):
            return REMOVED
        for place in sorted(gained):
            if freed[kind, place]:
                return refilled(freed[kind, place].pop(0))
        return REOPTIMISED

    changes: list[PlanChange] = []
    for employee in instance.employees:
        who = employee.employee_id
        was, now = before_team.get(who), after_team.get(who)
        if was != now:
            what: ChangeKind = "joined" if was is None else "left" if now is None else "moved"
            gone = {t for t in (was,) if t is not None}
            gained = {t for t in (now,) if t is not None}
            changes.append(
                PlanChange(
                    employee_id=who,
                    kind="team",
                    what=what,
                    before=was or "",
                    after=now or "",
                    reason=reason("team", who, gone, gained),
                )
            )
        old, new = before_stints.get(who, set()), after_stints.get(who, set())
        if old != new:
            old_hosts, new_hosts = {h for _, h in old}, {h for _, h in new}
            changes.append(
                PlanChange(
                    employee_id=who,
                    kind="rotation",
                    what="rotation changed",
                    before=_stint_text(instance, old),
                    after=_stint_text(instance, new),
                    reason=reason("rotation", who, old_hosts - new_hosts, new_hosts - old_hosts),
                )
            )
    return tuple(changes)


def _stints_by_employee(plan: Plan) -> dict[EmployeeId, set[tuple[PeriodLabel, DepartmentName]]]:
    out: dict[EmployeeId, set[tuple[PeriodLabel, DepartmentName]]] = defaultdict(set)
    for stint in plan.rotation:
        out[stint.employee_id].add((stint.period, stint.department))
    return out


def _stats(previous: Plan, plan: Plan, decisions: Sequence[ReviewDecision]) -> ReviewStats:
    after_team = {m: t.team for t in plan.teams for m in t.members}
    visits = {(s.employee_id, s.department) for s in plan.rotation}
    stints = {(s.employee_id, s.period, s.department) for s in plan.rotation}

    def holds(d: ReviewDecision) -> bool:
        if d.kind == "team":
            return after_team.get(d.employee_id) == d.team
        return (d.employee_id, d.department) in visits

    locks, removes = _decided(decisions, "lock"), _decided(decisions, "remove")
    # a lock decides the person's whole place of its kind (it may move them); a remove
    # decides the one assignment it names
    locked = {(d.kind, d.employee_id) for d in locks}
    removed = {(d.kind, d.employee_id, d.team or d.department) for d in removes}
    others = [
        after_team.get(m) == t.team
        for t in previous.teams
        for m in t.members
        if ("team", m) not in locked and ("team", m, t.team) not in removed
    ] + [
        (s.employee_id, s.period, s.department) in stints
        for s in previous.rotation
        if ("rotation", s.employee_id) not in locked
        and ("rotation", s.employee_id, s.department) not in removed
    ]
    return ReviewStats(
        locks=len(locks),
        locks_honoured=sum(holds(d) for d in locks) if plan.has_solution else 0,
        removes=len(removes),
        removes_honoured=sum(not holds(d) for d in removes) if plan.has_solution else 0,
        others=len(others),
        others_changed=others.count(False) if plan.has_solution else 0,
    )
