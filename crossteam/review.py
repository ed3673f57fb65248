"""Re-planning against a previous plan: repair it with as few changes as possible.

After the input changed (``plan --previous``) or a manager reviewed the plan (``plan
--review``), the previous plan is repaired in one solve: a manager's locks and removes
become Rules on a copy of the instance (lock -> in_team / rotate_to, remove ->
not_in_team / not_rotate_to), and the planner weighs every other change of the previous
plan against what it gains (``planner.stability``; ``keep`` weighs more). Each change is
then told with its cause: a decision, a change of the input, a seat it refills, room it
makes. See ``docs/review.md``.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from crossteam import i18n
from crossteam.errors import InputError
from crossteam.models import (
    DepartmentName,
    EmployeeId,
    InputChanges,
    NetworkReport,
    PeriodLabel,
    Plan,
    PlanningInput,
    Problem,
    ReviewDecision,
    Rule,
    RuleKind,
    SolveStatus,
    TeamName,
    pair_key,
    pairs_among,
)
from crossteam.models.input_changes import clauses, rule_text
from crossteam.models.review import (
    REVIEW_SHEET,
    ChangeKind,
    Decision,
    LeftOut,
    PlanChange,
    ReviewKind,
)
from crossteam.planner import PreviousPlan, Progress, SolveOptions, Stage, solve

_WORDS = {
    "NO_PLAN_AFTER_REVIEW": "explain.no_plan_after_review",
    "LOCKED": "explain.reason.locked",
    "MOVED": "explain.reason.moved",
    "REMOVED": "explain.reason.removed",
    "UNEXPLAINED": "explain.reason.unexplained",
}
"""The reasons of a decision (and of a change nothing else explains), and the first line
of the account when the decisions leave no plan, by the name they are imported as."""


def __getattr__(name: str) -> str:
    # the words are made when asked for (PEP 562), in the language of that moment
    if name in _WORDS:
        return i18n.t(_WORDS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # not shown: a bug


def refilled(employee_id: EmployeeId) -> str:
    """The reason of a change that takes the seat someone else left."""
    return i18n.t("explain.reason.refilled", employee=employee_id)


def made_room(employee_id: EmployeeId) -> str:
    """The reason of a change that leaves a seat someone else took."""
    return i18n.t("explain.reason.made_room", employee=employee_id)


@dataclass(frozen=True)
class ReviewStats:
    """How far the re-plan followed the manager and the previous plan."""

    locks: int
    locks_honoured: int
    removes: int
    removes_honoured: int
    others: int
    """Assignments of the previous plan that no lock or remove named and whose person can
    still hold them (present, available and, for a stint, rotation-eligible: the input's
    own changes are causes, not changes the re-plan chose)."""
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


def replan(
    instance: PlanningInput,
    report: NetworkReport,
    previous: Plan,
    decisions: Sequence[ReviewDecision],
    options: SolveOptions,
    *,
    input_changes: InputChanges | None = None,
    left_out: Sequence[LeftOut] = (),
    on_progress: Callable[[Progress], None] | None = None,
    on_stage: Callable[[Stage], None] | None = None,
    stop: threading.Event | None = None,
) -> ReviewResult:
    """Repair ``previous`` so that every lock and remove in ``decisions`` holds and as few
    other assignments as possible change: one solve (``planner.solve`` with the previous
    plan), within the time limit of ``options``.

    ``input_changes`` and ``left_out`` (what ``read_plan_for`` found) name the causes of
    the changes. When no plan meets the rules, the result's plan says why (its
    ``explanation``) and lists no changes.

    Raises:
        InputError: a decision that cannot be honoured whatever the plan (a lock of someone
            unavailable, two locks into different teams, a lock and a remove of one
            assignment, a lock against the user's own Rules), named at its Review row.
    """
    _check_decisions(instance, decisions)
    decided = tuple(_decision_rule(d) for d in _decided(decisions, Decision.LOCK, Decision.REMOVE))
    trial = instance
    if decided:
        trial = instance.validated_with(rules=(*instance.rules, *decided))
    weight = instance.settings.weight_stability
    repaired = PreviousPlan.of(previous, weight, _kept(previous, decisions))
    plan = solve(
        trial,
        report,
        options,
        previous=repaired,
        on_progress=on_progress,
        on_stage=on_stage,
        stop=stop,
    )
    stats = _stats(instance, previous, plan, decisions)
    if not plan.has_solution:
        if decided and plan.status is SolveStatus.INFEASIBLE and plan.explanation:
            explained = (i18n.t("explain.no_plan_after_review"), *plan.explanation)
            plan = plan.model_copy(update={"explanation": explained})
        return ReviewResult(plan, (), stats)
    story = _Story(instance, report, previous, plan, decisions, input_changes, left_out)
    return ReviewResult(plan, story.changes(), stats)


def _kept(previous: Plan, decisions: Sequence[ReviewDecision]) -> set[tuple[str, str, str]]:
    """The previous assignments a keep (or, for a stint's period, a lock) asks to hold."""
    team_of = {m: t.team for t in previous.teams for m in t.members}
    kept: set[tuple[str, str, str]] = set()
    for d in _decided(decisions, Decision.KEEP, Decision.LOCK):
        if d.kind == "team" and d.team is not None and team_of.get(d.employee_id) == d.team:
            kept.add(("team", d.employee_id, d.team))
        elif d.kind == "rotation" and d.department is not None:
            kept.add(("rotation", d.employee_id, d.department))
    return kept


# ---------------------------------------------------------------------------- decisions


def _check_decisions(instance: PlanningInput, decisions: Sequence[ReviewDecision]) -> None:
    """Refuse decisions no plan can honour, each named at its Review row."""
    problems = [
        Problem(
            sheet=i18n.name(REVIEW_SHEET), row=d.row, column=i18n.name("decision"), message=message
        )
        for d, message in _refusals(instance, decisions)
    ]
    if problems:
        raise InputError(problems)


def _refusals(
    instance: PlanningInput, decisions: Sequence[ReviewDecision]
) -> Iterator[tuple[ReviewDecision, str]]:
    removed = {
        (d.kind, d.employee_id, d.team, d.department) for d in _decided(decisions, Decision.REMOVE)
    }
    for lock in _decided(decisions, Decision.LOCK):
        if (lock.kind, lock.employee_id, lock.team, lock.department) in removed:
            yield (
                lock,
                i18n.t(
                    "explain.refusal.locked_and_removed",
                    employee=lock.employee_id,
                    place=_place(lock),
                ),
            )
        for message in _lock_refusals(instance, lock):
            yield lock, message
    by_team: dict[TeamName, list[ReviewDecision]] = defaultdict(list)
    first_team: dict[EmployeeId, ReviewDecision] = {}
    for lock in sorted(_decided(decisions, Decision.LOCK, kind="team"), key=lambda d: d.row):
        by_team[lock.team or ""].append(lock)
        first = first_team.setdefault(lock.employee_id, lock)
        if first.team != lock.team:
            yield (
                lock,
                i18n.t(
                    "explain.refusal.two_teams",
                    employee=lock.employee_id,
                    first=first.team,
                    row=first.row,
                    team=lock.team,
                ),
            )
    for team, locks in by_team.items():
        largest = instance.team_by_name[team].max_size
        if len(locks) > largest:
            yield (
                locks[largest],
                i18n.t("explain.refusal.team_full", count=len(locks), team=team, largest=largest),
            )


def _lock_refusals(instance: PlanningInput, lock: ReviewDecision) -> Iterator[str]:
    """Why ``lock`` alone cannot be honoured, if it cannot."""
    who, place = lock.employee_id, _place(lock)
    employee = instance.employee_by_id[who]
    if not employee.available:
        yield i18n.t("explain.refusal.unavailable", employee=who, place=place)
    for rule in instance.rules:
        if rule.employee_id == who and _rule_forbids(rule, lock):
            if rule.row is not None:
                yield i18n.t("explain.refusal.rules_row", row=rule.row, employee=who, place=place)
            else:
                yield i18n.t("explain.refusal.rules", employee=who, place=place)
    if lock.kind == "team":
        return
    host = instance.department_by_name[lock.department or ""]
    if not employee.rotation_eligible:
        yield i18n.t("explain.refusal.not_eligible", employee=who, place=place)
    elif host.name == employee.department:
        yield i18n.t("explain.refusal.own_department", employee=who, department=host.name)
    elif not host.can_host or host.host_capacity == 0:
        yield i18n.t("explain.refusal.no_host", department=host.name, employee=who)


def _place(decision: ReviewDecision) -> str:
    if decision.kind == "team":
        return i18n.t("explain.place.team", team=decision.team)
    return i18n.t("explain.place.rotation", department=decision.department)


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
    decisions: Iterable[ReviewDecision], *words: Decision, kind: ReviewKind | None = None
) -> list[ReviewDecision]:
    """The decisions that say one of ``words``, of ``kind`` if given."""
    return [d for d in decisions if d.decision in words and kind in (None, d.kind)]


def _decision_rule(decision: ReviewDecision) -> Rule:
    kinds: dict[tuple[str, str | None], RuleKind] = {
        ("team", Decision.LOCK): RuleKind.IN_TEAM,
        ("team", Decision.REMOVE): RuleKind.NOT_IN_TEAM,
        ("rotation", Decision.LOCK): RuleKind.ROTATE_TO,
        ("rotation", Decision.REMOVE): RuleKind.NOT_ROTATE_TO,
    }
    target = decision.team if decision.kind == "team" else decision.department
    assert target is not None  # read_review fills the team or the host of each row
    locked = decision.decision is Decision.LOCK
    why = i18n.t("explain.reason.locked") if locked else i18n.t("explain.reason.removed")
    return Rule(
        kind=kinds[decision.kind, decision.decision],
        employee_id=decision.employee_id,
        target=target,
        targets=(target,),
        note=i18n.t("explain.review_rule_note", row=decision.row, why=why),
    )


# ---------------------------------------------------------------------------- changes

Place = tuple[str, str]
"""A seat that can be freed and refilled: ("team", team), ("host", host department) or
("home", home department) for a rotation."""
Stints = set[tuple[PeriodLabel, DepartmentName]]


@dataclass
class _Change:
    """One person's change of one kind, while its reason is worked out."""

    employee_id: EmployeeId
    kind: ReviewKind
    what: ChangeKind
    before: str
    after: str
    lost: set[str]
    """Teams, or host departments, the person had and no longer has (for a stint moved
    to another period, its host)."""
    gained: set[str]
    reason: str | None = None

    def seats(self, home: DepartmentName | None, places: Iterable[str]) -> list[Place]:
        if self.kind == "team":
            return [("team", p) for p in sorted(places)]
        seats: list[Place] = [("host", p) for p in sorted(places)]
        return [*seats, ("home", home)] if home is not None and seats else seats


class _Story:
    """Why each assignment of a re-plan differs from the previous plan.

    First every change whose person (or team, or host) has a cause of its own: a
    manager's decision, a change of the input. The seats they leave are *freed*; a change
    into a freed seat refills it (and frees the one it leaves), and a change out of a
    seat someone took for a cause makes room for them, until nothing more follows. What
    is left is told by the silent pair it connects, if any.
    """

    def __init__(
        self,
        instance: PlanningInput,
        report: NetworkReport,
        previous: Plan,
        plan: Plan,
        decisions: Sequence[ReviewDecision],
        input_changes: InputChanges | None,
        left_out: Sequence[LeftOut],
    ) -> None:
        self.instance = instance
        self.report = report
        self.plan = plan
        self.decisions = decisions
        self.input_changes = input_changes
        self.left_out = left_out
        # the previous plan as it was, with what its reader left out of it (a team,
        # host or period the input no longer has) for the people still in the input
        self.before_team = _team_of(previous)
        self.before_stints = _stints_of(previous)
        for gone in left_out:
            if gone.employee_id not in instance.employee_by_id:
                continue
            if gone.kind == "team" and gone.team is not None:
                self.before_team[gone.employee_id] = gone.team
            elif gone.period is not None and gone.department is not None:
                self.before_stints[gone.employee_id].add((gone.period, gone.department))
        self.pairs_before = _pairs_held(instance, previous)
        self.pairs_after = _pairs_held(instance, plan)
        self.shrunk = self._shrunk()
        self.freed: dict[Place, list[EmployeeId]] = defaultdict(list)
        """Seats left for a cause, in the order found: whoever takes one refills it."""

    def changes(self) -> tuple[PlanChange, ...]:
        pending = list(self._differences())
        for change in pending:
            change.reason = change.reason or self._own_cause(change)
            if change.reason is not None:
                self._free(change)
        while self._refill(pending) or self._make_room(pending):
            pass
        comments = self._comments()
        return tuple(
            PlanChange(
                employee_id=c.employee_id,
                kind=c.kind,
                what=c.what,
                before=c.before,
                after=c.after,
                reason=c.reason or self._gain(c) or i18n.t("explain.reason.unexplained"),
                comment=comments.get((c.kind, c.employee_id), ""),
            )
            for c in pending
        )

    # -- what differs

    def _differences(self) -> Iterator[_Change]:
        after_team, after_stints = _team_of(self.plan), _stints_of(self.plan)
        for employee in self.instance.employees:
            who = employee.employee_id
            was, now = self.before_team.get(who), after_team.get(who)
            if was != now:
                what: ChangeKind = "joined" if was is None else "left" if now is None else "moved"
                lost = {t for t in (was,) if t is not None}
                gained = {t for t in (now,) if t is not None}
                yield _Change(who, "team", what, was or "", now or "", lost, gained)
            old, new = self.before_stints.get(who, set()), after_stints.get(who, set())
            if old != new:
                yield self._stint_change(who, old, new)
        yield from self._gone()

    def _stint_change(self, who: EmployeeId, old: Stints, new: Stints) -> _Change:
        old_hosts, new_hosts = {h for _, h in old}, {h for _, h in new}
        return _Change(
            who,
            "rotation",
            "rotation changed",  # not shown: a ChangeKind, worded by the Changes sheet
            _stint_text(self.instance, old),
            _stint_text(self.instance, new),
            old_hosts - new_hosts or old_hosts,
            new_hosts - old_hosts or new_hosts,
        )

    def _gone(self) -> Iterator[_Change]:
        """The assignments of people no longer in the input: one change per person and kind."""
        teams: dict[EmployeeId, LeftOut] = {}
        stints: dict[EmployeeId, Stints] = defaultdict(set)
        reasons: dict[EmployeeId, str] = {}
        for gone in self.left_out:
            if gone.employee_id in self.instance.employee_by_id:
                continue
            reasons[gone.employee_id] = gone.reason
            if gone.kind == "team":
                teams[gone.employee_id] = gone
            elif gone.period is not None and gone.department is not None:
                stints[gone.employee_id].add((gone.period, gone.department))
        for who, gone in teams.items():
            place = gone.team or ""
            yield _Change(who, "team", "left", place, "", {place}, set(), reasons[who])
        for who, old in stints.items():
            change = self._stint_change(who, old, set())
            change.reason = reasons[who]
            yield change

    # -- causes

    def _own_cause(self, change: _Change) -> str | None:
        """A manager's decision on the person, or a change of the input on the person or
        on a team, host or period they left or joined."""
        return self._decision(change) or self._person_cause(change) or self._place_cause(change)

    def _decision(self, change: _Change) -> str | None:
        who = change.employee_id
        before = self.before_team.get(who)
        for d in self.decisions:
            if d.employee_id != who or d.kind != change.kind:
                continue
            place = d.team if d.kind == "team" else d.department
            if d.decision is Decision.LOCK and place in change.gained:
                moved = d.kind == "team" and before not in (None, d.team)
                return i18n.t("explain.reason.moved") if moved else i18n.t("explain.reason.locked")
            if d.decision is Decision.REMOVE and place in change.lost:
                return i18n.t("explain.reason.removed")
        return None

    def _person_cause(self, change: _Change) -> str | None:
        who = change.employee_id
        employee = self.instance.employee_by_id[who]
        if not employee.available:
            return i18n.t("explain.reason.now_unavailable", employee=who)
        if change.kind == "rotation" and not employee.rotation_eligible:
            return i18n.t("explain.reason.no_longer_eligible", employee=who)
        changes = self.input_changes
        if changes is None or changes.same_input:
            return None
        moved = next((c for c in changes.department_changed if c.employee_id == who), None)
        if moved is not None:
            return i18n.t(
                "explain.reason.department_changed",
                employee=who,
                before=moved.before,
                after=moved.after,
            )
        rules = changes.part("Rules")
        if rules is not None:
            for rule in self.instance.rules:
                text = rule_text(rule.kind, rule.employee_id, rule.target)
                if text in rules.added and who in (rule.employee_id, *rule.targets):
                    return i18n.t("explain.reason.new_rule", rule=text)
            for text in rules.removed:
                if who in text.split()[1:]:
                    return i18n.t("explain.reason.rule_removed", rule=text)
        if who in changes.details_changed:
            return i18n.t("explain.reason.details_changed", employee=who)
        return None

    def _place_cause(self, change: _Change) -> str | None:
        instance, changes = self.instance, self.input_changes
        if change.kind == "team":
            for team in sorted(change.lost):
                if team not in instance.team_by_name:
                    return i18n.t("explain.reason.team_gone", team=team)
            teams = changes.part("Teams") if changes is not None else None
            for team in sorted(change.lost | change.gained):
                if teams is not None and team in teams.changed:
                    return i18n.t("explain.reason.team_changed", team=team)
                if teams is not None and team in teams.added:
                    return i18n.t("explain.reason.team_new", team=team)
            return None
        labels = {p.label for p in instance.periods}
        old = self.before_stints.get(change.employee_id, set())
        for period in sorted({p for p, _ in old} - labels):
            return i18n.t("explain.reason.period_gone", period=period)
        departments = changes.part("Departments") if changes is not None else None
        for host in sorted(change.lost | change.gained):
            if host not in instance.department_by_name:
                return i18n.t("explain.reason.department_gone", department=host)
            if departments is not None and host in departments.changed:
                return i18n.t("explain.reason.department_edited", department=host)
        home = self._home(change.employee_id)
        for department in [home, *sorted(change.lost | change.gained)]:
            if department is not None and (causes := self.shrunk.get(department)):
                return i18n.t(
                    "explain.reason.fewer_to_spare", department=department, causes=_listed(causes)
                )
        return None

    def _shrunk(self) -> dict[DepartmentName, list[str]]:
        """Departments with fewer people than the previous plan's input, and why: fewer
        to send on rotation and keep on site, so stints to and from them may change."""
        shrunk: dict[DepartmentName, list[str]] = defaultdict(list)
        changes = self.input_changes
        if changes is None or changes.same_input:
            return shrunk
        for who in changes.now_unavailable:
            if (employee := self.instance.employee_by_id.get(who)) is not None:
                shrunk[employee.department].append(
                    i18n.t("explain.reason.now_unavailable", employee=who)
                )
        for moved in changes.department_changed:
            shrunk[moved.before].append(
                i18n.t("explain.reason.moved_to", employee=moved.employee_id, after=moved.after)
            )
        return shrunk

    def _home(self, employee_id: EmployeeId) -> DepartmentName | None:
        employee = self.instance.employee_by_id.get(employee_id)
        return employee.department if employee is not None else None

    def _free(self, change: _Change) -> None:
        for seat in change.seats(self._home(change.employee_id), change.lost):
            self.freed[seat].append(change.employee_id)

    def _refill(self, pending: list[_Change]) -> bool:
        """Changes into a freed seat refill it (and free the seat they leave)."""
        progress = False
        for change in pending:
            if change.reason is not None:
                continue
            seats = change.seats(self._home(change.employee_id), change.gained)
            seat = next((s for s in seats if self.freed[s]), None)
            if seat is not None:
                change.reason = refilled(self.freed[seat].pop(0))
                self._free(change)
                progress = True
        return progress

    def _make_room(self, pending: list[_Change]) -> bool:
        """Changes out of a seat that someone took for a cause make room for them."""
        arrivals: dict[Place, EmployeeId] = {}
        for change in pending:
            if change.reason is not None:
                for seat in change.seats(self._home(change.employee_id), change.gained):
                    arrivals.setdefault(seat, change.employee_id)
        progress = False
        for change in pending:
            if change.reason is not None:
                continue
            seats = change.seats(self._home(change.employee_id), change.lost)
            taken = next((s for s in seats if s in arrivals), None)
            if taken is not None:
                change.reason = made_room(arrivals[taken])
                progress = True
        return progress

    def _gain(self, change: _Change) -> str | None:
        """What a change no cause explains gains: the silent pairs it connects."""
        home = self._home(change.employee_id)
        if home is None or not change.gained:
            return None
        partners: set[DepartmentName] = set(change.gained)
        if change.kind == "team":
            members = [m for t in self.plan.teams if t.team in change.gained for m in t.members]
            partners = {d for m in members if (d := self._home(m)) is not None}
        weights = self.report.gap_weights()
        connected = sorted(
            pair
            for partner in partners - {home}
            if (pair := pair_key(home, partner)) in weights
            and pair in self.pairs_after
            and pair not in self.pairs_before
        )
        if not connected:
            return None
        return i18n.t(
            "explain.reason.connects", pairs=i18n.listed(f"{a} – {b}" for a, b in connected)
        )

    def _comments(self) -> dict[tuple[ReviewKind, EmployeeId], str]:
        comments: dict[tuple[ReviewKind, EmployeeId], str] = {}
        for d in sorted(self.decisions, key=lambda d: d.row):
            if d.comment:
                comments.setdefault((d.kind, d.employee_id), d.comment)
        return comments


def _listed(causes: Sequence[str], most: int = 3) -> str:
    shown = clauses(causes[:most])
    if len(causes) <= most:
        return shown
    return i18n.t("explain.and_more", shown=shown, more=len(causes) - most)


def _pairs_held(instance: PlanningInput, plan: Plan) -> set[tuple[DepartmentName, DepartmentName]]:
    """Department pairs a team or a stint of ``plan`` ties."""
    department = {e.employee_id: e.department for e in instance.employees}
    held: set[tuple[DepartmentName, DepartmentName]] = set()
    for team in plan.teams:
        held.update(pairs_among(department[m] for m in team.members if m in department))
    for stint in plan.rotation:
        home = department.get(stint.employee_id)
        if home is not None and home != stint.department:
            held.add(pair_key(home, stint.department))
    return held


def _team_of(plan: Plan) -> dict[EmployeeId, TeamName]:
    return {m: t.team for t in plan.teams for m in t.members}


def _stints_of(plan: Plan) -> dict[EmployeeId, Stints]:
    out: dict[EmployeeId, Stints] = defaultdict(set)
    for stint in plan.rotation:
        out[stint.employee_id].add((stint.period, stint.department))
    return out


def _stint_text(
    instance: PlanningInput, stints: Iterable[tuple[PeriodLabel, DepartmentName]]
) -> str:
    order = {p.label: p.index for p in instance.periods}
    return clauses(
        i18n.t("explain.stint", host=host, period=period)
        for period, host in sorted(stints, key=lambda s: (order.get(s[0], len(order)), s[0]))
    )


def _stats(
    instance: PlanningInput, previous: Plan, plan: Plan, decisions: Sequence[ReviewDecision]
) -> ReviewStats:
    after_team = _team_of(plan)
    visits = {(s.employee_id, s.department) for s in plan.rotation}
    stints = {(s.employee_id, s.period, s.department) for s in plan.rotation}

    def holds(d: ReviewDecision) -> bool:
        if d.kind == "team":
            return after_team.get(d.employee_id) == d.team
        return (d.employee_id, d.department) in visits

    locks, removes = _decided(decisions, Decision.LOCK), _decided(decisions, Decision.REMOVE)
    # a lock decides the person's whole place of its kind (it may move them); a remove
    # decides the one assignment it names
    locked = {(d.kind, d.employee_id) for d in locks}
    removed = {(d.kind, d.employee_id, d.team or d.department) for d in removes}
    placeable = {e.employee_id for e in instance.employees if e.available}
    rotatable = {e.employee_id for e in instance.employees if e.available and e.rotation_eligible}
    others = [
        after_team.get(m) == t.team
        for t in previous.teams
        for m in t.members
        if m in placeable and ("team", m) not in locked and ("team", m, t.team) not in removed
    ] + [
        (s.employee_id, s.period, s.department) in stints
        for s in previous.rotation
        if s.employee_id in rotatable
        and ("rotation", s.employee_id) not in locked
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
