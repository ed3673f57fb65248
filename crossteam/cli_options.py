"""The command line's options and arguments, declared once, and the checks of the ones
that do not go together; typer shows each on/off option as the flag it is."""

from __future__ import annotations

import dataclasses
import math
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from typer._coercion import TypeDescriptor
from typer.core import TyperCommand, TyperGroup, TyperOption

from crossteam import i18n
from crossteam.console import say, within_cores
from crossteam.models import CompanyShape
from crossteam.models.limits import MAX_ALTERNATIVES, MAX_SECONDS, MAX_SEED
from crossteam.models.text import clean

if TYPE_CHECKING:
    from crossteam.models import PlanningInput
    from crossteam.planner import SolveOptions

FLAG = ""
"""The metavar of an on/off option: it takes no value, and typer would show ``<bool>``."""


class _FlagHelp:
    """A command whose ``--help`` shows as the flag it is (typer shows ``--help <bool>``)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = FLAG
        return option


def _choose_language(ctx: typer.Context, param: object, value: str | None) -> None:
    """``--lang``: the language of every word from here on (before the other options are
    read, so their messages follow it)."""
    if value is None:
        return
    language = i18n.parse_language(value)
    if language is None:
        raise typer.BadParameter(i18n.t("terminal.lang_unknown", value=value))
    i18n.ask(language)


def language_option() -> TyperOption:
    """``--lang ja|en``, which every command takes (built as typer builds the options it
    declares, as one ``Command`` adds it to each command)."""
    return TyperOption(
        param_decls=["--lang"],
        type_descriptor=TypeDescriptor(str, typer.Option(None, "--lang"), None),
        metavar="ja|en",
        expose_value=False,
        is_eager=True,
        callback=_choose_language,
        help=i18n.t("terminal.lang_help"),
    )


class Group(_FlagHelp, TyperGroup):
    pass


class Command(_FlagHelp, TyperCommand):
    """A command that takes ``--lang`` beside its own options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.insert(0, language_option())


def finite(value: float | None) -> float | None:
    """An option's number must be finite (``inf`` and ``nan`` parse as floats)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number")
    return value


def _show_version(shown: bool) -> None:
    """``--version``: the version on stdout (scripts read it there), then exit 0."""
    if shown:
        typer.echo(f"crossteam {metadata.version('crossteam')}")
        raise typer.Exit()


Version = Annotated[
    bool,
    typer.Option(
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Show the version and exit",
        metavar=FLAG,
    ),
]
TemplateOutput = Annotated[Path, typer.Argument(help="Where to write the blank workbook")]
ExampleOutput = Annotated[Path, typer.Argument(help="Where to write the example workbook")]
InputPath = Annotated[Path, typer.Argument(help="Input workbook (.xlsx)", show_default=False)]
JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print one JSON object on stdout", metavar=FLAG)
]
ForceFlag = Annotated[
    bool, typer.Option("--force", help="Overwrite an existing output file", metavar=FLAG)
]
PlanInput = Annotated[
    Path | None,
    typer.Argument(help="Input workbook (.xlsx); the bundled example when omitted"),
]


def bundled_example() -> Path:
    """The example company that ``plan`` without an input plans."""
    return Path(str(resources.files("crossteam") / "data" / "example.xlsx"))


PlanOutput = Annotated[Path | None, typer.Option("-o", "--output", help="Plan workbook to write")]
TimeLimit = Annotated[
    float | None,
    typer.Option(
        "--time-limit",
        min=0.1,
        max=MAX_SECONDS,
        callback=finite,
        help="Seconds (default: Settings)",
    ),
]
Seed = Annotated[int | None, typer.Option("--seed", min=0, max=MAX_SEED, help="Random seed")]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", min=0, help="Solver threads; 0 = all cores (more are capped at them)"
    ),
]
Repeatable = Annotated[
    bool | None,
    typer.Option(
        "--repeatable/--no-repeatable",
        help="Same input, same plan on this machine (default; Settings repeatable)",
        metavar=FLAG,
    ),
]
NoTeams = Annotated[bool, typer.Option("--no-teams", help="Plan rotation only", metavar=FLAG)]
NoRotation = Annotated[bool, typer.Option("--no-rotation", help="Plan teams only", metavar=FLAG)]
Review = Annotated[
    Path | None,
    typer.Option(
        "--review",
        help="A plan workbook with Review decisions (keep, remove, lock): re-plan with as "
        "few changes as possible",
    ),
]
Previous = Annotated[
    Path | None,
    typer.Option(
        "--previous",
        help="A plan workbook made from an earlier version of this input: repair it "
        "with as few changes as possible (its Review decisions are not read)",
    ),
]
Alternatives = Annotated[
    int | None,
    typer.Option(
        "--alternatives",
        min=2,
        max=MAX_ALTERNATIVES,
        help="Plan K plans within the tolerance of the best that differ from each other; "
        "an Alternatives sheet compares them",
    ),
]
Tolerance = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        min=0,
        max=0.99,
        callback=finite,
        help="With --alternatives: share below the best objective an alternative may "
        "fall (default: Settings, 0.05)",
    ),
]
AuditOutput = Annotated[Path | None, typer.Option("-o", "--output", help="Audit workbook to write")]
PlanToCompare = Annotated[
    Path | None, typer.Option("--plan", help="A plan workbook: show before and after")
]
GridPath = Annotated[
    Path,
    typer.Option("--grid", help="The scenarios: a YAML file or a workbook with a Sweep sheet"),
]
SweepOutput = Annotated[Path | None, typer.Option("-o", "--output", help="Sweep workbook to write")]
Engine = Annotated[
    str, typer.Option("--engine", help="local (a process pool) or dask (a Dask cluster)")
]
Address = Annotated[
    str | None,
    typer.Option(
        "--address",
        help="Dask scheduler address (default: a local cluster on this machine)",
        show_default=False,
    ),
]
Processes = Annotated[
    int,
    typer.Option(
        "--processes",
        min=1,
        help="Worker processes of a local pool or cluster (more than the cores are capped at them)",
    ),
]

Headcount = Annotated[
    int, typer.Option("--employees", min=20, max=100_000, help="Employees (at least 20)")
]
DepartmentCount = Annotated[
    int | None,
    typer.Option(
        "--departments",
        min=2,
        max=500,
        help="Departments (default: 40 at 1,000 employees, growing with the square root "
        "of the headcount, at least 10; 10 with --shape classic)",
        show_default=False,
    ),
]
ExampleSeed = Annotated[int, typer.Option("--seed", min=0, max=MAX_SEED, help="Random seed")]
Japanese = Annotated[
    bool, typer.Option("--japanese", help="Japanese names and headers", metavar=FLAG)
]
Shape = Annotated[
    CompanyShape,
    typer.Option(
        "--shape",
        help="realistic: heavy-tailed department sizes and a silent periphery of small "
        "departments; classic: departments of similar size",
    ),
]
PlanOfInput = Annotated[
    Path,
    typer.Argument(help="The plan workbook crossteam plan wrote from it", show_default=False),
]
NextOutput = Annotated[
    Path,
    typer.Option(
        "-o",
        "--output",
        help="The next round's input workbook to write",
        show_default=False,
    ),
]


def period_label(value: str | None) -> str | None:
    """A History period label as the reader will read it back; blank is refused."""
    if value is None:
        return None
    label = clean(value)
    if not label:
        raise typer.BadParameter("give a period label, for example 2027-Q2")
    return label


RoundPeriod = Annotated[
    str | None,
    typer.Option(
        "--period",
        callback=period_label,
        help="History period of the plan's teams (default: round N, N = 1 + the team "
        "periods History has)",
        show_default=False,
    ),
]


def check_plan_options(
    alternatives: int | None, tolerance: float | None, review: Path | None, previous: Path | None
) -> None:
    """Refuse options that do not go together, before any work."""
    if alternatives is not None and (review or previous) is not None:
        raise typer.BadParameter(
            "cannot be combined with --review or --previous", param_hint="--alternatives"
        )
    if review is not None and previous is not None:
        raise typer.BadParameter(
            "give one plan to re-plan: --review reads its decisions too", param_hint="--previous"
        )
    if tolerance is not None and alternatives is None:
        raise typer.BadParameter(
            "only applies with --alternatives K (it is how far below the best plan an "
            "alternative may fall)",
            param_hint="--tolerance",
        )


def solve_options(
    instance: PlanningInput,
    time_limit: float | None,
    seed: int | None,
    workers: int | None,
    repeatable: bool | None,
    no_teams: bool,
    no_rotation: bool,
) -> tuple[SolveOptions, tuple[str, ...]]:
    """The solve options of Settings and the command line, threads capped at the cores,
    and the run's notes; the planner's warnings on the Rules are shown."""
    from crossteam.planner import SolveOptions, rule_warnings

    options = SolveOptions.from_settings(
        instance.settings,
        time_limit_seconds=time_limit,
        seed=seed,
        workers=workers,
        repeatable=repeatable,
        plan_teams=not no_teams,
        plan_rotation=not no_rotation,
    )
    what = "--workers" if workers is not None else "Settings workers"
    threads, capped = within_cores(options.workers, what)
    if capped:
        options = dataclasses.replace(options, workers=threads)
    for warning in rule_warnings(instance, options):
        say(f"[yellow]warning[/yellow] {escape(warning)}")
    return options, (capped,) if capped else ()
