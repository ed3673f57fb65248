"""Evidence into ties (``crossteam.ties.collect``): every weight below is counted by hand
in the comment beside it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from crossteam.models import Interaction, Settings
from crossteam.models.limits import MAX_TIE_WEIGHT
from crossteam.models.ties import Evidence, SourceKind, SourceReport, TiesOptions, Window
from crossteam.ties.collect import OUTSIDE_WINDOW, TieCollector, collect

JAN = date(2026, 1, 1)


def _day(n: int) -> date:
    """January ``n`` of 2026."""
    return JAN + timedelta(days=n - 1)


def _report(kind: SourceKind = SourceKind.CALENDAR) -> SourceReport:
    return SourceReport(file=f"{kind.value}.src", kind=kind)


def _weights(ties: tuple[Interaction, ...]) -> dict[tuple[str, str], float]:
    return {(t.employee_a, t.employee_b): t.weight for t in ties}


def test_each_source_is_scaled_to_a_mean_pair_weight_of_one_times_its_factor() -> None:
    calendar, mail = _report(SourceKind.CALENDAR), _report(SourceKind.MAIL)
    meetings = [Evidence("E1", "E2", 1.0), Evidence("E2", "E1", 0.5), Evidence("E1", "E3", 0.5)]
    messages = [Evidence("E1", "E2", 1.0), Evidence("E3", "E4", 3.0)]
    ties = collect(
        [(calendar, meetings), (mail, messages)],
        TiesOptions(),
        Settings(ties_factor_mail=2.0),
    )
    # calendar: E1-E2 1 + 0.5 = 1.5, E1-E3 0.5; total 2 over 2 pairs, mean 1: as they are
    # mail: E1-E2 1, E3-E4 3; total 4 over 2 pairs, mean 2: 0.5 and 1.5; times 2: 1 and 3
    assert _weights(ties) == {("E1", "E2"): 2.5, ("E1", "E3"): 0.5, ("E3", "E4"): 3.0}
    assert (calendar.pairs, calendar.total_weight) == (2, 2.0)
    assert (mail.pairs, mail.total_weight) == (2, 4.0)


def test_pairs_below_the_minimum_weight_are_dropped_after_adding_the_sources() -> None:
    one, other = _report(SourceKind.SURVEY), _report(SourceKind.PROJECTS)
    ties = collect(
        [
            (one, [Evidence("E1", "E2", 1.0), Evidence("E1", "E3", 3.0)]),
            (other, [Evidence("E1", "E2", 1.0), Evidence("E5", "E6", 1.0)]),
        ],
        TiesOptions(min_weight=1.0),
        Settings(),
    )
    # survey: mean 2: E1-E2 0.5, E1-E3 1.5; projects: mean 1: E1-E2 1, E5-E6 1
    # E1-E2 0.5 + 1 = 1.5 is kept though each source alone gave less or as much
    assert _weights(ties) == {("E1", "E2"): 1.5, ("E1", "E3"): 1.5, ("E5", "E6"): 1.0}
    ties = collect(
        [(_report(), [Evidence("E1", "E2", 1.0), Evidence("E1", "E3", 3.0)])],
        TiesOptions(min_weight=1.0),
        Settings(),
    )
    assert _weights(ties) == {("E1", "E3"): 1.5}  # E1-E2: 0.5 < 1


def test_half_life_discounts_by_age_before_until_and_undated_evidence_is_of_age_zero() -> None:
    report = _report()
    evidence = [
        Evidence("E1", "E2", 1.0, _day(31)),  # age 0: 1
        Evidence("E2", "E1", 1.0, _day(21)),  # age 10, one half-life: 0.5
        Evidence("E1", "E3", 1.0, _day(11)),  # age 20: 0.25
        Evidence("E1", "E3", 2.0, None),  # undated: 2
        Evidence("E1", "E3", 5.0, date(2026, 2, 1)),  # after until: left out
        Evidence("E1", "E3", 5.0, _day(4)),  # before since: left out
    ]
    options = TiesOptions(window=Window(since=_day(5), until=_day(31)), half_life=10)
    ties = collect([(report, evidence)], options, Settings())
    # E1-E2 1.5, E1-E3 2.25: total 3.75, mean 1.875: 0.8 and 1.2
    assert _weights(ties) == pytest.approx({("E1", "E2"): 0.8, ("E1", "E3"): 1.2})
    assert report.total_weight == pytest.approx(3.75)
    assert report.skipped[OUTSIDE_WINDOW] == 2


def test_without_until_age_runs_back_from_the_latest_evidence_of_all_sources() -> None:
    early, late = _report(SourceKind.MAIL), _report(SourceKind.CALENDAR)
    collector = TieCollector(TiesOptions(half_life=10), Settings())
    collector.read(early, iter([Evidence("E1", "E2", 1.0, _day(11))]))
    collector.read(late, iter([Evidence("E3", "E4", 1.0, _day(31))]))
    collector.ties()
    # the latest evidence is January 31 (in the second source): the first is 20 days old
    assert early.total_weight == pytest.approx(0.25)
    assert late.total_weight == pytest.approx(1.0)


def test_half_lives_of_many_years_neither_overflow_nor_lose_the_recent_weight() -> None:
    old, recent = _report(SourceKind.MAIL), _report(SourceKind.CALENDAR)
    collector = TieCollector(TiesOptions(half_life=1), Settings())
    collector.read(old, iter([Evidence("E1", "E2", 1.0, _day(1))]))
    recent_evidence = [
        Evidence("E3", "E4", 1.0, _day(1) + timedelta(days=513)),  # 2**513 would be past
        Evidence("E3", "E4", 1.0, _day(1) + timedelta(days=514)),  # the base: rebased
    ]
    collector.read(recent, iter(recent_evidence))
    ties = collector.ties()
    # the reference day is day 514: 0.5 + 1; the first source's 2 ** -514
    assert recent.total_weight == pytest.approx(1.5)
    assert old.total_weight == pytest.approx(2.0**-514)
    assert _weights(ties)[("E3", "E4")] == 1.0


def test_merge_adds_the_workbooks_interactions_and_without_it_they_are_replaced() -> None:
    existing = (
        Interaction(employee_a="E1", employee_b="E2", weight=2.0),
        Interaction(employee_a="E5", employee_b="E6", weight=1.0),
    )

    def sources() -> list[tuple[SourceReport, list[Evidence]]]:
        return [(_report(), [Evidence("E2", "E1", 4.0)])]  # one pair: weight 1

    merged = collect(sources(), TiesOptions(merge=True), Settings(), existing)
    assert _weights(merged) == {("E1", "E2"): 3.0, ("E5", "E6"): 1.0}
    replaced = collect(sources(), TiesOptions(), Settings(), existing)
    assert _weights(replaced) == {("E1", "E2"): 1.0}


def test_weights_are_capped_and_a_factor_of_zero_leaves_the_source_out() -> None:
    heavy = [(_report(SourceKind.SURVEY), [Evidence("E1", "E2", 1.0), Evidence("E1", "E3", 1e9)])]
    ties = collect(heavy, TiesOptions(), Settings(ties_factor_survey=1_000_000))
    # mean 5e8: E1-E3 weighs about 2 * 1e6 = 2e6, far below the cap; E1-E2 about 2e-3
    assert _weights(ties)[("E1", "E3")] == pytest.approx(2e6, rel=1e-6)
    capped = collect(
        [(_report(), [Evidence("E1", "E2", 1.0)])],
        TiesOptions(merge=True),
        Settings(),
        (Interaction(employee_a="E1", employee_b="E2", weight=MAX_TIE_WEIGHT),),
    )
    assert _weights(capped) == {("E1", "E2"): MAX_TIE_WEIGHT}
    none = collect(
        [(_report(SourceKind.MAIL), [Evidence("E1", "E2", 1.0)])],
        TiesOptions(),
        Settings(ties_factor_mail=0),
    )
    assert none == ()


def test_self_pairs_and_non_positive_weights_are_ignored() -> None:
    report = _report()
    ties = collect(
        [(report, [Evidence("E1", "E1", 1.0), Evidence("E1", "E2", 0.0), Evidence("E2", "E3", 2)])],
        TiesOptions(),
        Settings(),
    )
    assert _weights(ties) == {("E2", "E3"): 1.0}
    assert report.pairs == 1


def test_a_source_whose_stream_fails_is_left_out_whole() -> None:
    def broken() -> Iterator[Evidence]:
        yield Evidence("E1", "E2", 1.0)
        raise ValueError("damaged")

    collector = TieCollector(TiesOptions(), Settings())
    with pytest.raises(ValueError):
        collector.read(_report(), broken())
    collector.read(_report(SourceKind.MAIL), [Evidence("E3", "E4", 1.0)])
    assert _weights(collector.ties()) == {("E3", "E4"): 1.0}


def test_a_long_stream_on_one_pair_is_one_pair_of_weight_one() -> None:
    """Many pieces of evidence on one pair pass through one float per source."""
    report = _report()
    stream = (Evidence("E1", "E2", 1.0, _day(1 + n % 28)) for n in range(200_000))
    ties = collect([(report, stream)], TiesOptions(half_life=30), Settings())
    assert report.pairs == 1 and _weights(ties) == {("E1", "E2"): 1.0}
