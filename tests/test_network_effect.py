"""A plan's effect: teams tie all their members, rotations tie rotator and host."""

import pytest
from network_instances import four_departments

from crossteam.errors import InputError
from crossteam.models import GapKind, Plan, RotationStint, SolveStatus, TeamAssignment
from crossteam.network import analyse, apply_plan, compare, plan_ties


def _plan(teams: dict[str, tuple[str, ...]], rotation: tuple[RotationStint, ...] = ()) -> Plan:
    return Plan(
        status=SolveStatus.FEASIBLE,
        teams=tuple(TeamAssignment(team=name, members=m) for name, m in teams.items()),
        rotation=rotation,
    )


def test_a_team_ties_every_two_of_its_members() -> None:
    ties = plan_ties(four_departments(), _plan({"T": ("d1", "a1", "c1")}))
    assert ties == {("a1", "d1"), ("c1", "d1"), ("a1", "c1")}


def test_a_rotation_ties_the_rotator_to_every_member_of_the_host_department() -> None:
    stint = RotationStint(employee_id="d1", period="Q1", department="A")
    ties = plan_ties(four_departments(), _plan({}, (stint,)))
    assert ties == {("a1", "d1"), ("a2", "d1"), ("a3", "d1")}


def test_apply_plan_adds_the_ties_as_interactions() -> None:
    instance = four_departments()
    after = apply_plan(instance, _plan({"T": ("d1", "a1")}))
    assert len(after.interactions) == len(instance.interactions) + 1
    assert analyse(after).gap_pairs == (("B", "D"), ("C", "D"))


def test_compare_lists_the_gap_pairs_bridged_and_by_which_team_or_rotation() -> None:
    instance = four_departments()
    stint = RotationStint(employee_id="d1", period="Q2", department="C")
    effect = compare(instance, _plan({"T1": ("d1", "a1"), "T2": ("a2", "b2")}, (stint,)))
    bridged = {(b.department_a, b.department_b): b for b in effect.bridged}
    # A-D by T1; C-D by the stint (d1 tied to c1 and c2). A-B was already tied, so T2
    # bridges nothing even though it adds a tie there.
    assert set(bridged) == {("A", "D"), ("C", "D")}
    assert bridged["A", "D"].teams == ("T1",)
    assert bridged["A", "D"].rotations == ()
    assert bridged["C", "D"].rotations == (stint,)
    assert (bridged["C", "D"].tied_pairs_before, bridged["C", "D"].tied_pairs_after) == (0, 2)
    assert bridged["C", "D"].kind_before is GapKind.ZERO
    assert bridged["C", "D"].kind_after is GapKind.TIED
    # Heaviest gap first, then by name: both weigh 3
    assert [(b.department_a, b.department_b) for b in effect.bridged] == [("A", "D"), ("C", "D")]
    assert effect.before.interactions == 9
    # T1 1 tie, T2 1 tie (a2-b2 is new), the stint 2 ties
    assert effect.after.interactions == 13
    assert effect.after.gap_pairs == (("B", "D"),)


def test_a_plan_tie_between_people_already_tied_adds_weight_not_a_tie() -> None:
    effect = compare(four_departments(), _plan({"T": ("a1", "b1")}))
    assert effect.after.interactions == effect.before.interactions
    assert effect.after.interaction_weight == effect.before.interaction_weight + 1
    assert effect.bridged == ()


def test_compare_reuses_a_before_report_when_given() -> None:
    instance = four_departments()
    before = analyse(instance)
    assert compare(instance, _plan({}), before).before is before


def test_a_plan_naming_unknown_people_or_departments_is_an_input_error() -> None:
    stint = RotationStint(employee_id="a1", period="Q1", department="Nowhere")
    with pytest.raises(InputError) as raised:
        compare(four_departments(), _plan({"T": ("a1", "zz9")}, (stint,)))
    messages = [p.message for p in raised.value.problems]
    assert messages == [
        "team T: unknown employee zz9",
        "rotation of a1 to Nowhere (Q1): unknown department",
    ]


def test_the_after_network_is_the_network_of_the_applied_plan() -> None:
    instance = four_departments()
    stint = RotationStint(employee_id="b2", period="Q1", department="D")
    plan = _plan({"T": ("a3", "c1", "d1")}, (stint,))
    after = compare(instance, plan).after
    assert after == analyse(apply_plan(instance, plan))
