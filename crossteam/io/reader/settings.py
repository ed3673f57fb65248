"""The Settings sheet: one setting per row, read as its field's type."""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from crossteam import i18n
from crossteam.io import schema
from crossteam.io.labels import label, labels
from crossteam.io.reader.context import Reading
from crossteam.io.reader.names import did_you_mean
from crossteam.io.reader.table import Row, Table
from crossteam.models import Settings
from crossteam.models.text import shown
from crossteam.models.wording import describe_validation_error


def read_settings(reading: Reading, table: Table) -> None:
    reading.warn_extra_columns(table)
    if not reading.required_columns(table):
        return
    fields = Settings.model_fields
    values: dict[str, Any] = {}
    rows: dict[str, tuple[Row, int]] = {}
    for row in reading.rows(table):
        name = row.get("setting")
        if name is None:
            continue
        key = schema.normalise(name)
        if key not in fields:
            key = i18n.canonical(name, among=fields) or key
        if key not in fields:
            hint = did_you_mean(key, fields)
            message = i18n.t("reader.setting_unknown", name=shown(name), hint=hint)
            row.error(row.index("setting"), message)
            continue
        if key in rows:
            message = i18n.t("reader.setting_again", setting=label(key), first=rows[key][0].number)
            row.error(row.index("setting"), message)
            continue
        index = row.index("value")
        rows[key] = (row, index)
        reading.setting_cells[key] = (row, index)
        value = row.value_at(index, _setting_kind(fields[key]))
        if isinstance(value, str) and (words := _words(fields[key])):
            value = _word(row, index, key, value, words)
        if value is not None:
            values[key] = value
    try:
        reading.settings = Settings(**values)
    except ValidationError as invalid:
        for error in invalid.errors():
            key = str(error["loc"][0])
            row, index = rows[key]
            message = i18n.t(
                "reader.setting_invalid",
                setting=label(key),
                problem=describe_validation_error(error),
            )
            row.error(index, message)


def _words(setting: FieldInfo) -> tuple[str, ...]:
    """The words a setting of a fixed set of words (``RepeatPolicy``) takes; () for others."""
    kind = setting.annotation
    if isinstance(kind, type) and issubclass(kind, Enum):
        return tuple(str(member.value) for member in kind)
    return ()


def _word(row: Row, index: int, key: str, text: str, words: tuple[str, ...]) -> str | None:
    """One of ``words``, whatever its case; reported at the value cell when none."""
    word = schema.normalise(text)
    if word in words:
        return word
    found = i18n.canonical(text, among=words)
    if found is not None:
        return found
    message = i18n.t(
        "reader.setting_word", setting=label(key), text=shown(text), words=labels(words)
    )
    row.error(index, message)
    return None


def _setting_kind(setting: FieldInfo) -> schema.Kind:
    """How a Settings field's cell is read, from its type (``float | None`` -> number).

    A number bounded by 1 is a share, so "80%" is accepted as for min_on_site.
    """
    types = set(typing.get_args(setting.annotation)) - {type(None)} or {setting.annotation}
    if bool in types:
        return schema.Kind.YES_NO
    if int in types:
        return schema.Kind.INT
    if float in types:
        is_share = any(getattr(bound, "le", None) == 1 for bound in setting.metadata)
        return schema.Kind.FRACTION if is_share else schema.Kind.NUMBER
    return schema.Kind.TEXT


def limit_default_capacity(reading: Reading) -> None:
    """``default_host_capacity`` reduced to the headcount, as a department's own is."""
    place = reading.setting_cells.get("default_host_capacity")
    capacity = reading.settings.default_host_capacity
    if place is None:
        return
    row, index = place
    limited = reading.at_most_headcount(row, index, "default_host_capacity", capacity)
    if limited != capacity:
        reading.settings = reading.settings.model_copy(update={"default_host_capacity": limited})
