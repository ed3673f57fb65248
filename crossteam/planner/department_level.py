"""The department-level model: which departments meet in which team.

Bridging, departments per team and the soft "diversify the department" rule depend only on
how many members of each department a team holds, its *mix*. This module plans mixes
instead of people, by column generation:

- the master is a linear program over mixes: how many teams of each shape take each mix
  (fractions allowed), no department seating more than its available people, each gap
  pair counted as bridged as far as the chosen mixes (and, with rotation, the stints its
  departments can send and host) cover it;
- the pricing problem finds, for each shape of team, the mix the master's duals value most:
  a small CP-SAT model over the departments (sizes, ``max_per_department``,
  ``min_departments``, skill needs that the departments' people could meet);
- at every round, the master's value plus each shape's teams times its best reduced value
  bounds every plan (the Lagrangian bound of column generation); when no mix has a
  positive reduced value the master's value is the bound, proven.

It relaxes the people-level problem (skills per person, Rules, other Balance rules), so its
bound is valid for every plan, and far tighter than counting each department's capacity
alone on companies with many small departments. The mixes it generated then give an
integer department-level plan (a small CP-SAT model over them), which ``solve`` fills with
people to start the search from (docs/model.md, "The department-level model").
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from crossteam.models import (
    BalanceMode,
    DepartmentName,
    DepartmentPairKey,
    PlanningInput,
    RuleKind,
    SkillName,
    Team,
    TeamName,
    pair_key,
)
from crossteam.models.limits import OBJECTIVE_SCALE
from crossteam.planner.cutoff import Cutoff, solve_until
from crossteam.planner.rotation import RotationReach

Mix = tuple[tuple[DepartmentName, int], ...]
"""Members per department of one team, sorted by department; departments absent left out."""
Duals = dict[DepartmentPairKey, float]
"""The master's dual value of each gap pair's "bridged at most as far as covered" row."""

PRICE_SCALE = 100_000
"""Duals are multiplied by this and rounded for the pricing model (CP-SAT wants integers);
the bound adds the largest error that rounding can make."""
PRICE_SECONDS = 2.0
"""Most one pricing solve may take; one stopped early still bounds (its solver's bound)."""
QUICK_PRICE_SECONDS = 0.05
"""Pricing's limit until it finds nothing more: improving mixes come quickly, proving that
there is none takes longer."""
COLUMNS_PER_ROUND = 15
"""Most new mixes one pricing solve adds (the improving solutions it met on the way)."""
INTEGER_WORKERS = 2
"""Workers of the integer plan's search."""
MASTER_SHARE = 0.25
"""Share of the department-level budget kept for the integer plan over the mixes."""
PRICING_THREADS = 2
"""Shapes priced at once (the machines crossteam targets have two cores or more)."""


@dataclass(frozen=True, order=True)
class Need:
    """A skill need of a shape: ``count`` members at ``level`` or more."""

    skill: SkillName
    level: int
    count: int


@dataclass(frozen=True)
class Shape:
    """All a team's possible mixes depend on."""

    min_size: int
    max_size: int
    max_per_department: int | None
    min_departments: int
    needs: tuple[Need, ...]
    required: tuple[tuple[DepartmentName, int], ...] = ()
    """Members the team must hold per department: the people the Rules put in it."""

    @classmethod
    def of(cls, team: Team, required: Mapping[DepartmentName, int]) -> Shape:
        needs = sorted(Need(n.skill, n.min_level, n.min_count) for n in team.skill_needs)
        return cls(
            team.min_size,
            team.max_size,
            team.max_per_department,
            team.min_departments,
            tuple(needs),
            tuple(sorted(required.items())),
        )


@dataclass(frozen=True)
class Weights:
    """What a mix and a bridged pair are worth (the model's objective, user units)."""

    pairs: Mapping[DepartmentPairKey, float]
    """Per gap pair: ``weight_bridging`` x its gap weight."""
    diversity: float
    """Per department present in a team."""
    diversify: float
    """Per unit of deviation from the pool's department shares (soft diversify rules)."""

    @classmethod
    def of(cls, instance: PlanningInput, gap_weights: Mapping[DepartmentPairKey, float]) -> Weights:
        settings = instance.settings
        diversify = sum(
            rule.weight * settings.weight_balance
            for rule in instance.balance_rules
            if rule.mode is BalanceMode.DIVERSIFY and rule.attribute == "department"
            and not rule.hard
        )  # fmt: skip
        return cls(
            pairs={
                p: settings.weight_bridging * w
                for p, w in gap_weights.items()
                if settings.weight_bridging * w > 0
            },
            diversity=settings.weight_diversity,
            diversify=diversify,
        )


@dataclass
class DepartmentPlan:
    """What the department-level model found."""

    bound: float
    """Most bridging, departments present and diversify penalties can add over every plan
    (user units)."""
    proven: bool
    """Column generation ended: no mix could improve the master (``bound`` is its value)."""
    rounds: int
    mixes: dict[TeamName, Mix] = field(default_factory=dict)
    """An integer department-level plan (a mix per team), when one was found."""
    value: float | None = None
    """Its value, in the same terms as ``bound``."""
    start_value: float | None = None
    """The start plan's value in the same terms."""
    rotations: dict[tuple[DepartmentName, DepartmentName], int] = field(default_factory=dict)
    """Stints from home to host department in that plan."""


class _Company:
    """The department-level facts: available people and skill holders per department."""

    def __init__(self, instance: PlanningInput) -> None:
        pool = instance.available_employees
        self.available = Counter(e.department for e in pool)
        self.departments = sorted(self.available)
        total = len(pool)
        self.share = {d: n / total for d, n in self.available.items()}
        self.holders: dict[tuple[SkillName, int], Counter[DepartmentName]] = defaultdict(Counter)
        needed = {(n.skill, n.min_level) for t in instance.teams for n in t.skill_needs}
        for e in pool:
            for skill, level in needed:
                if e.meets(skill, level):
                    self.holders[skill, level][e.department] += 1

    def aim(self, department: DepartmentName, size: int) -> int:
        """Members of ``department`` a team of ``size`` aims at (round half up)."""
        return math.floor(self.share[department] * size + 0.5)


def mix_of(departments: Iterable[DepartmentName]) -> Mix:
    """The mix of a team whose members belong to ``departments`` (one entry per member)."""
    return tuple(sorted(Counter(departments).items()))


class _Pricing:
    """The pricing model of one shape: the best mix at given duals (a small CP-SAT model,
    built once and re-priced)."""

    def __init__(
        self, company: _Company, shape: Shape, pairs: Iterable[DepartmentPairKey], weights: Weights
    ) -> None:
        model = cp_model.CpModel()
        self.model = model
        self.company = company
        self.weights = weights
        cap = {
            d: min(n, shape.max_size, shape.max_per_department or shape.max_size)
            for d, n in company.available.items()
        }
        self.count = {d: model.new_int_var(0, cap[d], f"count[{d}]") for d in company.departments}
        self.present = {d: model.new_bool_var(f"present[{d}]") for d in company.departments}
        for d in company.departments:
            model.add(self.count[d] >= self.present[d])
            model.add(self.count[d] <= cap[d] * self.present[d])
        sizes = range(shape.min_size, shape.max_size + 1)
        self.size_is = {s: model.new_bool_var(f"size_is[{s}]") for s in sizes}
        model.add_exactly_one(self.size_is.values())
        total = sum(self.count.values())
        model.add(total == sum(s * b for s, b in self.size_is.items()))
        most = min(shape.max_size, len(company.departments))
        model.add(sum(self.present.values()) <= most)
        model.add(sum(self.present.values()) >= shape.min_departments)
        for department, members in shape.required:
            model.add(self.count[department] >= members)
        for need in shape.needs:
            holders = company.holders.get((need.skill, need.level), Counter())
            usable = []
            for d, n in holders.items():
                held = model.new_int_var(0, min(n, cap[d]), f"held[{need.skill}|{d}]")
                model.add(held <= self.count[d])
                usable.append(held)
            model.add(sum(usable) >= need.count)
        self.deviation: dict[DepartmentName, cp_model.IntVar] = {}
        if weights.diversify:
            for d in company.departments:
                aim = sum(company.aim(d, s) * b for s, b in self.size_is.items())
                dev = model.new_int_var(0, shape.max_size, f"deviation[{d}]")
                model.add(dev >= self.count[d] - aim)
                model.add(dev >= aim - self.count[d])
                self.deviation[d] = dev
        self.bridge: dict[DepartmentPairKey, cp_model.IntVar] = {}
        at: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
        for a, b in pairs:
            if a in self.present and b in self.present:
                z = model.new_bool_var(f"bridge[{a}|{b}]")
                model.add_implication(z, self.present[a])
                model.add_implication(z, self.present[b])
                self.bridge[a, b] = z
                at[a].append(z)
                at[b].append(z)
        # redundant: a department present meets at most ``most - 1`` others (the LP of the
        # pricing model is weak without it)
        for d, literals in at.items():
            model.add(sum(literals) <= (most - 1) * self.present[d])
        if self.bridge:
            model.add(sum(self.bridge.values()) <= most * (most - 1) // 2)

    def best(
        self,
        duals: Mapping[DepartmentPairKey, float],
        prices: Mapping[DepartmentName, float],
        *,
        budget: Budget,
        amount: float,
        stop: threading.Event | None = None,
    ) -> Priced:
        """An upper bound on the best mix's value at these duals (pair duals earned, each
        member priced at its department's dual), and the improving mixes met on the way."""
        terms: list[tuple[int, cp_model.IntVar]] = []
        errors = 0.0
        weights = self.weights

        def add(weight: float, var: cp_model.IntVar) -> None:
            """``weight x var``, rounded; the most the rounding can cost is counted."""
            nonlocal errors
            exact = weight * PRICE_SCALE
            terms.append((round(exact), var))
            errors += abs(exact - round(exact)) * var.proto.domain[-1]

        for d in self.company.departments:
            add(weights.diversity, self.present[d])
            if price := prices.get(d, 0.0):
                add(-price, self.count[d])
            if d in self.deviation:
                add(-weights.diversify, self.deviation[d])
        for pair, z in self.bridge.items():
            if (dual := duals.get(pair, 0.0)) > 0:
                add(dual, z)
        self.model.maximize(sum(c * v for c, v in terms))
        solver = cp_model.CpSolver()
        solver.parameters.catch_sigint_signal = False  # the CLI handles Ctrl-C
        solver.parameters.num_workers = 1
        budget.limit(solver, amount)
        # measured on the pricing models of a 1,000-person company: 0.085 s a solve
        # on average against 0.14 s with the defaults
        solver.parameters.linearization_level = 2
        solver.parameters.cp_model_probing_level = 0
        collector = _Collector(self.count)
        status = solve_until(solver, self.model, Cutoff(stop), collector)
        spent = solver.deterministic_time
        if status == cp_model.INFEASIBLE:
            return Priced(-math.inf, [], spent)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Priced(math.inf, [], spent)
        bound = solver.best_objective_bound / PRICE_SCALE + errors / PRICE_SCALE
        return Priced(bound, collector.mixes[-COLUMNS_PER_ROUND:], spent)


def _price(
    pricing: _Pricing,
    *,
    duals: Duals,
    prices: Mapping[DepartmentName, float],
    budget: Budget,
    amount: float,
    stop: threading.Event | None,
) -> Priced:
    return pricing.best(duals, prices, budget=budget, amount=amount, stop=stop)


@dataclass(frozen=True)
class Priced:
    """What one pricing solve found."""

    bound: float
    """At least the best mix's value at the duals (its solver's bound)."""
    mixes: list[Mix]
    """Improving mixes met on the way, the best last."""
    work: float
    """The solve's deterministic time."""


@dataclass
class Budget:
    """How long the department-level model may run: in CP-SAT's deterministic time, so that
    a run repeats whatever the machine's load (``repeatable``), or on the wall clock, which
    lets its integer plan search on two workers at once (better plans, not repeatable)."""

    amount: float
    """Deterministic time units (about seconds on a laptop) or seconds."""
    repeatable: bool = False
    seconds: float | None = None
    """A wall-clock limit all the same: the safety net of a repeatable budget."""
    began: float = field(default_factory=time.monotonic)
    spent: float = 0.0
    """Deterministic time used so far (repeatable budgets)."""
    wall_cut: bool = False
    """The safety net ended a repeatable budget before its work did: the run may not
    repeat."""

    @property
    def wall(self) -> float:
        return time.monotonic() - self.began

    def left(self, share: float = 1.0) -> float:
        """What is left of ``share`` of the budget (zero once the safety net is reached)."""
        if self.seconds is not None and self.wall >= share * self.seconds:
            self.wall_cut = self.wall_cut or (self.repeatable and self.spent < share * self.amount)
            return 0.0
        used = self.spent if self.repeatable else self.wall
        return max(0.0, share * self.amount - used)

    def limit(self, solver: cp_model.CpSolver, amount: float) -> None:
        """Give ``solver`` at most ``amount`` of the budget."""
        params = solver.parameters
        if self.repeatable:
            params.max_deterministic_time = max(0.01, amount)
            wall = self.seconds - self.wall if self.seconds is not None else 10 * amount
            params.max_time_in_seconds = max(0.1, wall)
        else:
            params.max_time_in_seconds = max(0.01, amount)


class _Collector(cp_model.CpSolverSolutionCallback):
    """Each improving solution's mix."""

    def __init__(self, count: Mapping[DepartmentName, cp_model.IntVar]) -> None:
        super().__init__()
        self.count = count
        self.mixes: list[Mix] = []

    def on_solution_callback(self) -> None:
        mix = tuple((d, n) for d, var in self.count.items() if (n := self.value(var)))
        self.mixes.append(mix)


class _Master:
    """The restricted master LP (GLOP) over the mixes generated so far."""

    def __init__(
        self,
        company: _Company,
        shapes: Mapping[Shape, int],
        weights: Weights,
        reach: RotationReach | None,
    ) -> None:
        self.company = company
        self.weights = weights
        self.shapes = shapes
        self.reach = reach
        lp = pywraplp.Solver.CreateSolver("GLOP")
        assert lp is not None
        self.lp = lp
        infinity = lp.infinity()
        self.objective = lp.Objective()
        self.objective.SetMaximization()
        self.covered = {p: lp.NumVar(0.0, 1.0, "") for p in weights.pairs}
        self.cover_row = {}
        for p, var in self.covered.items():
            row = lp.Constraint(-infinity, 0.0)
            row.SetCoefficient(var, 1.0)
            self.cover_row[p] = row
            self.objective.SetCoefficient(var, weights.pairs[p])
        self.seat_row = {d: lp.Constraint(-infinity, n) for d, n in company.available.items()}
        self.shape_row = {s: lp.Constraint(n, n) for s, n in shapes.items()}
        self.columns: list[tuple[Shape, Mix, pywraplp.Variable]] = []
        self.solution: list[float] = []
        """The last LP solution: how many teams take each column (a prefix of them)."""
        self.known: set[tuple[Shape, Mix]] = set()
        self.stints: dict[tuple[DepartmentName, DepartmentName], pywraplp.Variable] = {}
        if reach is not None:
            sent = {d: lp.Constraint(-infinity, n) for d, n in reach.send.items()}
            hosted = {d: lp.Constraint(-infinity, n) for d, n in reach.host.items()}
            for home, host in reach.ways:
                key = pair_key(home, host)
                if key not in self.cover_row:
                    continue
                var = lp.NumVar(0.0, 1.0, "")
                sent[home].SetCoefficient(var, 1.0)
                hosted[host].SetCoefficient(var, 1.0)
                self.cover_row[key].SetCoefficient(var, -1.0)
                self.stints[home, host] = var

    def value(self, shape: Shape, mix: Mix) -> float:
        """What a team of ``shape`` with ``mix`` adds besides bridging: departments present
        less the diversify deviations."""
        weights, company = self.weights, self.company
        counts = dict(mix)
        size = sum(counts.values())
        deviation = (
            sum(abs(counts.get(d, 0) - company.aim(d, size)) for d in company.departments)
            if weights.diversify
            else 0
        )
        return weights.diversity * len(counts) - weights.diversify * deviation

    def bridged(self, mix: Mix) -> list[DepartmentPairKey]:
        departments = [d for d, _ in mix]
        return [
            key
            for i, a in enumerate(departments)
            for b in departments[i + 1 :]
            if (key := pair_key(a, b)) in self.cover_row
        ]

    def add(self, shape: Shape, mix: Mix) -> bool:
        if (shape, mix) in self.known:
            return False
        self.known.add((shape, mix))
        var = self.lp.NumVar(0.0, self.lp.infinity(), "")
        self.objective.SetCoefficient(var, self.value(shape, mix))
        self.shape_row[shape].SetCoefficient(var, 1.0)
        for d, n in mix:
            self.seat_row[d].SetCoefficient(var, float(n))
        for key in self.bridged(mix):
            self.cover_row[key].SetCoefficient(var, -1.0)
        self.columns.append((shape, mix, var))
        return True

    def solve(self) -> tuple[float, Duals, dict[DepartmentName, float], dict[Shape, float]]:
        """The master's value and duals: per pair, per department's seat, per shape."""
        status = self.lp.Solve()
        if status != pywraplp.Solver.OPTIMAL:
            return math.inf, {}, {}, {}
        self.solution = [var.solution_value() for _, _, var in self.columns]
        pairs = {p: max(0.0, row.dual_value()) for p, row in self.cover_row.items()}
        seats = {d: max(0.0, row.dual_value()) for d, row in self.seat_row.items()}
        shapes = {s: row.dual_value() for s, row in self.shape_row.items()}
        return self.objective.Value(), pairs, seats, shapes


def plan_departments(
    instance: PlanningInput,
    weights: Weights,
    start: Mapping[TeamName, Iterable[DepartmentName]],
    *,
    reach: RotationReach | None = None,
    budget: Budget,
    stop: threading.Event | None = None,
    integer_plan: bool = True,
) -> DepartmentPlan:
    """Bound (and, with ``integer_plan``, plan) the department-level model within
    ``budget``.

    Args:
        instance: The company.
        weights: What mixes and bridged pairs are worth.
        start: A plan's members' departments per team (one entry per member): its mixes
            seed the master, which must be feasible from the start.
        reach: What rotation can send and host, when rotation is planned with the teams.
        budget: For the column generation and the integer plan together.
        stop: Set (Ctrl-C) to end early; the bound found so far stands.
        integer_plan: Also choose a mix per team from the generated mixes.
    """
    company = _Company(instance)
    shape_of = _shapes(instance)
    shapes = Counter(shape_of.values())
    master = _Master(company, shapes, weights, reach)
    start_mixes = Counter((shape_of[team], mix_of(d)) for team, d in start.items())
    for shape, mix in start_mixes:
        master.add(shape, mix)
    pricing = {s: _Pricing(company, s, weights.pairs, weights) for s in shapes}
    share = 1 - MASTER_SHARE if integer_plan else 1.0
    plan = _generate_columns(master, list(pricing.values()), budget, share, stop)
    if integer_plan and math.isfinite(plan.bound) and not (stop is not None and stop.is_set()):
        _integer_plan(
            plan,
            master,
            shape_of,
            start_mixes,
            budget=budget,
            stop=stop,
        )
    return plan


def _shapes(instance: PlanningInput) -> dict[TeamName, Shape]:
    """Each team's shape, with the members the Rules put in it counted per department."""
    required: dict[TeamName, Counter[DepartmentName]] = defaultdict(Counter)
    department_of = {e.employee_id: e.department for e in instance.available_employees}
    for rule in instance.rules_of(RuleKind.IN_TEAM):
        if rule.employee_id in department_of and len(rule.targets) == 1:
            required[rule.targets[0]][department_of[rule.employee_id]] += 1
    return {t.name: Shape.of(t, required[t.name]) for t in instance.teams}


def _generate_columns(
    master: _Master,
    pricing: list[_Pricing],
    budget: Budget,
    share: float,
    stop: threading.Event | None,
) -> DepartmentPlan:
    """Column generation within ``share`` of the ``budget``: the master solved, each shape
    (``pricing``, in the master's order of shapes) priced, round after round, until no mix
    improves the master or the budget or ``stop`` ends it; the best bound met."""
    best = math.inf
    proven = False
    rounds = 0
    workers = ThreadPoolExecutor(PRICING_THREADS)  # CP-SAT lets go of the GIL while solving
    limit = QUICK_PRICE_SECONDS
    while True:
        value, duals, prices, shape_duals = master.solve()
        if not math.isfinite(value):
            break
        rounds += 1
        amount = min(limit, budget.left(share))
        priced = list(
            workers.map(
                partial(
                    _price, duals=duals, prices=prices, budget=budget, amount=amount, stop=stop
                ),
                pricing,
            )
        )
        bound, added = _add_priced(master, priced, value, (duals, prices, shape_duals), budget)
        best = min(best, bound)
        if not added and limit < PRICE_SECONDS:
            limit = PRICE_SECONDS  # quick pricing found nothing more: look properly
        elif not added:
            proven = best <= value + 1e-6
            break
        if not budget.left(share) or (stop is not None and stop.is_set()):
            break
    workers.shutdown()
    return DepartmentPlan(bound=best, proven=proven, rounds=rounds)


def _add_priced(
    master: _Master,
    priced: list[Priced],
    value: float,
    duals: tuple[Duals, dict[DepartmentName, float], dict[Shape, float]],
    budget: Budget,
) -> tuple[float, int]:
    """The mixes of one pricing round with a positive reduced value added to the master;
    the round's bound (the master's ``value`` plus each shape's teams times its best
    reduced value) and how many mixes were added. The budget pays for the pricing."""
    pairs, prices, shape_duals = duals
    bound = value
    added = 0
    for (shape, teams), found in zip(master.shapes.items(), priced, strict=True):
        budget.spent += found.work
        bound += teams * max(0.0, found.bound - shape_duals[shape])
        for mix in found.mixes:
            reduced = (
                master.value(shape, mix)
                + sum(pairs[k] for k in master.bridged(mix))
                - sum(prices[d] * n for d, n in mix)
                - shape_duals[shape]
            )
            if reduced > 1e-6 and master.add(shape, mix):
                added += 1
    return bound, added


def _integer_plan(
    plan: DepartmentPlan,
    master: _Master,
    shape_of: Mapping[TeamName, Shape],
    start: Counter[tuple[Shape, Mix]],
    *,
    budget: Budget,
    stop: threading.Event | None,
) -> None:
    """Choose a mix per team among the generated ones (and stints per department pair),
    starting from the start plan's mixes."""
    model = cp_model.CpModel()
    amount = [model.new_int_var(0, master.shapes[shape], "") for shape, _, _ in master.columns]
    for shape, teams in master.shapes.items():
        model.add(
            sum(v for (s, _, _), v in zip(master.columns, amount, strict=True) if s == shape)
            == teams
        )
    bridging, held = _seat_and_bridge(model, master, amount, start)
    stints: dict[tuple[DepartmentName, DepartmentName], cp_model.IntVar] = {}
    if master.reach is not None:
        stints = _add_stints(model, master.reach, master.stints, bridging)
    _maximize_bridging(model, master, amount, bridging, held)
    solver = _search_integer(model, budget, stop)
    if solver is None:
        return
    weights = master.weights
    plan.value = solver.objective_value / OBJECTIVE_SCALE
    plan.start_value = sum(weights.pairs[key] for key in held) + sum(
        n * master.value(shape, mix) for (shape, mix), n in start.items()
    )
    queue: dict[Shape, list[Mix]] = defaultdict(list)
    for (shape, mix, _), var in zip(master.columns, amount, strict=True):
        queue[shape].extend([mix] * solver.value(var))
    plan.mixes = {team: queue[shape].pop() for team, shape in shape_of.items()}
    plan.rotations = {key: 1 for key, var in stints.items() if solver.value(var)}


def _seat_and_bridge(
    model: cp_model.CpModel,
    master: _Master,
    amount: list[cp_model.IntVar],
    start: Counter[tuple[Shape, Mix]],
) -> tuple[dict[DepartmentPairKey, list[cp_model.IntVar]], set[DepartmentPairKey]]:
    """No department seats more than its available people; the columns hinted with the
    start plan's mixes. Returns the columns bridging each pair, and the pairs the start
    plan bridges."""
    seated: dict[DepartmentName, list[cp_model.LinearExpr | int]] = defaultdict(list)
    bridging: dict[DepartmentPairKey, list[cp_model.IntVar]] = defaultdict(list)
    held: set[DepartmentPairKey] = set()
    for (shape, mix, _), var in zip(master.columns, amount, strict=True):
        for d, n in mix:
            seated[d].append(n * var)
        for key in master.bridged(mix):
            bridging[key].append(var)
            if start[shape, mix]:
                held.add(key)
        model.add_hint(var, start[shape, mix])  # a complete solution to improve on
    for d, terms in seated.items():
        model.add(sum(terms) <= master.company.available[d])
    return bridging, held


def _add_stints(
    model: cp_model.CpModel,
    reach: RotationReach,
    ways: Iterable[tuple[DepartmentName, DepartmentName]],
    bridging: dict[DepartmentPairKey, list[cp_model.IntVar]],
) -> dict[tuple[DepartmentName, DepartmentName], cp_model.IntVar]:
    """A stint literal per way from home to host department, within what each department
    can send and host; each bridges its pair."""
    stints: dict[tuple[DepartmentName, DepartmentName], cp_model.IntVar] = {}
    sent: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    hosted: dict[DepartmentName, list[cp_model.IntVar]] = defaultdict(list)
    for home, host in ways:
        var = model.new_bool_var("")
        model.add_hint(var, 0)
        stints[home, host] = var
        sent[home].append(var)
        hosted[host].append(var)
        bridging[pair_key(home, host)].append(var)
    for home, literals in sent.items():
        model.add(sum(literals) <= reach.send[home])
    for host, literals in hosted.items():
        model.add(sum(literals) <= reach.host[host])
    return stints


def _maximize_bridging(
    model: cp_model.CpModel,
    master: _Master,
    amount: list[cp_model.IntVar],
    bridging: Mapping[DepartmentPairKey, list[cp_model.IntVar]],
    held: set[DepartmentPairKey],
) -> None:
    """The objective: pairs covered by a column or stint, and what the mixes are worth."""
    weights = master.weights
    objective: list[tuple[int, cp_model.IntVar]] = []
    for key, covering in bridging.items():
        covered = model.new_bool_var("")
        model.add(sum(covering) >= 1).only_enforce_if(covered)
        model.add_hint(covered, key in held)
        objective.append((round(weights.pairs[key] * OBJECTIVE_SCALE), covered))
    objective += [
        (round(master.value(shape, mix) * OBJECTIVE_SCALE), var)
        for (shape, mix, _), var in zip(master.columns, amount, strict=True)
    ]
    model.maximize(sum(c * v for c, v in objective))


def _search_integer(
    model: cp_model.CpModel, budget: Budget, stop: threading.Event | None
) -> cp_model.CpSolver | None:
    """The integer plan's search, within what is left of the ``budget``; the solver, or
    ``None`` when it found no plan."""
    solver = cp_model.CpSolver()
    solver.parameters.catch_sigint_signal = False
    solver.parameters.num_workers = INTEGER_WORKERS
    # a repeatable search interleaves its workers' work (deterministic, but it finds less)
    solver.parameters.interleave_search = budget.repeatable
    budget.limit(solver, max(budget.left(), MASTER_SHARE * budget.amount))
    solver.parameters.keep_all_feasible_solutions_in_presolve = True  # keeps the hint
    status = solve_until(solver, model, Cutoff(stop))
    work = solver.parameters.max_deterministic_time
    if (
        budget.repeatable
        and status == cp_model.FEASIBLE
        and solver.deterministic_time < 0.99 * work
    ):
        budget.wall_cut = True  # the clock, not the work, ended the search for a plan
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver
