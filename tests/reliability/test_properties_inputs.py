"""Look-alike names and numbers at the edges of their ranges never make a silent wrong answer.

Hypothesis builds small companies (8-30 employees, 2-5 departments, 1-3 team specs, and
sometimes Periods, Rules, Balance, Priorities, Departments and Settings) whose every name
(employee ids, departments, teams, periods, skills, Balance values, rule kinds and modes,
sheet names and headers) may be spelled from a confusable alphabet (full-width letters,
Cyrillic and Greek look-alikes, combining accents and NFD, zero-width and format
characters, half-width katakana, odd spaces, case) and whose every number (sizes,
capacities, counts, weights, levels, min_on_site, seeds, time limits and every other
setting) may sit at an edge of a range (``crossteam.models.limits``: each maximum and one
beyond it, 0, -1, the smallest positive float, 1e15, 1e19, 2^31-1, 2^31, 2^53, 1e308,
inf, nan) or at the extremes of its own, written as a number, as text, in full width or
as a raw cell value such as ``<v>nan</v>``. How hostile a workbook is, is drawn first:
plain, names spelled only in ways read as the same name, a few look-alikes, anything.
Each is run through ``crossteam validate``, ``plan`` and ``audit`` as a user runs them,
in a child process, sometimes with a ``--seed`` at or past its range.

Every child must exit 0, 1 or 2 within the time limit + 10 s and print one strict JSON
object; a plan (exit 0) is read back and passes the solver-independent checker; no plan
(exit 1) says why; a refusal (exit 2) places every error at a sheet and row (or is a
usage error naming its option); and the input is byte-identical afterwards.

``MAX_EXAMPLES`` (25) workbooks per run, derandomized so that CI draws the same ones
every time; shrinking is off, as each example costs seconds: a failure shows the drawn
sheets as drawn.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import openpyxl
import pytest
from conftest import SUMMARY, Run, run_cli
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

import crossteam
from crossteam.checks import verify
from crossteam.io.plan_reader import read_plan
from crossteam.io.reader import load_workbook
from crossteam.models.limits import (
    MAX_ATTRIBUTE_NUMBER,
    MAX_COUNT,
    MAX_SECONDS,
    MAX_SEED,
    MAX_TIE_WEIGHT,
    MAX_WEIGHT,
    OBJECTIVE_LIMIT,
)
from crossteam.models.planning_input import MAX_LEVEL

MAX_EXAMPLES = 25
TIME_LIMIT = 2
SLACK_SECONDS = 10
"""A child that has not ended ``TIME_LIMIT + SLACK_SECONDS`` after it started is a hang."""

ROOT = Path(crossteam.__file__).resolve().parents[1]
CHILD_ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
CHILD_ENV.pop("CROSSTEAM_DEBUG", None)

Sheets = dict[str, list[list[object]]]

# -- the confusable alphabet ----------------------------------------------------------------

INVISIBLE = ("\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad")
"""Zero-width space, zero-width joiner, word joiner, BOM and soft hyphen."""
LOOK_ALIKE = {
    "A": "АΑ",  # Cyrillic, then Greek
    "B": "ВΒ",
    "C": "С",
    "E": "ЕΕ",
    "H": "НΗ",
    "K": "КΚ",
    "M": "МΜ",
    "O": "ОΟ",
    "P": "РΡ",
    "T": "ТΤ",
    "X": "ХΧ",
    "a": "аα",
    "c": "с",
    "e": "е",
    "i": "іι",
    "n": "η",
    "o": "оο",
    "p": "рρ",
    "x": "хχ",
}
"""Cyrillic and Greek letters that look like a Latin one, written out here (not taken from
``text.LOOK_ALIKES``, so that a letter missing there is found)."""
HALF_WIDTH = {"セールス": "ｾｰﾙｽ", "デザイン": "ﾃﾞｻﾞｲﾝ", "カイハツ": "ｶｲﾊﾂ", "トウキョウ": "ﾄｳｷｮｳ"}
COMBINING_ACUTE = "\u0301"
ODD_SPACES = (" ", "\u00a0", "\u3000", "  ")
CONFUSABLE_ALPHABET = (
    "AEOPCXaeopcx019 "
    + "".join(LOOK_ALIKE.values())
    + "ＡＥＯ０１"
    + "".join(INVISIBLE)
    + COMBINING_ACUTE
    + "ｾｰﾙｽﾃﾞ\u3000\u00a0"
)


def _full_width(text: str) -> str:
    return "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text
    )


def _look_alike(text: str, draw: st.DrawFn) -> str:
    """``text`` with one letter, where it has one, in a look-alike."""
    places = [i for i, c in enumerate(text) if c in LOOK_ALIKE]
    if not places:
        return text
    i = draw(st.sampled_from(places))
    return text[:i] + draw(st.sampled_from(LOOK_ALIKE[text[i]])) + text[i + 1 :]


Disguise = Callable[[str, st.DrawFn], str]
SAME_NAME: dict[str, Disguise] = {
    "invisible": lambda text, draw: _insert(text, draw(st.sampled_from(INVISIBLE)), draw),
    "full width": lambda text, draw: _full_width(text),
    "NFD": lambda text, draw: unicodedata.normalize("NFD", text),
    "spaces": lambda text, draw: (
        draw(st.sampled_from(ODD_SPACES))
        + text.replace(" ", draw(st.sampled_from(ODD_SPACES)))
        + draw(st.sampled_from(ODD_SPACES))
    ),
    "half width": lambda text, draw: HALF_WIDTH.get(text, text),
}
"""Spellings ``text.clean`` reads as the name itself."""
LOOK_ALIKE_NAME: dict[str, Disguise] = {
    "case": lambda text, draw: draw(st.sampled_from([text.upper(), text.lower(), text.swapcase()])),
    "look-alike": _look_alike,
}
"""Spellings equal to the name only after ``text.fold``: a warning, or an error for ids."""
OTHER_NAME: dict[str, Disguise] = {
    "combining accent": lambda text, draw: _insert(text, COMBINING_ACUTE, draw),
    "only invisible": lambda text, draw: "".join(
        draw(st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=3))
    ),
    "confusable text": lambda text, draw: draw(
        st.text(alphabet=CONFUSABLE_ALPHABET, min_size=1, max_size=6)
    ),
}
"""Spellings that name something else (or nothing: blank once cleaned)."""


def _insert(text: str, extra: str, draw: st.DrawFn) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + extra + text[at:]


# -- numbers at the edges -------------------------------------------------------------------

TINY = 5e-324
"""The smallest positive float."""
EDGES: tuple[float, ...] = (
    0,
    -1,
    1,
    TINY,
    1e-9,
    0.0004,
    0.999,
    MAX_LEVEL,
    MAX_LEVEL + 1,
    MAX_COUNT,
    MAX_COUNT + 1,
    MAX_WEIGHT,
    MAX_WEIGHT + 1,
    MAX_TIE_WEIGHT,
    MAX_TIE_WEIGHT + 1,
    MAX_SEED,
    MAX_SEED + 1,
    MAX_SECONDS,
    MAX_SECONDS + 1,
    MAX_ATTRIBUTE_NUMBER,
    MAX_ATTRIBUTE_NUMBER * 10,
    OBJECTIVE_LIMIT,
    1e15,
    1e19,
    2**53,
    2**63,
    1e308,
    math.inf,
    -math.inf,
    math.nan,
    True,
)
RAW_VALUES = ("inf", "-inf", "nan", "NaN", "Infinity", "1e309", "-1E400", "1e-400")
"""Cell values no spreadsheet writes but a generated file may hold (``<v>nan</v>``)."""
RAW_MARK = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t>⟦(.*?)⟧</t></is></c>')


@dataclass(frozen=True)
class Raw:
    """A cell written as a number whose stored text is ``text``."""

    text: str


@dataclass
class Spelling:
    """How one workbook draws names and numbers: how often a name is disguised and how, how
    often a number sits at an edge, and what was drawn."""

    draw: st.DrawFn
    odds: random.Random
    """Decides how often something is done, evenly (Hypothesis's own integers favour the
    ends of their range, so "below 10 of 100" would come true far more often than 10 %)."""
    disguises: dict[str, Disguise]
    disguise_percent: int
    edge_percent: int
    extreme_percent: int
    headcount: int
    used: Counter[str] = field(default_factory=Counter)

    def name(self, text: str) -> str:
        """``text`` as this workbook spells it in one cell."""
        if self.odds.randrange(100) >= self.disguise_percent:
            return text
        kind = self.draw(st.sampled_from(sorted(self.disguises)))
        self.used[kind] += 1
        return self.disguises[kind](text, self.draw)

    def title(self, text: str) -> str:
        """A sheet name or header as this workbook spells it: never blank or another name."""
        if self.odds.randrange(100) >= self.disguise_percent:
            return text
        kind = self.draw(st.sampled_from(sorted(self.disguises.keys() - OTHER_NAME.keys())))
        self.used[f"{kind} (title)"] += 1
        return self.disguises[kind](text, self.draw)

    def number(self, sensible: st.SearchStrategy[float], *extremes: float) -> object:
        """A sensible number, now and then one of the column's ``extremes`` (the largest and
        smallest values its range allows), or an edge of some range (most of them out of
        this column's), as a cell holds it."""
        chance = self.odds.randrange(100)
        if chance >= self.edge_percent + self.extreme_percent:
            return self.draw(sensible)
        if chance >= self.edge_percent and extremes:
            self.used["extreme"] += 1
            return self.draw(st.sampled_from(extremes))
        value = self.draw(
            st.sampled_from(
                [*EDGES, self.headcount, self.headcount + 1, *(Raw(v) for v in RAW_VALUES)]
            )
        )
        if isinstance(value, Raw):
            self.used["raw"] += 1
            return value
        self.used["edge"] += 1
        form = self.draw(st.sampled_from(["number", "text", "full-width text"]))
        if form == "number":
            return value
        text = repr(value) if isinstance(value, float) else str(value)
        return text if form == "text" else _full_width(text)


# -- the workbooks --------------------------------------------------------------------------

DEPARTMENTS = ("Sales", "Café", "R&D", "セールス", "デザイン", "Ops Team", "HR")
LOCATIONS = ("Tokyo", "Osaka", "トウキョウ")
SKILLS = ("Python", "Negotiation", "Design", "会計")
TEAMS = ("Voice", "Bridge", "Ｎorth", "カイハツ", "Voice-2")
"""Voice-2 is also the name of the second team of a Voice spec of count 2 or more."""
PERIODS = ("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4")
YES_NO = ("yes", "no", "Yes", "ＹＥＳ", "y", "はい", "no\u200b", "FALSE")
RULES = ("together", "apart", "in_team", "not_in_team", "rotate_to", "not_rotate_to", "no_rotation")
MODES = ("diversify", "cluster", "balance", "no_lone", "different")
WEIGHT_EXTREMES = (0, TINY, MAX_WEIGHT)
SETTING_NUMBERS: dict[str, tuple[st.SearchStrategy[float], tuple[float, ...]]] = {
    "time_limit_seconds": (st.integers(1, 60), (TINY, MAX_SECONDS)),
    "random_seed": (st.integers(0, 1000), (0, MAX_SEED)),
    "workers": (st.integers(0, 4), (0, MAX_SEED)),
    "deterministic_time_limit": (st.sampled_from([0.5, 5, 100]), (TINY, MAX_SECONDS)),
    "max_rotations_per_employee": (st.integers(0, 3), (0, MAX_COUNT)),
    "stint_periods": (st.integers(1, 3), (1, MAX_COUNT)),
    "default_min_on_site": (st.sampled_from([0, 0.5, 0.8, 1]), (0, TINY, 1)),
    "default_host_capacity": (st.integers(0, 4), (0, MAX_COUNT)),
    "weak_tie_ratio": (st.sampled_from([0, 0.25, 1]), WEIGHT_EXTREMES),
    "zero_tie_gap_weight": (st.sampled_from([0.5, 3]), (TINY, MAX_WEIGHT)),
    "weak_tie_gap_weight": (st.sampled_from([0, 1]), WEIGHT_EXTREMES),
    "betweenness_exact_max": (st.sampled_from([1, 5, 2000]), (1, MAX_COUNT)),
    "betweenness_samples": (st.sampled_from([1, 10, 500]), (1, MAX_COUNT)),
    "weight_bridging": (st.sampled_from([0, 1, 10]), WEIGHT_EXTREMES),
    "weight_diversity": (st.sampled_from([0, 1]), WEIGHT_EXTREMES),
    "weight_balance": (st.sampled_from([0, 1, 5]), WEIGHT_EXTREMES),
    "weight_skill_depth": (st.sampled_from([0, 0.1]), WEIGHT_EXTREMES),
    "weight_rotation_fairness": (st.sampled_from([0, 1]), WEIGHT_EXTREMES),
    "weight_learning": (st.sampled_from([0, 0.1]), WEIGHT_EXTREMES),
}
"""Each numeric setting: sensible values, and the extremes its range allows."""


@dataclass(frozen=True)
class Drawn:
    """A workbook's sheets, how they were spelled, and a ``--seed`` option if one was drawn."""

    sheets: Sheets
    spellings: dict[str, int]
    seed: int | None


@st.composite
def workbooks(draw: st.DrawFn) -> Drawn:
    hostility = draw(st.sampled_from(["plain", "same names", "look-alikes", "anything"]))
    disguises = dict(SAME_NAME)
    if hostility in ("look-alikes", "anything"):
        disguises |= LOOK_ALIKE_NAME
    if hostility == "anything":
        disguises |= OTHER_NAME
    people = draw(st.integers(8, 30))
    spell = Spelling(
        draw,
        draw(st.randoms(use_true_random=True)),
        disguises,
        {"plain": 0, "same names": 30, "look-alikes": 3, "anything": 5}[hostility],
        draw(st.sampled_from([0, 0, 0, 2, 10, 40])),
        draw(st.sampled_from([0, 0, 10, 50])),
        people,
    )
    note(f"hostility {hostility}, edges {spell.edge_percent} %")

    def any_of(values: tuple[str, ...] | list[str]) -> str:
        return spell.name(draw(st.sampled_from(values)))

    def number(strategy: st.SearchStrategy[float], extremes: tuple[float, ...] = ()) -> object:
        return spell.number(strategy, *extremes)

    numeric_ids = draw(st.booleans())
    ids = [str(n) if numeric_ids else f"E{n:03d}" for n in range(1, people + 1)]
    departments = draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=2, max_size=5, unique=True))
    yes_no = st.sampled_from(YES_NO[:4] if hostility == "plain" else YES_NO)
    sheets: Sheets = {
        "Employees": [
            [
                "employee_id",
                "name",
                "department",
                "location",
                "available",
                "rotation_eligible",
                "tenure",
            ],
            *(
                [
                    int(e) if numeric_ids and draw(st.booleans()) else spell.name(e),
                    f"Person {e}",
                    spell.name(departments[n % len(departments)]),
                    any_of(LOCATIONS),
                    draw(st.sampled_from(["yes", "yes", "yes"]) | yes_no),
                    draw(yes_no),
                    number(st.integers(0, 40), (0, MAX_ATTRIBUTE_NUMBER, -MAX_ATTRIBUTE_NUMBER)),
                ]
                for n, e in enumerate(ids)
            ),
        ],
    }
    if hostility == "anything" and draw(st.booleans()):  # a second row for someone
        who = draw(st.integers(1, people))
        twin = list(sheets["Employees"][who])
        twin[0] = spell.name(ids[who - 1])
        sheets["Employees"].append(twin)
    sheets["Skills"] = [
        ["employee_id", "skill", "level"],
        *(
            [spell.name(e), any_of(SKILLS), number(st.integers(1, MAX_LEVEL), (1, MAX_LEVEL))]
            for e in draw(st.lists(st.sampled_from(ids), max_size=people))
        ),
    ]
    sheets["Interactions"] = [
        ["employee_a", "employee_b", "weight"],
        *(
            [spell.name(a), spell.name(b), number(st.integers(1, 5), (TINY, MAX_TIE_WEIGHT))]
            for a, b in draw(
                st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=40)
            )
        ),
    ]
    if draw(st.booleans()):
        sheets["Departments"] = [
            ["department", "min_on_site", "host_capacity", "can_host", "critical_skills"],
            *(
                [
                    spell.name(d),
                    number(st.sampled_from([0, 0.5, 0.8, 1, "80%", "１００％"]), (0, TINY, 1)),
                    number(st.integers(0, 3), (0, people, MAX_COUNT)),
                    draw(yes_no),
                    ", ".join(draw(st.lists(st.sampled_from(SKILLS), max_size=2, unique=True)))
                    or None,
                ]
                for d in departments
            ),
        ]
    if draw(st.booleans()):
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(departments), st.sampled_from(departments)).filter(
                    lambda pair: hostility == "anything" or pair[0] != pair[1]
                ),
                max_size=3,
                unique_by=lambda pair: frozenset(pair),
            )
        )
        sheets["Priorities"] = [
            ["department_a", "department_b", "weight"],
            *(
                [spell.name(a), spell.name(b), number(st.integers(1, 5), (TINY, MAX_WEIGHT))]
                for a, b in pairs
            ),
        ]
    teams = draw(st.lists(st.sampled_from(TEAMS), min_size=1, max_size=3, unique=True))
    sheets["Teams"] = [
        ["team", "count", "min_size", "max_size", "min_departments", "max_per_department"]
    ]
    for team in teams:
        low = draw(st.integers(2, 4))
        sheets["Teams"].append(
            [
                spell.name(team),
                number(st.integers(1, 2), (1, people)),
                number(st.just(low), (1, people)),
                number(st.integers(low, low + 3), (people, MAX_COUNT)),
                number(st.integers(1, 2), (1, MAX_COUNT)),
                number(st.integers(2, 4), (1, MAX_COUNT)) if draw(st.booleans()) else None,
            ]
        )
    sheets["TeamSkills"] = [
        ["team", "skill", "min_level", "min_count"],
        *(
            [
                spell.name(t),
                any_of(SKILLS),
                number(st.integers(1, 5), (1, MAX_LEVEL)),
                number(st.integers(1, 3), (1, people)),
            ]
            for t in draw(st.lists(st.sampled_from(teams), max_size=2))
        ),
    ]
    periods = draw(st.integers(0, len(PERIODS)))
    years = draw(st.booleans())  # labels that are numbers: 2027, 2028...
    if periods:
        sheets["Periods"] = [
            ["period"],
            *([2027 + n if years else spell.name(p)] for n, p in enumerate(PERIODS[:periods])),
        ]
    targets: dict[str, list[str]] = {
        "together": ids,
        "apart": ids,
        "in_team": teams,
        "not_in_team": teams,
        "rotate_to": departments,
        "not_rotate_to": departments,
        "no_rotation": [""],
    }
    rules = draw(st.lists(st.sampled_from(RULES), max_size=3))
    if rules:
        sheets["Rules"] = [
            ["rule", "employee_id", "target"],
            *([spell.name(r), any_of(ids), any_of(targets[r]) or None] for r in rules),
        ]
    balance = draw(st.lists(st.sampled_from(MODES), max_size=2))
    if balance:
        sheets["Balance"] = [["attribute", "mode", "weight", "value"]]
        for mode in balance:
            attribute = (
                "tenure"
                if mode == "balance"
                else draw(st.sampled_from(["location", "department", "name"]))
            )
            value = any_of([*LOCATIONS, "Sapporo"]) if mode in ("cluster", "no_lone") else None
            weight = (
                "hard"
                if draw(st.integers(0, 3)) == 0
                else number(st.integers(1, 3), WEIGHT_EXTREMES)
            )
            sheets["Balance"].append([spell.name(attribute), spell.name(mode), weight, value])
    chosen = draw(st.lists(st.sampled_from(sorted(SETTING_NUMBERS)), max_size=4, unique=True))
    if chosen:
        sheets["Settings"] = [
            ["setting", "value"],
            *([name, number(*SETTING_NUMBERS[name])] for name in chosen),
        ]
    if draw(st.booleans()):
        sheets.setdefault("Settings", [["setting", "value"]])
        sheets["Settings"].append([spell.name("assign_everyone"), draw(yes_no)])
    seed = spell.odds.choice([None] * 12 + [0, MAX_SEED, MAX_SEED + 1, -1])
    spelled = {
        spell.title(title): [[spell.title(h) for h in rows[0]], *rows[1:]]
        for title, rows in sheets.items()
    }
    return Drawn(spelled, dict(spell.used), seed)


def write(sheets: Sheets, path: Path) -> Path:
    """Write ``sheets``; a ``Raw`` value becomes a number cell holding its text as written."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([f"⟦{v.text}⟧" if isinstance(v, Raw) else v for v in row])
    book.save(path)
    with zipfile.ZipFile(path) as packed:
        parts = {info: packed.read(info) for info in packed.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
        for info, data in parts.items():
            if info.filename.startswith("xl/worksheets/"):
                data = RAW_MARK.sub(r'<c r="\1"\2><v>\3</v></c>', data.decode()).encode()
            packed.writestr(info, data)
    return path


# -- the property ---------------------------------------------------------------------------


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> NoReturn:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def finished(run: Run, what: str) -> dict[str, Any]:
    """The JSON object a child printed, once it is known to have ended as a child should."""
    assert run.seconds < TIME_LIMIT + SLACK_SECONDS, f"{what} ran {run.seconds:.1f}s: a hang"
    assert run.code in (0, 1, 2), f"{what} exited {run.code}: {run.stderr}"
    assert "Traceback" not in run.stderr, run.stderr
    payload = strict_json(run.stdout)  # also: exactly one JSON value, nothing around it
    assert isinstance(payload, dict), run.stdout
    return payload


def located(errors: list[dict[str, Any]]) -> None:
    assert errors
    for error in errors:
        assert error["sheet"] and error["row"], f"unlocated error: {error}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def child(*args: str | Path) -> Run:
    return run_cli(*args, timeout=TIME_LIMIT + SLACK_SECONDS + 1, env=CHILD_ENV)


@pytest.mark.slow
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(drawn=workbooks())
def test_confusable_names_and_edge_numbers_get_a_checked_plan_or_a_located_refusal(
    drawn: Drawn, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("property")
    source = write(drawn.sheets, folder / "company.xlsx")
    out = folder / "plan.xlsx"
    note(f"spellings {drawn.spellings}, --seed {drawn.seed}")
    note(repr(drawn.sheets))
    before = sha256(source)
    seed = () if drawn.seed is None else ("--seed", str(drawn.seed))
    plan_args = ("-o", out, "--json", "--time-limit", str(TIME_LIMIT), "--workers", "1", *seed)

    validated_run = child("validate", source, "--json")
    validated = finished(validated_run, "validate")
    planned_run = child("plan", source, *plan_args)
    planned = finished(planned_run, "plan")
    audited_run = child("audit", source, "--json")
    finished(audited_run, "audit")

    assert sha256(source) == before, "the input workbook was changed"
    event(f"plan exit {planned_run.code}")
    SUMMARY.append(f"plan exit {planned_run.code}")
    valid = validated["valid"]
    assert validated_run.code == (0 if valid else 2), validated_run.stderr
    assert audited_run.code == (0 if valid else 2), audited_run.stderr
    if not valid:
        located(validated["errors"])
    usage_error = drawn.seed is not None and not 0 <= drawn.seed <= MAX_SEED
    if planned_run.code == 0:
        instance = load_workbook(source)
        report = verify(instance, read_plan(out, instance))
        assert report.passed, report.failures
        assert planned["checks"]["passed"] is True
    elif planned_run.code == 1:
        assert planned["explanation"], planned_run.stderr
        assert not out.exists()
    elif usage_error:
        assert "--seed" in planned_run.stderr
        assert not out.exists()
    else:
        assert not valid, f"validate passed what plan refused: {planned_run.stderr}"
        located(planned["errors"])
        assert not out.exists()
    if not usage_error:
        assert (planned_run.code == 2) == (not valid), planned_run.stderr
