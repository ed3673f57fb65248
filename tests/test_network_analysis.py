"""``analyse``: every figure of the report on hand-worked graphs and the karate club."""

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from network_instances import four_departments, karate, organisation

from crossteam.models import GapKind, Settings, pair_key
from crossteam.network import analyse


def test_organisation_figures_by_hand() -> None:
    report = analyse(four_departments())
    assert report.employees == 8
    assert report.departments == ("A", "B", "C", "D")
    assert report.interactions == 9
    assert report.interaction_weight == 12.0
    # E = 5 ties across, I = 4 inside: (5 - 4) / 9; weights across 7, inside 5: 2 / 12
    assert report.ei_index == pytest.approx(1 / 9)
    assert report.weighted_ei_index == pytest.approx(1 / 6)
    assert report.modularity == pytest.approx(17 / 162)
    assert report.gap_pairs == (("A", "D"), ("B", "D"), ("C", "D"))
    assert report.algebraic_connectivity == 0.0
    assert report.notes == ()


def test_department_figures_by_hand() -> None:
    departments = {d.department: d for d in analyse(four_departments()).per_department}
    a, b, c, d = (departments[name] for name in "ABCD")
    # A: inside a1a2 a2a3; outside a1b1 a3b1 a2c2 -> (3 - 2) / 5; weights inside 3, outside 5
    assert (a.headcount, a.internal_ties, a.external_ties) == (3, 2, 3)
    assert a.ei_index == pytest.approx(0.2)
    assert a.weighted_ei_index == pytest.approx(0.25)
    assert a.internal_density == pytest.approx(2 / 3)
    assert (a.breadth, a.zero_tie_departments) == (2, 1)
    # B: inside b1b2; outside a1b1 a3b1 b2c1 c2b1 -> (4 - 1) / 5
    assert (b.internal_ties, b.external_ties, b.ei_index) == (1, 4, pytest.approx(0.6))
    assert b.boundary_spanners == 1  # b1, tied to A and C
    # C: inside c1c2; outside b2c1 a2c2 c2b1 -> (3 - 1) / 4
    assert (c.internal_ties, c.external_ties, c.ei_index) == (1, 3, pytest.approx(0.5))
    # D has no tie: no E-I index at all
    assert (d.internal_ties, d.external_ties, d.ei_index, d.breadth) == (0, 0, None, 0)
    assert d.zero_tie_departments == 3


def test_people_breadth_spanners_and_single_points_of_failure_by_hand() -> None:
    people = {p.employee_id: p for p in analyse(four_departments()).people}
    assert {i: p.degree for i, p in people.items()} == {
        "a1": 2, "a2": 3, "a3": 2, "b1": 4, "b2": 2, "c1": 2, "c2": 3, "d1": 0
    }  # fmt: skip
    assert {i: p.breadth for i, p in people.items()} == {
        "a1": 1, "a2": 1, "a3": 1, "b1": 2, "b2": 1, "c1": 1, "c2": 2, "d1": 0
    }  # fmt: skip
    assert {i for i, p in people.items() if p.boundary_spanner} == {"b1", "c2"}
    # Both A-B ties (a1b1, a3b1) run through b1; the only A-C tie is a2c2; B-C has two
    # ties with no one in common, so no one holds it alone.
    assert {i: p.sole_link_to for i, p in people.items() if p.single_point_of_failure} == {
        "b1": ("A",),
        "a2": ("C",),
        "c2": ("A",),
    }
    assert people["d1"].constraint is None
    assert people["d1"].betweenness == 0.0


def test_karate_club_figures_equal_networkx_and_hand_formulas() -> None:
    network, instance = karate()
    report = analyse(instance)
    club = nx.get_node_attributes(network, "club")
    across = [(a, b) for a, b in network.edges if club[a] != club[b]]
    inside = network.number_of_edges() - len(across)
    assert report.ei_index == pytest.approx((len(across) - inside) / network.number_of_edges())
    weight_across = sum(network[a][b]["weight"] for a, b in across)
    weight_all = network.size(weight="weight")
    weighted = (2 * weight_across - weight_all) / weight_all
    assert report.weighted_ei_index == pytest.approx(weighted)
    factions = [{v for v in network if club[v] == c} for c in ("Mr. Hi", "Officer")]
    expected = nx.community.modularity(network, factions, weight=None)
    assert report.modularity == pytest.approx(expected)
    # Two departments: the Laplacian [[d, -d], [-d, d]] has eigenvalue 2d, d = 11 / 17^2
    assert report.algebraic_connectivity == pytest.approx(2 * len(across) / 17**2)

    people = {p.employee_id: p for p in report.people}
    betweenness = nx.betweenness_centrality(network)
    constraint = nx.constraint(network, weight="weight")
    for v in network:
        person = people[f"p{v:02d}"]
        assert person.betweenness == pytest.approx(betweenness[v], abs=1e-12)
        assert person.constraint == pytest.approx(constraint[v], abs=1e-12)
        assert person.breadth == int(any(club[u] != club[v] for u in network[v]))
    assert not report.betweenness_sampled


def test_louvain_communities_are_compared_with_departments() -> None:
    report = analyse(karate()[1])
    # The karate club splits into more communities than its two factions, and they
    # overlap the factions far better than chance but not exactly.
    assert report.communities > 2
    assert report.community_nmi is not None
    assert 0.3 < report.community_nmi < 1


def test_louvain_is_repeatable_for_a_seed() -> None:
    instance = karate()[1]
    assert analyse(instance).community_nmi == analyse(instance).community_nmi


def test_betweenness_is_sampled_beyond_the_exact_size_and_the_report_says_so() -> None:
    _, instance = karate()
    sampled = instance.model_copy(
        update={"settings": Settings(betweenness_exact_max=20, betweenness_samples=10)}
    )
    report = analyse(sampled)
    assert report.betweenness_sampled
    assert report.betweenness_sources == 10
    assert any("sampled" in note for note in report.notes)
    exact = {p.employee_id: p.betweenness for p in analyse(instance).people}
    # An estimate, not the exact value, but of the same order for the best-placed person
    top = max(exact, key=exact.__getitem__)
    estimate = {p.employee_id: p.betweenness for p in report.people}
    assert estimate != exact
    assert estimate[top] > 0


def test_without_an_interactions_sheet_every_pair_is_a_gap_and_the_report_says_so() -> None:
    instance = organisation({"X": ["x1", "x2"], "Y": ["y1"]}, has_interactions_sheet=False)
    report = analyse(instance)
    assert not report.has_interactions_sheet
    assert [p.kind for p in report.pairs] == [GapKind.ZERO]
    assert report.gap_weights() == {("X", "Y"): instance.settings.zero_tie_gap_weight}
    assert report.ei_index is None and report.modularity is None
    assert report.community_nmi is None
    assert any("no Interactions sheet" in note for note in report.notes)


def test_departments_without_people_are_left_out_and_named_in_a_note() -> None:
    instance = organisation({"X": ["x1"], "Y": ["y1"]}, [("x1", "y1")], extra_departments=["Z"])
    report = analyse(instance)
    assert report.departments == ("X", "Y")
    assert [(p.department_a, p.department_b) for p in report.pairs] == [("X", "Y")]
    assert any(note.endswith(": Z") for note in report.notes)


@settings(max_examples=30, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=1, max_size=5),
    raw_ties=st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=60),
)
def test_contract_figures_equal_a_direct_computation_on_random_organisations(
    sizes: list[int], raw_ties: list[tuple[int, int]]
) -> None:
    home = [f"D{d}" for d, size in enumerate(sizes) for _ in range(size)]
    people = [(f"e{i:02d}", name) for i, name in enumerate(home)]
    department = dict(people)
    ties = {
        pair_key(people[a][0], people[b][0])
        for a, b in raw_ties
        if a < len(people) and b < len(people) and a != b
    }
    members: dict[str, list[str]] = {}
    for person, name in people:
        members.setdefault(name, []).append(person)
    report = analyse(organisation(members, sorted(ties)))

    across = sum(department[a] != department[b] for a, b in ties)
    inside = len(ties) - across
    expected_ei = (across - inside) / len(ties) if ties else None
    assert report.ei_index == (pytest.approx(expected_ei) if ties else None)
    tied_departments = {tuple(sorted((department[a], department[b]))) for a, b in ties}
    names = sorted(members)
    assert list(report.gap_pairs) == [
        (x, y)
        for i, x in enumerate(names)
        for y in names[i + 1 :]
        if (x, y) not in tied_departments
    ]
    if ties:
        graph = nx.Graph(list(ties))
        graph.add_nodes_from(department)
        partition = [set(m) for m in members.values()]
        expected = nx.community.modularity(graph, partition, weight=None)
        assert report.modularity == pytest.approx(expected, abs=1e-9)


def test_a_single_betweenness_sample_gives_finite_values() -> None:
    # networkx leaves the one sampled source undefined (NaN); the report needs numbers
    instance = karate()[1].model_copy(
        update={"settings": Settings(betweenness_exact_max=1, betweenness_samples=1)}
    )
    report = analyse(instance)
    assert report.betweenness_sources == 1
    assert all(math.isfinite(p.betweenness) for p in report.people)
