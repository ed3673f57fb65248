"""Gap classification (zero, weak, tied) and the documented gap weight."""

from collections.abc import Iterable

import pytest
from network_instances import four_departments, organisation

from crossteam.models import DepartmentPair, GapKind, Settings
from crossteam.network.gaps import department_pairs
from crossteam.network.graph import build_graph

# FOUR_DEPARTMENTS: headcounts A 3, B 2, C 2, D 1 (8 people). Pairs across departments:
# (8^2 - (9 + 4 + 4 + 1)) / 2 = 23; tied across: a1b1 a3b1 a2c2 b2c1 c2b1 = 5.
ORGANISATION_DENSITY = 5 / 23


def _pairs(
    settings: Settings | None = None, priorities: Iterable[tuple[str, str, float]] = ()
) -> tuple[dict[tuple[str, str], DepartmentPair], float, float]:
    instance = four_departments(settings=settings, priorities=priorities)
    pairs, organisation_density, threshold = department_pairs(
        build_graph(instance), instance.settings, instance.priorities
    )
    return {(p.department_a, p.department_b): p for p in pairs}, organisation_density, threshold


def test_pairs_carry_tied_pairs_weight_and_block_density() -> None:
    pairs, density, threshold = _pairs()
    assert list(pairs) == [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]
    assert (pairs["A", "B"].tied_pairs, pairs["A", "B"].weight) == (2, 4.0)
    assert pairs["A", "B"].density == pytest.approx(2 / (3 * 2))
    assert pairs["B", "C"].density == pytest.approx(2 / (2 * 2))
    assert density == pytest.approx(ORGANISATION_DENSITY)
    # default weak_tie_ratio 0.25
    assert threshold == pytest.approx(0.25 * ORGANISATION_DENSITY)


def test_pairs_without_ties_are_zero_and_weigh_the_zero_tie_weight() -> None:
    pairs, _, _ = _pairs(Settings(zero_tie_gap_weight=5.0))
    for key in [("A", "D"), ("B", "D"), ("C", "D")]:
        assert pairs[key].kind is GapKind.ZERO
        assert pairs[key].gap_weight == 5.0


def test_a_pair_below_the_ratio_of_organisation_density_is_weak_and_weighs_by_how_weak() -> None:
    # threshold = 1.0 x 5/23 = 0.2174; A-C has density 1/6 = 0.1667 < threshold;
    # A-B (1/3) and B-C (1/2) are above it
    pairs, _, threshold = _pairs(Settings(weak_tie_ratio=1.0, weak_tie_gap_weight=2.0))
    assert threshold == pytest.approx(5 / 23)
    assert pairs["A", "C"].kind is GapKind.WEAK
    # 2 x (1 - (1/6) / (5/23)) = 2 x (1 - 23/30) = 7/15
    assert pairs["A", "C"].gap_weight == pytest.approx(7 / 15)
    assert pairs["A", "B"].kind is GapKind.TIED
    assert pairs["B", "C"].kind is GapKind.TIED


def test_tied_pairs_weigh_nothing_even_when_prioritised() -> None:
    pairs, _, _ = _pairs(priorities=[("A", "B", 4.0)])
    assert pairs["A", "B"].priority == 4.0
    assert pairs["A", "B"].gap_weight == 0.0


def test_priority_multiplies_the_gap_weight_and_a_repeated_pair_keeps_the_larger() -> None:
    pairs, _, _ = _pairs(priorities=[("D", "A", 2.0), ("A", "D", 1.5)])
    # default zero_tie_gap_weight 3 x priority 2
    assert pairs["A", "D"].gap_weight == pytest.approx(6.0)
    assert pairs["B", "D"].gap_weight == pytest.approx(3.0)


def test_without_an_interactions_sheet_every_pair_is_a_zero_tie_gap() -> None:
    instance = organisation({"X": ["x1"], "Y": ["y1"], "Z": ["z1"]}, has_interactions_sheet=False)
    pairs, density, _ = department_pairs(build_graph(instance), instance.settings, ())
    assert density == 0.0
    assert [p.kind for p in pairs] == [GapKind.ZERO] * 3
    assert all(p.gap_weight == instance.settings.zero_tie_gap_weight for p in pairs)
