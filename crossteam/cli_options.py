"""The command line's options and arguments, declared once, and the checks of the ones
that do not go together; typer shows each on/off option as the flag it is, and every
help text in the run's language."""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.rich_utils
from rich.text import Text
from typer._coercion import TypeDescriptor
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from crossteam import i18n
from crossteam.console import warn, within_cores
from crossteam.i18n.catalogue.protection import HELP as PROTECTION_HELP
from crossteam.i18n.catalogue.terminal import HELP
from crossteam.i18n.catalogue.ties_command import HELP as TIES_HELP
from crossteam.models import CompanyShape
from crossteam.models.limits import MAX_ALTERNATIVES, MAX_SECONDS, MAX_SEED
from crossteam.models.text import clean

if TYPE_CHECKING:
    from crossteam.models import PlanningInput
    from crossteam.planner import SolveOptions

FLAG = ""
"""The metavar of an on/off option: it takes no value, and typer would show ``<bool>``."""


_HELP_KEYS = {
    text: key
    for key, entry in (*HELP.items(), *TIES_HELP.items(), *PROTECTION_HELP.items())
    for text in (entry.en, entry.ja)
}
"""The catalogue key of each help text, by its words in either language: typer builds the
help texts once, at import, before ``--lang`` is read, so they are put in the run's
language when the help is shown."""


def _in_language(text: str | None) -> str | None:
    """A help text of the catalogue in the current language; any other text as it is."""
    key = _HELP_KEYS.get(text) if text is not None else None
    return text if key is None else i18n.t(key)


_TYPER_RICH_TEXT = typer.rich_utils._make_rich_text


def _folded_rich_text(**given: Any) -> Any:
    """A help text that breaks anywhere when it must: Japanese has no spaces to wrap at,
    and rich would cut it short with an ellipsis."""
    text = _TYPER_RICH_TEXT(**given)
    if isinstance(text, Text):
        text.overflow = "fold"
    return text


_TYPER_HIGHLIGHTER = typer.rich_utils.highlighter


def _folded_names(text: Any) -> Any:
    """An option's names that break when the column is narrow (``--output-password-env``
    at 80 columns), where rich would cut them short with an ellipsis."""
    names = _TYPER_HIGHLIGHTER(text)
    if isinstance(names, Text):
        names.overflow = "fold"
    return names


def speak_typer() -> None:
    """Typer's own words (its help panels' titles, its error panel) in the current
    language, and its help text wrapped as the language wraps: typer reads them from its
    module's globals each time it renders."""
    words = typer.rich_utils
    japanese = i18n.current() is i18n.Language.JA
    words._make_rich_text = _folded_rich_text if japanese else _TYPER_RICH_TEXT
    words.highlighter = _folded_names  # type: ignore[assignment]  # returns Text as it does
    words.ARGUMENTS_PANEL_TITLE = i18n.t("terminal.help.panel_arguments")
    words.OPTIONS_PANEL_TITLE = i18n.t("terminal.help.panel_options")
    words.COMMANDS_PANEL_TITLE = i18n.t("terminal.help.panel_commands")
    words.ERRORS_PANEL_TITLE = i18n.t("terminal.help.panel_error")
    words.DEFAULT_STRING = i18n.t("terminal.help.default")
    words.REQUIRED_LONG_STRING = i18n.t("terminal.help.required")
    words.RICH_HELP = i18n.t("terminal.help.try_help")
    words.ABORTED_TEXT = i18n.t("terminal.help.aborted")


def asked_language(args: list[str]) -> i18n.Language | None:
    """The language ``--lang`` names in ``args``, read before typer parses them, so that
    ``--help`` given before ``--lang`` is shown in it too (typer then reads ``--lang``
    again, and refuses a language it does not know)."""
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return i18n.parse_language(arg.removeprefix("--lang="))
        if arg == "--lang" and at + 1 < len(args):
            return i18n.parse_language(args[at + 1])
    return None


class _FlagHelp:
    """A command whose ``--help`` shows as the flag it is (typer shows ``--help <bool>``),
    in the run's language."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = FLAG
            option.help = i18n.t("terminal.help.help")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        speak_typer()
        shown: list[Any] = [self, *getattr(self, "commands", {}).values()]
        for command in shown:
            command.help = _in_language(command.help)
            command.short_help = _in_language(command.short_help)
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param, TyperArgument | TyperOption):
                param.help = _in_language(param.help)
        super().format_help(ctx, formatter)  # type: ignore[misc]


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
        help=i18n.t("terminal.help.lang"),
    )


READS_WORKBOOKS = frozenset({"validate", "audit", "plan", "next-round", "sweep", "ties", "share"})
"""The commands that read a workbook, and so take ``--password-env``."""
WRITES_WORKBOOKS = frozenset(
    {"template", "example", "audit", "plan", "next-round", "sweep", "ties", "share"}
)
"""The commands that write workbooks, and so take ``--encrypt``."""


def _password_env(ctx: typer.Context, param: object, value: str | None) -> None:
    """``--password-env VAR``: where protected inputs' password is (read when one is met)."""
    from crossteam.io import protection

    protection.asked.password_env = value


def _encrypt(ctx: typer.Context, param: object, value: bool | None) -> None:
    from crossteam.io import protection

    protection.asked.encrypt = protection.asked.encrypt or bool(value)


def _output_password_env(ctx: typer.Context, param: object, value: str | None) -> None:
    from crossteam.io import protection

    if value is not None:
        protection.asked.output_password_env = value
        protection.asked.encrypt = True


def _eager(decls: list[str], kind: type, callback: Any, help_text: str, **more: Any) -> TyperOption:
    """An option every such command takes, read before the others and kept for the run
    (built as typer builds the options it declares)."""
    return TyperOption(
        param_decls=decls,
        type_descriptor=TypeDescriptor(kind, typer.Option(None, *decls), None),
        expose_value=False,
        is_eager=True,
        callback=callback,
        help=help_text,
        **more,
    )


def password_options(name: str | None) -> list[TyperOption]:
    """``--password-env`` on commands that read workbooks; ``--encrypt`` and
    ``--output-password-env`` on those that write them (``main`` forgets the previous
    run's at its start)."""
    password_env = _eager(
        ["--password-env"],
        str,
        _password_env,
        i18n.t("protection.help.password_env"),
        metavar="VAR",
    )
    options = [password_env] if name in READS_WORKBOOKS else []
    if name in WRITES_WORKBOOKS:
        options += [
            _eager(
                ["--encrypt"],
                bool,
                _encrypt,
                i18n.t("protection.help.encrypt"),
                metavar=FLAG,
                is_flag=True,
                default=False,
            ),
            _eager(
                ["--output-password-env"],
                str,
                _output_password_env,
                i18n.t("protection.help.output_password_env"),
                metavar="VAR",
            ),
        ]
    return options


class Group(_FlagHelp, TyperGroup):
    pass


class Command(_FlagHelp, TyperCommand):
    """A command that takes ``--lang`` beside its own options, and the password options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params[0:0] = [language_option(), *password_options(self.name)]


def finite(value: float | None) -> float | None:
    """An option's number must be finite (``inf`` and ``nan`` parse as floats)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(i18n.t("terminal.not_finite", value=value))
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
        help=i18n.t("terminal.help.version"),
        metavar=FLAG,
    ),
]
TemplateOutput = Annotated[Path, typer.Argument(help=i18n.t("terminal.help.template_output"))]
ExampleOutput = Annotated[Path, typer.Argument(help=i18n.t("terminal.help.example_output"))]
InputPath = Annotated[Path, typer.Argument(help=i18n.t("terminal.help.input"), show_default=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help=i18n.t("terminal.help.json"), metavar=FLAG)]
ForceFlag = Annotated[
    bool, typer.Option("--force", help=i18n.t("terminal.help.force"), metavar=FLAG)
]
PlanInput = Annotated[
    Path | None,
    typer.Argument(help=i18n.t("terminal.help.plan_input")),
]


def bundled_example() -> Path:
    """The example company that ``plan`` without an input plans."""
    return Path(str(resources.files("crossteam") / "data" / "example.xlsx"))


PlanOutput = Annotated[
    Path | None, typer.Option("-o", "--output", help=i18n.t("terminal.help.plan_output"))
]
TimeLimit = Annotated[
    float | None,
    typer.Option(
        "--time-limit",
        min=0.1,
        max=MAX_SECONDS,
        callback=finite,
        help=i18n.t("terminal.help.time_limit"),
    ),
]
Seed = Annotated[
    int | None, typer.Option("--seed", min=0, max=MAX_SEED, help=i18n.t("terminal.help.seed"))
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", min=0, help=i18n.t("terminal.help.workers")),
]
Repeatable = Annotated[
    bool | None,
    typer.Option(
        "--repeatable/--no-repeatable",
        help=i18n.t("terminal.help.repeatable"),
        metavar=FLAG,
    ),
]
NoTeams = Annotated[
    bool, typer.Option("--no-teams", help=i18n.t("terminal.help.no_teams"), metavar=FLAG)
]
NoRotation = Annotated[
    bool, typer.Option("--no-rotation", help=i18n.t("terminal.help.no_rotation"), metavar=FLAG)
]
Review = Annotated[
    Path | None,
    typer.Option(
        "--review",
        help=i18n.t("terminal.help.review"),
    ),
]
Previous = Annotated[
    Path | None,
    typer.Option(
        "--previous",
        help=i18n.t("terminal.help.previous"),
    ),
]
Alternatives = Annotated[
    int | None,
    typer.Option(
        "--alternatives",
        min=2,
        max=MAX_ALTERNATIVES,
        help=i18n.t("terminal.help.alternatives"),
    ),
]
Tolerance = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        min=0,
        max=0.99,
        callback=finite,
        help=i18n.t("terminal.help.tolerance"),
    ),
]
AuditOutput = Annotated[
    Path | None, typer.Option("-o", "--output", help=i18n.t("terminal.help.audit_output"))
]
PlanToCompare = Annotated[
    Path | None, typer.Option("--plan", help=i18n.t("terminal.help.plan_to_compare"))
]
GridPath = Annotated[
    Path,
    typer.Option("--grid", help=i18n.t("terminal.help.grid")),
]
SweepOutput = Annotated[
    Path | None, typer.Option("-o", "--output", help=i18n.t("terminal.help.sweep_output"))
]
Engine = Annotated[str, typer.Option("--engine", help=i18n.t("terminal.help.engine"))]
Address = Annotated[
    str | None,
    typer.Option(
        "--address",
        help=i18n.t("terminal.help.address"),
        show_default=False,
    ),
]
Processes = Annotated[
    int,
    typer.Option(
        "--processes",
        min=1,
        help=i18n.t("terminal.help.processes"),
    ),
]

Headcount = Annotated[
    int, typer.Option("--employees", min=20, max=100_000, help=i18n.t("terminal.help.employees"))
]
DepartmentCount = Annotated[
    int | None,
    typer.Option(
        "--departments",
        min=2,
        max=500,
        help=i18n.t("terminal.help.departments"),
        show_default=False,
    ),
]
ExampleSeed = Annotated[
    int, typer.Option("--seed", min=0, max=MAX_SEED, help=i18n.t("terminal.help.seed"))
]
Japanese = Annotated[
    bool, typer.Option("--japanese", help=i18n.t("terminal.help.japanese"), metavar=FLAG)
]
Shape = Annotated[
    CompanyShape,
    typer.Option(
        "--shape",
        help=i18n.t("terminal.help.shape"),
    ),
]
PlanOfInput = Annotated[
    Path,
    typer.Argument(help=i18n.t("terminal.help.plan_of_input"), show_default=False),
]
NextOutput = Annotated[
    Path,
    typer.Option(
        "-o",
        "--output",
        help=i18n.t("terminal.help.next_output"),
        show_default=False,
    ),
]


def period_label(value: str | None) -> str | None:
    """A History period label as the reader will read it back; blank is refused."""
    if value is None:
        return None
    label = clean(value)
    if not label:
        raise typer.BadParameter(i18n.t("terminal.blank_period"))
    return label


RoundPeriod = Annotated[
    str | None,
    typer.Option(
        "--period",
        callback=period_label,
        help=i18n.t("terminal.help.round_period"),
        show_default=False,
    ),
]


def day_option(value: str | None) -> date | None:
    """``--since`` and ``--until``: a day written YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(i18n.t("ties_command.bad_day", value=value)) from None


TiesSources = Annotated[
    list[Path],
    typer.Argument(help=i18n.t("ties_command.help.sources"), show_default=False),
]
TiesOutput = Annotated[
    Path,
    typer.Option("-o", "--output", help=i18n.t("ties_command.help.output"), show_default=False),
]
Since = Annotated[
    str | None,
    typer.Option("--since", metavar="YYYY-MM-DD", help=i18n.t("ties_command.help.since")),
]
Until = Annotated[
    str | None,
    typer.Option("--until", metavar="YYYY-MM-DD", help=i18n.t("ties_command.help.until")),
]
HalfLife = Annotated[
    float | None,
    typer.Option(
        "--half-life",
        min=0.01,
        max=100_000,
        callback=finite,
        help=i18n.t("ties_command.help.half_life"),
    ),
]
MinWeight = Annotated[
    float,
    typer.Option(
        "--min-weight", min=0, callback=finite, help=i18n.t("ties_command.help.min_weight")
    ),
]
Merge = Annotated[
    bool, typer.Option("--merge", help=i18n.t("ties_command.help.merge"), metavar=FLAG)
]
WeightColumn = Annotated[
    str | None,
    typer.Option("--weight-column", help=i18n.t("ties_command.help.weight_column")),
]
TiesFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--ties", metavar="<path>", help=i18n.t("ties_command.help.ties"), show_default=False
    ),
]


def check_plan_options(
    alternatives: int | None, tolerance: float | None, review: Path | None, previous: Path | None
) -> None:
    """Refuse options that do not go together, before any work."""
    if alternatives is not None and (review or previous) is not None:
        raise typer.BadParameter(i18n.t("terminal.alternatives_alone"), param_hint="--alternatives")
    if review is not None and previous is not None:
        raise typer.BadParameter(i18n.t("terminal.one_base_plan"), param_hint="--previous")
    if tolerance is not None and alternatives is None:
        raise typer.BadParameter(
            i18n.t("terminal.tolerance_alone"),
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
    what = "--workers" if workers is not None else i18n.t("terminal.settings_workers")
    threads, capped = within_cores(options.workers, what)
    if capped:
        options = dataclasses.replace(options, workers=threads)
    for warning in rule_warnings(instance, options):
        warn(warning)
    return options, (capped,) if capped else ()
