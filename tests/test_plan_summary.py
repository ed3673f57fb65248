"""The Summary's opening sentences: what a manager can forward, in words, with counts that
agree with the plan and no person named."""

from __future__ import annotations

from collections import Counter

from plan_samples import sample_checks, sample_instance, sample_plan

from crossteam import network
from crossteam.models import CheckReport, Plan, PlanningInput, Priority, SolveStatus
from crossteam.plan_summary import (
    DEPARTMENTS_NAMED,
    PAIRS_NAMED,
    _by_what,
    _counts,
    _nobody,
    summary_sentences,
)


def sentences(
    instance: PlanningInput | None = None,
    plan: Plan | None = None,
    checks: CheckReport | None = None,
) -> list[str]:
    instance = instance or sample_instance()
    plan = plan or sample_plan()
    effect = network.compare(instance, plan)
    return summary_sentences(instance, plan, effect, checks or sample_checks(), "company.xlsx")


def with_priorities(*pairs: tuple[str, str, float]) -> PlanningInput:
    priorities = tuple(Priority(department_a=a, department_b=b, weight=w) for a, b, w in pairs)
    return sample_instance().model_copy(update={"priorities": priorities})


def test_the_first_sentence_counts_teams_people_and_rotation() -> None:
    first = sentences()[0]
    # Alpha (3) and Beta (2); E5 away one period, E8 two
    assert first == (
        "This plan forms 2 teams (5 people in all) and puts 2 people on rotation "
        "(3 periods away from home in all)."
    )


def test_one_of_each_reads_in_the_singular() -> None:
    plan = sample_plan()
    plan = plan.model_copy(update={"teams": plan.teams[1:], "rotation": plan.rotation[:1]})
    assert sentences(plan=plan)[0] == (
        "This plan forms 1 team (2 people in all) and puts 1 person on rotation "
        "(1 period away from home in all)."
    )


def test_a_part_not_planned_is_said_so() -> None:
    plan = sample_plan().model_copy(update={"rotation": (), "planned_rotation": False})
    assert sentences(plan=plan)[0] == (
        "This plan forms 2 teams (5 people in all); rotation was not planned."
    )


def test_a_feasible_plan_is_not_called_the_best_possible() -> None:
    plan = sample_plan().model_copy(update={"status": SolveStatus.FEASIBLE, "gap": 0.1})
    assert "best plan found within the time limit" in sentences(plan=plan)[1]
    assert "optimal" in sentences()[1]


def test_the_silent_pairs_line_is_kept_as_the_command_line_says_it() -> None:
    plan = sample_plan().model_copy(update={"silent_pairs_ceiling": 5})
    assert sentences(plan=plan)[2] == (
        "Bridged 5 of 5 silent department pairs (at most 5 can be bridged by these teams "
        "and this rotation)."
    )


def test_priority_pairs_are_named_weightiest_first_with_what_connects_them() -> None:
    instance = with_priorities(
        ("Development", "Finance", 2.0), ("Sales", "Support", 5.0), ("Development", "Sales", 3.0)
    )
    text = sentences(instance)[3]
    assert text == (
        "Priority pairs (Priorities sheet, weightiest first): "
        "Sales – Support: silent, connected by team Alpha; "
        "Development – Sales: talking already; "
        "Development – Finance: silent, connected by 1 rotation."
    )


def test_a_priority_pair_the_plan_leaves_silent_is_said_to_stay_silent() -> None:
    plan = sample_plan().model_copy(update={"rotation": ()})
    text = sentences(with_priorities(("Development", "Finance", 2.0)), plan)[3]
    assert text.endswith("Development – Finance: silent, still silent.")


def test_beyond_ten_priority_pairs_the_rest_are_counted() -> None:
    departments = ("Development", "Finance", "Sales", "Support")
    pairs = [(a, b, 1.0) for i, a in enumerate(departments) for b in departments[i + 1 :]]
    instance = with_priorities(*pairs)
    many = instance.model_copy(update={"priorities": instance.priorities * 2})
    text = sentences(many)[3]
    assert text.count(" – ") == PAIRS_NAMED
    assert text.endswith(f"; {len(many.priorities) - PAIRS_NAMED} more on the Gaps sheet.")


def test_without_priorities_the_weightiest_silent_pairs_connected_are_named() -> None:
    text = sentences()[3]
    assert text.startswith("No department pair is marked as a priority (Priorities sheet).")
    # every silent pair weighs the same: the first three by name
    assert text.endswith(
        "The silent pairs connected that weigh most: Development – Finance by 1 rotation; "
        "Development – Support by team Alpha; Finance – Sales by team Beta."
    )


def test_people_affected_are_counted_per_department_never_named() -> None:
    instance = sample_instance()
    in_teams, on_rotation = sentences(instance)[4:6]
    assert in_teams == (
        "In teams, by department (of its headcount): Development 1 of 2, Finance 1 of 2, "
        "Sales 2 of 2, Support 1 of 2."
    )
    assert on_rotation == (
        "On rotation, people by home department: Development 1, Finance 1; by host "
        "department: Finance 1, Support 1."
    )
    text = " ".join(sentences(instance))
    assert not any(e.name and e.name in text for e in instance.employees)
    assert not any(e.employee_id in text.split() for e in instance.employees)


def test_a_department_with_no_one_in_a_team_is_named() -> None:
    plan = sample_plan().model_copy(update={"teams": sample_plan().teams[:1]})
    assert sentences(plan=plan)[4].endswith("; no one from Finance.")


def test_what_to_review_names_the_review_sheet_and_failed_checks() -> None:
    last = sentences()[-1]
    assert last.startswith("1 check FAILED on the Checks sheet")
    assert "Review sheet" in last and "--review" in last and "company.xlsx" in last
    passed = sentences(checks=CheckReport())[-1]
    assert passed.startswith("Every rule was re-checked from the plan itself")


def test_many_teams_on_one_pair_are_counted_then_a_few_named() -> None:
    effect = network.compare(sample_instance(), sample_plan())
    bridge = effect.bridged[0]
    by_names = [
        (("Alpha",), " by team Alpha"),
        (("Alpha", "Beta", "Gamma"), " by teams Alpha, Beta, Gamma"),
        (("A1", "A2", "A3", "A4", "A5"), " by 5 teams (A1, A2, A3...)"),
    ]
    for teams, expected in by_names:
        shown = _by_what(bridge.model_copy(update={"teams": teams, "rotations": ()}))
        assert shown == expected
    both = bridge.model_copy(update={"teams": ("Alpha",), "rotations": sample_plan().rotation})
    assert _by_what(both) == " by team Alpha and 2 rotations"  # two people: E5 and E8


def test_past_twelve_departments_the_largest_counts_are_named_and_the_rest_counted() -> None:
    many = Counter({f"D{i:02}": i for i in range(1, 21)})  # D01 1 ... D20 20
    text = _counts(many)
    assert text.startswith("D20 20, D19 19, D18 18")
    assert text.endswith("D09 9 and 8 more departments")
    assert text.count(",") == DEPARTMENTS_NAMED - 1
    assert _counts(Counter({"B": 2, "A": 1, "C": 0})) == "A 1, B 2"  # few: by name, none left
    assert _nobody([f"D{i:02}" for i in range(15)]).startswith("; no one from 15 departments")
