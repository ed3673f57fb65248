"""The stability part: one solve repairs a previous plan, weighing each change it makes."""

from __future__ import annotations

import pytest
from instances import company, person, random_company, rotation_instance
from solving import ROTATION_ONLY, TEAMS_ONLY, solved

from crossteam.models import (
    KEEP_FACTOR,
    Plan,
    PlanningInput,
    RotationStint,
    Settings,
    TeamAssignment,
    TeamSpec,
)
from crossteam.planner import PreviousPlan


def assignments(plan: Plan) -> set[tuple[str, ...]]:
    """Every team membership and every stint (a stint as its rotator, host and periods)."""
    teams = {("team", m, t.team) for t in plan.teams for m in t.members}
    periods: dict[tuple[str, str], list[str]] = {}
    for s in plan.rotation:
        periods.setdefault((s.employee_id, s.department), []).append(s.period)
    stints = {("stint", e, h, *sorted(p)) for (e, h), p in periods.items()}
    return teams | stints


def edited(instance: PlanningInput, employee_id: str, **fields: object) -> PlanningInput:
    """``instance`` with one person's entry changed (``available=False``...)."""
    employees = tuple(
        e.model_copy(update=fields) if e.employee_id == employee_id else e
        for e in instance.employees
    )
    copy = instance.model_copy(update={"employees": employees})
    return PlanningInput.model_validate(copy.model_dump())


def members(plan: Plan) -> dict[str, tuple[str, ...]]:
    return {t.team: t.members for t in plan.teams}


def test_a_plan_that_still_holds_comes_back_person_for_person() -> None:
    instance = random_company(60, 5, 6, seed=3)
    first = solved(instance, TEAMS_ONLY)

    again = solved(instance, TEAMS_ONLY, previous=PreviousPlan.of(first, weight=1000))

    # the counts of interchangeable people are dealt back to the very people who were there
    assert members(again) == members(first)
    assert again.objective_terms["stability"] == 0


def test_the_stability_part_is_minus_the_weight_times_assignments_gained_and_lost() -> None:
    instance = random_company(60, 5, 6, seed=3)
    first = solved(instance, TEAMS_ONLY)
    gone = first.teams[0].members[0]
    later = edited(instance, gone, available=False)

    again = solved(later, TEAMS_ONLY, previous=PreviousPlan.of(first, weight=7))

    changed = assignments(first) ^ assignments(again)
    assert ("team", gone, first.teams[0].team) in changed
    assert again.objective_terms["stability"] == pytest.approx(-7 * len(changed))


def test_one_person_away_moves_no_more_than_their_seat_needs() -> None:
    instance = random_company(60, 5, 6, seed=3)
    first = solved(instance, TEAMS_ONLY)
    gone = first.teams[0].members[0]
    later = edited(instance, gone, available=False)

    again = solved(later, TEAMS_ONLY, previous=PreviousPlan.of(first, weight=1000))

    before = {m: t.team for t in first.teams for m in t.members}
    after = {m: t.team for t in again.teams for m in t.members}
    others = {e for e in before.keys() | after.keys() if before.get(e) != after.get(e)} - {gone}
    # a refill at most (a join, or a move and the refill of that seat)
    assert len(others) <= 2


def two_departments(settings: Settings) -> tuple[PlanningInput, Plan]:
    """Departments A and B never talk; one team of two. The previous plan put two people
    of A in it, so it bridges nothing: a re-plan gains by swapping one for someone of B."""
    people = [person(f"a{i}", "A") for i in range(3)] + [person(f"b{i}", "B") for i in range(3)]
    instance = company(people, (TeamSpec(name="T", min_size=2, max_size=2),), settings=settings)
    poor = Plan(status="feasible", teams=(TeamAssignment(team="T", members=("a0", "a1")),))
    return instance, poor


@pytest.mark.parametrize(
    ("weight", "changes"),
    [
        (0.0, 2),  # nothing held: a1 leaves, someone of B joins, bridging A-B
        (5.0, 2),  # the two changes cost 10, the bridge (10 x 3) and diversity gain 31
        (20.0, 0),  # the two changes cost 40, more than the gain
    ],
)
def test_the_weight_decides_whether_a_gain_is_worth_its_changes(
    weight: float, changes: int
) -> None:
    instance, poor = two_departments(Settings(weight_stability=weight))

    again = solved(instance, TEAMS_ONLY, previous=PreviousPlan.of(poor, weight=weight))

    assert len(assignments(poor) ^ assignments(again)) == changes


def test_kept_members_weigh_more_than_a_gain() -> None:
    instance, poor = two_departments(Settings(weight_stability=5.0))
    kept = [("team", m, "T") for m in ("a0", "a1")]

    again = solved(instance, TEAMS_ONLY, previous=PreviousPlan.of(poor, weight=5.0, kept=kept))

    # losing one kept member costs KEEP_FACTOR x 5 = 50, more than the 31 the swap gains
    assert KEEP_FACTOR * 5.0 > 31
    assert members(again) == {"T": ("a0", "a1")}


def rotating_company(**settings: object) -> PlanningInput:
    people = [person(f"{d.lower()}{i}", d) for d in ("A", "B", "C", "D") for i in range(4)]
    return rotation_instance(people, periods=3, policy=None, **settings)


def stints(plan: Plan) -> set[tuple[str, str, str]]:
    return {(s.employee_id, s.department, s.period) for s in plan.rotation}


@pytest.mark.parametrize("most", [1, 2])
def test_previous_stints_are_kept_by_rotator_host_and_period(most: int) -> None:
    instance = rotating_company(max_rotations_per_employee=most)
    first = solved(instance, ROTATION_ONLY)
    assert first.rotation

    again = solved(instance, ROTATION_ONLY, previous=PreviousPlan.of(first, weight=1000))

    assert stints(again) == stints(first)
    assert again.objective_terms["stability"] == 0


def test_a_previous_stint_goes_back_to_its_own_rotator_not_a_classmate() -> None:
    # a3 is the last of four alike people of A: given out afresh, the stint would go to a0
    instance = rotating_company()
    first = Plan(
        status="feasible",
        rotation=(RotationStint(employee_id="a3", period="P1", department="B"),),
    )

    again = solved(instance, ROTATION_ONLY, previous=PreviousPlan.of(first, weight=1000))

    assert ("a3", "B", "P1") in stints(again)


def test_a_rotator_no_longer_eligible_loses_only_their_stint() -> None:
    instance = rotating_company()
    first = solved(instance, ROTATION_ONLY)
    gone = first.rotation[0].employee_id
    later = edited(instance, gone, rotation_eligible=False)

    again = solved(later, ROTATION_ONLY, previous=PreviousPlan.of(first, weight=1000))

    lost = stints(first) - stints(again)
    assert lost == {s for s in stints(first) if s[0] == gone}
    changed = assignments(first) ^ assignments(again)
    assert again.objective_terms["stability"] == pytest.approx(-1000 * len(changed))


def test_stints_whose_periods_the_input_no_longer_has_cannot_be_kept() -> None:
    instance = rotating_company()
    first = Plan(
        status="feasible",
        rotation=(
            RotationStint(employee_id="a0", period="P1", department="B"),
            RotationStint(employee_id="b0", period="Q9", department="C"),
        ),
    )
    previous = PreviousPlan.of(first, weight=1)

    starts = previous.stint_starts(instance)

    assert sorted(starts, key=str) == sorted([("a0", "B", 0), ("b0", "C", None)], key=str)
