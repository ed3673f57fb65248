"""``crossteam share``: a copy of a plan for an auditor (pseudonymised) or for the manager
of one department (docs/privacy.md)."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from crossteam import cli_files as files
from crossteam import cli_options as opt
from crossteam import console, i18n
from crossteam.errors import InputError
from crossteam.models import Problem

PlanPath = Annotated[Path, typer.Argument(help=i18n.t("share.help.plan"), show_default=False)]


class For(StrEnum):
    """Who a copy is for."""

    auditor = "auditor"
    manager = "manager"


ForOption = Annotated[For, typer.Option("--for", help=i18n.t("share.help.for"), show_default=False)]
Department = Annotated[
    str | None, typer.Option("--department", help=i18n.t("share.help.department"))
]
KeyEnv = Annotated[
    str | None, typer.Option("--key-env", metavar="VAR", help=i18n.t("share.help.key_env"))
]
Output = Annotated[
    Path,
    typer.Option("-o", "--output", help=i18n.t("share.help.output"), show_default=False),
]


def share(
    plan: PlanPath,
    audience: ForOption,
    out: Output,
    department: Department = None,
    key_env: KeyEnv = None,
    force: opt.ForceFlag = False,
    as_json: opt.JsonFlag = False,
) -> None:
    """Write a copy of a plan for an auditor or for one department's manager."""
    from crossteam.share import read_sheets
    from crossteam.share_auditor import auditor_copy
    from crossteam.share_manager import manager_copy
    from crossteam.share_writer import write_copy

    key = _key(key_env, as_json) if audience == "auditor" else b""
    if audience == "manager" and not department:
        _refuse(i18n.t("share.no_department"), as_json)
    out = files.output(out, force=force, inputs=(plan,))
    try:
        sheets = read_sheets(plan)
        if audience == "auditor":
            copy = auditor_copy(plan, sheets, key)
        else:
            assert department is not None
            copy = manager_copy(plan, sheets, department)
    except InputError as refused:
        console.fail_input(refused, as_json)
    files.write(out, lambda s: write_copy(s, copy), force=force, inputs=(plan,))
    teams = i18n.counted(copy.teams, "share_team")
    console.say(
        i18n.t("share.wrote", teams=teams, rotations=i18n.counted(copy.rotations, "share_rotation"))
    )
    if as_json:
        console.emit_json(
            {
                "output": str(out),
                "for": audience.value,
                "department": department,
                "teams": copy.teams,
                "rotations": copy.rotations,
                "departments_grouped": copy.grouped,
            }
        )


def _key(variable: str | None, as_json: bool) -> bytes:
    """The pseudonym key from the environment variable named ``variable``."""
    if not variable:
        _refuse(i18n.t("share.no_key"), as_json)
    value = os.environ.get(variable, "")
    if not value:
        _refuse(i18n.t("share.empty_key", variable=variable), as_json)
    return value.encode("utf-8")


def _refuse(message: str, as_json: bool) -> NoReturn:
    console.fail_input(InputError([Problem(message=message)]), as_json)
