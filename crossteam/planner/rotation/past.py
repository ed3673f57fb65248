"""What the rotation reads from the Preferences and History sheets: each person's ranked
hosts, the hosts they may not revisit, and how many stints people and departments did
before (for the fairness over History, ``history.py``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from crossteam.models import DepartmentName, EmployeeId, PlanningInput, Settings
from crossteam.models.settings import RepeatPolicy
from crossteam.models.wishes import ProgrammeKind, largest_rank, ranked, visited_hosts


@dataclass(frozen=True)
class RotationPast:
    """The wishes and the counted History as the rotation model uses them; all empty
    when the workbook has neither (so the model is the one without them)."""

    wishes: dict[EmployeeId, dict[DepartmentName, int]] = field(default_factory=dict)
    """Ranked hosts per person (host -> best rank); empty when ``weight_preference`` is 0."""
    most_rank: int = 0
    """The largest rotation rank anyone gave (``rank_points``)."""
    barred: dict[EmployeeId, frozenset[DepartmentName]] = field(default_factory=dict)
    """Hosts visited in counted History: barred under ``repeat_host`` forbid, else empty."""
    stints: dict[EmployeeId, int] = field(default_factory=dict)
    """Stints each person did in counted History (people with none are left out)."""
    per_head: dict[DepartmentName, Fraction] = field(default_factory=dict)
    """Stints in counted History per member, per department of the people who did them."""

    @property
    def person_fair(self) -> bool:
        """Whether the per-person fairness over History has anything to weigh."""
        return bool(self.stints)

    def stint_share(self, employee_id: EmployeeId) -> Fraction:
        """``(K - k) / K``: 1 for a person with no stint in History, 0 for the most."""
        most = max(self.stints.values(), default=0)
        if not most:
            return Fraction(0)
        return Fraction(most - self.stints.get(employee_id, 0), most)

    def department_share(self, department: DepartmentName) -> Fraction:
        """``(M - r_d) / M``: 1 for a department that sent nobody in History, 0 for the
        department that sent most per head."""
        most = max(self.per_head.values(), default=Fraction(0))
        if not most:
            return Fraction(0)
        return (most - self.per_head.get(department, Fraction(0))) / most


def rotation_past(instance: PlanningInput) -> RotationPast:
    """The wishes and counted History of ``instance`` the rotation model needs."""
    settings = instance.settings
    wishes: dict[EmployeeId, dict[DepartmentName, int]] = {}
    if settings.weight_preference > 0:
        wishes = ranked(instance.preferences, ProgrammeKind.ROTATION)
    counted = instance.counted_history
    barred = visited_hosts(counted) if settings.repeat_host is RepeatPolicy.FORBID else {}
    stints = history_stints(instance) if settings.weight_rotation_history > 0 else {}
    per_head: dict[DepartmentName, Fraction] = {}
    if stints:
        sent: dict[DepartmentName, int] = defaultdict(int)
        for employee_id, k in stints.items():
            sent[instance.employee_by_id[employee_id].department] += k
        per_head = {d: Fraction(n, len(instance.members_of[d])) for d, n in sent.items()}
    return RotationPast(
        wishes=wishes,
        most_rank=largest_rank(instance.preferences, ProgrammeKind.ROTATION),
        barred=barred,
        stints=stints,
        per_head=per_head,
    )


def stint_weight(settings: Settings, past: RotationPast, employee_id: EmployeeId) -> float:
    """What one stint of ``employee_id`` earns: the weight x (K - k) / K."""
    return settings.weight_rotation_history * float(past.stint_share(employee_id))


def sender_weight(settings: Settings, past: RotationPast, home: DepartmentName) -> float:
    """What sending a rotator earns ``home``: the weight x (M - r) / M."""
    return settings.weight_rotation_history * float(past.department_share(home))


def history_stints(instance: PlanningInput) -> dict[EmployeeId, int]:
    """Stints each person did in counted History: runs of consecutive rotation periods
    (in History's order, among the periods with rotation rows) in one host."""
    rows = [h for h in instance.counted_history if h.kind is ProgrammeKind.ROTATION]
    order = {label: i for i, label in enumerate(instance.history_periods)}
    periods = sorted({h.period for h in rows}, key=lambda p: order[p])
    position = {label: i for i, label in enumerate(periods)}
    where: dict[EmployeeId, dict[int, DepartmentName]] = defaultdict(dict)
    for h in rows:
        where[h.employee_id][position[h.period]] = h.target
    return {
        employee_id: sum(1 for i, host in at.items() if at.get(i - 1) != host)
        for employee_id, at in where.items()
    }
