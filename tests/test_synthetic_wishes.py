"""The synthetic company's wishes (its Preferences sheet): who ranks what, popular hosts
oversubscribed, and drawn apart from every other draw of the company."""

from __future__ import annotations

from collections import Counter

import pytest

from crossteam.models import CompanyShape, PlanningInput, ProgrammeKind
from crossteam.synthetic import NO_WISHES, WishShape, generate_company


@pytest.fixture(scope="module")
def company() -> PlanningInput:
    return generate_company(1000, 40, seed=7, shape=CompanyShape.REALISTIC)


def hosts_of(company: PlanningInput) -> set[str]:
    return {d.name for d in company.departments if d.can_host and d.host_capacity > 0}


def wishes_of(company: PlanningInput, kind: ProgrammeKind) -> dict[str, list[tuple[int, str]]]:
    """Person -> their (rank, target) wishes of ``kind``, in rank order."""
    out: dict[str, list[tuple[int, str]]] = {}
    for p in company.preferences:
        if p.kind is kind:
            out.setdefault(p.employee_id, []).append((p.rank, p.target))
    return {person: sorted(wishes) for person, wishes in out.items()}


def test_every_rotation_eligible_person_ranks_two_to_four_other_hosts(
    company: PlanningInput,
) -> None:
    wishes = wishes_of(company, ProgrammeKind.ROTATION)
    eligible = {e.employee_id for e in company.employees if e.available and e.rotation_eligible}
    assert set(wishes) == eligible
    counts = Counter(len(ranked) for ranked in wishes.values())
    assert set(counts) == {2, 3, 4}
    assert counts[3] > counts[2] and counts[3] > counts[4], "most name 3, weights 1:2:1"
    home = {e.employee_id: e.department for e in company.employees}
    hosts = hosts_of(company)
    for person, ranked in wishes.items():
        assert [rank for rank, _ in ranked] == list(range(1, len(ranked) + 1))
        targets = [target for _, target in ranked]
        assert len(set(targets)) == len(targets)
        assert set(targets) <= hosts - {home[person]}


def test_popular_hosts_get_more_first_choices_than_they_have_places(
    company: PlanningInput,
) -> None:
    firsts = Counter(
        p.target for p in company.preferences if p.kind is ProgrammeKind.ROTATION and p.rank == 1
    )
    places = {d.name: d.host_capacity * len(company.periods) for d in company.departments}
    oversubscribed = [host for host, count in firsts.items() if count > places[host]]
    assert len(oversubscribed) >= 5
    (top, most), *_ = firsts.most_common(1)
    assert most > 3 * places[top]
    assert len(firsts) >= len(hosts_of(company)) // 2, "the tail is wished for too"


def test_about_a_fifth_of_the_available_rank_one_or_two_teams(company: PlanningInput) -> None:
    wishes = wishes_of(company, ProgrammeKind.TEAM)
    available = sum(e.available for e in company.employees)
    assert 0.15 < len(wishes) / available < 0.25
    assert {len(ranked) for ranked in wishes.values()} == {1, 2}
    specs = {s.name: tuple(t.name for t in s.expand()) for s in company.team_specs}
    for p in company.preferences:
        if p.kind is ProgrammeKind.TEAM:
            assert p.targets == specs[p.target], "a spec means every team of it"


def test_exactly_three_hosts_each_for_the_benchmark() -> None:
    company = generate_company(300, 12, seed=2, wishes=WishShape.exactly(3))
    wishes = wishes_of(company, ProgrammeKind.ROTATION)
    assert wishes
    assert {len(ranked) for ranked in wishes.values()} == {3}


@pytest.mark.parametrize("shape", list(CompanyShape))
def test_wishes_change_no_other_draw_of_the_company(shape: CompanyShape) -> None:
    """Wishes come from their own random stream: without them, the same company."""
    with_wishes = generate_company(200, 10, seed=4, shape=shape)
    without = generate_company(200, 10, seed=4, shape=shape, wishes=NO_WISHES)
    assert with_wishes.preferences and not without.preferences
    assert with_wishes.with_changes(preferences=()) == without


def test_the_example_has_no_history(company: PlanningInput) -> None:
    assert (company.history, company.history_periods) == ((), ())
