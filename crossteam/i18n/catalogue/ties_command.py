"""The words of the ties_command area (see the package's docstring)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

MESSAGES: Final[dict[str, Text]] = {
    "ties_command.not_an_address": Text(
        "{address!r} is not an e-mail address (it has no @); it is left out",
        "「{address}」はメールアドレスではありません（@ がありません）。この値は使いません",
    ),
    "ties_command.address_used": Text(
        "the address {address!r} is already given to the employee on row {first}; "
        "an address names one person",
        "アドレス「{address}」は{first}行目の社員にすでに使われています。"
        "1つのアドレスは1人の社員にだけ指定してください",
    ),
    "ties_command.person_id_used": Text(
        "person id {id} is already given to the employee on row {first}",
        "個人ID「{id}」は{first}行目の社員にすでに使われています",
    ),
}

NOUNS: Final[dict[str, Noun]] = {}

NAMES: Final[dict[str, str]] = {
    "email": "メールアドレス",
    "person_id": "個人ID",
}
